package store_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/ingest"
	"github.com/parleygraph/parley/loaders/source"
	"github.com/parleygraph/parley/store"
	"github.com/parleygraph/parley/store/pgtest"
	"github.com/parleygraph/parley/store/postgres"
)

// openFresh opens an empty store of the backend (a fresh PostgreSQL database for
// postgres.Name), closed when the test ends.
func openFresh(tb testing.TB, backend string) *store.Store {
	tb.Helper()
	opt := store.Options{Backend: backend, Path: filepath.Join(tb.TempDir(), "p.db"), Create: true}
	if backend == postgres.Name {
		opt.Path = pgtest.Fresh(tb)
	}
	s, err := store.Open(opt)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// newReader is the built-in lexicon's article reader, at a fixed load time.
func newReader(tb testing.TB) *ingest.Reader {
	tb.Helper()
	x, err := extract.Builtin()
	if err != nil {
		tb.Fatal(err)
	}
	return &ingest.Reader{Extractor: x, Now: func() time.Time { return time.Unix(1.7e9, 0) }}
}

// readDoc reads a plain-text article as if loaded from src.
func readDoc(tb testing.TB, r *ingest.Reader, src, text string) store.Doc {
	tb.Helper()
	a, err := source.Parse([]byte(text), "text")
	if err != nil {
		tb.Fatal(err)
	}
	a.Source = src
	iri, qs := r.Article(a)
	return store.Doc{IRI: iri, Quads: qs}
}
