package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"
)

func newReextractCmd(opt *options) *cobra.Command {
	var f loadFlags
	cmd := &cobra.Command{
		Use:   "reextract",
		Short: "Read again the articles an older lexicon, rule set or parley extracted",
		Long: `Every article records the digest of the extractor that read it (its code
version, lexicon, rules and word lists). After a lexicon edit or an upgrade, reextract
reads the sources of the articles stored under another digest again and replaces
their facts, each article atomically, as load does (load also re-extracts them when
it meets them). Sources that are gone are reported; their articles stay as they are
(parley load --prune removes them).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			x, st, release, err := opt.openWriter(cmd.Context(), "reextract", false)
			if err != nil {
				return err
			}
			defer release()
			stale, err := st.StaleArticles(cmd.Context(), x.Digest())
			if err != nil {
				return err
			}
			if len(stale) == 0 {
				fmt.Fprintln(cmd.OutOrStdout(), "0 stale articles: every article was read by this extractor")
				return nil
			}
			// A feed's or a file's items are read with the whole feed or file.
			seen := map[string]bool{}
			var sources []string
			for _, a := range stale {
				src, _, _ := strings.Cut(a.Source, "#")
				if !seen[src] {
					seen[src] = true
					sources = append(sources, src)
				}
			}
			sort.Strings(sources)
			return loadReported(cmd, opt, st, x, sources, f)
		},
	}
	f.register(cmd)
	return cmd
}
