package postgres

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/schema"
	"github.com/parleygraph/parley/store"
	"github.com/parleygraph/parley/store/pgtest"
	"github.com/parleygraph/parley/store/storetest"
)

// openStore opens an empty store in a fresh database for t.
func openStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(store.Options{Backend: Name, Path: pgtest.Fresh(t), Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// be is the PostgreSQL backend under s.
func be(s *store.Store) *backend { return s.Unwrap().(*backend) }

// applyOnce is Write's one strict ApplyDeltas call, with the deltas in the order given.
func (ss *backend) applyOnce(ds []graph.Delta) error {
	if len(ds) == 0 {
		return nil
	}
	return ss.qs.ApplyDeltas(ds, graph.IgnoreOpts{})
}

func joinDeltas(adds, dels []graph.Delta) []graph.Delta {
	return append(append(make([]graph.Delta, 0, len(adds)+len(dels)), adds...), dels...)
}

// checkSQL fails t unless every quad of s resolves to its values and every node's
// reference count is right.
func checkSQL(t *testing.T, s *store.Store) {
	t.Helper()
	for q := range storetest.All(t, s) {
		if q.Subject == nil || q.Predicate == nil || q.Object == nil {
			t.Fatalf("quad with a missing node: %v", q)
		}
	}
	n, err := be(s).badRefcounts(context.Background())
	if err != nil || n != 0 {
		t.Fatalf("%d nodes with a wrong reference count (%v)", n, err)
	}
}

// TestPostgresApplyDeltasOneCall is why parley writes an article with one
// ApplyDeltas call on SQL (see applyOnce): a call that both adds and deletes quads
// about one node — which Cayley's kv store gets wrong — leaves the right quads and
// the right node reference counts.
func TestPostgresApplyDeltasOneCall(t *testing.T) {
	iri := func(s string) quad.IRI { return quad.IRI("http://x/" + s) }
	q := func(s, p string, o quad.Value, l string) quad.Quad {
		return quad.Quad{Subject: iri(s), Predicate: iri(p), Object: o, Label: iri(l)}
	}
	tests := []struct {
		name             string
		before, add, del []quad.Quad
	}{
		{"a node's value replaced",
			[]quad.Quad{q("n", "name", quad.String("a"), "n")},
			[]quad.Quad{q("n", "name", quad.String("b"), "n")},
			[]quad.Quad{q("n", "name", quad.String("a"), "n")}},
		{"a node's only own quad goes as another about it comes",
			[]quad.Quad{q("x", "type", iri("Org"), "x"), q("a", "mentions", iri("x"), "a")},
			[]quad.Quad{q("x", "name", quad.String("X"), "x")},
			[]quad.Quad{q("x", "type", iri("Org"), "x")}},
		{"a node loses every quad and is named by a new one",
			[]quad.Quad{q("n", "p", iri("o1"), "n"), q("n", "p", iri("o2"), "n")},
			[]quad.Quad{q("m", "q", iri("n"), "m")},
			[]quad.Quad{q("n", "p", iri("o1"), "n"), q("n", "p", iri("o2"), "n")}},
		{"a node only deleted quads named comes back in another direction",
			[]quad.Quad{q("a", "mentions", iri("x"), "a")},
			[]quad.Quad{q("x", "type", iri("Org"), "x")},
			[]quad.Quad{q("a", "mentions", iri("x"), "a")}},
		{"an article replaces its facts",
			[]quad.Quad{q("a", "mentions", iri("qatar"), "a"), q("qatar", "name", quad.String("Qatar"), "qatar"), q("neg", "mediator", iri("qatar"), "st1")},
			[]quad.Quad{q("a", "mentions", iri("egypt"), "a"), q("egypt", "name", quad.String("Egypt"), "egypt"), q("neg", "mediator", iri("egypt"), "st2")},
			[]quad.Quad{q("a", "mentions", iri("qatar"), "a"), q("qatar", "name", quad.String("Qatar"), "qatar"), q("neg", "mediator", iri("qatar"), "st1")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t)
			deltas := func(qs []quad.Quad, a graph.Procedure) []graph.Delta {
				var out []graph.Delta
				for _, q := range qs {
					out = append(out, graph.Delta{Quad: q, Action: a})
				}
				return out
			}
			if err := be(s).applyOnce(deltas(tt.before, graph.Add)); err != nil {
				t.Fatal(err)
			}
			if err := be(s).applyOnce(joinDeltas(deltas(tt.add, graph.Add), deltas(tt.del, graph.Delete))); err != nil {
				t.Fatal(err)
			}
			want := map[quad.Quad]bool{}
			for _, q := range tt.before {
				want[q] = true
			}
			for _, q := range tt.del {
				delete(want, q)
			}
			for _, q := range tt.add {
				want[q] = true
			}
			got := storetest.All(t, s)
			if len(got) != len(want) {
				t.Fatalf("got %v, want %v", got, want)
			}
			for q := range want {
				if !got[q] {
					t.Fatalf("missing %v; got %v", q, got)
				}
			}
			checkSQL(t, s)
			// Deleting everything must give back every reference: no node is left.
			var rest []quad.Quad
			for q := range got {
				rest = append(rest, q)
			}
			if err := be(s).applyOnce(deltas(rest, graph.Delete)); err != nil {
				t.Fatal(err)
			}
			var nodes int
			if err := be(s).db.QueryRow(`SELECT count(*) FROM nodes`).Scan(&nodes); err != nil || nodes != 0 {
				t.Fatalf("%d nodes left after deleting every quad (%v)", nodes, err)
			}
		})
	}
	// Random calls over a few nodes, each adding and deleting at once, against a model.
	t.Run("random", func(t *testing.T) {
		s := openStore(t)
		r := rand.New(rand.NewPCG(3, 9))
		model := map[quad.Quad]bool{}
		node := func() string { return fmt.Sprint("n", r.IntN(6)) }
		for round := range 40 {
			var ds []graph.Delta
			touched := map[quad.Quad]bool{}
			for range 1 + r.IntN(8) {
				cand := q(node(), fmt.Sprint("p", r.IntN(2)), iri(node()), node())
				if touched[cand] {
					continue
				}
				touched[cand] = true
				a := graph.Add
				if model[cand] {
					a = graph.Delete
				}
				ds = append(ds, graph.Delta{Quad: cand, Action: a})
			}
			if err := be(s).applyOnce(ds); err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			for _, d := range ds {
				model[d.Quad] = d.Action == graph.Add
				if !model[d.Quad] {
					delete(model, d.Quad)
				}
			}
			got := storetest.All(t, s)
			if len(got) != len(model) {
				t.Fatalf("round %d: %d quads, want %d", round, len(got), len(model))
			}
			for q := range model {
				if !got[q] {
					t.Fatalf("round %d: missing %v", round, q)
				}
			}
			checkSQL(t, s)
		}
	})
}

// A stale plan (a quad added twice, or a missing one deleted) fails and changes
// nothing, rather than leaving reference counts wrong.
func TestPostgresApplyOnceIsStrict(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	a := storetest.Doc("http://a", "http://neg", "http://qatar")
	if _, err := s.ReplaceArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	before := storetest.All(t, s)
	dup := graph.Delta{Quad: a.Quads[0], Action: graph.Add}
	missing := graph.Delta{Quad: quad.Quad{Subject: quad.IRI("http://a"), Predicate: schema.Mentions, Object: quad.IRI("http://nowhere"), Label: quad.IRI("http://a")}, Action: graph.Delete}
	fresh := graph.Delta{Quad: quad.Quad{Subject: quad.IRI("http://a"), Predicate: schema.Mentions, Object: quad.IRI("http://new"), Label: quad.IRI("http://a")}, Action: graph.Add}
	for _, ds := range [][]graph.Delta{{fresh, dup}, {fresh, missing}} {
		if err := be(s).applyOnce(ds); err == nil {
			t.Fatalf("%v accepted", ds)
		}
		if got := storetest.All(t, s); len(got) != len(before) || got[fresh.Quad] {
			t.Fatalf("a failed write changed the store: %d quads, was %d", len(got), len(before))
		}
		checkSQL(t, s)
	}
	// Why strict: Cayley's loose options accept both writes and miscount nodes.
	for _, c := range []struct {
		opts graph.IgnoreOpts
		ds   []graph.Delta
	}{{graph.IgnoreOpts{IgnoreDup: true}, []graph.Delta{fresh, dup}}, {graph.IgnoreOpts{IgnoreMissing: true}, []graph.Delta{fresh, missing}}} {
		s := openStore(t)
		if _, err := s.ReplaceArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if err := s.QS.ApplyDeltas(c.ds, c.opts); err != nil {
			t.Fatal(err)
		}
		if n, err := be(s).badRefcounts(ctx); err != nil || n == 0 {
			t.Fatalf("%+v now counts nodes right (%v): applyOnce's comment is out of date", c.opts, err)
		}
	}
}

func TestPostgresOpen(t *testing.T) {
	dsn := pgtest.Fresh(t)
	ctx := context.Background()
	// Reading an empty database: no store yet.
	if _, err := store.Open(store.Options{Backend: Name, Path: dsn, ReadOnly: true}); !errors.Is(err, store.ErrNoStore) {
		t.Fatalf("read before any load: want store.ErrNoStore, got %v", err)
	}
	w, err := store.Open(store.Options{Backend: Name, Path: dsn, Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.ReplaceArticle(ctx, storetest.Doc("http://a", "http://neg", "http://qatar")); err != nil {
		t.Fatal(err)
	}
	// One writer per database; readers are welcome.
	if _, err := store.Open(store.Options{Backend: Name, Path: dsn, Create: true}); !errors.Is(err, store.ErrInUse) {
		t.Fatalf("second writer: want store.ErrInUse, got %v", err)
	}
	r, err := store.Open(store.Options{Backend: Name, Path: dsn, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	// The article's quads and a support count for each of the three nodes it supports.
	if n, err := r.Size(ctx); err != nil || n != int64(len(storetest.Doc("http://a", "http://neg", "http://qatar").Quads)+3) {
		t.Fatalf("reader sees %d quads (%v)", n, err)
	}
	r.Close()
	// parley's label index is there, and the planner uses it for an article's quads.
	var plan string
	rows, err := be(w).db.Query(`EXPLAIN SELECT * FROM quads WHERE label_hash = '\x00'::bytea`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var line string
		rows.Scan(&line)
		plan += line + "\n"
	}
	rows.Close()
	if !strings.Contains(plan, "parley_label_index") {
		t.Fatalf("label lookups do not use parley_label_index:\n%s", plan)
	}
	// The lock goes with the writer.
	w.Close()
	w2, err := store.Open(store.Options{Backend: Name, Path: dsn, Create: true})
	if err != nil {
		t.Fatalf("writer after the first closed: %v", err)
	}
	w2.Close()
}

func TestPostgresOpenErrorsNameTheDatabase(t *testing.T) {
	tests := []struct{ name, dsn, want string }{
		{"refused", "postgres://parley:s3cret-pw@127.0.0.1:1/graphdb?sslmode=disable&connect_timeout=5", "postgres://parley:xxxxx@127.0.0.1:1/graphdb"},
		{"bad url", "postgres://parley:s3cret-pw@127.0.0.1:notaport/graphdb", "postgres://parley:xxxxx@127.0.0.1:notaport/graphdb"},
		{"key=value", "host=127.0.0.1 port=1 dbname=graphdb user=parley password=s3cret-pw sslmode=disable connect_timeout=5", "dbname=graphdb user=parley password=xxxxx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := store.Open(store.Options{Backend: Name, Path: tt.dsn, Create: true})
			if err == nil {
				t.Fatal("opened")
			}
			if msg := err.Error(); !strings.Contains(msg, tt.want) || strings.Contains(msg, "s3cret") {
				t.Fatalf("error %q: want it to name %q without the password", msg, tt.want)
			}
		})
	}
	if got := RedactDSN("postgres://u@h/db?password=pw&sslmode=disable"); got != "postgres://u@h/db?password=xxxxx&sslmode=disable" {
		t.Fatalf("RedactDSN: %s", got)
	}
}

// Times with a fraction of a second: the SQL store keeps microseconds, Cayley hashes
// seconds. Replacing an article that keeps its date, and two articles whose dates
// fall in the same second, must work and keep every date quad.
func TestPostgresTimesWithFractions(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	dated := func(d store.Doc, nanos int) store.Doc {
		d.Quads = append(d.Quads, quad.Quad{Subject: d.IRI, Predicate: schema.DatePublished,
			Object: quad.Time(time.Date(2026, 5, 1, 12, 0, 0, nanos, time.FixedZone("CEST", 7200))), Label: d.IRI})
		return d
	}
	for _, d := range []store.Doc{
		dated(storetest.Doc("http://a", "http://neg", "http://qatar"), 123456789),
		dated(storetest.Doc("http://a", "http://neg", "http://egypt"), 123456789),
		dated(storetest.Doc("http://b", "http://neg", "http://egypt"), 987654321),
		dated(storetest.Doc("http://b", "http://neg", "http://qatar"), 987654321),
	} {
		if _, err := s.ReplaceArticle(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	dates := 0
	for q := range storetest.All(t, s) {
		if q.Predicate == schema.DatePublished {
			dates++
			if got := time.Time(q.Object.(quad.Time)); !got.Equal(time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)) {
				t.Fatalf("date stored as %v", got)
			}
		}
	}
	if dates != 2 {
		t.Fatalf("%d date quads, want 2", dates)
	}
	checkSQL(t, s)
}

// TestCayleySchema pins the columns of Cayley's tables that parley's own
// statements name (indexes, Check, SupportedElsewhere, Size, Truncate): a Cayley
// upgrade that renames one fails here rather than in a query at run time.
func TestCayleySchema(t *testing.T) {
	s := openStore(t)
	want := map[string][]string{
		"quads": {"subject_hash", "predicate_hash", "object_hash", "label_hash"},
		"nodes": {"hash", "refs"},
	}
	for table, cols := range want {
		for _, col := range cols {
			var n int
			err := be(s).db.QueryRow(`SELECT count(*) FROM information_schema.columns WHERE table_name = $1 AND column_name = $2`, table, col).Scan(&n)
			if err != nil || n != 1 {
				t.Errorf("Cayley's %s table has no column %s (%v)", table, col, err)
			}
		}
	}
}

// TestResolveQuadsMatchesCayley holds ResolveQuads' decoding of node rows to
// Cayley's own (NameOf): every kind of value, read both ways, must be equal.
func TestResolveQuadsMatchesCayley(t *testing.T) {
	s := openStore(t)
	ss := be(s)
	a, p := quad.IRI("http://a"), quad.IRI("http://p")
	var ds []graph.Delta
	for _, v := range []quad.Value{
		quad.IRI("http://b"), quad.BNode("n1"), quad.String("plain"), quad.String("nul\x00byte"),
		quad.LangString{Value: "الوساطة", Lang: "ar"}, quad.TypedString{Value: "x", Type: "http://t"},
		quad.Int(-42), quad.Bool(true), quad.Float(2.5), quad.Time(time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)),
	} {
		ds = append(ds, graph.Delta{Quad: quad.Quad{Subject: a, Predicate: p, Object: v, Label: a}, Action: graph.Add})
	}
	if err := ss.applyOnce(ds); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var refs []graph.Ref
	it := ss.qs.QuadsAllIterator().Iterate()
	for it.Next(ctx) {
		refs = append(refs, it.Result())
	}
	it.Close()
	if len(refs) != len(ds) {
		t.Fatalf("%d quads stored, want %d", len(refs), len(ds))
	}
	got, err := ss.ResolveQuads(ctx, refs)
	if err != nil {
		t.Fatal(err)
	}
	again, err := ss.ResolveQuads(ctx, refs) // from the cache
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range refs {
		want, err := ss.qs.Quad(r)
		if err != nil {
			t.Fatal(err)
		}
		if got[i] != want || again[i] != want {
			t.Errorf("quad %d: resolved %v (cached %v), Cayley reads %v", i, got[i], again[i], want)
		}
	}
}
