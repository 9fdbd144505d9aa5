package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/parleygraph/parley/loaders"
	"github.com/parleygraph/parley/queries/eval"
)

func newEvalCmd(opt *options) *cobra.Command {
	var (
		articles string
		verbose  bool
	)
	cmd := &cobra.Command{
		Use:   "eval GOLD_DIR",
		Short: "Score extraction against gold files: precision, recall and F1 per category",
		Long: `Eval loads each article a gold file names (from --articles, by default the
"articles" directory beside GOLD_DIR) into its own in-memory graph, runs the saved
queries mediators, talks, people, locations and issues, and compares their rows with
the gold. Scores are micro-averaged over articles.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			x, err := opt.extractor()
			if err != nil {
				return err
			}
			rep, err := eval.Run(cmd.Context(), eval.Config{GoldDir: args[0], ArticlesDir: articles,
				Reader: &loaders.Reader{Extractor: x}, Lexicon: x.Lexicon()})
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
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintf(tw, "category\tprecision\trecall\tF1\ttp\tfp\tfn\t\n")
			for _, c := range eval.Categories {
				s := rep.Scores[c]
				fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t\n", c, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			fmt.Fprintf(out, "%d articles\n", len(rep.Articles))
			return nil
		},
	}
	cmd.Flags().StringVar(&articles, "articles", "", "directory of the articles the gold files name")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every missing and wrong answer")
	return cmd
}
