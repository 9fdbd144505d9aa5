package store

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/schema"
)

// Verify checks the store's invariant: every shared quad belongs to a node or
// statement some article supports, every supported statement has its edge, every
// supported node one support count equal to the articles that support it, and
// what the backend checks itself (Checker). It returns one message per
// violation (none on a sound store). It reads the whole
// store: for tests and `parley check`, not for every command.
func (s *Store) Verify(ctx context.Context) ([]string, error) {
	ctx, release := s.Hold(ctx)
	defer release()
	var quads []quad.Quad
	articles := map[quad.Value]bool{}
	err := s.eachStored(ctx, func(q quad.Quad) error {
		quads = append(quads, q)
		if q.Predicate == schema.Type && q.Object == schema.Article && q.Subject == q.Label {
			articles[q.Label] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	supported := map[quad.Value]bool{}
	supporters := map[quad.Value]int{}
	counts := map[quad.Value][]int{}
	var shared []quad.Quad
	for _, q := range quads {
		switch {
		case schema.IsNote(q.Label):
			// an analyst's note (see WriteNotes): no article's, no shared quad
		case !articles[q.Label]:
			shared = append(shared, q)
			if q.Predicate == schema.SupportCount {
				n, _ := q.Object.(quad.Int)
				counts[q.Subject] = append(counts[q.Subject], int(n))
			}
		case schema.IsSupport(q.Predicate) && q.Subject == q.Label:
			supported[q.Object] = true
			supporters[q.Object]++
		}
	}
	var problems []string
	for node, n := range supporters {
		if c := counts[node]; len(c) != 1 || c[0] != n {
			problems = append(problems, fmt.Sprintf("support count of %v is %v, %d articles support it", node, c, n))
		}
	}
	for _, q := range shared {
		switch {
		case !supported[q.Label]:
			problems = append(problems, fmt.Sprintf("unsupported shared quad %v", q))
		case q.Subject != q.Label && q != statementEdge(shared, q.Label):
			problems = append(problems, fmt.Sprintf("shared quad %v is neither its label's description nor its edge", q))
		}
	}
	have := map[quad.Quad]bool{}
	for _, q := range shared {
		have[q] = true
	}
	for _, q := range shared {
		if q.Predicate != schema.Subject || q.Subject != q.Label || !supported[q.Label] {
			continue
		}
		if e := statementEdge(shared, q.Label); e.Predicate != nil && e.Object != nil && !have[e] {
			problems = append(problems, fmt.Sprintf("statement edge missing: %v", e))
		}
	}
	if c, ok := s.b.(Checker); ok {
		more, err := c.Check(ctx)
		if err != nil {
			return nil, fmt.Errorf("check the %s store: %w", s.Backend, err)
		}
		problems = append(problems, more...)
	}
	return problems, nil
}
