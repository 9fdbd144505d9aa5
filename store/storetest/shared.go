package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/parleygraph/parley/store"
)

// with returns opt for a writer (create) or a reader (read-only), waiting up to
// timeout for another's lock.
func with(opt store.Options, create, readOnly bool, timeout time.Duration) store.Options {
	opt.Create, opt.ReadOnly, opt.LockTimeout = create, readOnly, timeout
	return opt
}

// testReopen: a store not yet made is store.ErrNoStore to a writer and a reader
// that do not create it; what a writer loads and closes, a reader and a later
// writer find (a load finds it unchanged), and what that writer changes, the
// next reader finds.
func (s *suite) testReopen(t *testing.T) {
	opt := s.c.Options(t)
	for _, readOnly := range []bool{false, true} {
		if st, err := store.Open(with(opt, false, readOnly, openTimeout)); !errors.Is(err, store.ErrNoStore) {
			if err == nil {
				st.Close()
			}
			t.Errorf("open of a store not yet made (read-only %v): %v; want store.ErrNoStore", readOnly, err)
		}
	}

	w := s.open(t, with(opt, true, false, openTimeout))
	paths := s.fx.write(t, t.TempDir(), articleFiles...)
	s.mustLoad(t, w, paths, false)
	m := newModel()
	m.replaceSet(s.fx.docs(t, paths...))
	d0, n0 := digest(t, w)
	closer(t, w)()

	r := s.open(t, with(opt, false, true, openTimeout))
	if d, n := digest(t, r); d != d0 || n != n0 {
		t.Errorf("reopened for reading: digest %v of %d quads; the writer left %v of %d", d, n, d0, n0)
	}
	s.check(t, r, m, "reopened for reading")
	closer(t, r)()

	w = s.open(t, with(opt, false, false, openTimeout))
	s.mustLoad(t, w, paths, true)
	if d, n := digest(t, w); d != d0 || n != n0 {
		t.Errorf("reopened for writing: digest %v of %d quads; the writer left %v of %d", d, n, d0, n0)
	}
	m.replace(s.editedDoc(t, paths[0]))
	if sum, _ := s.load(t, w, paths); sum.Loaded != 1 || sum.Unchanged != len(paths)-1 || sum.Failed != 0 {
		t.Errorf("load after an edit, reopened: %+v; want 1 loaded, %d unchanged", sum, len(paths)-1)
	}
	closer(t, w)()

	r = s.open(t, with(opt, false, true, openTimeout))
	s.check(t, r, m, "reopened after the second writer")
}

// testLocks: while a writer holds the store a second writer is refused with
// store.ErrInUse; a reader opens beside it (Config.ReadersBesideWriter) and sees
// its commits, or is refused too; once the writer closes, readers and a writer
// open as the backend allows.
func (s *suite) testLocks(t *testing.T) {
	opt := s.c.Options(t)
	w := s.open(t, with(opt, true, false, openTimeout))
	paths := s.fx.write(t, t.TempDir(), articleFiles...)
	s.mustLoad(t, w, paths[:3], false)
	m := newModel()
	m.replaceSet(s.fx.docs(t, paths[:3]...))

	// refused fails t unless opening opt is refused with ErrInUse.
	refused := func(what string, opt store.Options) {
		t.Helper()
		start := time.Now()
		st, err := store.Open(opt)
		if err == nil {
			st.Close()
		}
		expectErrInUse(t, what, err, time.Since(start))
	}
	reader, writer := with(opt, false, true, refusedTimeout), with(opt, false, false, refusedTimeout)
	refused("a second writer", writer)
	refused("a second writer that would create the store", with(opt, true, false, refusedTimeout))

	if s.c.ReadersBesideWriter {
		r1 := s.open(t, reader)
		r2 := s.open(t, reader)
		s.check(t, r1, m, "a reader beside the writer")
		// The readers see what the writer commits after they opened.
		s.mustLoad(t, w, paths[3:], false)
		m.replaceSet(s.fx.docs(t, paths[3:]...))
		s.check(t, r2, m, "a reader beside the writer, after its load")
		refused("a second writer beside readers", writer)
		closer(t, w)()
		// Readers do not keep a writer out.
		w2 := s.open(t, with(opt, false, false, openTimeout))
		s.mustLoad(t, w2, paths, true)
		s.check(t, r1, m, "a reader beside the next writer")
		return
	}

	refused("a reader beside the writer", reader)
	closer(t, w)()
	// Once the writer is gone, several readers share the store and keep a
	// writer out until they close.
	r1 := s.open(t, with(opt, false, true, openTimeout))
	r2 := s.open(t, with(opt, false, true, openTimeout))
	s.check(t, r1, m, "a reader after the writer closed")
	s.check(t, r2, m, "a second reader")
	refused("a writer beside readers", writer)
	closer(t, r1)()
	closer(t, r2)()
	w2 := s.open(t, with(opt, false, false, openTimeout))
	s.mustLoad(t, w2, paths[3:], false)
	m.replaceSet(s.fx.docs(t, paths[3:]...))
	s.check(t, w2, m, "the next writer")
}
