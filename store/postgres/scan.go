package postgres

import (
	"context"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
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

// QuadsWithAny reads the quads with any of vals in direction d (and, if predicate
// is not nil, that predicate) in one query, on Cayley's {s,p,o} index or parley's
// label index: a write reads a group's support counts and nodes this way rather
// than a query per node.
func (ss *backend) QuadsWithAny(ctx context.Context, d quad.Direction, vals []quad.Value, predicate quad.Value) ([]quad.Quad, []graph.Ref, error) {
	col := map[quad.Direction]string{quad.Subject: "subject_hash", quad.Object: "object_hash", quad.Label: "label_hash"}[d]
	if col == "" || len(vals) == 0 {
		return nil, nil, nil
	}
	hashes := make([][]byte, 0, len(vals))
	for _, v := range vals {
		if h, ok := csql.HashOf(v).SQLValue().([]byte); ok {
			hashes = append(hashes, h)
		}
	}
	q := `SELECT subject_hash, predicate_hash, object_hash, label_hash FROM quads WHERE ` + col + ` = ANY($1)`
	args := []any{pq.ByteaArray(hashes)}
	if predicate != nil {
		q += ` AND predicate_hash = $2`
		args = append(args, csql.HashOf(predicate).SQLValue())
	}
	rows, err := ss.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var found []graph.Ref
	for rows.Next() {
		var s, p, o, l csql.NodeHash
		if err := rows.Scan(&s, &p, &o, &l); err != nil {
			return nil, nil, err
		}
		found = append(found, csql.QuadHashes{QuadHash: refs.QuadHash{Subject: s.ValueHash, Predicate: p.ValueHash, Object: o.ValueHash, Label: l.ValueHash}})
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	quads, err := ss.ResolveQuads(ctx, found)
	return quads, found, err
}
