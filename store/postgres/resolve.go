package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	pquads "github.com/cayleygraph/quad/pquads"
	"github.com/lib/pq"
)

// values caches node values by hash for ResolveQuads. A hash names one value for
// ever, so the cache is never stale; it is emptied when it grows past maxValues.
type values struct {
	mu sync.Mutex
	m  map[refs.ValueHash]quad.Value
}

const maxValues = 1 << 18

// ResolveQuads reads the quads of refs with one query for the values not yet
// cached: Cayley's Quad reads each of a quad's four values with a query of its own,
// which dominated reading an article's quads before a write.
func (ss *backend) ResolveQuads(ctx context.Context, in []graph.Ref) ([]quad.Quad, error) {
	hashes := make([]csql.QuadHashes, len(in))
	var need [][]byte
	seen := map[refs.ValueHash]bool{}
	ss.values.mu.Lock()
	for i, r := range in {
		qh, ok := r.(csql.QuadHashes)
		if !ok {
			ss.values.mu.Unlock()
			return ss.resolveOneByOne(in)
		}
		hashes[i] = qh
		for _, d := range quad.Directions {
			h := qh.Get(d)
			if !h.Valid() || seen[h] {
				continue
			}
			seen[h] = true
			if _, ok := ss.values.m[h]; !ok {
				need = append(need, append([]byte(nil), h[:]...))
			}
		}
	}
	ss.values.mu.Unlock()
	found, err := ss.readValues(ctx, need)
	if err != nil {
		return nil, err
	}
	ss.values.mu.Lock()
	defer ss.values.mu.Unlock()
	if ss.values.m == nil || len(ss.values.m)+len(found) > maxValues {
		ss.values.m = make(map[refs.ValueHash]quad.Value, len(found))
	}
	for h, v := range found {
		ss.values.m[h] = v
	}
	out := make([]quad.Quad, len(in))
	for i, qh := range hashes {
		for _, d := range quad.Directions {
			h := qh.Get(d)
			if !h.Valid() {
				continue
			}
			v, ok := found[h]
			if !ok {
				if v, ok = ss.values.m[h]; !ok {
					return nil, fmt.Errorf("resolve quads: no node %x", h[:])
				}
			}
			out[i].Set(d, v)
		}
	}
	return out, nil
}

func (ss *backend) resolveOneByOne(in []graph.Ref) ([]quad.Quad, error) {
	out := make([]quad.Quad, len(in))
	for i, r := range in {
		q, err := ss.qs.Quad(r)
		if err != nil {
			return nil, err
		}
		out[i] = q
	}
	return out, nil
}

// readValues reads the nodes of the given hashes, decoding them as Cayley's
// NameOf does (TestResolveQuadsMatchesCayley holds the two together).
func (ss *backend) readValues(ctx context.Context, hashes [][]byte) (map[refs.ValueHash]quad.Value, error) {
	out := make(map[refs.ValueHash]quad.Value, len(hashes))
	if len(hashes) == 0 {
		return out, nil
	}
	rows, err := ss.db.QueryContext(ctx, `SELECT hash, value, value_string, datatype, language, iri, bnode,
	value_int, value_bool, value_float, value_time FROM nodes WHERE hash = ANY($1)`, pq.ByteaArray(hashes))
	if err != nil {
		return nil, fmt.Errorf("read %d values: %w", len(hashes), err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			hash   []byte
			data   []byte
			str    sql.NullString
			typ    sql.NullString
			lang   sql.NullString
			iri    sql.NullBool
			bnode  sql.NullBool
			vint   sql.NullInt64
			vbool  sql.NullBool
			vfloat sql.NullFloat64
			vtime  sql.NullTime
		)
		if err := rows.Scan(&hash, &data, &str, &typ, &lang, &iri, &bnode, &vint, &vbool, &vfloat, &vtime); err != nil {
			return nil, fmt.Errorf("read values: %w", err)
		}
		var val quad.Value
		switch {
		case str.Valid && iri.Bool:
			val = quad.IRI(str.String)
		case str.Valid && bnode.Bool:
			val = quad.BNode(str.String)
		case str.Valid && lang.Valid:
			val = quad.LangString{Value: quad.String(unescapeNull(str.String)), Lang: lang.String}
		case str.Valid && typ.Valid:
			val = quad.TypedString{Value: quad.String(unescapeNull(str.String)), Type: quad.IRI(typ.String)}
		case str.Valid:
			val = quad.String(unescapeNull(str.String))
		case vint.Valid:
			val = quad.Int(vint.Int64)
		case vbool.Valid:
			val = quad.Bool(vbool.Bool)
		case vfloat.Valid:
			val = quad.Float(vfloat.Float64)
		case vtime.Valid:
			val = quad.Time(vtime.Time.UTC())
		default:
			if val, err = pquads.UnmarshalValue(data); err != nil {
				return nil, fmt.Errorf("unmarshal value: %w", err)
			}
		}
		var h refs.ValueHash
		copy(h[:], hash)
		out[h] = val
	}
	return out, rows.Err()
}

// unescapeNull undoes Cayley's escape of NUL bytes in strings (see csql.NodeValues).
func unescapeNull(s string) string { return strings.ReplaceAll(s, `\x00`, "\u0000") }
