package store

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/cayleygraph/quad"
)

// ArticleReader reads sources into articles the store can hold. For each article
// in a source (a file holds one, a JSON Lines file or a feed many) Read calls add
// with the article's name (a path, "path#3", a link), IRI, content hash and build,
// which extracts its quads, or with the reason the article cannot be read. Read
// itself should be cheap (read and hash): build runs only for articles whose
// content changed. The error Read returns is for the source as a whole.
//
// The callback has only basic types so that readers (package loaders/ingest,
// upstream of the store) need not import this package.
type ArticleReader interface {
	Read(ctx context.Context, source string, add AddFunc) error
	// Digest identifies how the reader extracts: an article stored under another
	// digest is extracted again even when its text is unchanged.
	Digest() string
}

// AddFunc receives one article from an ArticleReader.
type AddFunc = func(name string, iri quad.IRI, hash string, build func() ([]quad.Quad, error), err error)

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
	ev    Event
	quads []quad.Quad
}

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
// read at all).
type Event struct {
	Name    string
	IRI     quad.IRI
	Outcome Outcome
	CopyOf  quad.IRI // a syndicated copy of this article (see copies.go); "" for none
	Err     error
	Write   WriteResult
}

// Summary counts a load.
type Summary struct {
	Loaded, Unchanged, Failed int
	Added, Deleted            int // quads
	Seen                      []quad.IRI
}

// Load reads each source, extracts its changed articles and writes them: several
// workers read and extract at once, one writer writes, many articles per
// transaction but each article whole (see ReplaceArticles). An article whose stored content hash matches is skipped. A source
// or article that fails is reported through onEvent and does not stop the others.
func (s *Store) Load(ctx context.Context, sources []string, r ArticleReader, workers int, onEvent func(Event)) Summary {
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
					results <- prepared{ev: Event{Name: src, Outcome: Failed, Err: err}}
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
	var sum Summary
	report := func(ev Event) {
		if ev.IRI != "" {
			sum.Seen = append(sum.Seen, ev.IRI)
		}
		switch ev.Outcome {
		case Loaded:
			sum.Loaded++
			sum.Added += ev.Write.Added
			sum.Deleted += ev.Write.Deleted
		case Unchanged:
			sum.Unchanged++
		case Failed:
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
				batch[i].ev.Outcome, batch[i].ev.Err = Failed, fmt.Errorf("%s: %w", batch[i].ev.Name, err)
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
func (s *Store) writeGroup(ctx context.Context, batch []prepared, report func(Event)) {
	var docs []Doc
	var at []int
	for i, b := range batch {
		if b.ev.Outcome != Loaded {
			continue
		}
		if ctx.Err() != nil {
			batch[i].ev.Outcome, batch[i].ev.Err = Failed, fmt.Errorf("%s: %w", b.ev.Name, ctx.Err())
			continue
		}
		docs = append(docs, Doc{IRI: b.ev.IRI, Quads: b.quads})
		at = append(at, i)
	}
	if len(docs) > 0 {
		res, errs := s.ReplaceArticles(ctx, docs)
		for k, i := range at {
			if errs[k] != nil {
				batch[i].ev.Outcome, batch[i].ev.Err = Failed, fmt.Errorf("%s: %w", batch[i].ev.Name, errs[k])
			} else {
				batch[i].ev.Write = res[k]
			}
		}
	}
	for _, b := range batch {
		report(b.ev)
	}
}

// prepare checks an article against the store and, if it changed, extracts it.
func (s *Store) prepare(ctx context.Context, a article) prepared {
	b := prepared{ev: Event{Name: a.name, IRI: a.iri}}
	if a.err != nil {
		b.ev.Outcome, b.ev.Err = Failed, a.err
		return b
	}
	old, err := s.ArticleVersion(ctx, a.iri)
	switch {
	case err != nil:
		b.ev.Outcome, b.ev.Err = Failed, fmt.Errorf("%s: %w", a.name, err)
	case old.Hash == a.hash && old.Digest == a.digest:
		b.ev.Outcome = Unchanged
	default:
		if b.quads, err = a.build(); err != nil {
			b.ev.Outcome, b.ev.Err = Failed, fmt.Errorf("%s: %w", a.name, err)
		}
	}
	return b
}

// Prune deletes the articles whose source is within (as within decides) but that
// keep does not hold: the sources that disappeared since the last load. It returns
// the articles deleted.
func (s *Store) Prune(ctx context.Context, keep map[quad.IRI]bool, within func(source string) bool) ([]ArticleSource, error) {
	all, err := s.ArticleSources(ctx)
	if err != nil {
		return nil, err
	}
	var gone []ArticleSource
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
