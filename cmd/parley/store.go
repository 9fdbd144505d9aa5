package main

import (
	"strings"

	"github.com/parleygraph/parley/graph"
	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/lexicon"
)

// openStore opens the store the global flags name; write opens it for loading.
func (o *options) openStore(write bool) (*graph.Store, error) {
	return graph.Open(graph.Options{Backend: o.storeBackend(), Path: o.db, Create: write, ReadOnly: !write})
}

// storeBackend is --backend, or without it the backend --db names: PostgreSQL
// for a postgres:// URL (so $PARLEY_DB alone can point at a database), else bolt.
func (o *options) storeBackend() string {
	if o.backend != "" {
		return o.backend
	}
	return backendOf(o.db)
}

func backendOf(db string) string {
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		return graph.Postgres
	}
	return graph.Bolt
}

// storeName names the store in messages (never with a password).
func storeName(opt *options) string {
	switch opt.storeBackend() {
	case graph.Memory:
		return "memory store"
	case graph.Postgres:
		return graph.RedactDSN(opt.db)
	}
	return opt.db
}

// extractor loads the lexicon and rules, with the --lexicon directories.
func (o *options) extractor() (*extract.Extractor, error) {
	lx, err := lexicon.Load(o.lexicon...)
	if err != nil {
		return nil, err
	}
	return extract.New(lx, o.lexicon...)
}
