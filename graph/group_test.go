package graph

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/cayleygraph/quad"

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
	for seed := uint64(1); seed <= 12; seed++ {
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
