package loaders

import (
	"context"
	"fmt"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/source"
)

// Reader reads sources (files, directories expanded by source.Walk, feed and page
// URLs) and extracts their articles' quads. It implements graph.ArticleReader.
type Reader struct {
	Extractor *extract.Extractor
	Options   source.Options
	Now       func() time.Time // the load time recorded on articles; nil means time.Now
}

// Read reads one source and hands each article, or why it could not be read, to
// add; extraction waits until add's caller asks for it.
func (r *Reader) Read(ctx context.Context, src string, add func(name string, iri quad.IRI, hash string, build func() ([]quad.Quad, error), err error)) error {
	items, err := source.Read(ctx, src, r.Options)
	if err != nil {
		return err
	}
	for _, it := range items {
		if it.Err != nil {
			add(it.Name, "", "", nil, it.Err)
			continue
		}
		a := it.Article
		add(it.Name, ArticleIRI(a), a.Hash, func() (qs []quad.Quad, err error) {
			defer func() {
				// An extraction bug must cost one article, not the whole load.
				if p := recover(); p != nil {
					err = fmt.Errorf("extraction failed: %v", p)
				}
			}()
			_, qs = r.Article(a)
			return qs, nil
		}, nil)
	}
	return nil
}

// Article extracts one article and returns its IRI and quads.
func (r *Reader) Article(a *source.Article) (quad.IRI, []quad.Quad) {
	now := time.Now
	if r.Now != nil {
		now = r.Now
	}
	res := r.Extractor.Extract(a.Text())
	return Quads(a, res, now())
}
