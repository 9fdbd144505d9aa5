// Package postgres is parley's backend for teams that outgrow one machine:
// Cayley's SQL quad store on PostgreSQL, with parley's writer lock, its own
// indexes beside Cayley's, and the few statements Cayley has no call for. What
// parley relies on in Cayley's tables (quads, nodes, their hash columns and
// reference counts) is pinned by the tests beside it.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/graph"
	graphlog "github.com/cayleygraph/cayley/graph/log"
	csql "github.com/cayleygraph/cayley/graph/sql"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers the "postgres" quad store and lib/pq's driver
	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/store"
)

// Name is the backend's registered name.
const Name = "postgres"

func init() {
	store.Register(store.Registration{
		Name:          Name,
		Open:          Open,
		Transactional: true,
		Claims: func(path string) bool {
			return strings.HasPrefix(path, "postgres://") || strings.HasPrefix(path, "postgresql://")
		},
		Describe: RedactDSN,
	})
}

// backend is an open PostgreSQL store: Cayley's quad store, and parley's own
// connection beside it that holds the writer lock and runs the few statements
// Cayley has no call for.
type backend struct {
	qs   graph.QuadStore
	db   *sql.DB
	lock *sql.Conn // the session holding the writer lock, when writing
	name string    // the DSN without its password, for messages
	// snaps keeps a reader's holds in snapshots (see snapshot.go); nil for a writer.
	snaps *snapshots

	values values // node values by hash (see ResolveQuads)
}

// writerLockKey is the PostgreSQL advisory lock a parley writer holds ("parley").
const writerLockKey = 0x7061726c6579

// parley's indexes beside Cayley's, created when a writer opens the store.
var indexSQL = []string{
	// One article's (or one node's) quads, found without a sequential scan of the
	// quads table: Cayley indexes only {s,p,o}, {o,p,s}, {p,o,s} and {o,s,p}.
	// Measured on 300 synthetic articles (85k quads): 424 → 81 ms per article delete.
	`CREATE INDEX IF NOT EXISTS parley_label_index ON quads (label_hash)`,
	// Cayley ends every write that deletes with DELETE FROM nodes WHERE refs <= 0,
	// a sequential scan of the nodes table; this partial index holds only the
	// nodes about to go, so that statement no longer grows with the store.
	`CREATE INDEX IF NOT EXISTS parley_unreferenced_nodes ON nodes (refs) WHERE refs <= 0`,
}

// Open opens (or creates) the store in the database opt.Path, a postgres:// URL.
// A reader (opt.ReadOnly) writes nothing, so it may open a hot standby; it reads
// in snapshots (see snapshot.go).
func Open(opt store.Options) (store.Backend, error) {
	dsn := opt.Path
	name := RedactDSN(dsn)
	fail := func(err error) error { return redactedError(fmt.Sprintf("open postgres %s", name), dsn, err) }
	if dsn == "" {
		return nil, errors.New("postgres store: empty connection URL (--db postgres://user@host/dbname)")
	}
	ss := &backend{name: name}
	write := opt.Create || !opt.ReadOnly
	qsFlavor, qsDSN := Name, dsn
	var err error
	if write {
		ss.db, err = sql.Open("postgres", dsn)
	} else if ss.snaps, err = newSnapshots(dsn); err == nil {
		qsFlavor, qsDSN = readerFlavor, ss.snaps.readerDSN(dsn)
		ss.db, err = sql.Open(readerFlavor, qsDSN)
	}
	if err != nil {
		ss.closeSQL()
		return nil, fail(err)
	}
	ctx := context.Background()
	// Cayley pings too, but logs the full DSN when that fails: find out here first.
	pingCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := ss.db.PingContext(pingCtx); err != nil {
		ss.closeSQL()
		return nil, fail(err)
	}
	if err := ss.open(ctx, opt, write, qsFlavor, qsDSN); err != nil {
		ss.closeSQL()
		return nil, fail(err)
	}
	return ss, nil
}

