package bolt

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// pairIndexes are the indexes of Cayley's defaults whose first two directions are
// a node's and the predicate: {Subject, Predicate} and {Object, Predicate, Subject}.
var pairIndexes = map[quad.Direction]kv.QuadIndex{
	quad.Subject: {Dirs: []quad.Direction{quad.Subject, quad.Predicate}},
	quad.Object:  {Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}},
}

// ScanPair is a prefix scan of the index that starts with d and the predicate:
// one key for "subject predicate ?", which Cayley's optimizer would answer by
// intersecting two one-direction scans (or scanning every quad).
func (s *backend) ScanPair(ctx context.Context, d quad.Direction, node, predicate graph.Ref) (iterator.Scanner, bool) {
	ind, ok := pairIndexes[d]
	nv, ok1 := node.(kv.Int64Value)
	pv, ok2 := predicate.(kv.Int64Value)
	if !ok || !ok1 || !ok2 {
		return nil, false
	}
	scan := kv.IndexScan{Index: ind, Values: []uint64{uint64(nv), uint64(pv)}}
	return scan.BuildIterator(s.qs).Iterate(), true
}

// ResolveQuads returns the quads of refs with one batched lookup of their distinct
// values: QuadStore.Quad opens a read transaction and fetches four values per
// quad, which dominated reloads.
func (s *backend) ResolveQuads(ctx context.Context, refs []graph.Ref) ([]quad.Quad, error) {
	out := make([]quad.Quad, len(refs))
	var ids []graph.Ref
	pos := map[kv.Int64Value]int{}
	for _, r := range refs {
		for _, d := range quad.Directions {
			id, err := s.qs.QuadDirection(r, d)
			if err != nil {
				return nil, err
			}
			if n, ok := id.(kv.Int64Value); ok && n != 0 {
				if _, seen := pos[n]; !seen {
					pos[n] = len(ids)
					ids = append(ids, n)
				}
			}
		}
	}
	vals, err := s.qs.ValuesOf(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("resolve %d quads: %w", len(refs), err)
	}
	for i, r := range refs {
		for _, d := range quad.Directions {
			id, _ := s.qs.QuadDirection(r, d)
			if n, ok := id.(kv.Int64Value); ok && n != 0 {
				out[i].Set(d, vals[pos[n]])
			}
		}
	}
	return out, nil
}
