package store_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/schema"
	"github.com/parleygraph/parley/store"
	"github.com/parleygraph/parley/store/bolt"
	"github.com/parleygraph/parley/store/memory"
	"github.com/parleygraph/parley/store/postgres"
	"github.com/parleygraph/parley/store/storetest"
)

func TestReplaceArticleSharedSupport(t *testing.T) {
	ctx := context.Background()
	for _, backend := range []string{bolt.Name, memory.Name, postgres.Name} {
		t.Run(backend, func(t *testing.T) {
			s := openFresh(t, backend)
			a := storetest.Doc("http://a", "http://neg", "http://qatar")
			b := storetest.Doc("http://b", "http://neg", "http://qatar")
			for _, d := range []store.Doc{a, b} {
				if _, err := s.ReplaceArticle(ctx, d); err != nil {
					t.Fatal(err)
				}
			}
			edge := quad.Quad{Subject: quad.IRI("http://neg"), Predicate: schema.Mediator, Object: quad.IRI("http://qatar"), Label: schema.StatementID(quad.IRI("http://neg"), schema.Mediator, quad.IRI("http://qatar"))}
			if !storetest.All(t, s)[edge] {
				t.Fatalf("edge %v missing after two writes", edge)
			}
			// The same article again changes nothing.
			n1, _ := s.Size(ctx)
			res, err := s.ReplaceArticle(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			if n2, _ := s.Size(ctx); n1 != n2 || res.Deleted != 0 {
				t.Fatalf("rewrite of an unchanged article: %d → %d quads, %d deleted", n1, n2, res.Deleted)
			}
			// A still supports the shared quads when B goes.
			if _, err := s.DeleteArticle(ctx, "http://b"); err != nil {
				t.Fatal(err)
			}
			got := storetest.All(t, s)
			if !got[edge] {
				t.Fatal("shared edge removed while article a still asserts it")
			}
			for q := range got {
				if q.Label == quad.IRI("http://b") {
					t.Fatalf("quad of deleted article left: %v", q)
				}
			}
			// A changes to name another mediator: the old edge goes, the new one comes.
			a2 := storetest.Doc("http://a", "http://neg", "http://egypt")
			if _, err := s.ReplaceArticle(ctx, a2); err != nil {
				t.Fatal(err)
			}
			got = storetest.All(t, s)
			if got[edge] {
				t.Fatal("old edge kept after its only article changed")
			}
			for q := range got {
				if q.Object == quad.IRI("http://qatar") || q.Subject == quad.IRI("http://qatar") {
					t.Fatalf("quad about an unsupported node left: %v", q)
				}
			}
			if _, err := s.DeleteArticle(ctx, "http://a"); err != nil {
				t.Fatal(err)
			}
			if n, _ := s.Size(ctx); n != 0 {
				t.Fatalf("%d quads left after deleting every article: %v", n, storetest.All(t, s))
			}
		})
	}
}

func TestReplaceArticleRejectsUnsupportedSharedQuads(t *testing.T) {
	s := openFresh(t, bolt.Name)
	d := storetest.Doc("http://a", "http://neg", "http://qatar")
	d.Quads = append(d.Quads, quad.Quad{Subject: quad.IRI("http://stray"), Predicate: schema.DisplayName, Object: quad.String("x"), Label: quad.IRI("http://stray")})
	if _, err := s.ReplaceArticle(context.Background(), d); err == nil || !strings.Contains(err.Error(), "no support") {
		t.Fatalf("want an error about the unsupported quad, got %v", err)
	}
	if n, _ := s.Size(context.Background()); n != 0 {
		t.Fatalf("a rejected write left %d quads", n)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := store.Open(store.Options{Path: filepath.Join(dir, "missing.db"), ReadOnly: true}); !errors.Is(err, store.ErrNoStore) {
		t.Fatalf("opening a missing store for reading: want store.ErrNoStore, got %v", err)
	}
	path := filepath.Join(dir, "p.db")
	s, err := store.Open(store.Options{Path: path, Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// bolt holds an exclusive flock: a second writer must fail fast, not hang.
	start := time.Now()
	_, err = store.Open(store.Options{Path: path, Create: true, LockTimeout: 100 * time.Millisecond})
	if !errors.Is(err, store.ErrInUse) || !strings.Contains(err.Error(), "in use by another process") {
		t.Fatalf("second open: want store.ErrInUse, got %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("second open took %v", d)
	}
	if _, err := store.Open(store.Options{Backend: "nope"}); err == nil {
		t.Fatal("unknown backend accepted")
	}
}

func TestGizmo(t *testing.T) {
	for _, backend := range []string{bolt.Name, postgres.Name} {
		t.Run(backend, func(t *testing.T) { testGizmo(t, openFresh(t, backend)) })
	}
}

func testGizmo(t *testing.T, s *store.Store) {
	ctx := context.Background()
	if _, err := s.ReplaceArticle(ctx, storetest.Doc("http://a", "http://neg", "http://qatar")); err != nil {
		t.Fatal(err)
	}
	rows, err := s.Gizmo(ctx, `g.V(params.node).out("<`+string(schema.Mediator)+`>").all()`, store.QueryOptions{Params: map[string]any{"node": "<http://neg>"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].(map[string]any)["id"] != "<http://qatar>" {
		t.Fatalf("rows = %v", rows)
	}
	tests := []struct {
		name, src string
		opt       store.QueryOptions
		want      string
	}{
		{"endless loop", `while (true) {}`, store.QueryOptions{Timeout: 200 * time.Millisecond}, "timed out"},
		{"huge result", `for (var i = 0; i < 1000000; i++) g.emit(i)`, store.QueryOptions{Limit: 10}, "row limit"},
		{"syntax error", `g.V(`, store.QueryOptions{}, "gizmo"},
		{"runtime error", `undefinedFunction()`, store.QueryOptions{}, "undefinedFunction"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := s.Gizmo(ctx, tt.src, tt.opt)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("want error containing %q, got %v", tt.want, err)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Fatalf("took %v", d)
			}
		})
	}
}

func TestArticleSources(t *testing.T) {
	for _, backend := range []string{bolt.Name, postgres.Name} {
		t.Run(backend, func(t *testing.T) { testArticleSources(t, openFresh(t, backend)) })
	}
}

func testArticleSources(t *testing.T, s *store.Store) {
	ctx := context.Background()
	for _, name := range []string{"http://b", "http://a"} {
		d := storetest.Doc(name, "http://neg", "http://qatar")
		d.Quads = append(d.Quads, quad.Quad{Subject: quad.IRI(name), Predicate: schema.Source, Object: quad.String("/src/" + name[7:]), Label: quad.IRI(name)})
		if _, err := s.ReplaceArticle(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	srcs, err := s.ArticleSources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range srcs {
		got = append(got, a.Source)
	}
	if !sort.StringsAreSorted(got) || len(got) != 2 || got[0] != "/src/a" {
		t.Fatalf("sources = %v", got)
	}
	h, err := s.ArticleHash(ctx, "http://a")
	if err != nil || h != "sha256:http://ahttp://neghttp://qatar" {
		t.Fatalf("hash = %q, %v", h, err)
	}
}

// TestEachQuadResolvesInBatches reads more quads than one resolve batch, whole and
// stopped early, and a replaced article's old quads through the same path.
func TestEachQuadResolvesInBatches(t *testing.T) {
	s := openFresh(t, bolt.Name)
	ctx := context.Background()
	p := quad.IRI("http://example.org/p")
	n := 2*store.ResolveBatch + 77
	build := func(version int) store.Doc {
		a := quad.IRI("http://article/many")
		d := store.Doc{IRI: a}
		for i := range n {
			d.Quads = append(d.Quads, quad.Quad{Subject: a, Predicate: p, Object: quad.String(fmt.Sprintf("v%d-%d", version, i)), Label: a})
		}
		return d
	}
	if _, err := s.ReplaceArticle(ctx, build(1)); err != nil {
		t.Fatal(err)
	}
	got, err := store.QuadsWith(s, ctx, quad.Predicate, p)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[quad.Value]bool{}
	for _, q := range got {
		if q.Predicate != p || q.Subject != quad.IRI("http://article/many") || q.Label != quad.IRI("http://article/many") {
			t.Fatalf("resolved %v: wrong values", q)
		}
		seen[q.Object] = true
	}
	if len(got) != n || len(seen) != n {
		t.Fatalf("read %d quads (%d distinct objects), want %d", len(got), len(seen), n)
	}
	calls := 0
	if err := store.EachQuad(s, ctx, quad.Predicate, p, func(quad.Quad) bool { calls++; return calls < store.ResolveBatch+3 }); err != nil {
		t.Fatal(err)
	}
	if calls != store.ResolveBatch+3 {
		t.Errorf("eachQuad went on after fn returned false: %d calls, want %d", calls, store.ResolveBatch+3)
	}
	// A replacement plans against the old quads read this way: none may survive.
	if _, err := s.ReplaceArticle(ctx, build(2)); err != nil {
		t.Fatal(err)
	}
	if got, err = store.QuadsWith(s, ctx, quad.Predicate, p); err != nil {
		t.Fatal(err)
	}
	for _, q := range got {
		if v, _ := quad.NativeOf(q.Object).(string); !strings.HasPrefix(v, "v2-") {
			t.Fatalf("after replacement, old quad %v is still there", q)
		}
	}
	if len(got) != n {
		t.Fatalf("after replacement: %d quads, want %d", len(got), n)
	}
}

// TestReplaceArticlesMatchesOneByOne writes the same random sequence of article
// versions in groups and one at a time: the stores must end equal and sound.
func TestReplaceArticlesMatchesOneByOne(t *testing.T) {
	for _, backend := range []string{bolt.Name, postgres.Name} {
		t.Run(backend, func(t *testing.T) { testReplaceArticlesMatchesOneByOne(t, backend) })
	}
}

func testReplaceArticlesMatchesOneByOne(t *testing.T, backend string) {
	ctx := context.Background()
	for seed := uint64(1); seed <= 6; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 7))
			grouped := openFresh(t, backend)
			single := openFresh(t, backend)
			for round := range 6 {
				var docs []store.Doc
				for range 5 + r.IntN(20) {
					docs = append(docs, storetest.RandomDoc(r, fmt.Sprintf("http://article/%d", r.IntN(30)), round))
				}
				_, errs := grouped.ReplaceArticles(ctx, docs)
				for i, d := range docs {
					if errs[i] != nil {
						t.Fatalf("grouped write of %s: %v", d.IRI, errs[i])
					}
					if _, err := single.ReplaceArticle(ctx, d); err != nil {
						t.Fatal(err)
					}
				}
				if round%2 == 1 { // delete one article from both
					gone := quad.IRI(fmt.Sprintf("http://article/%d", r.IntN(30)))
					if _, err := grouped.DeleteArticle(ctx, gone); err != nil {
						t.Fatal(err)
					}
					if _, err := single.DeleteArticle(ctx, gone); err != nil {
						t.Fatal(err)
					}
				}
				g, o := storetest.All(t, grouped), storetest.All(t, single)
				for q := range o {
					if !g[q] {
						t.Fatalf("round %d: grouped store lacks %v (label %v); grouped has %d quads, single %d", round, q, q.Label, len(g), len(o))
					}
				}
				for q := range g {
					if !o[q] {
						t.Fatalf("round %d: grouped store has extra %v", round, q)
					}
				}
				for name, s := range map[string]*store.Store{"grouped": grouped, "single": single} {
					problems, err := s.Verify(ctx)
					if err != nil || len(problems) > 0 {
						t.Fatalf("round %d, %s store: %v %v", round, name, err, problems)
					}
				}
			}
		})
	}
}
