// Package memory is a backend that keeps the graph in this process only (Cayley's
// memstore): for evaluations and tests that need no file.
package memory

import (
	"context"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"

	"github.com/parleygraph/parley/store"
)

// Name is the backend's registered name.
const Name = "memory"

func init() {
	store.Register(store.Registration{
		Name:      Name,
		Open:      Open,
		OneReader: true, // memstore takes no locks and writes as it reads
		Describe:  func(string) string { return "memory store" },
	})
}

// Open returns a new, empty store; opt names nothing to reopen.
func Open(store.Options) (store.Backend, error) {
	return &backend{qs: memstore.New()}, nil
}

type backend struct{ qs *memstore.QuadStore }

func (b *backend) QuadStore() graph.QuadStore { return b.qs }

// Write applies the change in two calls; the memory store has no transactions
// (store.Hold keeps readers from seeing between them), and nothing to lose in a
// crash.
func (b *backend) Write(_ context.Context, c store.Change) error {
	return store.ApplyInTwo(b.qs, c.Adds, c.Dels)
}

func (b *backend) Size(ctx context.Context) (int64, error) {
	st, err := b.qs.Stats(ctx, false)
	if err != nil {
		return 0, err
	}
	return st.Quads.Value, nil
}

func (b *backend) Close() error { return b.qs.Close() }
