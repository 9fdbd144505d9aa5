// Package queries holds parley's saved Gizmo queries (the .js files beside this one,
// embedded in the binary) and runs them with their parameters.
package queries

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/parleygraph/parley/loaders/text"
	"github.com/parleygraph/parley/store"
)

//go:embed *.js lib/prelude.js
var files embed.FS

// prelude runs before every saved query (lib/prelude.js: namespaces, iri, name,
// partiesOf, articles), joined into one line so the query's line numbers hold.
func prelude() (string, error) {
	data, err := files.ReadFile("lib/prelude.js")
	if err != nil {
		return "", err
	}
	return strings.Join(strings.Fields(string(data)), " "), nil
}

// Query is one saved query.
type Query struct {
	Name        string
	Description string
	Params      []Param
	Row         string            // an example row, from the header
	Example     map[string]string // parameters for the web UI's example, from "@example k=v"
	Source      string            // the Gizmo text
}

// Param is a parameter a saved query reads from `params`.
type Param struct {
	Name        string
	Description string
}

// All returns the saved queries, sorted by name.
func All() ([]Query, error) {
	entries, err := files.ReadDir(".")
	if err != nil {
		return nil, err
	}
	var out []Query
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		q, err := load(e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Get returns the saved query with the given name.
func Get(name string) (Query, error) {
	if name == "" || strings.ContainsAny(name, "/\\.") {
		return Query{}, fmt.Errorf("%w %q", ErrUnknownQuery, name)
	}
	q, err := load(name + ".js")
	if err != nil {
		names := []string{}
		all, _ := All()
		for _, a := range all {
			names = append(names, a.Name)
		}
		return Query{}, fmt.Errorf("%w %q (have: %s)", ErrUnknownQuery, name, strings.Join(names, ", "))
	}
	return q, nil
}

// load reads a query file and its header: the first comment line is the
// description; "@param NAME text" lines declare parameters; "@row" an example row.
func load(file string) (Query, error) {
	data, err := files.ReadFile(file)
	if err != nil {
		return Query{}, err
	}
	q := Query{Name: strings.TrimSuffix(path.Base(file), ".js"), Source: string(data)}
	for _, line := range strings.Split(q.Source, "\n") {
		if !strings.HasPrefix(line, "//") {
			break
		}
		line = strings.TrimSpace(strings.TrimPrefix(line, "//"))
		switch {
		case strings.HasPrefix(line, "@param "):
			f := strings.Fields(strings.TrimPrefix(line, "@param "))
			if len(f) > 0 {
				q.Params = append(q.Params, Param{Name: f[0], Description: strings.Join(f[1:], " ")})
			}
		case strings.HasPrefix(line, "@example "):
			for _, kv := range strings.Fields(strings.TrimPrefix(line, "@example ")) {
				if k, v, ok := strings.Cut(kv, "="); ok {
					if q.Example == nil {
						q.Example = map[string]string{}
					}
					q.Example[k] = v
				}
			}
		case strings.HasPrefix(line, "@row "):
			q.Row = strings.TrimSpace(strings.TrimPrefix(line, "@row "))
		case q.Description == "":
			q.Description = line
		}
	}
	if q.Description == "" {
		return Query{}, fmt.Errorf("query %s: no description comment on its first line", file)
	}
	return q, nil
}

// Run runs a saved query with its parameters, checked and resolved by bind:
// unknown or missing ones and values that name nothing are ErrBadParams.
func Run(ctx context.Context, s *store.Store, q Query, params map[string]string, opt store.QueryOptions) ([]any, error) {
	p, err := q.bind(ctx, s, params)
	if err != nil {
		return nil, err
	}
	opt.Params = p
	lib, err := prelude()
	if err != nil {
		return nil, err
	}
	opt.Prelude = lib + " "
	rows, err := s.Gizmo(ctx, q.Source, opt)
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", q.Name, err)
	}
	return rows, nil
}

func (q Query) hasParam(name string) bool {
	for _, p := range q.Params {
		if p.Name == name {
			return true
		}
	}
	return false
}

func (q Query) paramHint() string {
	if len(q.Params) == 0 {
		return " (it takes since and until only)"
	}
	var names []string
	for _, p := range q.Params {
		names = append(names, p.Name)
	}
	return " (it takes: " + strings.Join(names, ", ") + ")"
}

// Errors of saved queries.
var (
	// ErrUnknownQuery: no saved query has that name.
	ErrUnknownQuery = errors.New("no saved query")
	// ErrBadParams: a saved query does not take a parameter it was given.
	ErrBadParams = errors.New("bad parameter")
	// ErrNoNode: a name parameter names nothing in the graph (also ErrBadParams).
	ErrNoNode = errors.New("nothing in the graph is named")
)

// Example is a saved query ready for the web UI's editor: its library and
// parameters written out before it.
type Example struct {
	Name, Description string
	Gizmo             string
	Visualize         bool // its rows are source/target links for the Visualize page
}

// Catalog serves the saved queries to the HTTP server.
type Catalog struct{}

// List describes every saved query.
func (Catalog) List() (any, error) {
	all, err := All()
	if err != nil {
		return nil, err
	}
	type param struct {
		Name        string `json:"name"`
		Description string `json:"description"`
	}
	type info struct {
		Name        string  `json:"name"`
		Description string  `json:"description"`
		Params      []param `json:"params"`
		Row         string  `json:"row,omitempty"`
	}
	out := make([]info, 0, len(all))
	for _, q := range all {
		i := info{Name: q.Name, Description: q.Description, Params: []param{}, Row: q.Row}
		for _, p := range q.Params {
			i.Params = append(i.Params, param{p.Name, p.Description})
		}
		out = append(out, i)
	}
	return out, nil
}

// Examples writes each saved query out as Gizmo the web UI runs as it is: the
// library, its parameters (an @example header gives those a query needs), the
// query. A query whose @row has source and target is for the Visualize page.
func (Catalog) Examples() ([]Example, error) {
	all, err := All()
	if err != nil {
		return nil, err
	}
	lib, err := prelude()
	if err != nil {
		return nil, err
	}
	var out []Example
	for _, q := range all {
		params := map[string]any{}
		for k, v := range q.Example {
			params[k] = v
			if k == "name" {
				params["key"] = text.Key(v)
			}
		}
		p, err := json.Marshal(params)
		if err != nil {
			return nil, err
		}
		out = append(out, Example{Name: q.Name, Description: q.Description,
			Gizmo:     "var params = " + string(p) + "; " + lib + " " + q.Source,
			Visualize: strings.Contains(q.Row, `"source": {`)})
	}
	return out, nil
}

// Run runs the saved query called name.
func (Catalog) Run(ctx context.Context, s *store.Store, name string, params map[string]string, opt store.QueryOptions) ([]any, error) {
	q, err := Get(name)
	if err != nil {
		return nil, err
	}
	return Run(ctx, s, q, params, opt)
}
