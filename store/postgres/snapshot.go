package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	csql "github.com/cayleygraph/cayley/graph/sql"
	cpostgres "github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/lib/pq"
)

// A reader's reads are kept in one snapshot per store.Hold. Other processes
// commit to the database while a reader reads (a writer beside it, or on a hot
// standby the primary's commits as they replay), and Cayley reads an iterator's
// quads and then each of their values in statements of their own, on whichever
// pooled connection is free: a commit between two statements would show half of
// it, or a quad whose node is gone. So a reader opens Cayley's store (and its own
// pool) through the driver below, whose connections run every statement inside a
// REPEATABLE READ transaction that imports the snapshot the holders share,
// exported by an anchor transaction (pg_export_snapshot works on a standby too).
// The snapshot lives while some reader holds the store: the first holder takes a
// fresh one, the last lets it go (so an idle reader pins nothing and holds back
// no replay on a standby), and one older than maxSnapshotAge makes new holders
// wait for the ones before to finish, so that a busy server still moves on to
// newer commits.

// readerFlavor is the Cayley SQL flavor (and database/sql driver) a reader opens:
// Cayley's PostgreSQL flavor over the snapshot driver.
const readerFlavor = "parley-postgres-snapshot"

// maxSnapshotAge is how long holders may keep joining one snapshot.
const maxSnapshotAge = time.Second

// maxDrainWait bounds a new holder's wait for an old snapshot's holders; past
// it the holder joins that snapshot (one of them may be waiting for it).
const maxDrainWait = 5 * time.Second

func init() {
	sql.Register(readerFlavor, snapshotDriver{})
	// Cayley's postgres registration (graph/sql/postgres), on this driver.
	csql.Register(readerFlavor, csql.Registration{
		Driver:             readerFlavor,
		HashType:           `BYTEA`,
		BytesType:          `BYTEA`,
		HorizonType:        `BIGSERIAL`,
		TimeType:           `timestamp with time zone`,
		QueryDialect:       cpostgres.QueryDialect,
		ConditionalIndexes: true,
		FillFactor:         true,
		Error:              cpostgres.ConvError,
		Estimated: func(table string) string {
			return "SELECT reltuples::BIGINT AS estimate FROM pg_class WHERE relname='" + table + "';"
		},
		RunTx: cpostgres.RunTxPostgres,
	})
}

// snapshots is one reader's shared snapshot and the connections that use it.
type snapshots struct {
	id     string  // names it in the driver's data source names (see readerDSN)
	anchor *sql.DB // plain connections, for the exporting transaction

	mu  sync.Mutex
	cur *generation // nil while no one holds the store
	seq uint64

	state atomic.Pointer[snapState] // cur's snapshot, read by the connections

	connMu sync.Mutex
	conns  map[*snapConn]struct{}
}

// generation is one exported snapshot and its holders.
type generation struct {
	snapState
	tx      *sql.Tx
	started time.Time
	active  int
	stale   bool          // new holders wait for the active ones to finish
	drained chan struct{} // closed when the last holder leaves
	ended   bool          // by its last holder, or by close
}

// snapState is what a connection needs of the current snapshot: an empty id
// means none (statements run on their own).
type snapState struct {
	seq uint64
	id  string
}

var (
	snapMu       sync.Mutex
	snapRegistry = map[string]*snapshots{}
	snapNext     int
)

// newSnapshots registers the snapshots of a reader of dsn.
func newSnapshots(dsn string) (*snapshots, error) {
	anchor, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	m := &snapshots{anchor: anchor, conns: map[*snapConn]struct{}{}}
	m.state.Store(&snapState{})
	snapMu.Lock()
	snapNext++
	m.id = strconv.Itoa(snapNext)
	snapRegistry[m.id] = m
	snapMu.Unlock()
	return m, nil
}

// readerDSN is the data source name that opens dsn through the snapshot driver
// with m's snapshots.
func (m *snapshots) readerDSN(dsn string) string { return m.id + " " + dsn }

// close ends the snapshot (if any) and forgets m.
func (m *snapshots) close() error {
	m.mu.Lock()
	if m.cur != nil {
		m.end(m.cur)
	}
	m.mu.Unlock()
	snapMu.Lock()
	delete(snapRegistry, m.id)
	snapMu.Unlock()
	return m.anchor.Close()
}

