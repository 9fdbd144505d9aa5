package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/parleygraph/parley/graph"
	"github.com/parleygraph/parley/loaders"
	"github.com/parleygraph/parley/loaders/source"
)

func newLoadCmd(opt *options) *cobra.Command {
	var (
		maxSize int64
		workers int
		asJSON  bool
	)
	cmd := &cobra.Command{
		Use:   "load PATH...",
		Short: "Load articles (files or directories, recursively) into the store",
		Long: `Load reads each article (plain text or Markdown; first line or heading = headline),
extracts its facts and writes them to the store, one article per transaction. An article
whose content has not changed is skipped; a changed one replaces its own facts. One bad
file does not stop the others; the exit status is 1 if any failed.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			files, err := source.Walk(args)
			if err != nil {
				return err
			}
			x, err := opt.extractor()
			if err != nil {
				return err
			}
			store, err := opt.openStore(true)
			if err != nil {
				return err
			}
			defer store.Close()
			before, err := store.Size(cmd.Context())
			if err != nil {
				return err
			}
			reader := &loaders.FileReader{Extractor: x, MaxSize: maxSize}
			stderr := cmd.ErrOrStderr()
			sum := store.Load(cmd.Context(), files, reader, workers, func(ev graph.Event) {
				if ev.Outcome == graph.Failed {
					fmt.Fprintf(stderr, "parley: load %v\n", ev.Err)
				}
			})
			after, err := store.Size(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				if err := enc.Encode(map[string]int64{"loaded": int64(sum.Loaded), "unchanged": int64(sum.Unchanged),
					"failed": int64(sum.Failed), "quads_before": before, "quads_after": after}); err != nil {
					return err
				}
			} else {
				fmt.Fprintf(cmd.OutOrStdout(), "%d loaded, %d unchanged, %d failed; quads %+d, %d in %s\n",
					sum.Loaded, sum.Unchanged, sum.Failed, after-before, after, storeName(opt))
			}
			if sum.Failed > 0 {
				return errQuiet{fmt.Sprintf("%d failed", sum.Failed)}
			}
			return nil
		},
	}
	cmd.Flags().Int64Var(&maxSize, "max-size", source.DefaultMaxSize, "largest article file to read, in bytes")
	cmd.Flags().IntVar(&workers, "workers", 0, "articles extracted at once (default: one per CPU)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as JSON")
	return cmd
}

func storeName(opt *options) string {
	if opt.backend == graph.Memory {
		return "memory store"
	}
	return opt.db
}
