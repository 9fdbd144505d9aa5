package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/schema"
	"github.com/parleygraph/parley/store"
)

// testVerify checks that Verify finds each kind of damage, and only damage. The
// store's own writes cannot make an unsound store (validation refuses the docs
// that would), so the damage is written through the lowest API Store exposes:
// its Cayley quad store, Store.QS (graph.QuadStore.ApplyDeltas), below parley's
// write discipline. Each damage is undone the same way, after which Verify is
// clean and the quad set is what it was.
func (s *suite) testVerify(t *testing.T) {
	ctx := context.Background()
	st, _, docs, m := s.loaded(t)
	s.check(t, st, m, "after the load")

	// The most supported node, and a statement's edge (the shared quad "s p o"
	// labelled with the statement), from the articles.
	sup := docs.supporters()
	var node quad.Value
	for n, c := range sup {
		if node == nil || c > sup[node] || c == sup[node] && n.String() < node.String() {
			node = n
		}
	}
	var edge quad.Quad
	for _, d := range docs.list() {
		for _, q := range d.Quads {
			if q.Label != d.IRI && q.Label != q.Subject && edge.Label == nil {
				edge = q
			}
		}
	}
	if node == nil || edge.Label == nil {
		t.Fatal("fixture: the articles support no node or assert no statement")
	}
	stray := schema.ID("storetest", "unsupported")
	note := quad.IRI(schema.NoteBase + "storetest")
	tests := []struct {
		name     string
		add, del []quad.Quad // damage, written through Store.QS
		notes    []quad.Quad // written through Store.WriteNotes instead
		problems int         // how many Verify must report
		mention  string      // what each problem must name
	}{
		{name: "unsupported shared quad",
			add:      []quad.Quad{{Subject: stray, Predicate: schema.DisplayName, Object: quad.String("Unsupported"), Label: stray}},
			problems: 1, mention: quad.StringOf(stray)},
		{name: "second support count",
			add:      []quad.Quad{countQuad(node, sup[node]+1)},
			problems: 1, mention: quad.StringOf(node)},
		{name: "statement edge missing",
			del:      []quad.Quad{edge},
			problems: 1, mention: edge.String()},
		{name: "analyst's note is no damage",
			notes:    []quad.Quad{{Subject: stray, Predicate: schema.DisplayName, Object: quad.String("A note"), Label: note}},
			problems: 0},
	}
	apply := func(t *testing.T, qs []quad.Quad, action graph.Procedure) {
		t.Helper()
		if len(qs) == 0 {
			return
		}
		var deltas []graph.Delta
		for _, q := range qs {
			deltas = append(deltas, graph.Delta{Quad: q, Action: action})
		}
		// Additions and deletions in separate calls: Cayley's kv store gets a call
		// doing both about one node wrong (see store.batchKV).
		if err := st.QS.ApplyDeltas(deltas, graph.IgnoreOpts{}); err != nil {
			t.Fatalf("write through Store.QS: %v", err)
		}
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.name, " ", "_"), func(t *testing.T) {
			d0, n0 := digest(t, st)
			apply(t, tt.add, graph.Add)
			apply(t, tt.del, graph.Delete)
			if err := st.WriteNotes(ctx, tt.notes, nil); err != nil {
				t.Fatalf("WriteNotes: %v", err)
			}
			if d, n := digest(t, st); d == d0 || n != n0+int64(len(tt.add)+len(tt.notes)-len(tt.del)) {
				t.Fatalf("the damage did not reach the store: %d quads → %d", n0, n)
			}
			problems, err := st.Verify(ctx)
			if err != nil {
				t.Fatalf("Verify: %v", err)
			}
			if len(problems) != tt.problems {
				t.Errorf("Verify found %d problems, want %d: %q", len(problems), tt.problems, problems)
			}
			for _, p := range problems {
				if !strings.Contains(p, tt.mention) {
					t.Errorf("Verify's problem %q does not name %s", p, tt.mention)
				}
			}
			apply(t, tt.add, graph.Delete)
			apply(t, tt.del, graph.Add)
			if err := st.WriteNotes(ctx, nil, tt.notes); err != nil {
				t.Fatalf("WriteNotes (undo): %v", err)
			}
			if d, n := digest(t, st); d != d0 || n != n0 {
				t.Fatalf("undoing the damage left %d quads (digest %v), had %d (%v)", n, d, n0, d0)
			}
			checkVerify(t, st, "after undoing the damage")
		})
	}
	// A note's label is checked: WriteNotes refuses any other quad, and writes
	// nothing of the call.
	d0, n0 := digest(t, st)
	err := st.WriteNotes(ctx, []quad.Quad{
		{Subject: stray, Predicate: schema.DisplayName, Object: quad.String("A note"), Label: note},
		{Subject: stray, Predicate: schema.DisplayName, Object: quad.String("Not a note"), Label: stray},
	}, nil)
	if !errors.Is(err, store.ErrNotNote) {
		t.Errorf("WriteNotes of a quad that is not a note: %v; want store.ErrNotNote", err)
	}
	if d, n := digest(t, st); d != d0 || n != n0 {
		t.Errorf("a refused WriteNotes changed the store: %d quads → %d", n0, n)
	}
	s.check(t, st, m, "after the damage was undone")
}