// View joins the snapshot the holders share, or takes a fresh one (see above).
// If none can be taken, the holder's statements run each on its own, as a
// writer's do, and fail with their own errors if the database is gone.
func (ss *backend) View(ctx context.Context) func() {
	if ss.snaps == nil {
		return func() {}
	}
	return ss.snaps.hold(ctx)
}

func (m *snapshots) hold(ctx context.Context) func() {
	m.mu.Lock()
	defer m.mu.Unlock()
	deadline := time.Now().Add(maxDrainWait)
	for g := m.cur; g != nil; g = m.cur {
		if !g.stale && time.Since(g.started) > maxSnapshotAge {
			g.stale = true
		}
		if !g.stale || !time.Now().Before(deadline) {
			g.active++
			return m.releaser(g)
		}
		m.mu.Unlock()
		select {
		case <-g.drained:
		case <-time.After(time.Until(deadline)):
		}
		m.mu.Lock()
	}
	g, err := m.begin(ctx)
	if err != nil {
		return func() {}
	}
	g.active = 1
	m.cur = g
	m.state.Store(&g.snapState)
	return m.releaser(g)
}

func (m *snapshots) releaser(g *generation) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			m.mu.Lock()
			defer m.mu.Unlock()
			if g.active--; g.active == 0 {
				m.end(g)
			}
		})
	}
}

// begin exports a snapshot from a transaction of its own, kept open while the
// snapshot is in use (an exported snapshot lives as long as its transaction).
func (m *snapshots) begin(ctx context.Context) (*generation, error) {
	// The holder's context ends with its request; the snapshot outlives it.
	tx, err := m.anchor.BeginTx(context.WithoutCancel(ctx), &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return nil, err
	}
	var id string
	if err := tx.QueryRow(`SELECT pg_export_snapshot()`).Scan(&id); err != nil {
		tx.Rollback()
		return nil, err
	}
	m.seq++
	return &generation{snapState: snapState{seq: m.seq, id: id}, tx: tx, started: time.Now(), drained: make(chan struct{})}, nil
}

// end lets g's snapshot go: idle connections leave their transactions now (one
// left open would pin old rows, and on a standby delay replay), busy ones when
// next used.
func (m *snapshots) end(g *generation) {
	if g.ended {
		return
	}
	g.ended = true
	if m.cur == g {
		m.cur = nil
		m.state.Store(&snapState{seq: g.seq})
	}
	close(g.drained)
	g.tx.Rollback()
	m.connMu.Lock()
	conns := make([]*snapConn, 0, len(m.conns))
	for c := range m.conns {
		conns = append(conns, c)
	}
	m.connMu.Unlock()
	for _, c := range conns {
		if c.mu.TryLock() {
			if !c.busy {
				c.leave()
			}
			c.mu.Unlock()
		}
	}
}

// snapshotDriver opens connections that follow a reader's snapshots: its data
// source name is the reader's id, a space, and lib/pq's data source name.
type snapshotDriver struct{}

func (d snapshotDriver) Open(name string) (driver.Conn, error) {
	c, err := d.OpenConnector(name)
	if err != nil {
		return nil, err
	}
	return c.Connect(context.Background())
}

func (snapshotDriver) OpenConnector(name string) (driver.Connector, error) {
	id, dsn, _ := strings.Cut(name, " ")
	snapMu.Lock()
	m := snapRegistry[id]
	snapMu.Unlock()
	if m == nil {
		return nil, errors.New("postgres snapshot driver: no open reader for this connection")
	}
	pc, err := pq.NewConnector(dsn)
	if err != nil {
		return nil, err
	}
	return &snapConnector{m: m, pq: pc}, nil
}

type snapConnector struct {
	m  *snapshots
	pq driver.Connector
}

func (c *snapConnector) Driver() driver.Driver { return snapshotDriver{} }

func (c *snapConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.pq.Connect(ctx)
	if err != nil {
		return nil, err
	}
	sc := &snapConn{m: c.m, conn: conn}
	c.m.connMu.Lock()
	c.m.conns[sc] = struct{}{}
	c.m.connMu.Unlock()
	return sc, nil
}

