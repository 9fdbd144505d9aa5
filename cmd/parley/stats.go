package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

func newStatsCmd(opt *options) *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "Count articles, entities per class and quads",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := opt.openStore(false)
			if err != nil {
				return err
			}
			defer st.Close()
			counts, err := st.Count(cmd.Context())
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', tabwriter.AlignRight)
			copies, err := st.Copies(cmd.Context())
			if err != nil {
				return err
			}
			fmt.Fprintf(tw, "articles\t%d\t\n", counts.Articles)
			fmt.Fprintf(tw, "copies\t%d\t  of the articles, syndicated copies of another: counted once\n", copies)
			for _, c := range []string{"countries", "organizations", "people", "places", "negotiations", "talks", "issues", "statements"} {
				fmt.Fprintf(tw, "%s\t%d\t\n", c, counts.Classes[c])
			}
			fmt.Fprintf(tw, "quads\t%d\t\n", counts.Quads)
			x, err := opt.extractor()
			if err != nil {
				return err
			}
			stale, err := st.StaleArticles(cmd.Context(), x.Digest())
			if err != nil {
				return err
			}
			fmt.Fprintf(tw, "stale\t%d\t  articles read by another lexicon, rules or parley (parley reextract)\n", len(stale))
			return tw.Flush()
		},
	}
}
