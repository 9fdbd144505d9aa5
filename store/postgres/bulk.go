package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	graphlog "github.com/cayleygraph/cayley/graph/log"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
)

// rowsPerStatement bounds one multi-row statement: PostgreSQL takes at most 65,535
// parameters, and a row here has at most five.
const rowsPerStatement = 2000

// bulkWrite makes the change Cayley's ApplyDeltas would, with the same rows in the
// same tables, but a few multi-row statements rather than one round trip per node
// and per quad (Cayley's SQL writer), which made PostgreSQL loads several times
// slower than bolt: node counts up (inserting new nodes), quads in, quads out
// (each must have been there: the change is strict, see Write), node counts down,
// and nodes no quad names any more out.
func bulkWrite(ctx context.Context, tx *sql.Tx, d *graphlog.Deltas) error {
	if err := insertNodes(ctx, tx, d.IncNode); err != nil {
		return fmt.Errorf("nodes: %w", err)
	}
	if err := insertQuads(ctx, tx, d.QuadAdd); err != nil {
		return fmt.Errorf("add quads: %w", err)
	}
	if err := deleteQuads(ctx, tx, d.QuadDel); err != nil {
		return fmt.Errorf("delete quads: %w", err)
	}
	if len(d.DecNode) == 0 {
		return nil
	}
	if err := decrementNodes(ctx, tx, d.DecNode); err != nil {
		return fmt.Errorf("node counts: %w", err)
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM nodes WHERE refs <= 0`)
	return err
}

// insertNodes adds each node's new references, inserting the nodes not yet
// stored, one statement per value type (each has its own columns).
func insertNodes(ctx context.Context, tx *sql.Tx, nodes []graphlog.NodeUpdate) error {
	byType := map[csql.ValueType][][]any{}
	for _, n := range nodes {
		if n.RefInc == 0 {
			continue // named by a quad that goes and one that comes: stored, unchanged
		}
		typ, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: n.Hash}, n.Val)
		if err != nil {
			return err
		}
		byType[typ] = append(byType[typ], append([]any{n.RefInc}, vals...))
	}
	for typ, rows := range byType {
		cols := "refs, hash, " + strings.Join(typ.Columns(), ", ")
		err := inChunks(rows, func(chunk [][]any) error {
			q, args := valuesList(chunk, "")
			_, err := tx.ExecContext(ctx, `INSERT INTO nodes (`+cols+`) VALUES `+q+
				` ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`, args...)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func insertQuads(ctx context.Context, tx *sql.Tx, quads []graphlog.QuadUpdate) error {
	return inChunks(quadRows(quads), func(chunk [][]any) error {
		q, args := valuesList(chunk, "now()")
		_, err := tx.ExecContext(ctx, `INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts) VALUES `+q, args...)
		return err
	})
}

// deleteQuads deletes the quads, and fails unless each was there. Labels are
// never NULL here (Write leaves such changes to Cayley).
func deleteQuads(ctx context.Context, tx *sql.Tx, quads []graphlog.QuadUpdate) error {
	return inChunks(quadRows(quads), func(chunk [][]any) error {
		q, args := valuesList(chunk, "", "::bytea", "::bytea", "::bytea", "::bytea")
		res, err := tx.ExecContext(ctx, `DELETE FROM quads USING (VALUES `+q+`) AS d (s, p, o, l)
WHERE subject_hash = d.s AND predicate_hash = d.p AND object_hash = d.o AND label_hash = d.l`, args...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n != int64(len(chunk)) {
			return &graph.DeltaError{Err: fmt.Errorf("%w: %d of %d quads to delete are not stored", graph.ErrQuadNotExist, int64(len(chunk))-n, len(chunk))}
		}
		return nil
	})
}

func decrementNodes(ctx context.Context, tx *sql.Tx, nodes []graphlog.NodeUpdate) error {
	rows := make([][]any, 0, len(nodes))
	for _, n := range nodes {
		rows = append(rows, []any{csql.NodeHash{ValueHash: n.Hash}.SQLValue(), n.RefInc})
	}
	return inChunks(rows, func(chunk [][]any) error {
		q, args := valuesList(chunk, "", "::bytea", "::int")
		_, err := tx.ExecContext(ctx, `UPDATE nodes SET refs = nodes.refs + d.n FROM (VALUES `+q+`) AS d (h, n) WHERE nodes.hash = d.h`, args...)
		return err
	})
}

func quadRows(quads []graphlog.QuadUpdate) [][]any {
	rows := make([][]any, 0, len(quads))
	for _, u := range quads {
		row := make([]any, 0, 4)
		for _, h := range []refs.ValueHash{u.Quad.Subject, u.Quad.Predicate, u.Quad.Object, u.Quad.Label} {
			row = append(row, csql.NodeHash{ValueHash: h}.SQLValue())
		}
		rows = append(rows, row)
	}
	return rows
}

// valuesList writes rows as "($1, $2), ($3, $4)…" (each row ending with extra, if
// any) and returns the arguments in order. casts, if given, types each column's
// parameters ("::bytea"): in a VALUES list outside an INSERT, PostgreSQL would take
// them for text.
func valuesList(rows [][]any, extra string, casts ...string) (string, []any) {
	var b strings.Builder
	var args []any
	for i, row := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for j, v := range row {
			if j > 0 {
				b.WriteString(", ")
			}
			args = append(args, v)
			b.WriteString("$" + strconv.Itoa(len(args)))
			if j < len(casts) {
				b.WriteString(casts[j])
			}
		}
		if extra != "" {
			b.WriteString(", " + extra)
		}
		b.WriteByte(')')
	}
	return b.String(), args
}

func inChunks(rows [][]any, fn func([][]any) error) error {
	for len(rows) > 0 {
		n := min(len(rows), rowsPerStatement)
		if err := fn(rows[:n]); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}
