package graph_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/parleygraph/parley/graph"
	"github.com/parleygraph/parley/graph/pgtest"
	"github.com/parleygraph/parley/loaders"
	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/source"
)

// openFresh opens an empty store of the backend (a fresh PostgreSQL database for
// graph.Postgres), closed when the test ends.
func openFresh(tb testing.TB, backend string) *graph.Store {
	tb.Helper()
	opt := graph.Options{Backend: backend, Path: filepath.Join(tb.TempDir(), "p.db"), Create: true}
	if backend == graph.Postgres {
		opt.Path = pgtest.Fresh(tb)
	}
	s, err := graph.Open(opt)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// newReader is the built-in lexicon's article reader, at a fixed load time.
func newReader(tb testing.TB) *loaders.Reader {
	tb.Helper()
	x, err := extract.Builtin()
	if err != nil {
		tb.Fatal(err)
	}
	return &loaders.Reader{Extractor: x, Now: func() time.Time { return time.Unix(1.7e9, 0) }}
}

// readDoc reads a plain-text article as if loaded from src.
func readDoc(tb testing.TB, r *loaders.Reader, src, text string) graph.Doc {
	tb.Helper()
	a, err := source.Parse([]byte(text), "text")
	if err != nil {
		tb.Fatal(err)
	}
	a.Source = src
	iri, qs := r.Article(a)
	return graph.Doc{IRI: iri, Quads: qs}
}
