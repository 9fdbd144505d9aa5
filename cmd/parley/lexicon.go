package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/lexicon"
)

func newLexiconCmd(opt *options) *cobra.Command {
	cmd := &cobra.Command{Use: "lexicon", Short: "Inspect the lexicon and rules"}
	var strict bool
	check := &cobra.Command{
		Use:   "check",
		Short: "Validate the lexicon, rules and word lists; report duplicates and conflicts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lx, err := lexicon.Load(opt.lexicon...)
			if err != nil {
				return err
			}
			x, err := extract.New(lx, opt.lexicon...)
			if err != nil {
				return err
			}
			errs, warns := 0, 0
			out := cmd.OutOrStdout()
			for _, p := range lx.Check() {
				fmt.Fprintln(out, p)
				if p.Severity == "error" {
					errs++
				} else {
					warns++
				}
			}
			fmt.Fprintf(out, "%d entries from %d files, %d rules: %d errors, %d warnings\n",
				len(lx.Entries()), len(lx.Files()), len(x.Rules()), errs, warns)
			if errs > 0 || strict && warns > 0 {
				return errQuiet{"lexicon check failed"}
			}
			return nil
		},
	}
	check.Flags().BoolVar(&strict, "strict", false, "fail on warnings too")
	cmd.AddCommand(check)
	return cmd
}
