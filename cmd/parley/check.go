package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newCheckCmd(opt *options) *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Verify the store: every shared quad is supported by an article, every statement has its edge",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := opt.openStore(false)
			if err != nil {
				return err
			}
			defer st.Close()
			problems, err := st.Verify(cmd.Context())
			if err != nil {
				return err
			}
			for _, p := range problems {
				fmt.Fprintln(cmd.OutOrStdout(), p)
			}
			if len(problems) > 0 {
				return errQuiet{fmt.Sprintf("%d problems", len(problems))}
			}
			fmt.Fprintln(cmd.OutOrStdout(), "ok")
			return nil
		},
	}
}
