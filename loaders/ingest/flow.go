package ingest

import (
	"context"

	"github.com/cayleygraph/quad"
)

// ArticleReader reads sources into articles a store can hold. For each article in
// a source (a file holds one, a JSON Lines file or a feed many) Read calls add with
// the article's name (a path, "path#3", a link), IRI, content hash and build, which
// extracts its quads, or with the reason the article cannot be read. Read itself
// should be cheap (read and hash): build runs only for articles whose content
// changed. The error Read returns is for the source as a whole. Reader implements
// it; the store's load (store.Store.Load) reads through it.
type ArticleReader interface {
	Read(ctx context.Context, source string, add AddFunc) error
	// Digest identifies how the reader extracts: an article stored under another
	// digest is extracted again even when its text is unchanged.
	Digest() string
}

// AddFunc receives one article from an ArticleReader.
type AddFunc = func(name string, iri quad.IRI, hash string, build func() ([]quad.Quad, error), err error)

// Outcome of loading one article.
type Outcome int

const (
	Loaded Outcome = iota
	Unchanged
	Failed
)

func (o Outcome) String() string {
	return [...]string{"loaded", "unchanged", "failed"}[o]
}

// Event reports what happened to one article (or to a source that could not be
// read at all: then IRI is "" and Name is the source).
type Event struct {
	Name    string
	IRI     quad.IRI
	Outcome Outcome
	CopyOf  quad.IRI // the article this one is a syndicated copy of (see store/copies.go); "" for none
	Err     error
	// Added and Deleted count the quads the article's write changed (Loaded only).
	Added, Deleted int
}

// Summary counts a load.
type Summary struct {
	Loaded, Unchanged, Failed int
	Added, Deleted            int // quads
	Seen                      []quad.IRI
}

// ArticleSource is an article and where it was read from.
type ArticleSource struct {
	IRI    quad.IRI
	Source string
}