// pqConn is what the snapshot driver uses of a lib/pq connection.
type pqConn interface {
	driver.Conn
	driver.QueryerContext
	driver.ExecerContext
	driver.Pinger
}

// snapConn is a lib/pq connection that runs each statement in the reader's
// current snapshot (or, with none, on its own).
type snapConn struct {
	m    *snapshots
	conn driver.Conn

	mu   sync.Mutex
	seq  uint64 // the snapshot its transaction imported
	inTx bool
	busy bool // rows are being read
}

func (c *snapConn) pq() (pqConn, error) {
	pc, ok := c.conn.(pqConn)
	if !ok {
		return nil, fmt.Errorf("postgres snapshot driver: lib/pq connection %T lacks a method", c.conn)
	}
	return pc, nil
}

// follow moves the connection into the current snapshot (c.mu held).
func (c *snapConn) follow(ctx context.Context) {
	st := c.m.state.Load()
	if c.seq == st.seq && c.inTx == (st.id != "") {
		return
	}
	c.leave()
	c.seq = st.seq
	if st.id == "" {
		return
	}
	pc, err := c.pq()
	if err != nil {
		return
	}
	// The id comes from pg_export_snapshot (hex digits and dashes).
	_, err = pc.ExecContext(ctx, `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT '`+st.id+`'`, nil)
	c.inTx = true
	if err != nil {
		// The snapshot ended as the connection came to it: run on its own.
		c.leave()
	}
}

// leave ends the connection's transaction, if any (c.mu held).
func (c *snapConn) leave() {
	if !c.inTx {
		return
	}
	c.inTx = false
	if pc, err := c.pq(); err == nil {
		pc.ExecContext(context.Background(), `ROLLBACK`, nil)
	}
}

// failed notes a statement's error: in a transaction it aborts the transaction,
// which the next statement rolls back and begins again.
func (c *snapConn) failed(err error) {
	if err != nil && c.inTx {
		c.seq = 0
	}
}

func (c *snapConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	pc, err := c.pq()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.follow(ctx)
	rows, err := pc.QueryContext(ctx, query, args)
	if err != nil {
		c.failed(err)
		return nil, err
	}
	c.busy = true
	return &snapRows{Rows: rows, c: c}, nil
}

func (c *snapConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	pc, err := c.pq()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.follow(ctx)
	res, err := pc.ExecContext(ctx, query, args)
	c.failed(err)
	return res, err
}

func (c *snapConn) Ping(ctx context.Context) error {
	pc, err := c.pq()
	if err != nil {
		return err
	}
	return pc.Ping(ctx)
}

// Prepare is for database/sql's fallback paths; a reader's statements go
// through QueryContext and ExecContext.
func (c *snapConn) Prepare(query string) (driver.Stmt, error) {
	return nil, errors.New("postgres reader: prepared statements are not supported")
}

// Begin: a reader writes nothing, so it opens no transactions of its own.
func (c *snapConn) Begin() (driver.Tx, error) {
	return nil, fmt.Errorf("postgres reader: %w", errReaderTx)
}

var errReaderTx = errors.New("a store opened for reading begins no transactions")

func (c *snapConn) Close() error {
	c.m.connMu.Lock()
	delete(c.m.conns, c)
	c.m.connMu.Unlock()
	return c.conn.Close()
}

func (c *snapConn) ResetSession(ctx context.Context) error {
	if r, ok := c.conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (c *snapConn) IsValid() bool {
	if v, ok := c.conn.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

// snapRows marks its connection busy until the rows are closed, so that the
// end of a snapshot does not roll back under them.
type snapRows struct {
	driver.Rows
	c *snapConn
}

func (r *snapRows) Next(dest []driver.Value) error {
	err := r.Rows.Next(dest)
	if err != nil && err != io.EOF {
		r.c.mu.Lock()
		r.c.failed(err)
		r.c.mu.Unlock()
	}
	return err
}

func (r *snapRows) Close() error {
	err := r.Rows.Close()
	r.c.mu.Lock()
	r.c.busy = false
	r.c.mu.Unlock()
	return err
}
