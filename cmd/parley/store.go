package main

import (
	"github.com/parleygraph/parley/graph"
	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/lexicon"
)

// openStore opens the store the global flags name; write opens it for loading.
func (o *options) openStore(write bool) (*graph.Store, error) {
	return graph.Open(graph.Options{Backend: o.backend, Path: o.db, Create: write, ReadOnly: !write})
}

// extractor loads the lexicon and rules, with the --lexicon directories.
func (o *options) extractor() (*extract.Extractor, error) {
	lx, err := lexicon.Load(o.lexicon...)
	if err != nil {
		return nil, err
	}
	return extract.New(lx, o.lexicon...)
}
