package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/synth"
)

func newSynthCmd(opt *options) *cobra.Command {
	var (
		n    int
		out  string
		seed uint64
	)
	cmd := &cobra.Command{
		Use:   "synth --n N --out DIR",
		Short: "Write N synthetic Arabic and English articles (for benchmarks and load tests)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" || n <= 0 {
				return fmt.Errorf("give --n and --out")
			}
			lx, err := lexicon.Load(opt.lexicon...)
			if err != nil {
				return err
			}
			g, err := synth.New(lx)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			for _, a := range g.Generate(n, seed) {
				if err := os.WriteFile(filepath.Join(out, a.Name), []byte(a.Text), 0o644); err != nil {
					return err
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%d articles in %s\n", n, out)
			return nil
		},
	}
	cmd.Flags().IntVar(&n, "n", 1000, "number of articles")
	cmd.Flags().StringVar(&out, "out", "", "directory to write them to")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "random seed (the same seed writes the same articles)")
	return cmd
}
