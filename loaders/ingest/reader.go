package ingest

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/source"
)

// Reader reads sources (files, directories expanded by source.Walk, feed and page
// URLs) and extracts their articles' quads. It implements ArticleReader.
type Reader struct {
	Extractor *extract.Extractor
	Options   source.Options
	Now       func() time.Time // the load time recorded on articles; nil means time.Now
	// Budget is the longest one article's extraction may take (0: DefaultBudget);
	// an article over it is reported and skipped, and the load goes on.
	Budget time.Duration
}

// DefaultBudget is the default per-article extraction budget: extraction reads news
// at about a megabyte a second a core, so only a text far longer than any article
// (or a pathological one) reaches it.
const DefaultBudget = 30 * time.Second

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
			_, qs, err = r.ArticleContext(ctx, a)
			return qs, err
		}, nil)
	}
	return nil
}

// Digest is the extractor's digest (see ArticleReader).
func (r *Reader) Digest() string { return r.Extractor.Digest() }

// Article extracts one article and returns its IRI and quads.
func (r *Reader) Article(a *source.Article) (quad.IRI, []quad.Quad) {
	iri, qs, _ := r.ArticleContext(context.Background(), a)
	return iri, qs
}

// ArticleContext is Article within the reader's budget: an extraction that runs
// over it, or that ctx stops, returns an error and no quads.
func (r *Reader) ArticleContext(ctx context.Context, a *source.Article) (quad.IRI, []quad.Quad, error) {
	now := time.Now
	if r.Now != nil {
		now = r.Now
	}
	budget := r.Budget
	if budget <= 0 {
		budget = DefaultBudget
	}
	bctx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	src := a.Text()
	res, err := r.Extractor.ExtractContext(bctx, src)
	if err != nil {
		if ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("extraction timed out after %s (%d KB of text): skipped (raise --extract-budget)", budget, len(src)>>10)
		}
		return "", nil, err
	}
	iri, qs := Quads(a, res, now())
	return iri, qs, nil
}
