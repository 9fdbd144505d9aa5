package main

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/parleygraph/parley/schema"
	"github.com/parleygraph/parley/store/pgtest"
)

// eachBackend runs f once per backend with the --db of a fresh, empty store.
func eachBackend(t *testing.T, f func(t *testing.T, db string)) {
	t.Run("bolt", func(t *testing.T) { f(t, filepath.Join(t.TempDir(), "p.db")) })
	t.Run("postgres", func(t *testing.T) { f(t, pgtest.Fresh(t)) })
}

// rowSet is a query's rows as sorted JSON lines, to compare answers whatever the
// order rows come in.
func rowSet(t *testing.T, args ...string) []string {
	t.Helper()
	var rows []any
	out := mustRun(t, append(args, "--format", "json")...)
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	var lines []string
	for _, r := range rows {
		b, _ := json.Marshal(r)
		lines = append(lines, string(b))
	}
	sort.Strings(lines)
	return lines
}

// exported is the store's quads as sorted N-Quads lines, without except's quads.
func exported(t *testing.T, db string, except quad.IRI) []string {
	t.Helper()
	r := nquads.NewReader(strings.NewReader(mustRun(t, "--db", db, "export")), false)
	var lines []string
	for {
		q, err := r.ReadQuad()
		if err != nil {
			break
		}
		if q.Predicate != except {
			lines = append(lines, q.NQuad())
		}
	}
	sort.Strings(lines)
	return lines
}

func sameLines(t *testing.T, what string, a, b []string) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%s: %d lines vs %d", what, len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("%s differ at line %d:\n%s\n%s", what, i, a[i], b[i])
		}
	}
}

// TestPostgresAnswersAsBolt loads the sample articles into bolt and PostgreSQL: the
// stores must hold the same quads and answer every saved query alike, and a second
// load must find every article unchanged.
func TestPostgresAnswersAsBolt(t *testing.T) {
	pg := pgtest.Fresh(t)
	bolt := filepath.Join(t.TempDir(), "p.db")
	n := countArticles(t)
	mustRun(t, "--db", bolt, "load", articles)
	out := mustRun(t, "--backend", "postgres", "--db", pg, "load", articles)
	if !strings.HasPrefix(out, strconv.Itoa(n)+" loaded, 0 unchanged, 0 failed") {
		t.Fatalf("load into postgres: %s", out)
	}
	verify(t, pg)
	// The articles' load times differ; every other quad must be the same.
	sameLines(t, "exported quads", exported(t, bolt, schema.LoadedAt), exported(t, pg, schema.LoadedAt))
	for _, q := range [][]string{{"mediators"}, {"talks"}, {"locations"}, {"issues"}, {"actor", "--param", "name=Qatar", "--param", "evidence=all"}} {
		sameLines(t, strings.Join(q, " "), rowSet(t, append([]string{"--db", bolt, "query"}, q...)...), rowSet(t, append([]string{"--db", pg, "query"}, q...)...))
	}
	// people gives each person the role most articles give, and the first it meets
	// on a tie: the backends meet statements in other orders, so only compare people.
	persons := func(db string) []string {
		var out []string
		for _, r := range queryJSON(t, db, "people") {
			out = append(out, r["person"].(string))
		}
		sort.Strings(out)
		return out
	}
	sameLines(t, "people", persons(bolt), persons(pg))
	if len(rowSet(t, "--db", pg, "query", "mediators")) == 0 {
		t.Fatal("no mediators")
	}
	out = mustRun(t, "--db", pg, "load", articles)
	if !strings.HasPrefix(out, "0 loaded, "+strconv.Itoa(n)+" unchanged, 0 failed; quads +0,") {
		t.Fatalf("second load into postgres: %s", out)
	}
	if a, b := quadCount(t, bolt), quadCount(t, pg); a != b {
		t.Fatalf("stats: bolt %d quads, postgres %d", a, b)
	}
}

// TestMigrateRoundTrip copies a loaded bolt store to PostgreSQL and back: all three
// hold the same quads, labels and load times included.
func TestMigrateRoundTrip(t *testing.T) {
	pg := pgtest.Fresh(t)
	dir := t.TempDir()
	from, back := filepath.Join(dir, "from.db"), filepath.Join(dir, "back.db")
	mustRun(t, "--db", from, "load", articles)
	want := exported(t, from, "")
	out := mustRun(t, "migrate", "--from", "bolt:"+from, "--to", pg, "--batch", "3000")
	if !strings.Contains(out, "copied "+strconv.Itoa(len(want))+" quads in") || !strings.Contains(out, "check ok") {
		t.Fatalf("migrate to postgres: %s", out)
	}
	sameLines(t, "bolt → postgres", want, exported(t, pg, ""))
	out = mustRun(t, "migrate", "--from", pg, "--to", "bolt:"+back)
	if !strings.Contains(out, "verified: "+strconv.Itoa(len(want))+" quads") {
		t.Fatalf("migrate back: %s", out)
	}
	sameLines(t, "bolt → postgres → bolt", want, exported(t, back, ""))
	verify(t, back)
	// A target that holds quads is refused, or replaced with --force.
	_, _, err := run(t, "migrate", "--from", back, "--to", pg)
	if err == nil || !strings.Contains(err.Error(), "use --force") {
		t.Fatalf("non-empty target: %v", err)
	}
	out = mustRun(t, "migrate", "--from", back, "--to", pg, "--force")
	if !strings.Contains(out, "removed "+strconv.Itoa(len(want))+" quads") || !strings.Contains(out, "check ok") {
		t.Fatalf("--force: %s", out)
	}
	sameLines(t, "after --force", want, exported(t, pg, ""))
	if _, _, err := run(t, "migrate", "--from", from, "--to", "bolt:"+from); err == nil {
		t.Fatal("migrating a store onto itself succeeded")
	}
}

// TestPostgresFromEnvAndErrors: $PARLEY_DB alone selects PostgreSQL, and a database
// that cannot be reached is named in the error, without its password.
func TestPostgresFromEnvAndErrors(t *testing.T) {
	pg := pgtest.Fresh(t)
	t.Setenv("PARLEY_DB", pg)
	mustRun(t, "load", filepath.Join(articles, "en_iran_us_rome_round.txt"))
	if rows := rowSet(t, "query", "mediators"); len(rows) == 0 {
		t.Fatal("no mediators read back through $PARLEY_DB")
	}
	_, _, err := run(t, "--db", "postgres://parley:s3cret@127.0.0.1:1/graphdb?sslmode=disable&connect_timeout=5", "stats")
	if err == nil || !strings.Contains(err.Error(), "postgres://parley:xxxxx@127.0.0.1:1/graphdb") || strings.Contains(err.Error(), "s3cret") {
		t.Fatalf("unreachable database: %v", err)
	}
}
