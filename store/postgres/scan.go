package postgres

import (
	"context"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
)

// ScanPair finds the quads with node in direction d and the given predicate in
// one SQL query (on Cayley's {s,p,o} or {o,p,s} index): the store's generic
// intersection of two one-direction iterators costs a query per candidate on
// SQL, and dominated writes (each support count is read this way).
func (ss *backend) ScanPair(ctx context.Context, d quad.Direction, node, predicate graph.Ref) (iterator.Scanner, bool) {
	s := shape.Quads{
		{Dir: d, Values: shape.Fixed{node}},
		{Dir: quad.Predicate, Values: shape.Fixed{predicate}},
	}
	return shape.BuildIterator(ctx, ss.qs, s).Iterate(), true
}
