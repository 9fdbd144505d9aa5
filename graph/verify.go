package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/schema"
)

// Verify checks the store's invariant: every shared quad belongs to a node or
// statement some article supports, and every supported statement has its edge. It
// returns one message per violation (none on a sound store). It reads the whole
// store: for tests and `parley check`, not for every command.
func (s *Store) Verify(ctx context.Context) ([]string, error) {
	supported := map[quad.Value]bool{}
	var shared []quad.Quad
	it := s.QS.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.QS.Quad(it.Result())
		if err != nil {
			return nil, err
		}
		switch {
		case q.Label == schema.Derived:
			shared = append(shared, q)
		case schema.IsSupport(q.Predicate) && q.Subject == q.Label:
			supported[q.Object] = true
		}
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	edges := map[quad.Quad]bool{}
	parts := map[quad.Value]*quad.Quad{}
	for _, q := range shared {
		if p := parts[q.Subject]; p == nil {
			parts[q.Subject] = &quad.Quad{Label: schema.Derived}
		}
		switch q.Predicate {
		case schema.Subject:
			parts[q.Subject].Subject = q.Object
		case schema.Predicate:
			parts[q.Subject].Predicate = q.Object
		case schema.Object:
			parts[q.Subject].Object = q.Object
		}
	}
	for st, e := range parts {
		if e.Subject != nil && e.Predicate != nil && e.Object != nil && supported[st] {
			edges[*e] = true
		}
	}
	var problems []string
	have := map[quad.Quad]bool{}
	for _, q := range shared {
		have[q] = true
		if !supported[q.Subject] && !edges[q] {
			problems = append(problems, fmt.Sprintf("unsupported shared quad %v", q))
		}
	}
	for e := range edges {
		if !have[e] {
			problems = append(problems, fmt.Sprintf("statement edge missing: %v", e))
		}
	}
	return problems, nil
}
