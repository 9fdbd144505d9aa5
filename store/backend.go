package store

import (
	"context"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/quad"
)

// Backend is one open quad store as parley's write discipline needs it: the
// Cayley store that queries read, and one way to commit a transaction. Everything
// else a Store does (planning an article's change, support counts, groups,
// copies) is the same on every backend. A backend may also implement the
// optional interfaces below where it can do a step faster than the generic way.
type Backend interface {
	// QuadStore is the Cayley store iterators and Gizmo read.
	QuadStore() graph.QuadStore
	// Write commits one change: on a backend registered as Transactional, all of it
	// or nothing.
	Write(ctx context.Context, c Change) error
	// Size is the exact number of quads.
	Size(ctx context.Context) (int64, error)
	// Close closes the store (and releases any writer lock).
	Close() error
}

// Change is what one transaction writes.
type Change struct {
	Adds, Dels []graph.Delta
	// Dead holds the refs of the stored quads Dels deletes, for backends that
	// clean their indexes of deleted quads.
	Dead []graph.Ref
	// Purge says nodes may have gone: caches of node IDs are to be emptied.
	Purge bool
}

// Optional interfaces a Backend may implement.
type (
	// PairScanner iterates the quads with node in direction d (Subject or Object)
	// and the given predicate through an index of both, which Cayley's optimizer
	// does not pick itself. ok is false when the backend has no such index for d.
	PairScanner interface {
		ScanPair(ctx context.Context, d quad.Direction, node, predicate graph.Ref) (it iterator.Scanner, ok bool)
	}
	// QuadResolver gives the quads of many refs at once (one batched value lookup
	// rather than one read per quad).
	QuadResolver interface {
		ResolveQuads(ctx context.Context, refs []graph.Ref) ([]quad.Quad, error)
	}
	// SupportFinder answers unsupportedElsewhere's question ("does a quad
	// `? support node` have a subject other than article?") in one query.
	SupportFinder interface {
		SupportedElsewhere(ctx context.Context, node, support quad.Value, article quad.IRI) (bool, error)
	}
	// BatchReader reads the quads with any of vals in direction d (Subject, Object
	// or Label) and, if predicate is not nil, that predicate, in one go: what a
	// write otherwise reads a node at a time.
	BatchReader interface {
		QuadsWithAny(ctx context.Context, d quad.Direction, vals []quad.Value, predicate quad.Value) ([]quad.Quad, []graph.Ref, error)
	}
	// Normalizer returns a quad as the backend gives it back once stored (for
	// instance times cut to the second), so plans compare like with like.
	Normalizer interface {
		Stored(q quad.Quad) quad.Quad
	}
	// Truncater empties the store faster than deleting its quads.
	Truncater interface {
		Truncate(ctx context.Context) error
	}
	// Viewer keeps the reads of a Hold in one snapshot of the store, for a
	// backend that other processes write to (a PostgreSQL reader): View starts
	// the holder's view, or joins the one other holders share, and end lets it go.
	Viewer interface {
		View(ctx context.Context) (end func())
	}
	// Checker checks what only the backend can (for Verify): one message per problem.
	Checker interface {
		Check(ctx context.Context) ([]string, error)
	}
)

// ApplyInTwo applies additions, then deletions, in two Cayley ApplyDeltas calls:
// duplicates of stored quads are ignored among the additions and missing quads
// among the deletions. Cayley's kv store needs the two calls (see store/bolt);
// the memory store takes them as they come.
func ApplyInTwo(qs graph.QuadStore, adds, dels []graph.Delta) error {
	if len(adds) > 0 {
		if err := qs.ApplyDeltas(adds, graph.IgnoreOpts{IgnoreDup: true}); err != nil {
			return err
		}
	}
	if len(dels) > 0 {
		if err := qs.ApplyDeltas(dels, graph.IgnoreOpts{IgnoreMissing: true}); err != nil {
			return err
		}
	}
	return nil
}
