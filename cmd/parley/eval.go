package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/parleygraph/parley/eval"
	"github.com/parleygraph/parley/loaders/ingest"
)

func newEvalCmd(opt *options) *cobra.Command {
	var (
		articles string
		verbose  bool
		only     []string
	)
	cmd := &cobra.Command{
		Use:   "eval GOLD_DIR",
		Short: "Score extraction against gold files: precision, recall and F1 per category",
		Long: `Eval loads each article a gold file names (from --articles, by default the
"articles" directory beside GOLD_DIR) into its own in-memory graph, runs the saved
queries mediators, talks, people, locations and issues, and compares their rows with
the gold. Scores are micro-averaged over articles.

GOLD_DIR holds the project's JSON gold files (testdata/README.md), or YAML gold files:
a set such as ../shared/devset (gold/*.yaml beside articles/*.txt), or its gold
directory. YAML sets are scored as their reference scorer, score.py, scores them:
categories mediation, venue, participant, person, affiliation, location, place, issue.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			x, err := opt.extractor()
			if err != nil {
				return err
			}
			c := eval.Config{GoldDir: args[0], ArticlesDir: articles,
				Reader: &ingest.Reader{Extractor: x}, Lexicon: x.Lexicon(), Only: only}
			if dir, ok := eval.YAMLGoldDir(args[0]); ok {
				c.GoldDir = dir
				return runDevEval(cmd, c, verbose)
			}
			return runEval(cmd, c, verbose)
		},
	}
	cmd.Flags().StringVar(&articles, "articles", "", "directory of the articles the gold files name")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every missing and wrong answer")
	cmd.Flags().StringSliceVar(&only, "only", nil, "score only these gold files (base names without extension, comma-separated)")
	return cmd
}

// runEval scores the project's JSON gold files.
func runEval(cmd *cobra.Command, c eval.Config, verbose bool) error {
	rep, err := eval.Run(cmd.Context(), c)
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	if verbose {
		for _, a := range rep.Articles {
			if len(a.Misses) == 0 {
				continue
			}
			fmt.Fprintf(out, "%s\n", a.Article)
			for _, m := range a.Misses {
				fmt.Fprintf(out, "  %-12s %-7s %s\n", m.Category, m.Kind, m.Value)
			}
		}
		fmt.Fprintln(out)
	}
	rows := make([]scoreRow, len(eval.Categories))
	for i, cat := range eval.Categories {
		s := rep.Scores[cat]
		rows[i] = scoreRow{cat, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN}
	}
	if err := printScores(out, rows); err != nil {
		return err
	}
	fmt.Fprintf(out, "%d articles\n", len(rep.Articles))
	return nil
}

// runDevEval scores a YAML gold set (such as ../shared/devset). Articles that failed
// to load or query are still scored, as score.py does, and make the exit status 1.
func runDevEval(cmd *cobra.Command, c eval.Config, verbose bool) error {
	rep, err := eval.RunDevset(cmd.Context(), c)
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	if verbose {
		printDevMisses(out, rep)
	}
	rows := make([]scoreRow, len(eval.DevCategories))
	for i, cat := range eval.DevCategories {
		n := rep.Counts[cat]
		rows[i] = scoreRow{cat, n.Precision(), n.Recall(), n.F1(), n.TP, n.FPs(), n.FNs()}
	}
	if err := printScores(out, rows); err != nil {
		return err
	}
	fmt.Fprintf(out, "%d articles\n", len(rep.Articles))
	if failed := rep.Failed(); failed > 0 {
		for _, a := range rep.Articles {
			for _, e := range a.Errors {
				fmt.Fprintf(cmd.ErrOrStderr(), "parley: eval %s: %s\n", a.ID, e)
			}
		}
		return errQuiet{fmt.Sprintf("%d articles with errors", failed)}
	}
	return nil
}

// printDevMisses lists, per article, each category's counts and its false
// positives ("wrong") and false negatives ("missing"), like score.py -v.
func printDevMisses(out io.Writer, rep *eval.DevReport) {
	for _, a := range rep.Articles {
		fmt.Fprintf(out, "== %s\n", a.ID)
		for _, e := range a.Errors {
			fmt.Fprintf(out, "  ERROR %s\n", e)
		}
		for _, cat := range eval.DevCategories {
			n := a.Counts[cat]
			if len(n.FP) == 0 && len(n.FN) == 0 {
				continue
			}
			fmt.Fprintf(out, "  %s: tp=%d pred=%d gold=%d\n", cat, n.TP, n.Pred, n.Gold)
			for _, v := range n.FP {
				fmt.Fprintf(out, "    wrong    %s\n", v)
			}
			for _, v := range n.FN {
				fmt.Fprintf(out, "    missing  %s\n", v)
			}
		}
	}
	fmt.Fprintln(out)
}

// scoreRow is one line of the score table.
type scoreRow struct {
	category   string
	p, r, f1   float64
	tp, fp, fn int
}

// printScores prints the per-category score table.
func printScores(out io.Writer, rows []scoreRow) error {
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "category\tprecision\trecall\tF1\ttp\tfp\tfn\t\n")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t\n", r.category, r.p, r.r, r.f1, r.tp, r.fp, r.fn)
	}
	return tw.Flush()
}
