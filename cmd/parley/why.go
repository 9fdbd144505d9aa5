package main

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/parleygraph/parley/queries"
	"github.com/parleygraph/parley/store"
)

func newWhyCmd(opt *options) *cobra.Command {
	var evidence string
	cmd := &cobra.Command{
		Use:   "why SUBJECT",
		Short: "Show every fact about one node with its article, evidence sentence and rule",
		Long: `Why finds the node named SUBJECT (a display name, a name in any language or
spelling, or an IRI in <...>) and prints each fact about it with the article it came
from, the sentence, and the rule or lexicon entry that produced it: by default the
first three pieces of evidence per fact and how many articles support it, with
--evidence N or --evidence all for more.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := opt.openStore(false)
			if err != nil {
				return err
			}
			defer st.Close()
			q, err := queries.Get("actor")
			if err != nil {
				return err
			}
			rows, err := queries.Run(cmd.Context(), st, q, map[string]string{"name": args[0], "evidence": evidence}, store.QueryOptions{})
			if err != nil {
				return err
			}
			if len(rows) == 0 {
				return fmt.Errorf("%w %q", queries.ErrNoNode, args[0])
			}
			out := cmd.OutOrStdout()
			// Each fact's header, then its evidence; a fact with evidence from
			// fewer articles than support it says so.
			var fact, supported string
			shown := map[string]bool{}
			more := func() {
				if n, _ := strconv.Atoi(supported); len(shown) > 0 && len(shown) < n {
					fmt.Fprintf(out, "  … evidence from %d of %s articles shown (--evidence all for every one)\n", len(shown), supported)
				}
			}
			for _, r := range rows {
				m, _ := r.(map[string]any)
				if f := cell(m["fact"]); f != fact {
					more()
					fact, supported, shown = f, cell(m["articles"]), map[string]bool{}
					fmt.Fprintf(out, "\n%s  (%s %s)\n", fact, supported, plural(supported, "article", "articles"))
				}
				if cell(m["sentence"]) == "" {
					continue
				}
				shown[cell(m["article"])] = true
				date := cell(m["date"])
				if cell(m["dated"]) == "loaded" {
					date += ", loaded; no published date"
				}
				fmt.Fprintf(out, "  article:  %s (%s)\n  sentence: %s\n  rule:     %s\n", cell(m["article"]), date, cell(m["sentence"]), cell(m["rule"]))
			}
			more()
			return nil
		},
	}
	cmd.Flags().StringVar(&evidence, "evidence", "3", `evidence shown per fact: a number or "all"`)
	return cmd
}

func plural(n, one, many string) string {
	if n == "1" {
		return one
	}
	return many
}
