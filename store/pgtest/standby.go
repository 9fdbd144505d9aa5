package pgtest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Pair is a primary PostgreSQL cluster and its hot standby (streaming
// replication), made for one test in a temp dir and removed when it ends.
type Pair struct {
	// Primary and Standby are URLs of the database "parley" on each server.
	Primary, Standby string

	primary, standby *sql.DB
}

// Replicated starts a primary and, from its pg_basebackup -R, a hot standby, with
// the server binaries of $PATH or /usr/lib/postgresql/*/bin (the newest), as the
// postgres user when run as root (initdb refuses root). The tests that need it run
// where the PostgreSQL tests run ($PARLEY_TEST_POSTGRES set, or
// $PARLEY_REQUIRE_POSTGRES=1); without the binaries they skip, or fail if
// PostgreSQL is required.
func Replicated(t testing.TB) *Pair {
	t.Helper()
	required := os.Getenv(EnvRequire) == "1"
	if os.Getenv(EnvDSN) == "" && !required {
		t.Skipf("%s is not set: the PostgreSQL tests, the hot standby's among them, are off", EnvDSN)
	}
	bin, err := serverBin()
	if err != nil {
		if required {
			t.Fatalf("%s=1 but %v", EnvRequire, err)
		}
		t.Skipf("no hot standby test: %v", err)
	}
	c, err := newClusters(bin)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.stop)
	p := &Pair{}
	primaryPort, err := c.start("primary", func(dir string) error {
		return c.run("initdb", "-D", dir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync")
	}, "-c", "wal_level=replica", "-c", "max_wal_senders=4", "-c", "synchronous_commit=off")
	if err != nil {
		t.Fatal(err)
	}
	standbyPort, err := c.start("standby", func(dir string) error {
		// -R writes primary_conninfo and standby.signal: the copy starts as a
		// standby streaming from the primary.
		return c.run("pg_basebackup", "-h", "127.0.0.1", "-p", strconv.Itoa(primaryPort), "-U", "postgres",
			"-D", dir, "-R", "-X", "stream", "-c", "fast", "--no-sync")
	}, "-c", "hot_standby=on")
	if err != nil {
		t.Fatal(err)
	}
	url := func(port int, db string) string {
		return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", port, db)
	}
	for _, s := range []struct {
		db  **sql.DB
		url string
	}{{&p.primary, url(primaryPort, "postgres")}, {&p.standby, url(standbyPort, "postgres")}} {
		if *s.db, err = sql.Open("postgres", s.url); err != nil {
			t.Fatal(err)
		}
		db := *s.db
		t.Cleanup(func() { db.Close() })
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := p.primary.ExecContext(ctx, `CREATE DATABASE parley`); err != nil {
		t.Fatalf("create database parley on the primary: %v", err)
	}
	var standby bool
	if err := p.standby.QueryRowContext(ctx, `SELECT pg_is_in_recovery()`).Scan(&standby); err != nil || !standby {
		t.Fatalf("the standby is not in recovery (%v): %s", err, c.logs())
	}
	p.Primary, p.Standby = url(primaryPort, "parley"), url(standbyPort, "parley")
	p.WaitReplay(t)
	return p
}

// WaitReplay waits until the standby has replayed what the primary has written
// (its WAL insert position: with synchronous_commit off a commit may not be
// flushed yet).
func (p *Pair) WaitReplay(t testing.TB) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var lsn string
	if err := p.primary.QueryRowContext(ctx, `SELECT pg_current_wal_insert_lsn()::text`).Scan(&lsn); err != nil {
		t.Fatalf("primary's WAL position: %v", err)
	}
	for {
		var done bool
		err := p.standby.QueryRowContext(ctx, `SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false)`, lsn).Scan(&done)
		if err != nil {
			t.Fatalf("standby's replay position: %v", err)
		}
		if done {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("the standby has not replayed the primary's WAL up to %s in a minute", lsn)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// serverBin is the directory of initdb, pg_ctl and pg_basebackup: $PATH's, or
// the newest of Debian's /usr/lib/postgresql/*/bin (as .ci/run finds them).
func serverBin() (string, error) {
	tools := []string{"initdb", "pg_ctl", "pg_basebackup"}
	has := func(dir string) bool {
		for _, tool := range tools {
			if st, err := os.Stat(filepath.Join(dir, tool)); err != nil || st.Mode()&0o111 == 0 {
				return false
			}
		}
		return true
	}
	if p, err := exec.LookPath("initdb"); err == nil && has(filepath.Dir(p)) {
		return filepath.Dir(p), nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	version := func(d string) int { n, _ := strconv.Atoi(filepath.Base(filepath.Dir(d))); return n }
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if has(d) {
			return d, nil
		}
	}
	return "", fmt.Errorf("PostgreSQL's server binaries (%s) are neither in $PATH nor in /usr/lib/postgresql/*/bin", strings.Join(tools, ", "))
}

// clusters are the test's PostgreSQL clusters, in one temp dir.
type clusters struct {
	bin, dir string
	asUser   []string // runuser -u postgres --, when root
	started  []string // data dirs of the running servers
}

func newClusters(bin string) (*clusters, error) {
	// Not t.TempDir: its parents are the test user's alone, and as root the
	// servers run as postgres.
	dir, err := os.MkdirTemp("", "parley-standby-")
	if err != nil {
		return nil, err
	}
	c := &clusters{bin: bin, dir: dir}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("running as root, the clusters need the postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		c.asUser = []string{"runuser", "-u", "postgres", "--"}
	}
	return c, nil
}

// run runs one of the server binaries (as the postgres user when root), in the
// clusters' dir (which that user can read).
func (c *clusters) run(tool string, args ...string) error {
	argv := append(append(append([]string(nil), c.asUser...), filepath.Join(c.bin, tool)), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = c.dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w\n%s", strings.Join(argv, " "), err, out)
	}
	return nil
}

// start makes the cluster name with create and starts it on a free loopback
// port (trying another if the port is taken before the server binds it).
func (c *clusters) start(name string, create func(dir string) error, opts ...string) (int, error) {
	data := filepath.Join(c.dir, name)
	if err := create(data); err != nil {
		return 0, fmt.Errorf("create the %s cluster: %w", name, err)
	}
	var err error
	for range 3 {
		var port int
		if port, err = freePort(); err != nil {
			return 0, err
		}
		o := append([]string{"-k", c.dir, "-p", strconv.Itoa(port), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"}, opts...)
		err = c.run("pg_ctl", "-D", data, "-w", "-t", "60", "-l", data+".log", "-o", strings.Join(o, " "), "start")
		if err == nil {
			c.started = append(c.started, data)
			return port, nil
		}
	}
	return 0, fmt.Errorf("start the %s cluster: %w\n%s", name, err, c.logs())
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// logs are the servers' logs, for a failure's message.
func (c *clusters) logs() string {
	var b strings.Builder
	for _, name := range []string{"primary", "standby"} {
		if out, err := os.ReadFile(filepath.Join(c.dir, name+".log")); err == nil {
			fmt.Fprintf(&b, "--- %s.log\n%s", name, out)
		} else if !errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(&b, "--- %s.log: %v\n", name, err)
		}
	}
	return b.String()
}

// stop stops the servers (standby first) and removes their dir.
func (c *clusters) stop() {
	for i := len(c.started) - 1; i >= 0; i-- {
		c.run("pg_ctl", "-D", c.started[i], "-m", "immediate", "-w", "stop")
	}
	os.RemoveAll(c.dir)
}