func (ss *backend) open(ctx context.Context, opt store.Options, write bool, qsFlavor, qsDSN string) error {
	if write {
		// A hot standby takes no writes (and its advisory locks guard nothing on
		// the primary): say so before anything fails halfway.
		var standby bool
		if err := ss.db.QueryRowContext(ctx, `SELECT pg_is_in_recovery()`).Scan(&standby); err != nil {
			return fmt.Errorf("ask whether the server is a standby: %w", err)
		}
		if standby {
			return fmt.Errorf("%w: the server is a PostgreSQL hot standby (in recovery); "+
				"write on its primary (load, watch, reextract, serve --allow-writes or --reload-every, migrate --to), "+
				"read here (query, why, stats, export, check, serve)", store.ErrReadOnly)
		}
		// Writers plan against the committed store, so two at once would break its
		// invariants: like bolt's file lock, one writer per database.
		if err := ss.lockWriter(ctx, opt.LockTimeout); err != nil {
			return err
		}
	}
	exists, err := ss.hasSchema(ctx)
	if err != nil {
		return err
	}
	if !exists {
		if !opt.Create {
			return fmt.Errorf("%w: run `parley load` first", store.ErrNoStore)
		}
		// Cayley creates both tables and its indexes in one transaction.
		if err := graph.InitQuadStore(Name, opt.Path, nil); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
			return fmt.Errorf("initialise: %w", err)
		}
	}
	if write {
		for _, q := range indexSQL {
			if _, err := ss.db.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("create index (%s): %w", q, err)
			}
		}
	}
	qs, err := graph.NewQuadStore(qsFlavor, qsDSN, nil)
	if err != nil {
		return err
	}
	ss.qs = qs
	return nil
}

