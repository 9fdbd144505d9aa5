package bolt

// Pins of what parley relies on inside Cayley's kv store. Each test fails when a
// Cayley upgrade changes the thing the named part of this package works around or
// reads directly; the fix then belongs here, in one place.

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/schema"
	"github.com/parleygraph/parley/store/storetest"
)

// TestValueCacheIsReachable pins valueCache: the kv store's node ID cache is found
// by reflection, fills as values are looked up, and purge empties it without
// breaking later look-ups.
func TestValueCacheIsReachable(t *testing.T) {
	s, _ := openStore(t)
	ctx := context.Background()
	if _, err := s.ReplaceArticle(ctx, storetest.Doc("http://a", "http://neg", "http://qatar")); err != nil {
		t.Fatal(err)
	}
	b := s.Unwrap().(*backend)
	b.values.purge()
	if n := b.values.size(); n != 0 {
		t.Fatalf("after purge the cache holds %d IDs", n)
	}
	before, err := s.QS.ValueOf(quad.IRI("http://qatar"))
	if err != nil || before == nil {
		t.Fatalf("look-up: %v %v", before, err)
	}
	if n := b.values.size(); n == 0 {
		t.Fatal("a look-up left the cache empty: valueCache no longer reaches the cache Cayley uses")
	}
	b.values.purge()
	after, err := s.QS.ValueOf(quad.IRI("http://qatar"))
	if err != nil || after == nil || !reflect.DeepEqual(after, before) {
		t.Fatalf("after purge the node's ID is %v (%v), was %v", after, err, before)
	}
}

// TestIndexList pins readIndexes and ScanPair: a new store lists Cayley's default
// indexes, which include the two ScanPair reads, and parley's {Label} index.
func TestIndexList(t *testing.T) {
	s, _ := openStore(t)
	got := s.Unwrap().(*backend).indexes
	has := func(dirs []quad.Direction) bool {
		return slices.ContainsFunc(got, func(ind kv.QuadIndex) bool { return slices.Equal(ind.Dirs, dirs) })
	}
	for d, ind := range pairIndexes {
		if !has(ind.Dirs) {
			t.Errorf("the store has no %v index, which ScanPair reads for %v (indexes: %v)", ind.Dirs, d, got)
		}
	}
	if !has(labelIndex.Dirs) {
		t.Errorf("the store has no {Label} index (indexes: %v)", got)
	}
	if want := len(kv.DefaultQuadIndexes) + 1; len(got) != want {
		t.Errorf("%d indexes, want Cayley's %d defaults and {Label}: %v", len(got), want-1, got)
	}
}

// TestScanPairMatchesCayley pins the index key layout ScanPair builds by hand: it
// finds exactly the quads Cayley's own iterators find.
func TestScanPairMatchesCayley(t *testing.T) {
	s, _ := openStore(t)
	ctx := context.Background()
	for _, d := range []struct{ a, n, m string }{{"http://a", "http://neg", "http://qatar"}, {"http://b", "http://neg", "http://egypt"}, {"http://c", "http://other", "http://qatar"}} {
		if _, err := s.ReplaceArticle(ctx, storetest.Doc(d.a, d.n, d.m)); err != nil {
			t.Fatal(err)
		}
	}
	b := s.Unwrap().(*backend)
	read := func(it iterator.Scanner) []string {
		defer it.Close()
		var out []string
		for it.Next(ctx) {
			q, err := s.QS.Quad(it.Result())
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, q.String())
		}
		slices.Sort(out)
		return out
	}
	for _, c := range []struct {
		d       quad.Direction
		node, p quad.Value
	}{
		{quad.Subject, quad.IRI("http://neg"), schema.Mediator},
		{quad.Object, quad.IRI("http://qatar"), schema.Mediator},
		{quad.Object, quad.IRI("http://neg"), schema.Mentions},
		{quad.Subject, quad.IRI("http://a"), schema.Mentions},
	} {
		n, _ := s.QS.ValueOf(c.node)
		p, _ := s.QS.ValueOf(c.p)
		it, ok := b.ScanPair(ctx, c.d, n, p)
		if !ok {
			t.Fatalf("ScanPair %v: no index", c.d)
		}
		got := read(it)
		want := read(iterator.NewAnd(s.QS.QuadIterator(c.d, n), s.QS.QuadIterator(quad.Predicate, p)).Iterate())
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%v %v %v: ScanPair found %v, Cayley %v", c.d, c.node, c.p, got, want)
		}
	}
}
