package store

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/loaders/ingest"
)

// article is one article a reader found.
type article struct {
	name   string
	iri    quad.IRI
	hash   string
	digest string // the reader's extractor digest
	build  func() ([]quad.Quad, error)
	err    error
}

// prepared is an article checked against the store and, if changed, extracted.
type prepared struct {
	ev    ingest.Event
	quads []quad.Quad
}

// A Store is what an ingest.Reloader loads into.
var _ ingest.Store = (*Store)(nil)

// Load reads each source through r, extracts its changed articles and writes them:
// several workers read and extract at once, one writer writes, many articles per
// transaction but each article whole (see ReplaceArticles). An article whose stored
// content hash matches is skipped. A source or article that fails is reported
// through onEvent and does not stop the others. The reader and the events are
// package ingest's, upstream of the store, so that readers need not import it.
func (s *Store) Load(ctx context.Context, sources []string, r ingest.ArticleReader, workers int, onEvent func(ingest.Event)) ingest.Summary {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan string)
	results := make(chan prepared, maxGroup) // room for a whole group while one is written
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for src := range jobs {
				err := r.Read(ctx, src, func(name string, iri quad.IRI, hash string, build func() ([]quad.Quad, error), err error) {
					results <- s.prepare(ctx, article{name, iri, hash, r.Digest(), build, err})
				})
				if err != nil {
					results <- prepared{ev: ingest.Event{Name: src, Outcome: ingest.Failed, Err: err}}
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, src := range sources {
			select {
			case jobs <- src:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	var sum ingest.Summary
	report := func(ev ingest.Event) {
		if ev.IRI != "" {
			sum.Seen = append(sum.Seen, ev.IRI)
		}
		switch ev.Outcome {
		case ingest.Loaded:
			sum.Loaded++
			sum.Added += ev.Added
			sum.Deleted += ev.Deleted
		case ingest.Unchanged:
			sum.Unchanged++
		case ingest.Failed:
			sum.Failed++
		}
		if onEvent != nil {
			onEvent(ev)
		}
	}
	// The writer takes what the workers have ready, up to maxGroup articles, and
	// writes it as one group (see ReplaceArticles); it never waits to fill a group,
	// so a lone article is written at once.
	copies := &copyFinder{store: s}
	var batch []prepared
	for b := range results {
		batch = append(batch[:0], b)
	fill:
		for len(batch) < maxGroup {
			select {
			case b, ok := <-results:
				if !ok {
					break fill
				}
				batch = append(batch, b)
			default:
				break fill
			}
		}
		for i := range batch {
			if err := copies.mark(ctx, &batch[i]); err != nil {
				batch[i].ev.Outcome, batch[i].ev.Err = ingest.Failed, fmt.Errorf("%s: %w", batch[i].ev.Name, err)
			}
		}
		s.writeGroup(ctx, batch, report)
	}
	return sum
}

// maxGroup bounds the articles written in one transaction: large enough to spread a
// commit's cost, small enough to keep a transaction's memory and latency modest.
const maxGroup = 256

// writeGroup writes the loaded articles of batch and reports every article.
func (s *Store) writeGroup(ctx context.Context, batch []prepared, report func(ingest.Event)) {
	var docs []Doc
	var at []int
	for i, b := range batch {
		if b.ev.Outcome != ingest.Loaded {
			continue
		}
		if ctx.Err() != nil {
			batch[i].ev.Outcome, batch[i].ev.Err = ingest.Failed, fmt.Errorf("%s: %w", b.ev.Name, ctx.Err())
			continue
		}
		docs = append(docs, Doc{IRI: b.ev.IRI, Quads: b.quads})
		at = append(at, i)
	}
	if len(docs) > 0 {
		res, errs := s.ReplaceArticles(ctx, docs)
		for k, i := range at {
			if errs[k] != nil {
				batch[i].ev.Outcome, batch[i].ev.Err = ingest.Failed, fmt.Errorf("%s: %w", batch[i].ev.Name, errs[k])
			} else {
				batch[i].ev.Added, batch[i].ev.Deleted = res[k].Added, res[k].Deleted
			}
		}
	}
	for _, b := range batch {
		report(b.ev)
	}
}

// prepare checks an article against the store and, if it changed, extracts it.
func (s *Store) prepare(ctx context.Context, a article) prepared {
	b := prepared{ev: ingest.Event{Name: a.name, IRI: a.iri}}
	if a.err != nil {
		b.ev.Outcome, b.ev.Err = ingest.Failed, a.err
		return b
	}
	old, err := s.versionForLoad(ctx, a.iri)
	switch {
	case err != nil:
		b.ev.Outcome, b.ev.Err = ingest.Failed, fmt.Errorf("%s: %w", a.name, err)
	case old.Hash == a.hash && old.Digest == a.digest:
		b.ev.Outcome = ingest.Unchanged
	default:
		if b.quads, err = a.build(); err != nil {
			b.ev.Outcome, b.ev.Err = ingest.Failed, fmt.Errorf("%s: %w", a.name, err)
		}
	}
	return b
}

// Prune deletes the articles whose source is within (as within decides) but that
// keep does not hold: the sources that disappeared since the last load. It returns
// the articles deleted.
func (s *Store) Prune(ctx context.Context, keep map[quad.IRI]bool, within func(source string) bool) ([]ingest.ArticleSource, error) {
	all, err := s.ArticleSources(ctx)
	if err != nil {
		return nil, err
	}
	var gone []ingest.ArticleSource
	for _, a := range all {
		if keep[a.IRI] || !within(a.Source) {
			continue
		}
		if _, err := s.DeleteArticle(ctx, a.IRI); err != nil {
			return gone, fmt.Errorf("prune %s: %w", a.Source, err)
		}
		gone = append(gone, a)
	}
	return gone, nil
}
