package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/schema"
)

func openBoltStore(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "parley.db")
	s, err := Open(Options{Path: path, Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// doc builds an article that mentions node and asserts "node mediator actor".
func doc(article, node, actor string) Doc {
	a, n, ac := quad.IRI(article), quad.IRI(node), quad.IRI(actor)
	st := schema.StatementID(n, schema.Mediator, ac)
	d := Doc{IRI: a}
	own := func(s, p, o quad.Value) {
		d.Quads = append(d.Quads, quad.Quad{Subject: s, Predicate: p, Object: o, Label: a})
	}
	shared := func(s, p, o quad.Value) {
		d.Quads = append(d.Quads, quad.Quad{Subject: s, Predicate: p, Object: o, Label: s})
	}
	own(a, schema.Type, schema.Article)
	own(a, schema.ContentHash, quad.String("sha256:"+article+node+actor))
	own(a, schema.Mentions, n)
	own(a, schema.Mentions, ac)
	own(a, schema.Asserts, st)
	shared(n, schema.Type, schema.Negotiation)
	shared(ac, schema.DisplayName, quad.String(actor))
	shared(st, schema.Subject, n)
	shared(st, schema.Predicate, schema.Mediator)
	shared(st, schema.Object, ac)
	d.Quads = append(d.Quads, quad.Quad{Subject: n, Predicate: schema.Mediator, Object: ac, Label: st})
	return d
}

func all(t *testing.T, s *Store) map[quad.Quad]bool {
	t.Helper()
	out := map[quad.Quad]bool{}
	it := s.QS.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(context.Background()) {
		q, err := s.QS.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		out[q] = true
	}
	return out
}

func TestReplaceArticleSharedSupport(t *testing.T) {
	ctx := context.Background()
	for _, backend := range []string{Bolt, Memory, Postgres} {
		t.Run(backend, func(t *testing.T) {
			s := openStore(t, backend)
			a := doc("http://a", "http://neg", "http://qatar")
			b := doc("http://b", "http://neg", "http://qatar")
			for _, d := range []Doc{a, b} {
				if _, err := s.ReplaceArticle(ctx, d); err != nil {
					t.Fatal(err)
				}
			}
			edge := quad.Quad{Subject: quad.IRI("http://neg"), Predicate: schema.Mediator, Object: quad.IRI("http://qatar"), Label: schema.StatementID(quad.IRI("http://neg"), schema.Mediator, quad.IRI("http://qatar"))}
			if !all(t, s)[edge] {
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
			got := all(t, s)
			if !got[edge] {
				t.Fatal("shared edge removed while article a still asserts it")
			}
			for q := range got {
				if q.Label == quad.IRI("http://b") {
					t.Fatalf("quad of deleted article left: %v", q)
				}
			}
			// A changes to name another mediator: the old edge goes, the new one comes.
			a2 := doc("http://a", "http://neg", "http://egypt")
			if _, err := s.ReplaceArticle(ctx, a2); err != nil {
				t.Fatal(err)
			}
			got = all(t, s)
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
				t.Fatalf("%d quads left after deleting every article: %v", n, all(t, s))
			}
			if s.sql != nil {
				var nodes int
				if err := s.sql.db.QueryRow(`SELECT count(*) FROM nodes`).Scan(&nodes); err != nil || nodes != 0 {
					t.Fatalf("%d nodes left after deleting every article (%v)", nodes, err)
				}
			}
		})
	}
}

func TestReplaceArticleRejectsUnsupportedSharedQuads(t *testing.T) {
	s, _ := openBoltStore(t)
	d := doc("http://a", "http://neg", "http://qatar")
	d.Quads = append(d.Quads, quad.Quad{Subject: quad.IRI("http://stray"), Predicate: schema.DisplayName, Object: quad.String("x"), Label: quad.IRI("http://stray")})
	if _, err := s.ReplaceArticle(context.Background(), d); err == nil || !strings.Contains(err.Error(), "no support") {
		t.Fatalf("want an error about the unsupported quad, got %v", err)
	}
	if n, _ := s.Size(context.Background()); n != 0 {
		t.Fatalf("a rejected write left %d quads", n)
	}
}

func TestBoltStoreHasLabelIndex(t *testing.T) {
	s, path := openBoltStore(t)
	if _, err := s.ReplaceArticle(context.Background(), doc("http://a", "http://neg", "http://qatar")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		var dirs []struct {
			Dirs []quad.Direction `json:"dirs"`
		}
		meta := tx.Bucket([]byte("meta"))
		if meta == nil {
			return errors.New("no meta bucket")
		}
		if err := json.Unmarshal(meta.Get([]byte("indexes")), &dirs); err != nil {
			return err
		}
		found := false
		for _, d := range dirs {
			found = found || len(d.Dirs) == 1 && d.Dirs[0] == quad.Label
		}
		if !found {
			return errors.New("indexes record has no {Label} index")
		}
		b := tx.Bucket([]byte{quad.Label.Prefix()})
		if b == nil || b.Stats().KeyN == 0 {
			return errors.New("label index bucket is empty")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(Options{Path: filepath.Join(dir, "missing.db"), ReadOnly: true}); !errors.Is(err, ErrNoStore) {
		t.Fatalf("opening a missing store for reading: want ErrNoStore, got %v", err)
	}
	path := filepath.Join(dir, "p.db")
	s, err := Open(Options{Path: path, Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// bolt holds an exclusive flock: a second writer must fail fast, not hang.
	start := time.Now()
	_, err = Open(Options{Path: path, Create: true, LockTimeout: 100 * time.Millisecond})
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "in use by another process") {
		t.Fatalf("second open: want ErrInUse, got %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("second open took %v", d)
	}
	if _, err := Open(Options{Backend: "nope"}); err == nil {
		t.Fatal("unknown backend accepted")
	}
}

func TestGizmo(t *testing.T) {
	for _, backend := range []string{Bolt, Postgres} {
		t.Run(backend, func(t *testing.T) { testGizmo(t, openStore(t, backend)) })
	}
}

func testGizmo(t *testing.T, s *Store) {
	ctx := context.Background()
	if _, err := s.ReplaceArticle(ctx, doc("http://a", "http://neg", "http://qatar")); err != nil {
		t.Fatal(err)
	}
	rows, err := s.Gizmo(ctx, `g.V(params.node).out("<`+string(schema.Mediator)+`>").all()`, QueryOptions{Params: map[string]any{"node": "<http://neg>"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].(map[string]any)["id"] != "<http://qatar>" {
		t.Fatalf("rows = %v", rows)
	}
	tests := []struct {
		name, src string
		opt       QueryOptions
		want      string
	}{
		{"endless loop", `while (true) {}`, QueryOptions{Timeout: 200 * time.Millisecond}, "timed out"},
		{"huge result", `for (var i = 0; i < 1000000; i++) g.emit(i)`, QueryOptions{Limit: 10}, "row limit"},
		{"syntax error", `g.V(`, QueryOptions{}, "gizmo"},
		{"runtime error", `undefinedFunction()`, QueryOptions{}, "undefinedFunction"},
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
	for _, backend := range []string{Bolt, Postgres} {
		t.Run(backend, func(t *testing.T) { testArticleSources(t, openStore(t, backend)) })
	}
}

func testArticleSources(t *testing.T, s *Store) {
	ctx := context.Background()
	for _, name := range []string{"http://b", "http://a"} {
		d := doc(name, "http://neg", "http://qatar")
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
	s, _ := openBoltStore(t)
	ctx := context.Background()
	p := quad.IRI("http://example.org/p")
	n := 2*resolveBatch + 77
	build := func(version int) Doc {
		a := quad.IRI("http://article/many")
		d := Doc{IRI: a}
		for i := range n {
			d.Quads = append(d.Quads, quad.Quad{Subject: a, Predicate: p, Object: quad.String(fmt.Sprintf("v%d-%d", version, i)), Label: a})
		}
		return d
	}
	if _, err := s.ReplaceArticle(ctx, build(1)); err != nil {
		t.Fatal(err)
	}
	got, err := s.quadsWith(ctx, quad.Predicate, p)
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
	if err := s.eachQuad(ctx, quad.Predicate, p, func(quad.Quad) bool { calls++; return calls < resolveBatch+3 }); err != nil {
		t.Fatal(err)
	}
	if calls != resolveBatch+3 {
		t.Errorf("eachQuad went on after fn returned false: %d calls, want %d", calls, resolveBatch+3)
	}
	// A replacement plans against the old quads read this way: none may survive.
	if _, err := s.ReplaceArticle(ctx, build(2)); err != nil {
		t.Fatal(err)
	}
	if got, err = s.quadsWith(ctx, quad.Predicate, p); err != nil {
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
