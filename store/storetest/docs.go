package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/schema"
	"github.com/parleygraph/parley/store"
)

// Doc builds an article that mentions node and asserts "node mediator actor".
func Doc(article, node, actor string) store.Doc {
	a, n, ac := quad.IRI(article), quad.IRI(node), quad.IRI(actor)
	st := schema.StatementID(n, schema.Mediator, ac)
	d := store.Doc{IRI: a}
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

// All reads every quad of s.
func All(t *testing.T, s *store.Store) map[quad.Quad]bool {
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

// RandomDoc builds an article that mentions a few of a small set of nodes and
// asserts edges between them, so that articles share, add and withdraw support.
func RandomDoc(r *rand.Rand, article string, version int) store.Doc {
	a := quad.IRI(article)
	d := store.Doc{IRI: a}
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
