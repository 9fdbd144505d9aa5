package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/parleygraph/parley/queries"
	"github.com/parleygraph/parley/server"
	"github.com/parleygraph/parley/store"
)

func newServeCmd(opt *options) *cobra.Command {
	var (
		addr        string
		timeout     time.Duration
		limit       int
		allowWrites bool
		reloadEvery time.Duration
		sources     []string
		lf          loadFlags
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the Cayley web UI, Cayley's query API and parley's API on one port",
		Long: `Serve answers on --addr (loopback by default):
  /                       the Cayley web UI (query, visualize), offline
  /api/v2/query?lang=…    Cayley queries (gizmo, graphql, mql); /api/v1/query/:lang too
  /api/v2/read, /formats  Cayley's read API (write and delete only with --allow-writes)
  /api/queries[/name]     parley's saved queries (?param=value)
  /api/articles           articles loaded
  /api/why?node=…         facts about a node with their evidence
  /health
Each query runs in a fresh session, bounded by --timeout and --limit.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if (reloadEvery > 0) != (len(sources) > 0) {
				return fmt.Errorf("give --reload-every and --source together")
			}
			reload := reloadEvery > 0
			// serve holds a bolt store as its one writer, so that commands run
			// elsewhere (load, query) run in it (see holder.go); Cayley's own write
			// endpoints stay off unless --allow-writes.
			st, err := opt.open(allowWrites || reload || opt.storeIsLocal(), allowWrites || reload)
			if err != nil {
				return err
			}
			defer st.Close()
			logger := log.New(cmd.ErrOrStderr(), "parley serve: ", log.LstdFlags)
			h, err := server.Handler(server.Config{Store: st, Queries: queries.Catalog{}, Timeout: timeout,
				RowLimit: limit, AllowWrites: allowWrites, Log: logger})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("listen on %s: %w", addr, err)
			}
			srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			release, err := opt.holdStore(ctx, st, "serve", true)
			if err != nil {
				logger.Print("warning: ", err) // serving goes on
			}
			defer release()
			mode := "read-only"
			if allowWrites {
				mode = "notes may be written"
			}
			if reload {
				mode = fmt.Sprintf("reloading --source every %s; the HTTP API is %s", reloadEvery, mode)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "parley serving %s (%s) on http://%s/\n", storeName(opt), mode, ln.Addr())
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			if reload {
				x, err := opt.extractor()
				if err != nil {
					return err
				}
				go reloadLoop(ctx, st, x, sources, reloadEvery, lf, cmd.OutOrStdout(), cmd.ErrOrStderr(), storeName(opt))
			}
			select {
			case err := <-errc:
				return err
			case <-ctx.Done():
			}
			logger.Print("shutting down")
			shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := srv.Shutdown(shutdown); err != nil {
				return err
			}
			if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:64210", "address to listen on")
	cmd.Flags().DurationVar(&timeout, "timeout", store.DefaultTimeout, "longest a query may run")
	cmd.Flags().IntVar(&limit, "limit", server.DefaultRowLimit, "most rows a query may return")
	cmd.Flags().BoolVar(&allowWrites, "allow-writes", false, "enable Cayley's write and delete endpoints")
	cmd.Flags().DurationVar(&reloadEvery, "reload-every", 0, "reload --source on this period while serving")
	cmd.Flags().StringArrayVar(&sources, "source", nil, "a source to reload (file, directory or URL; repeatable)")
	cmd.Flags().BoolVar(&lf.prune, "prune", false, "on reload, remove articles whose file disappeared")
	cmd.Flags().Int64Var(&lf.maxSize, "max-size", 0, "on reload, largest file or response to read, in bytes")
	cmd.Flags().DurationVar(&lf.fetchTimeout, "fetch-timeout", 0, "on reload, longest to wait for a URL")
	cmd.Flags().DurationVar(&lf.budget, "extract-budget", 0, "on reload, longest one article's extraction may take (default 30s)")
	return cmd
}