// lockWriter takes the writer lock on a session of its own, waiting up to timeout
// (default 500ms) for another writer to finish.
func (ss *backend) lockWriter(ctx context.Context, timeout time.Duration) error {
	if timeout <= 0 {
		timeout = 500 * time.Millisecond
	}
	conn, err := ss.db.Conn(ctx)
	if err != nil {
		return err
	}
	deadline := time.Now().Add(timeout)
	for {
		var ok bool
		if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, writerLockKey).Scan(&ok); err != nil {
			conn.Close()
			return fmt.Errorf("writer lock: %w", err)
		}
		if ok {
			ss.lock = conn
			return nil
		}
		if time.Now().After(deadline) {
			conn.Close()
			return store.ErrInUse
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (ss *backend) hasSchema(ctx context.Context) (bool, error) {
	var ok bool
	err := ss.db.QueryRowContext(ctx, `SELECT to_regclass('quads') IS NOT NULL AND to_regclass('nodes') IS NOT NULL`).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("look for parley's tables: %w", err)
	}
	return ok, nil
}

func (ss *backend) QuadStore() graph.QuadStore { return ss.qs }

// Close closes Cayley's store, then parley's connection.
func (ss *backend) Close() error {
	err := ss.qs.Close()
	if cerr := ss.closeSQL(); err == nil {
		err = cerr
	}
	return err
}

// closeSQL ends the writer's session (which releases its lock), a reader's
// snapshot, and the pool.
func (ss *backend) closeSQL() error {
	if ss.lock != nil {
		ss.lock.Close()
		ss.lock = nil
	}
	var err error
	if ss.db != nil {
		err = ss.db.Close()
	}
	if ss.snaps != nil {
		if cerr := ss.snaps.close(); err == nil {
			err = cerr
		}
	}
	return err
}

// Check counts the nodes whose reference count is wrong (see badRefcounts).
func (ss *backend) Check(ctx context.Context) ([]string, error) {
	n, err := ss.badRefcounts(ctx)
	if err != nil {
		return nil, fmt.Errorf("check node reference counts: %w", err)
	}
	if n > 0 {
		return []string{fmt.Sprintf("%d nodes whose reference count is not the number of quads naming them", n)}, nil
	}
	return nil, nil
}

// badRefcounts counts the nodes whose reference count is not the number of quad
// directions that name them (or that quads name but are missing): Cayley deletes
// a node when its count reaches zero, so a wrong count loses or leaks nodes.
func (ss *backend) badRefcounts(ctx context.Context) (int64, error) {
	const q = `WITH r AS (
	SELECT h, count(*) AS n FROM (
		SELECT subject_hash AS h FROM quads
		UNION ALL SELECT predicate_hash FROM quads
		UNION ALL SELECT object_hash FROM quads
		UNION ALL SELECT label_hash FROM quads WHERE label_hash IS NOT NULL
	) AS dirs GROUP BY h
)
SELECT count(*) FROM nodes FULL JOIN r ON nodes.hash = r.h WHERE nodes.refs IS DISTINCT FROM r.n`
	var n int64
	err := ss.db.QueryRowContext(ctx, q).Scan(&n)
	return n, err
}

// Size is the number of quads. Cayley's Stats gives the planner's estimate, or an
// exact count it then keeps until this process writes, which misses other writers.
func (ss *backend) Size(ctx context.Context) (int64, error) {
	var n int64
	err := ss.db.QueryRowContext(ctx, `SELECT count(*) FROM quads`).Scan(&n)
	return n, err
}

// SupportedElsewhere reports whether a quad "? support node" has a subject other
// than article, in one query on Cayley's {o,p,s} index. Walking the quads into the
// node through Cayley instead reads every one of them back, a node at a time, and
// took half of an article's replacement on a small store.
func (ss *backend) SupportedElsewhere(ctx context.Context, node, support quad.Value, article quad.IRI) (bool, error) {
	var ok bool
	err := ss.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM quads WHERE object_hash = $1 AND predicate_hash = $2 AND subject_hash <> $3)`,
		csql.HashOf(node).SQLValue(), csql.HashOf(support).SQLValue(), csql.HashOf(article).SQLValue()).Scan(&ok)
	return ok, err
}

// Truncate empties the store (for `parley migrate --force`).
func (ss *backend) Truncate(ctx context.Context) error {
	_, err := ss.db.ExecContext(ctx, `TRUNCATE quads, nodes`)
	return err
}

// Stored returns a quad as the SQL store gives it back. Cayley hashes a time by
// its second (RFC 3339, UTC) but the SQL store keeps microseconds: a time with a
// fraction would be read back unequal to the one written (or to another article's
// of the same second) yet with the same hash, and the next plan would add and
// delete "the same" quad, which fails. So times are stored as their hash has
// them: UTC, to the second.
func (ss *backend) Stored(q quad.Quad) quad.Quad { return storableQuad(q) }

func storableQuad(q quad.Quad) quad.Quad {
	for _, d := range quad.Directions {
		if t, ok := q.Get(d).(quad.Time); ok {
			q.Set(d, quad.Time(time.Time(t).UTC().Truncate(time.Second)))
		}
	}
	return q
}

// Write commits a change in one ApplyDeltas call, which on SQL is one
// transaction: an article (or a group of them) is all old or all new after a crash.
//
// Unlike kv's, one SQL call may both add and delete quads about a node: nodes are
// keyed by their value's hash, not by an ID given out as the call goes, so netting
// a node's reference count over the call changes nothing but the count, and
// foreign keys from quads to nodes reject a quad whose node is missing (see
// TestApplyDeltasOneCall).
//
// The options are strict: with IgnoreDup Cayley counts a duplicate quad's nodes
// although it does not store the quad, and with IgnoreMissing it does not give
// back the count of a missing quad's node when the call nets that node upwards;
// either would leave counts wrong. parley's plan never adds a stored quad nor
// deletes a missing one, so an error here means the plan was stale: the
// transaction rolls back and the caller fails (or retries the article alone).
//
// The change is written by bulkWrite, in a few multi-row statements, unless a
// quad has no label (never so in parley's own writes), which Cayley writes.
func (ss *backend) Write(ctx context.Context, c store.Change) error {
	deltas := append(append(make([]graph.Delta, 0, len(c.Adds)+len(c.Dels)), c.Adds...), c.Dels...)
	if len(deltas) == 0 {
		return nil
	}
	for _, d := range deltas {
		if d.Quad.Label == nil {
			return ss.qs.ApplyDeltas(deltas, graph.IgnoreOpts{})
		}
	}
	tx, err := ss.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := bulkWrite(ctx, tx, graphlog.SplitDeltas(deltas)); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	// Cayley keeps counts of quads and nodes until it writes itself: an empty
	// write of its own makes it forget them.
	return ss.qs.ApplyDeltas(nil, graph.IgnoreOpts{})
}

var (
	urlPassword = regexp.MustCompile(`(://[^:/@\s]*:)[^@\s]*@`)
	kvPassword  = regexp.MustCompile(`(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s]+)`)
)

// RedactDSN returns a PostgreSQL connection string (URL or key=value form) with
// its password replaced, for messages.
func RedactDSN(dsn string) string {
	dsn = urlPassword.ReplaceAllString(dsn, "${1}xxxxx@")
	return kvPassword.ReplaceAllString(dsn, "${1}xxxxx")
}

// dsnPassword is the password written in dsn, if any.
func dsnPassword(dsn string) string {
	if m := urlPassword.FindString(dsn); m != "" {
		i := strings.Index(m[3:], ":")
		return m[3+i+1 : len(m)-1]
	}
	if m := kvPassword.FindStringSubmatch(dsn); m != nil {
		return strings.Trim(m[2], "'")
	}
	return ""
}

// redactedError wraps err under prefix with any trace of the DSN's password
// removed from its message (a driver may quote the DSN back).
func redactedError(prefix, dsn string, err error) error {
	msg := RedactDSN(err.Error())
	if pw := dsnPassword(dsn); pw != "" {
		msg = strings.ReplaceAll(msg, pw, "xxxxx")
	}
	return &scrubbed{msg: prefix + ": " + msg, err: err}
}

type scrubbed struct {
	msg string
	err error
}

func (e *scrubbed) Error() string { return e.msg }
func (e *scrubbed) Unwrap() error { return e.err }
