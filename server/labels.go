package server

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/schema"
)

// maxLabelIDs bounds one /api/labels request: Visualize asks for the nodes it
// draws, and a larger graph is unreadable anyway.
const maxLabelIDs = 1000

// labels answers GET /api/labels?id=<iri>&id=…: the display name of each node that
// has one, keyed by the id as given (with or without <>; _:x for a blank node), so
// Visualize can label nodes by name instead of by overlapping IRIs. Ids without a
// display name are left out.
func (s *server) labels(w http.ResponseWriter, r *http.Request) {
	ids := r.URL.Query()["id"]
	if len(ids) > maxLabelIDs {
		writeError(w, http.StatusBadRequest, fmt.Errorf("%d ids: ask for at most %d at a time", len(ids), maxLabelIDs))
		return
	}
	asked := map[quad.Value][]string{} // node → the ids that named it
	var nodes []quad.Value
	for _, id := range ids {
		v := labelNode(id)
		if v == nil {
			continue
		}
		if _, ok := asked[v]; !ok {
			nodes = append(nodes, v)
		}
		asked[v] = append(asked[v], id)
	}
	out := map[string]string{}
	if len(nodes) > 0 {
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
		defer cancel()
		ctx, release := s.cfg.Store.Hold(ctx) // no commit between quads and their values
		defer release()
		qs := s.cfg.Store.QS
		it := shape.FilterQuads(nodes, []quad.Value{schema.DisplayName}, nil, nil).BuildIterator(qs).Iterate()
		defer it.Close()
		for it.Next(ctx) {
			q, err := qs.Quad(it.Result())
			if err != nil {
				writeError(w, http.StatusInternalServerError, err)
				return
			}
			name := literalText(q.Object)
			if name == "" {
				continue
			}
			for _, id := range asked[q.Subject] {
				if _, ok := out[id]; !ok { // the first name found stays
					out[id] = name
				}
			}
		}
		if err := it.Err(); err != nil {
			writeError(w, queryStatus(err), err)
			return
		}
		if ctx.Err() != nil {
			writeError(w, http.StatusGatewayTimeout, fmt.Errorf("labels: timed out after %v", s.cfg.Timeout))
			return
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// labelNode reads an id as JSON-LD gives it ("https://…", "_:b1") or as Gizmo
// writes it ("<https://…>"); nil for an empty one.
func labelNode(id string) quad.Value {
	id = strings.TrimSpace(id)
	switch {
	case strings.HasPrefix(id, "_:") && len(id) > 2:
		return quad.BNode(id[2:])
	case strings.HasPrefix(id, "<") && strings.HasSuffix(id, ">"):
		id = id[1 : len(id)-1]
	}
	if id == "" {
		return nil
	}
	return quad.IRI(id)
}

// literalText is the text of a string literal, "" for anything else.
func literalText(v quad.Value) string {
	switch v := v.(type) {
	case quad.String:
		return string(v)
	case quad.LangString:
		return string(v.Value)
	case quad.TypedString:
		return string(v.Value)
	}
	return ""
}
