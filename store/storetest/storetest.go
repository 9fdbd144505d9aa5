// Package storetest is the one test suite every store backend runs: loads,
// reloads, atomic replacement, deletion, pruning, support counts, Verify, Clear,
// CopyTo, readers beside a writer and, for backends whose data outlives a Store,
// reopening and locking. It uses only package store's public API, so a backend's
// tests call Run with a Config that names fresh stores of that backend:
//
//	func TestSuite(t *testing.T) {
//		storetest.Run(t, storetest.Config{
//			Options: func(t testing.TB) store.Options {
//				return store.Options{Backend: bolt.Name, Path: filepath.Join(t.TempDir(), "p.db")}
//			},
//			Shared: true,
//		})
//	}
//
// Expectations are derived from the input: the suite reads the project's own
// articles (testdata/articles) with the built-in extractor, and what a store
// must hold after each step is computed from the articles' quads (see model).
package storetest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/parleygraph/parley/loaders/ingest"
	"github.com/parleygraph/parley/store"
)

// Config describes the backend under test.
type Config struct {
	// Options names a fresh, empty store of the backend (a new temp file, a new
	// PostgreSQL database…); the suite sets Create, ReadOnly and LockTimeout itself.
	// It is called for every fresh store, with the subtest that uses it (whose
	// cleanup may remove the store once the suite has closed it).
	Options func(t testing.TB) store.Options
	// Shared: opening the same Options again reaches the same data (a bolt file, a
	// PostgreSQL database), so the suite also checks reopening, readers beside a
	// writer, and that a second writer is refused (store.ErrInUse) while one holds it.
	Shared bool
	// ReadersBesideWriter (with Shared): a read-only open succeeds while a writer
	// holds the store, sees what the writer commits, and does not keep a writer
	// out (PostgreSQL, whose writer lock is an advisory lock readers do not take).
	// Without it readers and writer exclude each other (bolt's flock: exclusive for
	// the writer, shared for readers), and an open on the wrong side is refused
	// with store.ErrInUse once LockTimeout passes.
	ReadersBesideWriter bool
}

// Lock timeouts the suite sets: long enough that a lock just released is taken
// (never a spurious ErrInUse), short enough that a refused open fails fast.
const (
	openTimeout    = 5 * time.Second
	refusedTimeout = 150 * time.Millisecond
)

// Run runs the suite on the backend, each check a subtest.
func Run(t *testing.T, c Config) {
	if c.Options == nil {
		t.Fatal("storetest.Config.Options is nil")
	}
	s := &suite{c: c, fx: loadFixture(t)}
	tests := []struct {
		name   string
		shared bool // only for backends whose data outlives a Store
		run    func(*testing.T)
	}{
		{"load", false, s.testLoad},
		{"reload", false, s.testReload},
		{"replace", false, s.testReplace},
		{"delete", false, s.testDelete},
		{"prune", false, s.testPrune},
		{"support_counts", false, s.testSupportCounts},
		{"verify", false, s.testVerify},
		{"clear", false, s.testClear},
		{"copy", false, s.testCopy},
		{"concurrent_readers", false, s.testConcurrentReaders},
		{"reopen", true, s.testReopen},
		{"locks", true, s.testLocks},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.shared && !c.Shared {
				t.Skip("the backend's data does not outlive a Store (Config.Shared is false)")
			}
			tt.run(t)
		})
	}
}

// suite is one Run: the backend and the articles.
type suite struct {
	c  Config
	fx *fixture
}

// fresh opens a new, empty store of the backend for writing, closed when t ends.
func (s *suite) fresh(t testing.TB) (*store.Store, store.Options) {
	t.Helper()
	opt := s.c.Options(t)
	opt.Create, opt.ReadOnly, opt.LockTimeout = true, false, openTimeout
	return s.open(t, opt), opt
}

// open opens opt, closed when t ends (Close may also be called before).
func (s *suite) open(t testing.TB, opt store.Options) *store.Store {
	t.Helper()
	st, err := store.Open(opt)
	if err != nil {
		t.Fatalf("open %s store %q (create %v, read-only %v): %v", backendName(opt), opt.Path, opt.Create, opt.ReadOnly, err)
	}
	t.Cleanup(closer(t, st))
	return st
}

// closer closes st once, however often it is called (a test may close a store
// itself to reopen it; its cleanup then does nothing).
func closer(t testing.TB, st *store.Store) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			if err := st.Close(); err != nil {
				t.Errorf("close %s store: %v", st.Backend, err)
			}
		})
	}
}

func backendName(opt store.Options) string {
	if opt.Backend == "" {
		return store.BackendFor(opt.Path)
	}
	return opt.Backend
}

// load runs Store.Load of sources with the suite's reader and returns its summary
// and the events by name.
func (s *suite) load(t testing.TB, st *store.Store, sources []string) (ingest.Summary, map[string]ingest.Event) {
	t.Helper()
	var mu sync.Mutex
	events := map[string]ingest.Event{}
	onEvent := func(ev ingest.Event) {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := events[ev.Name]; dup {
			t.Errorf("load reported %s twice", ev.Name)
		}
		events[ev.Name] = ev
	}
	return st.Load(context.Background(), sources, s.fx.reader, 4, onEvent), events
}

// loaded opens a fresh store and loads the suite's articles into it: the store,
// the article files, their docs and the model of what the store holds.
func (s *suite) loaded(t *testing.T) (*store.Store, []string, docSet, *model) {
	t.Helper()
	st, _ := s.fresh(t)
	paths := s.fx.write(t, t.TempDir(), articleFiles...)
	s.mustLoad(t, st, paths, false)
	docs := s.fx.docs(t, paths...)
	m := newModel()
	m.replaceSet(docs)
	return st, paths, docs, m
}

// mustLoad loads sources and fails t unless each was loaded (or, with unchanged,
// found unchanged) and none failed.
func (s *suite) mustLoad(t testing.TB, st *store.Store, sources []string, unchanged bool) ingest.Summary {
	t.Helper()
	sum, events := s.load(t, st, sources)
	want := ingest.Loaded
	if unchanged {
		want = ingest.Unchanged
	}
	for _, src := range sources {
		ev, ok := events[src]
		switch {
		case !ok:
			t.Errorf("load of %d sources reported nothing for %s", len(sources), src)
		case ev.Outcome != want || ev.Err != nil:
			t.Errorf("load of %s: %v (%v), want %v", src, ev.Outcome, ev.Err, want)
		case ev.CopyOf != "":
			// The suite's model has no copies (see fixture): a copy keeps no facts.
			t.Errorf("load of %s: taken as a copy of %s; the suite's articles must be distinct stories", src, ev.CopyOf)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	return sum
}

// expectErrInUse fails t unless err is store.ErrInUse, reporting what was opened.
func expectErrInUse(t testing.TB, what string, err error, took time.Duration) {
	t.Helper()
	if !errors.Is(err, store.ErrInUse) {
		t.Errorf("%s: want an error that is store.ErrInUse, got %v", what, err)
	}
	// The refusal must come from the lock timeout, not from a hang.
	if took > refusedTimeout+5*time.Second {
		t.Errorf("%s: refused after %v, with a lock timeout of %v", what, took, refusedTimeout)
	}
}
