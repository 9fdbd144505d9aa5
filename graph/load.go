package graph

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/cayleygraph/quad"
)

// ArticleReader reads one source into an article the store can hold: its IRI, the
// hash of its content, and build, which extracts its quads. Read should be cheap
// (read and hash); build runs only for articles whose content changed.
type ArticleReader interface {
	Read(name string) (iri quad.IRI, hash string, build func() ([]quad.Quad, error), err error)
}

// Outcome of loading one source.
type Outcome int

const (
	Loaded Outcome = iota
	Unchanged
	Failed
)

func (o Outcome) String() string {
	return [...]string{"loaded", "unchanged", "failed"}[o]
}

// Event reports what happened to one source.
type Event struct {
	Name    string
	IRI     quad.IRI
	Outcome Outcome
	Err     error
	Write   WriteResult
}

// Summary counts a load.
type Summary struct {
	Loaded, Unchanged, Failed int
	Added, Deleted            int // quads
}

// Load reads, extracts and writes each named source: several workers read and
// extract at once, one writer writes, each article in its own transaction. An
// article whose stored content hash matches is skipped. A source that fails is
// reported through onEvent and does not stop the others.
func (s *Store) Load(ctx context.Context, names []string, r ArticleReader, workers int, onEvent func(Event)) Summary {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type built struct {
		ev    Event
		quads []quad.Quad
	}
	jobs := make(chan string)
	results := make(chan built, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range jobs {
				b := built{ev: Event{Name: name}}
				iri, hash, build, err := r.Read(name)
				switch {
				case err != nil:
					b.ev.Outcome, b.ev.Err = Failed, err
				default:
					b.ev.IRI = iri
					old, herr := s.ArticleHash(ctx, iri)
					if herr != nil {
						b.ev.Outcome, b.ev.Err = Failed, fmt.Errorf("%s: %w", name, herr)
					} else if old == hash {
						b.ev.Outcome = Unchanged
					} else if b.quads, err = build(); err != nil {
						b.ev.Outcome, b.ev.Err = Failed, fmt.Errorf("%s: %w", name, err)
					}
				}
				results <- b
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, n := range names {
			select {
			case jobs <- n:
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
	for b := range results {
		ev := b.ev
		if ev.Outcome == Loaded && b.quads != nil {
			if ctx.Err() != nil {
				ev.Outcome, ev.Err = Failed, fmt.Errorf("%s: %w", ev.Name, ctx.Err())
			} else if res, err := s.ReplaceArticle(ctx, Doc{IRI: ev.IRI, Quads: b.quads}); err != nil {
				ev.Outcome, ev.Err = Failed, fmt.Errorf("%s: %w", ev.Name, err)
			} else {
				ev.Write = res
			}
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
	return sum
}
