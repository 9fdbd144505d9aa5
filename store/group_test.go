package store

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"

	"github.com/parleygraph/parley/schema"
)

// randomDoc builds an article that mentions a few of a small set of nodes and
// asserts edges between them, so that articles share, add and withdraw support.
func randomDoc(r *rand.Rand, article string, version int) Doc {
	a := quad.IRI(article)
	d := Doc{IRI: a}
	own := func(s, p, o quad.Value) {
		d.Quads = append(d.Quads, quad.Quad{Subject: s, Predicate: p, Object: o, Label: a})
	}
	own(a, schema.Type, schema.Article)
	own(a, schema.ContentHash, quad.String(fmt.Sprintf("%s@%d", article, version)))
	seen := map[quad.IRI]bool{}
	var nodes []quad.IRI
	for range 1 + r.IntN(4) {
		n := quad.IRI(fmt.Sprintf("http://node/%d", r.IntN(8)))
		if seen[n] {
			continue
		}
		seen[n] = true
		nodes = append(nodes, n)
		own(a, schema.Mentions, n)
		d.Quads = append(d.Quads,
			quad.Quad{Subject: n, Predicate: schema.DisplayName, Object: quad.String(string(n)), Label: n},
			quad.Quad{Subject: n, Predicate: schema.Type, Object: schema.Organization, Label: n})
	}
	for i := 1; i < len(nodes); i++ {
		s, o := nodes[0], nodes[i]
		st := schema.StatementID(s, schema.Mediator, o)
		own(a, schema.Asserts, st)
		for _, q := range []quad.Quad{
			{Subject: st, Predicate: schema.Type, Object: schema.Statement, Label: st},
			{Subject: st, Predicate: schema.Subject, Object: s, Label: st},
			{Subject: st, Predicate: schema.Predicate, Object: schema.Mediator, Label: st},
			{Subject: st, Predicate: schema.Object, Object: o, Label: st},
			{Subject: s, Predicate: schema.Mediator, Object: o, Label: st},
		} {
			d.Quads = append(d.Quads, q)
		}
	}
	return d
}

// TestReplaceArticlesMatchesOneByOne writes the same random sequence of article
// versions in groups and one at a time: the stores must end equal and sound.
func TestReplaceArticlesMatchesOneByOne(t *testing.T) {
	for _, backend := range []string{Bolt, Postgres} {
		t.Run(backend, func(t *testing.T) { testReplaceArticlesMatchesOneByOne(t, backend) })
	}
}

func testReplaceArticlesMatchesOneByOne(t *testing.T, backend string) {
	ctx := context.Background()
	for seed := uint64(1); seed <= 6; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 7))
			grouped := openStore(t, backend)
			single := openStore(t, backend)
			for round := range 6 {
				var docs []Doc
				for range 5 + r.IntN(20) {
					docs = append(docs, randomDoc(r, fmt.Sprintf("http://article/%d", r.IntN(30)), round))
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
				g, o := all(t, grouped), all(t, single)
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
				for name, s := range map[string]*Store{"grouped": grouped, "single": single} {
					problems, err := s.Verify(ctx)
					if err != nil || len(problems) > 0 {
						t.Fatalf("round %d, %s store: %v %v", round, name, err, problems)
					}
				}
			}
		})
	}
}

// indexEntryLen reads the raw {dirs} index entry of a bolt store for the given
// values and returns how many quad IDs it lists, dead or alive.
func indexEntryLen(t *testing.T, s *Store, ind kv.QuadIndex, vals ...quad.Value) int {
	t.Helper()
	var ids []uint64
	for _, v := range vals {
		ref, err := s.QS.ValueOf(v)
		if err != nil || ref == nil {
			t.Fatalf("value %v: %v %v", v, ref, err)
		}
		ids = append(ids, uint64(ref.(kv.Int64Value)))
	}
	n := 0
	err := hkv.View(context.Background(), s.batch.KV, func(tx hkv.Tx) error {
		data, err := tx.Get(context.Background(), ind.Key(ids))
		if err == hkv.ErrNotFound {
			return nil
		} else if err != nil {
			return err
		}
		for len(data) > 0 {
			_, k := binary.Uvarint(data)
			data = data[k:]
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestReloadsLeaveNoDeadIndexEntries replaces one article many times: its {Label}
// entry and the support count entries of the nodes it mentions must list only
// live quads, not one dead copy per reload.
func TestReloadsLeaveNoDeadIndexEntries(t *testing.T) {
	ctx := context.Background()
	s, _ := openBoltStore(t)
	other := doc("http://other", "http://neg", "http://qatar")
	if _, err := s.ReplaceArticle(ctx, other); err != nil {
		t.Fatal(err)
	}
	for v := range 30 {
		d := doc("http://a", "http://neg", "http://qatar")
		d.Quads = append(d.Quads, quad.Quad{Subject: d.IRI, Predicate: schema.Headline, Object: quad.String(fmt.Sprint("version ", v)), Label: d.IRI})
		if v%2 == 1 { // every other version stops mentioning Qatar's statement
			d = Doc{IRI: d.IRI, Quads: []quad.Quad{
				{Subject: d.IRI, Predicate: schema.Type, Object: schema.Article, Label: d.IRI},
				{Subject: d.IRI, Predicate: schema.Headline, Object: quad.String(fmt.Sprint("version ", v)), Label: d.IRI},
			}}
		}
		if _, err := s.ReplaceArticle(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	live := 0
	for q := range all(t, s) {
		if q.Label == quad.IRI("http://a") {
			live++
		}
	}
	if n := indexEntryLen(t, s, labelIndex, quad.IRI("http://a")); n != live {
		t.Errorf("{Label} entry of the article lists %d quads, %d are alive", n, live)
	}
	spIndex := kv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}
	if n := indexEntryLen(t, s, spIndex, quad.IRI("http://qatar"), schema.SupportCount); n != 1 {
		t.Errorf("Qatar's support count entry lists %d quads, want 1", n)
	}
	if problems, err := s.Verify(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("%v %v", err, problems)
	}
}
