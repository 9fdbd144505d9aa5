package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/parleygraph/parley/store"
)

func newMigrateCmd() *cobra.Command {
	var from, to string
	var force bool
	var batch int
	cmd := &cobra.Command{
		Use:   "migrate --from STORE --to STORE",
		Short: "Copy every quad from one store to another (bolt ⇄ PostgreSQL) and verify the copy",
		Long: `Migrate copies every quad, labels included, from --from to --to, in batches of
--batch quads, each batch one transaction. A store is bolt:PATH (or a plain path) or
postgres://user@host/dbname. The target is created if missing and must be empty unless
--force, which first removes everything it holds. The source is locked against
writers during the copy. Afterwards the quad counts must match, the quad sets must have
the same digest, and the target must pass ` + "`parley check`" + `.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			src, err := parseStore(from)
			if err != nil {
				return fmt.Errorf("--from: %w", err)
			}
			dst, err := parseStore(to)
			if err != nil {
				return fmt.Errorf("--to: %w", err)
			}
			if src == dst {
				return errors.New("--from and --to name the same store")
			}
			return migrate(cmd.Context(), src, dst, force, batch, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "source store: bolt:PATH or postgres://… (required)")
	cmd.Flags().StringVar(&to, "to", "", "target store: bolt:PATH or postgres://… (required)")
	cmd.Flags().BoolVar(&force, "force", false, "replace the target's quads if it is not empty")
	cmd.Flags().IntVar(&batch, "batch", 5000, "quads per transaction")
	_ = cmd.MarkFlagRequired("from")
	_ = cmd.MarkFlagRequired("to")
	return cmd
}

// storeRef is a store named on the command line.
type storeRef struct{ backend, path string }

func (r storeRef) String() string {
	if d := store.Describe(r.backend, r.path); d != r.path {
		return d
	}
	return r.backend + ":" + r.path
}

// parseStore reads NAME:PATH (a registered backend's name) or a path or URL that
// names its backend itself (store.BackendFor).
func parseStore(s string) (storeRef, error) {
	if s == "" {
		return storeRef{}, errors.New("empty store name")
	}
	backend := store.BackendFor(s)
	if name, path, ok := strings.Cut(s, ":"); ok && !strings.HasPrefix(path, "//") {
		if _, known := store.Lookup(name); known {
			backend, s = name, path
		}
	}
	if r, _ := store.Lookup(backend); r.Claims == nil && strings.Contains(s, "://") {
		return storeRef{}, fmt.Errorf("%s: want NAME:PATH (%s) or a URL a backend takes", store.Describe(store.BackendFor(s), s), strings.Join(store.Names(), ", "))
	}
	if s == "" {
		return storeRef{}, fmt.Errorf("%s: needs a path", backend)
	}
	return storeRef{backend, s}, nil
}

func migrate(ctx context.Context, from, to storeRef, force bool, batch int, out io.Writer) error {
	// The source is opened as a writer (without creating it) so that no one writes
	// to it while it is copied. A hot standby takes no writer (its primary's go
	// on): it is read as a reader, and the hold below keeps the copy and its
	// checks in one snapshot.
	src, err := store.Open(store.Options{Backend: from.backend, Path: from.path})
	if errors.Is(err, store.ErrReadOnly) {
		src, err = store.Open(store.Options{Backend: from.backend, Path: from.path, ReadOnly: true})
	}
	if err != nil {
		return fmt.Errorf("source: %w", err)
	}
	defer src.Close()
	ctx, release := src.Hold(ctx)
	defer release()
	dst, err := store.Open(store.Options{Backend: to.backend, Path: to.path, Create: true})
	if err != nil {
		return fmt.Errorf("target: %w", err)
	}
	defer dst.Close()
	had, err := dst.Size(ctx)
	if err != nil {
		return fmt.Errorf("target %s: %w", to, err)
	}
	if had > 0 {
		if !force {
			return fmt.Errorf("target %s holds %d quads: use --force to replace them", to, had)
		}
		if err := dst.Clear(ctx); err != nil {
			return fmt.Errorf("empty target %s: %w", to, err)
		}
		fmt.Fprintf(out, "removed %d quads from %s\n", had, to)
	}
	start := time.Now()
	res, err := src.CopyTo(ctx, dst, batch, nil)
	if err != nil {
		return fmt.Errorf("copy %s → %s after %d quads: %w", from, to, res.Quads, err)
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(out, "copied %d quads in %d batches from %s to %s (%.2fs, %.0f quads/s)\n",
		res.Quads, res.Batches, from, to, secs, float64(res.Quads)/max(secs, 1e-9))

	// Verify: counts, the quad sets' digests, and the store's invariant.
	srcN, err := src.Size(ctx)
	if err != nil {
		return fmt.Errorf("count source: %w", err)
	}
	dstN, err := dst.Size(ctx)
	if err != nil {
		return fmt.Errorf("count target: %w", err)
	}
	digest, read, err := dst.Digest(ctx)
	if err != nil {
		return fmt.Errorf("read target back: %w", err)
	}
	switch {
	case srcN != res.Quads || dstN != res.Quads || read != res.Quads:
		return fmt.Errorf("verify: source holds %d quads, %d were copied, target holds %d (%d read back)", srcN, res.Quads, dstN, read)
	case digest != res.Digest:
		return fmt.Errorf("verify: the target's quads differ from the source's (digest %s, source %s)", digest, res.Digest)
	}
	problems, err := dst.Verify(ctx)
	if err != nil {
		return fmt.Errorf("check target: %w", err)
	}
	if len(problems) > 0 {
		for _, p := range problems[:min(len(problems), 10)] {
			fmt.Fprintln(out, p)
		}
		return fmt.Errorf("verify: the target has %d problems", len(problems))
	}
	fmt.Fprintf(out, "verified: %d quads in both, same quad set (digest %s), check ok\n", dstN, digest)
	return nil
}
