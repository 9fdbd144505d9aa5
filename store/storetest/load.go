package storetest

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"sort"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/loaders/ingest"
	"github.com/parleygraph/parley/loaders/source"
	"github.com/parleygraph/parley/store"
)

// testLoad loads the articles, a missing file and a file of no article format
// into an empty store: each article is loaded under its IRI, each bad source
// fails alone, and the store holds exactly the articles' quads.
func (s *suite) testLoad(t *testing.T) {
	st, _ := s.fresh(t)
	dir := t.TempDir()
	paths := s.fx.write(t, dir, articleFiles...)
	bad := []struct {
		path string
		is   error // what the failure wraps
	}{
		{filepath.Join(dir, "missing.txt"), fs.ErrNotExist},
		{writeFile(t, filepath.Join(dir, "notes.xyz"), []byte("no article format")), source.ErrUnsupported},
	}
	sources := append([]string(nil), paths...)
	for _, b := range bad {
		sources = append(sources, b.path)
	}
	sum, events := s.load(t, st, sources)
	docs := s.fx.docs(t, paths...)

	if sum.Loaded != len(paths) || sum.Unchanged != 0 || sum.Failed != len(bad) {
		t.Errorf("summary: %d loaded, %d unchanged, %d failed; want %d, 0, %d", sum.Loaded, sum.Unchanged, sum.Failed, len(paths), len(bad))
	}
	bySource := map[string]store.Doc{}
	for _, d := range docs {
		bySource[sourceOf(d)] = d
	}
	for _, p := range paths {
		ev, d := events[p], bySource[p]
		if ev.Outcome != ingest.Loaded || ev.Err != nil || ev.IRI != d.IRI || ev.CopyOf != "" {
			t.Errorf("event of %s: %v, IRI %s, copy of %q, %v; want loaded as %s", p, ev.Outcome, ev.IRI, ev.CopyOf, ev.Err, d.IRI)
		}
	}
	for _, b := range bad {
		if ev := events[b.path]; ev.Outcome != ingest.Failed || !errors.Is(ev.Err, b.is) {
			t.Errorf("event of %s: %v, %v; want failed with %v", b.path, ev.Outcome, ev.Err, b.is)
		}
	}
	seen := append([]quad.IRI(nil), sum.Seen...)
	sort.Slice(seen, func(i, j int) bool { return seen[i] < seen[j] })
	if want := docs.iris(); len(seen) != len(want) || !equalIRIs(seen, want) {
		t.Errorf("Seen = %v, want %v", seen, want)
	}
	m := newModel()
	m.replaceSet(docs)
	s.check(t, st, m, "after the load")
	// The summary counts quads written: into an empty store, those added less
	// those deleted (support counts a later article of the load raised) are what
	// the store holds, however the load grouped its writes.
	t.Run("summary_quad_counts", func(t *testing.T) {
		n, err := st.Size(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if int64(sum.Added-sum.Deleted) != n {
			t.Errorf("summary: %d quads added, %d deleted, so %d; the store holds %d", sum.Added, sum.Deleted, sum.Added-sum.Deleted, n)
		}
	})
	if len(m.docs.supporters()) == 0 {
		t.Fatal("fixture: the articles support nothing")
	}
	shared := 0
	for _, c := range m.docs.supporters() {
		if c > 1 {
			shared++
		}
	}
	if shared == 0 {
		t.Fatal("fixture: no node is supported by two articles; pick articles that share nodes")
	}
}

func equalIRIs(a, b []quad.IRI) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// testReload loads the same sources twice: the second load finds every article
// unchanged, writes nothing, and the quad set stays the same (Digest).
func (s *suite) testReload(t *testing.T) {
	st, paths, _, m := s.loaded(t)
	d1, n1 := digest(t, st)
	sum := s.mustLoad(t, st, paths, true)
	if sum.Loaded != 0 || sum.Unchanged != len(paths) || sum.Failed != 0 || sum.Added != 0 || sum.Deleted != 0 {
		t.Errorf("second load: %+v; want all %d unchanged, nothing written", sum, len(paths))
	}
	if d2, n2 := digest(t, st); d2 != d1 || n2 != n1 {
		t.Errorf("second load changed the store: digest %v (%d quads) → %v (%d quads)", d1, n1, d2, n2)
	}
	s.check(t, st, m, "after the second load")
}

// testClear empties a loaded store: nothing is left, Verify is clean, and a load
// afterwards writes every article again (Clear forgot their versions too).
func (s *suite) testClear(t *testing.T) {
	ctx := context.Background()
	st, paths, _, m := s.loaded(t)
	for i, step := range []string{"after Clear", "after Clear of an empty store"} {
		if err := st.Clear(ctx); err != nil {
			t.Fatalf("Clear (%d): %v", i+1, err)
		}
		if n, err := st.Size(ctx); err != nil || n != 0 {
			t.Errorf("%s: Size = %d, %v; want 0", step, n, err)
		}
		if _, n := digest(t, st); n != 0 {
			t.Errorf("%s: Digest read %d quads", step, n)
		}
		s.check(t, st, newModel(), step)
	}
	s.mustLoad(t, st, paths, false)
	s.check(t, st, m, "after loading the cleared store")
}

// testCopy copies a loaded store into a fresh one of the backend, in several
// batches: the copy holds the same quads (Digest, Size), is sound, and knows the
// articles' versions; a copy into a store that is not empty fails and writes
// nothing.
func (s *suite) testCopy(t *testing.T) {
	ctx := context.Background()
	src, paths, _, m := s.loaded(t)
	srcDigest, n := digest(t, src)

	dst, _ := s.fresh(t)
	const batch = 64 // several batches from a handful of articles
	var progress []int64
	res, err := src.CopyTo(ctx, dst, batch, func(n int64) { progress = append(progress, n) })
	if err != nil {
		t.Fatalf("CopyTo: %v", err)
	}
	wantBatches := int((n + batch - 1) / batch)
	if res.Quads != n || res.Batches != wantBatches || res.Digest != srcDigest {
		t.Errorf("CopyTo = %d quads in %d batches, digest %v; want %d in %d, digest %v", res.Quads, res.Batches, res.Digest, n, wantBatches, srcDigest)
	}
	if len(progress) != wantBatches || len(progress) == 0 || progress[len(progress)-1] != n || !sort.SliceIsSorted(progress, func(i, j int) bool { return progress[i] < progress[j] }) {
		t.Errorf("progress reported %v; want %d rising counts ending at %d", progress, wantBatches, n)
	}
	if d, dn := digest(t, dst); d != srcDigest || dn != n {
		t.Errorf("copy: digest %v of %d quads, source %v of %d", d, dn, srcDigest, n)
	}
	if sn, err := dst.Size(ctx); err != nil || sn != n {
		t.Errorf("copy: Size = %d, %v; want %d", sn, err, n)
	}
	s.check(t, dst, m, "the copy")
	s.mustLoad(t, dst, paths, true) // the copy holds the versions a load compares

	// The copy's quads are all there already: the first batch fails whole.
	before, bn := digest(t, dst)
	if _, err := src.CopyTo(ctx, dst, batch, nil); err == nil {
		t.Error("CopyTo into a store holding the same quads succeeded; want the strict add to fail")
	}
	if d, dn := digest(t, dst); d != before || dn != bn {
		t.Errorf("a failed CopyTo changed its destination: digest %v (%d quads) → %v (%d)", before, bn, d, dn)
	}
	s.check(t, dst, m, "the copy after a failed copy into it")
}
