package main

import (
	"bufio"
	"fmt"

	"github.com/cayleygraph/quad/nquads"
	"github.com/spf13/cobra"
)

func newExportCmd(opt *options) *cobra.Command {
	return &cobra.Command{
		Use:   "export",
		Short: "Write the whole graph as N-Quads (labels included) to stdout",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			store, err := opt.openStore(false)
			if err != nil {
				return err
			}
			defer store.Close()
			w := bufio.NewWriter(cmd.OutOrStdout())
			qw := nquads.NewWriter(w)
			n, err := store.Export(cmd.Context(), qw)
			if err != nil {
				return fmt.Errorf("export after %d quads: %w", n, err)
			}
			if err := qw.Close(); err != nil {
				return err
			}
			return w.Flush()
		},
	}
}
