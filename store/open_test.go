package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/schema"
	"github.com/parleygraph/parley/store"
	"github.com/parleygraph/parley/store/bolt"
	"github.com/parleygraph/parley/store/memory"
	"github.com/parleygraph/parley/store/postgres"
)

// openArticles are invented news: two articles name the Sahel Liberation Front,
// one the Kel Adagh Council and the town of Tessalit.
var openArticles = map[string]string{
	"/t/one.txt": `Niger and Sahel Liberation Front open talks in Tessalit

Talks between the government of Niger and the Sahel Liberation Front (SLF) opened in the town of Tessalit on Monday, mediated by the Kel Adagh Council.
`,
	"/t/two.txt": `Niger and rebels agree to meet again

A second round of talks between the government of Niger and the Sahel Liberation Front ended on Friday in Agadez without a deal.
`,
}

func TestOpenNodes(t *testing.T) {
	for _, backend := range []string{bolt.Name, memory.Name, postgres.Name} {
		t.Run(backend, func(t *testing.T) { testOpenNodes(t, backend) })
	}
}

func testOpenNodes(t *testing.T, backend string) {
	ctx := context.Background()
	s := openFresh(t, backend)
	r := newReader(t)
	for src, text := range openArticles {
		if _, err := s.ReplaceArticle(ctx, readDoc(t, r, src, text)); err != nil {
			t.Fatal(err)
		}
	}

	nodes, err := s.OpenNodes(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	byIRI := map[quad.IRI]*store.OpenNode{}
	for _, n := range nodes {
		if n.Evidence != nil {
			t.Errorf("%s: evidence read before ReadEvidence", n.IRI)
		}
		if err := s.ReadEvidence(ctx, n); err != nil {
			t.Fatal(err)
		}
		byIRI[n.IRI] = n
	}
	slf := byIRI[schema.ID("actor", "sahel-liberation-front")]
	if slf == nil {
		t.Fatalf("no open node for the Sahel Liberation Front among %d", len(nodes))
	}
	if slf.Class != schema.Organization || slf.Kind != "armed_group" || slf.Articles != 2 || slf.Edges["party"] == 0 {
		t.Errorf("SLF: class %s, kind %q, %d articles, edges %v", slf.Class, slf.Kind, slf.Articles, slf.Edges)
	}
	if got := slf.Names["en"]; len(got) != 1 || got[0] != "Sahel Liberation Front" || slf.DisplayName != got[0] {
		t.Errorf("SLF names %v, display name %q", slf.Names, slf.DisplayName)
	}
	if len(slf.Evidence) != 2 {
		t.Fatalf("SLF evidence: %+v", slf.Evidence)
	}
	for _, ev := range slf.Evidence {
		if !strings.Contains(ev.Sentence, "Sahel Liberation Front") || ev.Rule == "" || ev.Lang != "en" || ev.Article == "" {
			t.Errorf("SLF evidence %+v", ev)
		}
	}
	if kel := byIRI[schema.ID("actor", "kel-adagh-council")]; kel == nil || kel.Edges["mediator"] != 1 || kel.Articles != 1 {
		t.Errorf("Kel Adagh Council: %+v", kel)
	}
	if town := byIRI[schema.ID("place", "tessalit")]; town == nil || town.Class != schema.Place || town.Kind != "city" {
		t.Errorf("Tessalit: %+v", town)
	}
	for _, n := range nodes {
		if n.IRI == schema.ID("actor", "NE") || strings.HasSuffix(string(n.IRI), "/niger") {
			t.Errorf("the lexicon's Niger is listed as open: %+v", n)
		}
	}

	// keep sees each node; rejected ones are not returned.
	seen := 0
	kept, err := s.OpenNodes(ctx, func(n *store.OpenNode) bool {
		seen++
		return n.Articles >= 2
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen != len(nodes) || len(kept) != 1 || kept[0].IRI != slf.IRI {
		t.Fatalf("keep saw %d of %d nodes and kept %v", seen, len(nodes), kept)
	}
}
