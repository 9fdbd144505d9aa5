package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/ingest"
	"github.com/parleygraph/parley/loaders/source"
)

func newExtractCmd(opt *options) *cobra.Command {
	var mentions, matches bool
	var budget time.Duration
	cmd := &cobra.Command{
		Use:   "extract FILE...",
		Short: "Show what parley reads out of articles, fact by fact, without a store",
		Long: `Extract runs the extractor on each file and prints the negotiations, the facts with
the rule and the words that fired it, and the places named. With --mentions it also lists
every name it recognised and how. Nothing is written.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			x, err := opt.extractor()
			if err != nil {
				return err
			}
			files, err := source.Walk(args)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			failed := 0
			for _, f := range files {
				items, err := source.Read(cmd.Context(), f, source.Options{})
				if err != nil {
					fmt.Fprintf(cmd.ErrOrStderr(), "parley: extract %v\n", err)
					continue
				}
				for _, it := range items {
					if it.Err != nil {
						fmt.Fprintf(cmd.ErrOrStderr(), "parley: extract %v\n", it.Err)
						continue
					}
					ctx, cancel := context.WithTimeout(cmd.Context(), budget)
					r, err := x.ExtractContext(ctx, it.Article.Text())
					cancel()
					if err != nil {
						fmt.Fprintf(cmd.ErrOrStderr(), "parley: extract %s: extraction timed out after %s: skipped (raise --extract-budget)\n", it.Name, budget)
						failed++
						continue
					}
					printExtraction(out, it.Name, r, mentions, matches)
				}
			}
			if failed > 0 {
				return errQuiet{fmt.Sprintf("%d failed", failed)}
			}
			return nil
		},
	}
	cmd.Flags().DurationVar(&budget, "extract-budget", ingest.DefaultBudget, "longest one article's extraction may take")
	cmd.Flags().BoolVar(&mentions, "mentions", false, "also list every recognised name")
	cmd.Flags().BoolVar(&matches, "matches", false, "also list every rule match, kept or not")
	return cmd
}

func printExtraction(out io.Writer, name string, r *extract.Result, mentions, matches bool) {
	fmt.Fprintf(out, "== %s (%s)\n", name, r.Lang)
	for _, n := range r.Negotiations {
		main := ""
		if n.Main {
			main = " (main)"
		}
		fmt.Fprintf(out, "negotiation %s%s weight %d\n", orNone(n.Name()), main, n.Weight)
	}
	for _, f := range r.Facts {
		var what string
		switch f.Relation {
		case extract.RelMediator:
			what = fmt.Sprintf("%s mediates %s", f.Object.Name, orNone(f.Negotiation.Name()))
		case extract.RelIssue:
			what = fmt.Sprintf("issue %q in %s", f.Value, orNone(f.Negotiation.Name()))
		case extract.RelVenue:
			what = fmt.Sprintf("talks at %s (%s)", f.Object.Name, orNone(f.Negotiation.Name()))
		case extract.RelParticipant, extract.RelLedBy:
			what = fmt.Sprintf("%s %s talks at %s", f.Object.Name, f.Relation, f.Venue.Name)
		case extract.RelRole:
			what = fmt.Sprintf("%s role %q", f.Subject.Name, f.Value)
		case extract.RelAffiliation:
			what = fmt.Sprintf("%s affiliation %s", f.Subject.Name, f.Object.Name)
		case extract.RelContributor:
			what = fmt.Sprintf("%s contributor", f.Object.Name)
		}
		fmt.Fprintf(out, "  %-55s [s%d %s] %q\n", what, f.Evidence.Sentence, f.Evidence.Rule, f.Evidence.Trigger)
	}
	fmt.Fprint(out, "locations:")
	for _, l := range r.Locations {
		fmt.Fprintf(out, " %s;", l.Name)
	}
	fmt.Fprintln(out)
	if matches {
		for _, m := range r.Matches() {
			fmt.Fprintf(out, "  match %-22s s%-3d %v %q\n", m.Rule, m.Evidence.Sentence, m.Slots, m.Evidence.Trigger)
		}
	}
	if mentions {
		for _, m := range r.Mentions {
			fmt.Fprintf(out, "  mention %-8s %-30s [s%d %s] %q\n", m.Entity.Kind, m.Entity.Name, m.Evidence.Sentence, m.Evidence.Rule, m.Evidence.Trigger)
		}
	}
}

func orNone(s string) string {
	if s == "" {
		return "(parties not named)"
	}
	return s
}
