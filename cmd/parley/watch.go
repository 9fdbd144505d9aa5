package main

import (
	"context"
	"fmt"
	"io"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/ingest"
	"github.com/parleygraph/parley/store"
)

func newWatchCmd(opt *options) *cobra.Command {
	var (
		f     loadFlags
		every time.Duration
	)
	cmd := &cobra.Command{
		Use:   "watch SOURCE... --every 15m",
		Short: "Load sources now and again on a timer (like load, repeated)",
		Long: `Watch loads the sources at once and then every --every, until interrupted. Each
run is a load: unchanged articles are skipped, changed ones replace their facts, and
with --prune articles whose file is gone are removed. The store stays open for writing
while watch runs (bolt has one writer): to serve and reload together, use
parley serve --reload-every 15m --source ….`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if every < time.Second {
				return fmt.Errorf("--every %v: give a period of a second or more", every)
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			x, st, release, err := opt.openWriter(ctx, "watch", true)
			if err != nil {
				return err
			}
			defer release()
			reloadLoop(ctx, st, x, args, every, f, cmd.OutOrStdout(), cmd.ErrOrStderr(), storeName(opt))
			return nil
		},
	}
	f.register(cmd)
	cmd.Flags().DurationVar(&every, "every", 15*time.Minute, "time between loads")
	return cmd
}

// reloadLoop loads sources at once and then every period until ctx ends (see
// ingest.Reloader.Schedule), printing each run as load does after the time it began.
func reloadLoop(ctx context.Context, st *store.Store, x *extract.Extractor, sources []string, every time.Duration, f loadFlags, stdout, stderr io.Writer, name string) {
	p := &loadPrinter{f: f, stdout: stdout, stderr: stderr, name: name}
	h := p.hooks()
	h.Begin = func() { fmt.Fprintf(stdout, "%s reload: ", time.Now().UTC().Format(time.RFC3339)) }
	err := reloader(st, x, f).Schedule(ctx, sources, every, h, func(res ingest.Result, err error) {
		if err := p.report(res, err); err != nil {
			fmt.Fprintf(stderr, "parley: reload: %v\n", err)
		}
	})
	if err != nil {
		fmt.Fprintf(stderr, "parley: reload: %v\n", err)
	}
}
