package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/loaders/source"
)

// Store is what a Reloader loads into: *store.Store (package store, downstream of
// this one, asserts that it is one).
type Store interface {
	// Load reads sources through r and writes their changed articles, reporting
	// each article (and each source that cannot be read) to onEvent.
	Load(ctx context.Context, sources []string, r ArticleReader, workers int, onEvent func(Event)) Summary
	// Prune deletes the articles whose source is within but that keep does not
	// hold, and returns them.
	Prune(ctx context.Context, keep map[quad.IRI]bool, within func(source string) bool) ([]ArticleSource, error)
	// Size counts the quads the store holds.
	Size(ctx context.Context) (int64, error)
}

// Reloader loads sources into a store, once (Run) or on a timer (Schedule). Each
// run reads every source again: an unchanged article is skipped, a changed one
// replaces its facts and, with Prune, an article whose source is gone is removed.
type Reloader struct {
	Store   Store
	Reader  ArticleReader
	Workers int  // sources read and extracted at once; 0: one per CPU
	Prune   bool // remove the articles whose source is gone (see Run)
}

// Hooks are what a run tells its caller as it goes (for a progress bar and
// messages); any may be nil.
type Hooks struct {
	// Begin is called as a run begins, before anything is read: Schedule calls it
	// before each of its runs.
	Begin func()
	// Start is given the sources the run will read (directories walked into their
	// files, URLs as given) before it reads any.
	Start func(sources []string)
	// Read is called once a source has been read and its articles handed on. The
	// store's workers call it, several at once.
	Read func(source string)
	// Event is told of each article loaded, unchanged or failed, of each source
	// that could not be read, and of each argument that could not be walked (the
	// last two with Outcome Failed, Name the source or argument and IRI "").
	Event func(Event)
}

// Result is what one run did.
type Result struct {
	Loaded, Unchanged int // articles
	// Failed counts the articles and sources that failed and the arguments that
	// could not be walked.
	Failed                  int
	Pruned                  int // articles removed because their source is gone: len(Gone)
	QuadsBefore, QuadsAfter int64
	Seconds                 float64         // the run's wall time
	Gone                    []ArticleSource // the articles pruned, by source
}

// Run loads args once: files, directories (walked by source.Walk) and URLs (feeds
// and pages, read as given). A source or article that fails is reported through
// h.Event and counted; the others load. The error Run returns is the store's (its
// size, a prune that failed part way), not an article's.
//
// With r.Prune, and unless ctx ended, the run then removes the articles whose
// source lies under one of the paths in args but that it did not see: their file
// was deleted, or they left a file that was read (a line of a JSON Lines file).
// The articles of a file that failed to read are kept (a bad read loses nothing),
// and feeds never prune: an item that left a feed is still news that was read.
func (r *Reloader) Run(ctx context.Context, args []string, h Hooks) (Result, error) {
	start := time.Now()
	if h.Begin != nil {
		h.Begin()
	}
	event := func(ev Event) {
		if h.Event != nil {
			h.Event(ev)
		}
	}
	var sources, files []string
	unread := 0 // arguments that are missing or hold nothing to read
	for _, a := range args {
		if source.IsURL(a) {
			sources = append(sources, a)
			continue
		}
		found, err := source.Walk([]string{a})
		if err != nil {
			event(Event{Name: a, Outcome: Failed, Err: err})
			unread++
			continue
		}
		files = append(files, found...)
		sources = append(sources, found...)
	}
	before, err := r.Store.Size(ctx)
	if err != nil {
		return Result{}, err
	}
	if h.Start != nil {
		h.Start(sources)
	}
	reader := r.Reader
	if h.Read != nil {
		reader = readHook{reader, h.Read}
	}
	failedSources := map[string]bool{}
	sum := r.Store.Load(ctx, sources, reader, r.Workers, func(ev Event) {
		if ev.Outcome == Failed && ev.IRI == "" {
			failedSources[ev.Name] = true
		}
		event(ev)
	})
	res := Result{Loaded: sum.Loaded, Unchanged: sum.Unchanged, Failed: sum.Failed + unread, QuadsBefore: before}
	if r.Prune && ctx.Err() == nil {
		gone, err := r.Store.Prune(ctx, keepSeen(sum.Seen), goneWithin(args, files, failedSources))
		if err != nil {
			return res, err
		}
		res.Pruned, res.Gone = len(gone), gone
	}
	if res.QuadsAfter, err = r.Store.Size(ctx); err != nil {
		return res, err
	}
	res.Seconds = time.Since(start).Seconds()
	return res, nil
}

// Schedule runs args now and then every period until ctx ends, each run as Run
// with h, and hands each run's result and error to done (if not nil). A failed
// run does not end the schedule: the next tick tries again. A period that is not
// positive is an error, and nothing runs.
func (r *Reloader) Schedule(ctx context.Context, args []string, every time.Duration, h Hooks, done func(Result, error)) error {
	if every <= 0 {
		return fmt.Errorf("reload period %v: must be positive", every)
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		res, err := r.Run(ctx, args, h)
		if done != nil {
			done(res, err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

// keepSeen is the set of articles a load saw: none of them is pruned.
func keepSeen(seen []quad.IRI) map[quad.IRI]bool {
	keep := map[quad.IRI]bool{}
	for _, iri := range seen {
		keep[iri] = true
	}
	return keep
}

// goneWithin tells which sources (as articles record them: a path, "path#3", a
// URL) a load of args may prune: those under one of the paths in args (URLs
// aside) whose file is gone or was read (it is among files and did not fail).
func goneWithin(args, files []string, failed map[string]bool) func(source string) bool {
	read := map[string]bool{}
	for _, f := range files {
		if abs, err := filepath.Abs(f); err == nil && !failed[f] {
			read[abs] = true
		}
	}
	var roots []string
	for _, a := range args {
		if source.IsURL(a) {
			continue // feeds roll: an item that left a feed is still news that was read
		}
		if abs, err := filepath.Abs(a); err == nil {
			roots = append(roots, abs)
		}
	}
	return func(src string) bool {
		path, _, _ := strings.Cut(src, "#")
		under := false
		for _, r := range roots {
			under = under || path == r || strings.HasPrefix(path, r+string(filepath.Separator))
		}
		if !under {
			return false
		}
		if _, err := os.Stat(path); err != nil {
			return true // the file is gone
		}
		return read[path] // the file was read and no longer holds the article
	}
}

// readHook calls hook once each source is read.
type readHook struct {
	ArticleReader
	hook func(source string)
}

func (r readHook) Read(ctx context.Context, src string, add AddFunc) error {
	defer r.hook(src)
	return r.ArticleReader.Read(ctx, src, add)
}
