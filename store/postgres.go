package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers the "postgres" quad store and lib/pq's driver
	"github.com/cayleygraph/quad"
)

// sqlStore is parley's own connection to a PostgreSQL store, beside Cayley's: it
// holds the writer lock and runs the few statements Cayley has no call for.
type sqlStore struct {
	db   *sql.DB
	lock *sql.Conn // the session holding the writer lock, when writing
	name string    // the DSN without its password, for messages
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

func openPostgres(opt Options) (*Store, error) {
	dsn := opt.Path
	name := RedactDSN(dsn)
	fail := func(err error) error { return redactedError(fmt.Sprintf("open postgres %s", name), dsn, err) }
	if dsn == "" {
		return nil, errors.New("postgres store: empty connection URL (--db postgres://user@host/dbname)")
	}
	ctx := context.Background()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, fail(err)
	}
	// Cayley pings too, but logs the full DSN when that fails: find out here first.
	pingCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		db.Close()
		return nil, fail(err)
	}
	ss := &sqlStore{db: db, name: name}
	s, err := ss.open(ctx, opt)
	if err != nil {
		ss.close()
		return nil, fail(err)
	}
	return s, nil
}

func (ss *sqlStore) open(ctx context.Context, opt Options) (*Store, error) {
	write := opt.Create || !opt.ReadOnly
	if write {
		// Writers plan against the committed store, so two at once would break its
		// invariants: like bolt's file lock, one writer per database.
		if err := ss.lockWriter(ctx, opt.LockTimeout); err != nil {
			return nil, err
		}
	}
	exists, err := ss.hasSchema(ctx)
	if err != nil {
		return nil, err
	}
	if !exists {
		if !opt.Create {
			return nil, fmt.Errorf("%w: run `parley load` first", ErrNoStore)
		}
		// Cayley creates both tables and its indexes in one transaction.
		if err := graph.InitQuadStore(Postgres, opt.Path, nil); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
			return nil, fmt.Errorf("initialise: %w", err)
		}
	}
	if write {
		for _, q := range indexSQL {
			if _, err := ss.db.ExecContext(ctx, q); err != nil {
				return nil, fmt.Errorf("create index (%s): %w", q, err)
			}
		}
	}
	qs, err := graph.NewQuadStore(Postgres, opt.Path, nil)
	if err != nil {
		return nil, err
	}
	return &Store{QS: qs, Backend: Postgres, Path: ss.name, sql: ss}, nil
}

// lockWriter takes the writer lock on a session of its own, waiting up to timeout
// (default 500ms) for another writer to finish.
func (ss *sqlStore) lockWriter(ctx context.Context, timeout time.Duration) error {
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
			return ErrInUse
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (ss *sqlStore) hasSchema(ctx context.Context) (bool, error) {
	var ok bool
	err := ss.db.QueryRowContext(ctx, `SELECT to_regclass('quads') IS NOT NULL AND to_regclass('nodes') IS NOT NULL`).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("look for parley's tables: %w", err)
	}
	return ok, nil
}

// close ends the writer's session (which releases its lock) and the pool.
func (ss *sqlStore) close() error {
	if ss.lock != nil {
		ss.lock.Close()
		ss.lock = nil
	}
	return ss.db.Close()
}

// badRefcounts counts the nodes whose reference count is not the number of quad
// directions that name them (or that quads name but are missing): Cayley deletes
// a node when its count reaches zero, so a wrong count loses or leaks nodes.
func (ss *sqlStore) badRefcounts(ctx context.Context) (int64, error) {
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

// count is the number of quads. Cayley's Stats gives the planner's estimate, or an
// exact count it then keeps until this process writes, which misses other writers.
func (ss *sqlStore) count(ctx context.Context) (int64, error) {
	var n int64
	err := ss.db.QueryRowContext(ctx, `SELECT count(*) FROM quads`).Scan(&n)
	return n, err
}

// supportedElsewhere reports whether a quad "? support node" has a subject other
// than article, in one query on Cayley's {o,p,s} index. Walking the quads into the
// node through Cayley instead reads every one of them back, a node at a time, and
// took half of an article's replacement on a small store.
func (ss *sqlStore) supportedElsewhere(ctx context.Context, node, support quad.Value, article quad.IRI) (bool, error) {
	var ok bool
	err := ss.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM quads WHERE object_hash = $1 AND predicate_hash = $2 AND subject_hash <> $3)`,
		csql.HashOf(node).SQLValue(), csql.HashOf(support).SQLValue(), csql.HashOf(article).SQLValue()).Scan(&ok)
	return ok, err
}

// truncate empties the store (for `parley migrate --force`).
func (ss *sqlStore) truncate(ctx context.Context) error {
	_, err := ss.db.ExecContext(ctx, `TRUNCATE quads, nodes`)
	return err
}

// storable returns docs as the SQL store gives them back, copying only what
// changes. Cayley hashes a time by its second (RFC 3339, UTC) but the SQL store
// keeps microseconds: a time with a fraction would be read back unequal to the
// one written (or to another article's of the same second) yet with the same
// hash, and the next plan would add and delete "the same" quad, which fails. So
// times are stored as their hash has them: UTC, to the second.
func storable(docs []Doc) []Doc {
	out := docs
	for i, d := range docs {
		var qs []quad.Quad
		for j, q := range d.Quads {
			nq := storableQuad(q)
			if nq == q && qs == nil {
				continue
			}
			if qs == nil {
				qs = append(make([]quad.Quad, 0, len(d.Quads)), d.Quads[:j]...)
			}
			qs = append(qs, nq)
		}
		if qs == nil {
			continue
		}
		if &out[0] == &docs[0] {
			out = append([]Doc(nil), docs...)
		}
		out[i].Quads = qs
	}
	return out
}

func storableQuad(q quad.Quad) quad.Quad {
	for _, d := range quad.Directions {
		if t, ok := q.Get(d).(quad.Time); ok {
			q.Set(d, quad.Time(time.Time(t).UTC().Truncate(time.Second)))
		}
	}
	return q
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
