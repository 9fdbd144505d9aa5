package queries

import (
	"context"
	"encoding/json"
	"reflect"
	"regexp"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/schema"
	"github.com/parleygraph/parley/store"
	"github.com/parleygraph/parley/store/memory"
)

// preludeTerms are the schema terms the prelude may name, by how it names them
// ("NS displayName" for iri(NS + "displayName")).
var preludeTerms = map[string]quad.IRI{
	"NS displayName":    schema.DisplayName,
	"NS party":          schema.Party,
	"NS loadedAt":       schema.LoadedAt,
	"NS supportCount":   schema.SupportCount,
	"NS asserts":        schema.Asserts,
	"SDO datePublished": schema.DatePublished,
	"SDO mentions":      schema.Mentions,
}

// preludeTerm finds the terms the prelude builds from its namespaces.
var preludeTerm = regexp.MustCompile(`\b(NS|SDO|RDF) \+ "([^"]*)"`)

// runPrelude runs src after the prelude on s and returns its one row.
func runPrelude(t *testing.T, s *store.Store, src string, params map[string]any) map[string]any {
	t.Helper()
	lib, err := prelude()
	if err != nil {
		t.Fatal(err)
	}
	if params == nil {
		params = map[string]any{}
	}
	rows, err := s.Gizmo(context.Background(), src, store.QueryOptions{Prelude: lib + " ", Params: params})
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	if len(rows) != 1 {
		t.Fatalf("%s: %d rows, want 1: %v", src, len(rows), rows)
	}
	// Through JSON, as parley prints rows: numbers are float64, arrays []any.
	b, err := json.Marshal(rows[0])
	if err != nil {
		t.Fatal(err)
	}
	var row map[string]any
	if err := json.Unmarshal(b, &row); err != nil {
		t.Fatal(err)
	}
	return row
}

// TestPreludeSchema keeps the Gizmo prelude (lib/prelude.js), which spells parley's
// namespaces out in JavaScript, in step with package schema: its namespaces are
// schema's, every term it builds from them is a term of schema, and its helpers
// find what the loader writes under the identities schema makes.
func TestPreludeSchema(t *testing.T) {
	s, err := store.Open(store.Options{Backend: memory.Name})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	// The namespaces, as the prelude's JavaScript evaluates them.
	ns := runPrelude(t, s, `g.emit({NS: NS, SDO: SDO, RDF: RDF});`, nil)
	for js, want := range map[string]string{"NS": schema.NS, "SDO": schema.SchemaNS, "RDF": schema.RDFNS} {
		if ns[js] != want {
			t.Errorf("prelude.js: %s = %q, schema says %q", js, ns[js], want)
		}
	}

	// Every term the prelude builds is one schema defines, with the same IRI.
	data, err := files.ReadFile("lib/prelude.js")
	if err != nil {
		t.Fatal(err)
	}
	uses := preludeTerm.FindAllStringSubmatch(string(data), -1)
	if len(uses) == 0 {
		t.Fatal(`prelude.js builds no term from NS, SDO or RDF: update preludeTerm`)
	}
	for _, m := range uses {
		key := m[1] + " " + m[2]
		want, ok := preludeTerms[key]
		if !ok {
			t.Errorf("prelude.js uses iri(%s + %q), which preludeTerms does not map to a schema term: add it (and to schema if it is new)", m[1], m[2])
			continue
		}
		row := runPrelude(t, s, `g.emit({iri: iri(`+m[0]+`)});`, nil)
		if got := row["iri"]; got != "<"+string(want)+">" {
			t.Errorf("prelude.js: iri(%s) = %v, schema says %s", m[0], got, want)
		}
	}

	// The helpers, on nodes made by schema's identity functions as the loader makes them.
	qatar := schema.NamedID(schema.ActorKind, "Qatar")
	hamas := schema.NodeIRI(schema.NodeKey(schema.ActorKind, "Hamas"))
	israel := schema.NodeIRI(schema.NodeKey(schema.ActorKind, "Israel"))
	neg := schema.NegotiationID(schema.NodeKey(schema.ActorKind, "Hamas"), schema.NodeKey(schema.ActorKind, "Israel"))
	med := schema.StatementID(neg, schema.Mediator, qatar)
	dated := schema.ArticleID("https://example.com/dated", "")
	undated := schema.ArticleID("", "undated.txt")
	quads := []quad.Quad{
		{Subject: qatar, Predicate: schema.DisplayName, Object: quad.String("Qatar"), Label: qatar},
		{Subject: hamas, Predicate: schema.DisplayName, Object: quad.String("Hamas"), Label: hamas},
		{Subject: israel, Predicate: schema.DisplayName, Object: quad.String("Israel"), Label: israel},
		{Subject: neg, Predicate: schema.Party, Object: israel, Label: neg},
		{Subject: neg, Predicate: schema.Party, Object: hamas, Label: neg},
		{Subject: neg, Predicate: schema.SupportCount, Object: quad.Int(2), Label: neg},
		{Subject: med, Predicate: schema.SupportCount, Object: quad.Int(2), Label: med},
		{Subject: dated, Predicate: schema.DatePublished, Object: quad.Time(time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)), Label: dated},
		{Subject: dated, Predicate: schema.Mentions, Object: neg, Label: dated},
		{Subject: dated, Predicate: schema.Asserts, Object: med, Label: dated},
		{Subject: undated, Predicate: schema.LoadedAt, Object: quad.Time(time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)), Label: undated},
		{Subject: undated, Predicate: schema.Mentions, Object: neg, Label: undated},
		{Subject: undated, Predicate: schema.Asserts, Object: med, Label: undated},
	}
	var deltas []graph.Delta
	for _, q := range quads {
		deltas = append(deltas, graph.Delta{Quad: q, Action: graph.Add})
	}
	if err := s.QS.ApplyDeltas(deltas, graph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	js := func(v quad.IRI) string { b, _ := json.Marshal("<" + string(v) + ">"); return string(b) }
	src := `g.emit({name: name(` + js(qatar) + `), parties: partiesOf(` + js(neg) + `), neg: articles(` + js(neg) + `), med: articles(` + js(med) + `)});`
	for _, c := range []struct {
		params map[string]any
		neg    float64 // articles that support the negotiation (mentions)
		med    float64 // and the statement (asserts)
	}{
		{nil, 2, 2}, // supportCount
		{map[string]any{"since": "2024-01-01T00:00:00Z"}, 2, 2}, // datePublished and loadedAt
		{map[string]any{"until": "2024-12-31T23:59:59Z"}, 1, 1}, // datePublished only
		{map[string]any{"since": "2025-01-01T00:00:00Z"}, 1, 1}, // loadedAt only
	} {
		row := runPrelude(t, s, src, c.params)
		want := map[string]any{"name": "Qatar", "parties": []any{"Hamas", "Israel"}, "neg": c.neg, "med": c.med}
		if !reflect.DeepEqual(row, want) {
			t.Errorf("params %v: prelude helpers give %v, want %v", c.params, row, want)
		}
	}
}
