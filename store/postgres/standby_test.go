package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/store"
	"github.com/parleygraph/parley/store/pgtest"
)

// heldQuads reads every quad of s, values and all, within ctx's hold.
func heldQuads(t *testing.T, ctx context.Context, s *store.Store) map[quad.Quad]bool {
	t.Helper()
	out, err := readHeld(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readHeld(ctx context.Context, s *store.Store) (map[quad.Quad]bool, error) {
	return readQuads(ctx, s, s.QS.QuadsAllIterator())
}

// readSlowly reads the quads of each subject in a statement of its own, a
// moment apart, as a reader walking the graph does.
func readSlowly(ctx context.Context, s *store.Store, subjects ...quad.Value) (map[quad.Quad]bool, error) {
	out := map[quad.Quad]bool{}
	for _, v := range subjects {
		ref, err := s.QS.ValueOf(v)
		if err != nil {
			return nil, err
		}
		qs, err := readQuads(ctx, s, s.QS.QuadIterator(quad.Subject, ref))
		if err != nil {
			return nil, err
		}
		for q := range qs {
			out[q] = true
		}
		time.Sleep(2 * time.Millisecond)
	}
	return out, nil
}

func readQuads(ctx context.Context, s *store.Store, sh iterator.Shape) (map[quad.Quad]bool, error) {
	out := map[quad.Quad]bool{}
	it := sh.Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.QS.Quad(it.Result())
		if err != nil {
			return nil, err
		}
		if q.Subject == nil || q.Predicate == nil || q.Object == nil {
			return nil, fmt.Errorf("quad with a missing node: %v", q)
		}
		out[q] = true
	}
	return out, it.Err()
}

// TestHotStandby: a reader opens a hot standby and sees what the primary commits
// once it has replayed, each hold in one snapshot (a commit replayed during a
// hold shows after it, whole); a writer is refused, naming the standby.
func TestHotStandby(t *testing.T) {
	pair := pgtest.Replicated(t)
	ctx := context.Background()
	iri := func(s string) quad.IRI { return quad.IRI("http://x/" + s) }
	article := func(mediator string) []quad.Quad {
		return []quad.Quad{
			{Subject: iri("a"), Predicate: iri("mentions"), Object: iri(mediator), Label: iri("a")},
			{Subject: iri(mediator), Predicate: iri("name"), Object: quad.String(mediator), Label: iri(mediator)},
			{Subject: iri("talks"), Predicate: iri("mediator"), Object: iri(mediator), Label: iri("a")},
		}
	}
	deltas := func(qs []quad.Quad, a graph.Procedure) []graph.Delta {
		var out []graph.Delta
		for _, q := range qs {
			out = append(out, graph.Delta{Quad: q, Action: a})
		}
		return out
	}
	w, err := store.Open(store.Options{Backend: Name, Path: pair.Primary, Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.Unwrap().Write(ctx, store.Change{Adds: deltas(article("qatar"), graph.Add)}); err != nil {
		t.Fatal(err)
	}
	pair.WaitReplay(t)

	for _, opt := range []store.Options{{Path: pair.Standby}, {Path: pair.Standby, Create: true}} {
		_, err := store.Open(opt)
		if !errors.Is(err, store.ErrReadOnly) || !strings.Contains(err.Error(), RedactDSN(pair.Standby)) || !strings.Contains(err.Error(), "hot standby") {
			t.Fatalf("writer on the standby (create %v): %v; want store.ErrReadOnly naming it", opt.Create, err)
		}
	}
	r, err := store.Open(store.Options{Path: pair.Standby, ReadOnly: true})
	if err != nil {
		t.Fatalf("reader on the standby: %v", err)
	}
	defer r.Close()
	same := func(what string, got map[quad.Quad]bool, want []quad.Quad) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: %d quads %v, want %v", what, len(got), got, want)
		}
		for _, q := range want {
			if !got[q] {
				t.Fatalf("%s: no %v in %v", what, q, got)
			}
		}
	}

	// The article's mediator changes (Qatar's node goes) while a reader holds the
	// store: it reads on in its snapshot, values included.
	held, release := r.Hold(ctx)
	same("before the replacement", heldQuads(t, held, r), article("qatar"))
	replace := store.Change{Adds: deltas(article("egypt"), graph.Add), Dels: deltas(article("qatar"), graph.Delete)}
	if err := w.Unwrap().Write(ctx, replace); err != nil {
		t.Fatal(err)
	}
	pair.WaitReplay(t)
	same("in the hold taken before the replacement replayed", heldQuads(t, held, r), article("qatar"))
	if n, err := r.Size(held); err != nil || n != 3 {
		t.Fatalf("size in the hold: %d, %v", n, err)
	}
	release()
	held, release = r.Hold(ctx)
	same("after the replacement replayed", heldQuads(t, held, r), article("egypt"))

	// A snapshot older than maxSnapshotAge takes no new holders: they wait for
	// its holders to finish, and see the commits replayed meanwhile.
	if err := w.Unwrap().Write(ctx, store.Change{Adds: deltas(article("qatar"), graph.Add), Dels: deltas(article("egypt"), graph.Delete)}); err != nil {
		t.Fatal(err)
	}
	pair.WaitReplay(t)
	time.Sleep(maxSnapshotAge + 100*time.Millisecond)
	got := make(chan map[quad.Quad]bool)
	go func() {
		held, release := r.Hold(ctx)
		defer release()
		got <- heldQuads(t, held, r)
	}()
	select {
	case q := <-got:
		t.Fatalf("a new holder joined a stale snapshot: %v", q)
	case <-time.After(200 * time.Millisecond):
	}
	same("still in the first holder's snapshot", heldQuads(t, held, r), article("egypt"))
	release()
	same("a new holder after the stale snapshot", <-got, article("qatar"))

	// Readers that overlap while the primary swaps the mediator back and forth:
	// each hold sees one article whole, and the holds move on to new commits.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	seen := make([]map[string]int, 4)
	for i := range seen {
		seen[i] = map[string]int{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				held, release := r.Hold(ctx)
				got, err := readSlowly(held, r, iri("a"), iri("qatar"), iri("egypt"), iri("talks"))
				release()
				switch {
				case err != nil:
					t.Errorf("a hold beside the swaps: %v", err)
					return
				case sameSet(got, article("qatar")):
					seen[i]["qatar"]++
				case sameSet(got, article("egypt")):
					seen[i]["egypt"]++
				default:
					t.Errorf("a hold saw neither article whole: %v", got)
					return
				}
			}
		}()
	}
	from, to := "qatar", "egypt"
	for range 20 {
		change := store.Change{Adds: deltas(article(to), graph.Add), Dels: deltas(article(from), graph.Delete)}
		if err := w.Unwrap().Write(ctx, change); err != nil {
			t.Fatal(err)
		}
		from, to = to, from
		time.Sleep(50 * time.Millisecond)
	}
	pair.WaitReplay(t)
	time.Sleep(2 * maxSnapshotAge) // the readers' snapshots move on
	close(stop)
	wg.Wait()
	for i, n := range seen {
		if n["qatar"] == 0 || n["egypt"] == 0 {
			t.Errorf("reader %d saw %v: not both states", i, n)
		}
	}
	held, release = r.Hold(ctx)
	defer release()
	same("after the swaps", heldQuads(t, held, r), article(from))
}

func sameSet(got map[quad.Quad]bool, want []quad.Quad) bool {
	if len(got) != len(want) {
		return false
	}
	for _, q := range want {
		if !got[q] {
			return false
		}
	}
	return true
}
