package queries

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/loaders/text"
	"github.com/parleygraph/parley/schema"
	"github.com/parleygraph/parley/store"
)

// A parameter is required unless its description says "optional". What a value
// may be depends on the parameter's name:
//
//	name, party  a node: a display name, a name in any language or spelling (folded
//	             as the loader folds names), or an IRI in <...>; party passes the
//	             node's display name on, name passes the name and its folded key
//	issue        an issue of the vocabulary, in any case or with hyphens
//	evidence     a number of evidence rows per fact, 1 or more, or "all"
//	since, until a date (2024-01-31) or an instant (RFC 3339): only what articles
//	             dated within reported (published, else loaded); every saved
//	             query takes them
//
// A value that is none of these is an error that names what would do.
func (p Param) required() bool {
	return !strings.HasPrefix(strings.ToLower(p.Description), "optional")
}

// bind checks a saved query's parameters and turns them into what the query reads.
func (q Query) bind(ctx context.Context, s *store.Store, params map[string]string) (map[string]any, error) {
	out := map[string]any{}
	for _, k := range []string{"since", "until"} {
		if v := params[k]; strings.TrimSpace(v) != "" { // ?since= empty: no bound
			t, err := instant(v, k == "until")
			if err != nil {
				return nil, err
			}
			out[k] = t
		}
	}
	for k := range params {
		if k == "since" || k == "until" {
			continue
		}
		if !q.hasParam(k) {
			return nil, fmt.Errorf("%w: query %s has no parameter %q%s", ErrBadParams, q.Name, k, q.paramHint())
		}
	}
	for _, p := range q.Params {
		v, ok := params[p.Name]
		if !ok || strings.TrimSpace(v) == "" {
			if p.required() {
				return nil, fmt.Errorf("%w: query %s needs --param %s=… (%s)", ErrBadParams, q.Name, p.Name, p.Description)
			}
			continue
		}
		switch p.Name {
		case "name":
			if _, err := ResolveNode(ctx, s, v); err != nil {
				return nil, err
			}
			out["name"], out["key"] = v, text.Key(v)
		case "party":
			nodes, err := ResolveNode(ctx, s, v)
			if err != nil {
				return nil, err
			}
			out["party"] = nodes[0].DisplayName
		case "issue":
			issue, err := issueNamed(v)
			if err != nil {
				return nil, err
			}
			out["issue"] = issue
		case "evidence":
			n, err := evidenceCount(v)
			if err != nil {
				return nil, err
			}
			out["evidence"] = n
		default:
			out[p.Name] = v
		}
	}
	return out, nil
}

// Node is a node a name resolves to.
type Node struct {
	IRI         quad.IRI
	DisplayName string
}

// ResolveNode finds the nodes a name stands for, as `parley why` does: an IRI in
// <...>, a display name, or any name the loader would fold to the same key.
func ResolveNode(ctx context.Context, s *store.Store, name string) ([]Node, error) {
	name = strings.TrimSpace(name)
	q := `var dn = "<` + string(schema.DisplayName) + `>";
var found = [];
if (params.name.charAt(0) === "<") found = g.V(params.name).toArray();
if (found.length === 0) found = g.V().has(dn, params.name).toArray();
if (found.length === 0) found = g.V().has("<` + string(schema.MatchKey) + `>", params.key).toArray();
found.forEach(function (n) {
  var d = g.V(n).out(dn).toArray();
  if (d.length > 0) g.emit({node: n, name: d[0]});
});`
	rows, err := s.Gizmo(ctx, q, store.QueryOptions{Params: map[string]any{"name": name, "key": text.Key(name)}})
	if err != nil {
		return nil, fmt.Errorf("look up %q: %w", name, err)
	}
	var out []Node
	seen := map[string]bool{}
	for _, r := range rows {
		m, _ := r.(map[string]any)
		iri, _ := m["node"].(string)
		dn, _ := m["name"].(string)
		if iri == "" || seen[iri] {
			continue
		}
		seen[iri] = true
		out = append(out, Node{IRI: quad.IRI(strings.Trim(iri, "<>")), DisplayName: dn})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: %w %q (parley query mediators, locations or people list names)", ErrBadParams, ErrNoNode, name)
	}
	return out, nil
}

// issueNamed returns the issue of the vocabulary v names.
func issueNamed(v string) (string, error) {
	for _, name := range schema.Issues() {
		if schema.Slug(name) == schema.Slug(v) {
			return name, nil
		}
	}
	return "", fmt.Errorf("%w: no issue %q (issues: %s)", ErrBadParams, v, strings.Join(schema.Issues(), ", "))
}

// evidenceCount reads an evidence parameter: "all" (any case) or a count of 1 or
// more; the query reads "all" or the count.
func evidenceCount(v string) (string, error) {
	v = strings.TrimSpace(v)
	if strings.EqualFold(v, "all") {
		return "all", nil
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 1 {
		return strconv.Itoa(n), nil
	}
	return "", fmt.Errorf("%w: evidence %q: give a number of 1 or more, or \"all\"", ErrBadParams, v)
}

// instant reads a since or until value: a date is its first second, or for
// until its last; the query compares RFC 3339 strings in UTC.
func instant(v string, end bool) (string, error) {
	v = strings.TrimSpace(v)
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		if end {
			t = t.Add(24*time.Hour - time.Second)
		}
		return t.UTC().Format(time.RFC3339), nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.UTC().Format(time.RFC3339), nil
	}
	return "", fmt.Errorf("%w: %q is no date: give 2024-01-31 or 2024-01-31T12:00:00Z", ErrBadParams, v)
}
