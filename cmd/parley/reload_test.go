package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/ingest"
	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/source"
	"github.com/parleygraph/parley/loaders/synth"
	"github.com/parleygraph/parley/schema"
	"github.com/parleygraph/parley/store"
	"github.com/parleygraph/parley/store/pgtest"
	"github.com/parleygraph/parley/store/postgres"
)

// TestMain lets the tests run this binary as the parley command (for the tests
// that need a second process).
func TestMain(m *testing.M) {
	if os.Getenv("PARLEY_TEST_AS_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// parleyCmd is a child process running parley with args.
func parleyCmd(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "PARLEY_TEST_AS_MAIN=1")
	return cmd
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func verify(t *testing.T, db string) {
	t.Helper()
	if out, _, err := run(t, "--db", db, "check"); err != nil || strings.TrimSpace(out) != "ok" {
		t.Fatalf("store invariant broken: %v\n%s", err, out)
	}
}

func gizmoJSON(t *testing.T, db, q string) []any {
	t.Helper()
	var rows []any
	out := mustRun(t, "--db", db, "query", "--gizmo", q, "--format", "json")
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return rows
}

func TestLoadsEveryFormat(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "p.db")
	writeFiles(t, dir, map[string]string{
		"a.md":    "# Qatar mediates in Doha\n\nTalks between Israel and Hamas resumed in Doha, mediated by Qatar.",
		"b.html":  `<html lang="en"><head><title>Egypt hosts round</title></head><body><nav>Home World</nav><article><p>Negotiators from Israel and Hamas met in Cairo on Monday in talks brokered by Egypt and Qatar, officials said, as mediators pressed for a ceasefire and the release of hostages.</p><p>The next round is expected within days.</p></article></body></html>`,
		"c.json":  `{"headline": "Oman mediates", "body": "Iran and the United States held talks in Muscat mediated by Oman.", "url": "https://n.example/oman", "published": "2026-05-01", "language": "en", "authors": ["Jane Roe"]}`,
		"d.jsonl": "{\"headline\": \"Turkey hosts\", \"body\": \"Russia and Ukraine met in Istanbul in talks mediated by Turkey.\"}\n{\"headline\": \"محادثات في جدة\", \"body\": \"استؤنفت المحادثات بين الجيش السوداني وقوات الدعم السريع في جدة بوساطة السعودية.\"}\n",
		"e.rss":   `<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>Malaysia chairs talks</title><link>https://w.example/1</link><description>Thailand and Cambodia agreed a ceasefire after Malaysia chaired the talks in Kuala Lumpur.</description></item></channel></rss>`,
	})
	out := mustRun(t, "--db", db, "load", dir)
	if !strings.HasPrefix(out, "6 loaded, 0 unchanged, 0 failed") {
		t.Fatalf("load: %s", out)
	}
	rows := gizmoJSON(t, db, `g.V("<https://n.example/oman>").out(["<http://schema.org/author>", "<http://schema.org/inLanguage>", "<http://schema.org/url>", "<http://schema.org/datePublished>"]).all()`)
	if len(rows) != 4 {
		t.Fatalf("metadata of the JSON article: %v", rows)
	}
	mediators := map[string]bool{}
	for _, r := range queryJSON(t, db, "mediators") {
		mediators[r["mediator"].(string)] = true
	}
	for _, m := range []string{"Qatar", "Egypt", "Oman", "Turkey", "Saudi Arabia", "Malaysia"} {
		if !mediators[m] {
			t.Fatalf("no %s among mediators %v", m, mediators)
		}
	}
	verify(t, db)
}

func TestReloadReplacesChangedArticlesAndPrunes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "p.db")
	writeFiles(t, dir, map[string]string{
		"one.txt":   "Talks\nIsrael and Hamas resumed talks in Doha, mediated by Qatar.",
		"two.txt":   "More talks\nIsrael and Hamas held talks in Cairo, mediated by Qatar and Egypt.",
		"three.txt": "Sudan\nThe army and the RSF met in Jeddah in talks brokered by Saudi Arabia.",
		"many.jsonl": "{\"id\": \"x\", \"headline\": \"Oman\", \"body\": \"Iran and the United States met in Muscat in talks mediated by Oman.\"}\n" +
			"{\"id\": \"y\", \"headline\": \"Turkey\", \"body\": \"Russia and Ukraine met in Istanbul in talks mediated by Turkey.\"}\n",
	})
	mustRun(t, "--db", db, "load", dir)
	pairs := func() map[string]int {
		m := map[string]int{}
		for _, r := range queryJSON(t, db, "mediators") {
			m[r["mediator"].(string)+" "+fmt.Sprint(r["between"])] = int(r["articles"].(float64))
		}
		return m
	}
	if p := pairs(); p["Qatar [Hamas Israel]"] != 2 || p["Egypt [Hamas Israel]"] != 1 {
		t.Fatalf("before: %v", p)
	}
	// One article changes its mediator: its old fact goes, the other article's stays.
	writeFiles(t, dir, map[string]string{"two.txt": "More talks\nIsrael and Hamas held talks in Cairo, mediated by Egypt."})
	out := mustRun(t, "--db", db, "load", dir)
	if !strings.HasPrefix(out, "1 loaded, 4 unchanged, 0 failed") {
		t.Fatalf("reload: %s", out)
	}
	if p := pairs(); p["Qatar [Hamas Israel]"] != 1 || p["Egypt [Hamas Israel]"] != 1 {
		t.Fatalf("after change: %v", p)
	}
	verify(t, db)
	// one.txt goes and a JSON line leaves its file: --prune removes both, and the
	// nodes only they spoke of.
	os.Remove(filepath.Join(dir, "one.txt"))
	writeFiles(t, dir, map[string]string{"many.jsonl": "{\"id\": \"x\", \"headline\": \"Oman\", \"body\": \"Iran and the United States met in Muscat in talks mediated by Oman.\"}\n"})
	out = mustRun(t, "--db", db, "load", "--prune", dir)
	if !strings.Contains(out, "2 pruned") {
		t.Fatalf("prune: %s", out)
	}
	p := pairs()
	if _, ok := p["Qatar [Hamas Israel]"]; ok {
		t.Fatalf("Qatar's mediation survived its only article: %v", p)
	}
	if _, ok := p["Turkey [Russia Ukraine]"]; ok {
		t.Fatalf("the removed JSON line's fact survived: %v", p)
	}
	if p["Egypt [Hamas Israel]"] != 1 || p["Oman [Iran United States]"] != 1 {
		t.Fatalf("prune removed too much: %v", p)
	}
	// The Israel node survives: two.txt still speaks of it.
	if rows := gizmoJSON(t, db, `g.V("<https://parleygraph.org/id/actor/israel>").out("<https://parleygraph.org/ns#displayName>").all()`); len(rows) != 1 {
		t.Fatalf("Israel's node lost: %v", rows)
	}
	verify(t, db)
	// A file that fails to read loses nothing already in the graph, even with --prune.
	writeFiles(t, dir, map[string]string{"two.txt": "\x00\x01binary now"})
	_, stderr, err := run(t, "--db", db, "load", "--prune", dir)
	if err == nil || !strings.Contains(stderr, "two.txt") || !strings.Contains(stderr, "binary") {
		t.Fatalf("bad file: %v %s", err, stderr)
	}
	if p := pairs(); p["Egypt [Hamas Israel]"] != 1 {
		t.Fatalf("a bad read lost facts: %v", p)
	}
}

func TestFeedOverHTTP(t *testing.T) {
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>
<item><title>Qatar mediates</title><link>https://w.example/1</link><description>Israel and Hamas met in Doha in talks mediated by Qatar.</description></item>
<item><title>Oman mediates</title><link>https://w.example/2</link><description>Iran and the United States met in Muscat, mediated by Oman.</description></item>
</channel></rss>`
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(feed))
	})
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", 500) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "p.db")
	out, stderr, err := run(t, "--db", db, "load", "--fetch-timeout", "300ms", srv.URL+"/feed", srv.URL+"/down", srv.URL+"/slow")
	if err == nil {
		t.Fatal("load with failing URLs succeeded")
	}
	if !strings.HasPrefix(out, "2 loaded, 0 unchanged, 2 failed") {
		t.Fatalf("summary: %s", out)
	}
	if !strings.Contains(stderr, srv.URL+"/down: HTTP 500") || !strings.Contains(stderr, srv.URL+"/slow: fetch timed out after") {
		t.Fatalf("stderr: %s", stderr)
	}
	// The item's link is its identity.
	if rows := gizmoJSON(t, db, `g.V("<https://w.example/1>").out("<http://schema.org/headline>").all()`); len(rows) != 1 {
		t.Fatalf("feed item not stored under its link: %v", rows)
	}
}

func TestTooLargeFileIsReportedAndSkipped(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "p.db")
	writeFiles(t, dir, map[string]string{"ok.txt": "Talks\nIsrael and Hamas met in Doha, mediated by Qatar."})
	big, err := os.Create(filepath.Join(dir, "big.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(50 << 20); err != nil { // 50 MB
		t.Fatal(err)
	}
	big.Close()
	out, stderr, err := run(t, "--db", db, "load", dir)
	if err == nil || !strings.HasPrefix(out, "1 loaded, 0 unchanged, 1 failed") || !strings.Contains(stderr, "big.txt: too large") {
		t.Fatalf("50 MB file: %v\n%s\n%s", err, out, stderr)
	}
}

// On PostgreSQL a second writer fails at once (several processes may read; the
// writer lock is the database's). On bolt the second writer's command runs inside
// the store's holder instead: see holder_test.go.
func TestSecondWriterFailsAtOnce(t *testing.T) {
	t.Run("postgres", func(t *testing.T) { testSecondWriterFailsAtOnce(t, pgtest.Fresh(t)) })
}

func testSecondWriterFailsAtOnce(t *testing.T, db string) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ok.txt": "Talks\nIsrael and Hamas met in Doha, mediated by Qatar."})
	watch := parleyCmd("--db", db, "watch", "--every", "1h", dir)
	var wout bytes.Buffer
	watch.Stdout = &wout
	if err := watch.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { watch.Process.Signal(syscall.SIGTERM); watch.Wait() }()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(wout.String(), "loaded") && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	start := time.Now()
	load := parleyCmd("--db", db, "load", dir)
	out, err := load.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "store is in use by another process") {
		t.Fatalf("second writer: %v %s", err, out)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("second writer took %v to fail", d)
	}
}

// TestKillMidReload kills a `parley load` that is replacing every article and checks
// that each article is all old or all new, that the store's invariant holds, and that
// the next load finishes the job.
func TestKillMidReload(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: loads a few hundred articles twice")
	}
	eachBackend(t, testKillMidReload)
}

func testKillMidReload(t *testing.T, db string) {
	lx, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(lx)
	if err != nil {
		t.Fatal(err)
	}
	g, err := synth.New(lx)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	n := 300
	if store.BackendFor(db) == postgres.Name {
		n = 100 // PostgreSQL writes about 5× slower (see README); the kill still lands mid-reload
	}
	write := func(seed uint64) {
		for _, a := range g.Generate(n, seed) {
			writeFiles(t, dir, map[string]string{a.Name: a.Text})
		}
	}
	// Expected own quads per article and version, by the same extraction.
	type version struct {
		hash  string
		quads map[quad.Quad]bool
	}
	expect := map[quad.IRI][]version{}
	r := &ingest.Reader{Extractor: x}
	record := func() {
		files, _ := source.Walk([]string{dir})
		for _, f := range files {
			a, err := source.ReadFile(f, 0)
			if err != nil {
				t.Fatal(err)
			}
			iri, qs := r.Article(a)
			v := version{hash: a.Hash, quads: map[quad.Quad]bool{}}
			for _, q := range qs {
				if q.Label == iri && q.Predicate != schema.LoadedAt {
					v.quads[q] = true
				}
			}
			expect[iri] = append(expect[iri], v)
		}
	}
	write(1)
	record()
	mustRun(t, "--db", db, "load", dir)
	write(2)
	record()

	child := parleyCmd("--db", db, "load", "--workers", "1", dir)
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond)
	child.Process.Kill() // SIGKILL
	child.Wait()

	s, err := store.Open(store.Options{Path: db, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	old, fresh := 0, 0
	ctx := context.Background()
	byLabel := quadsByLabel(t, s)
	for iri, versions := range expect {
		hash, err := s.ArticleHash(ctx, iri)
		if err != nil {
			t.Fatal(err)
		}
		var want *version
		for i := range versions {
			if versions[i].hash == hash {
				want = &versions[i]
				if i == 0 {
					old++
				} else {
					fresh++
				}
			}
		}
		if want == nil {
			srcs, _ := s.ArticleSources(ctx)
			t.Fatalf("%s has hash %q, neither version's (%d versions; store holds %d articles)", iri, hash, len(versions), len(srcs))
		}
		got := map[quad.Quad]bool{}
		copyOf := false
		for _, q := range byLabel[iri] {
			switch q.Predicate {
			case schema.LoadedAt:
			case schema.CopyOf:
				copyOf = true // a syndicated copy keeps its own description only
			default:
				got[q] = true
			}
		}
		if copyOf {
			own := map[quad.Quad]bool{}
			for q := range want.quads {
				switch q.Predicate {
				case schema.Mentions, schema.Asserts, schema.Location, schema.About, schema.Contributor:
				default:
					if q.Subject == iri {
						own[q] = true
					}
				}
			}
			want = &version{hash: want.hash, quads: own}
		}
		if len(got) != len(want.quads) {
			t.Fatalf("%s: %d quads stored, its version has %d: half an article", iri, len(got), len(want.quads))
		}
		for q := range want.quads {
			if !got[q] {
				t.Fatalf("%s lacks %v", iri, q)
			}
		}
	}
	problems, err := s.Verify(ctx)
	s.Close()
	if err != nil || len(problems) > 0 {
		t.Fatalf("invariant after the kill: %v %v", err, problems[:min(len(problems), 5)])
	}
	t.Logf("killed mid-reload: %d articles old, %d new, none half", old, fresh)
	if fresh == 0 || old == 0 {
		t.Logf("the kill did not land mid-reload (%d old, %d new); the check still ran", old, fresh)
	}
	out := mustRun(t, "--db", db, "load", dir)
	if !strings.Contains(out, fmt.Sprintf("%d loaded, %d unchanged, 0 failed", old, fresh)) {
		t.Fatalf("the next load: %s (want %d loaded, %d unchanged)", out, old, fresh)
	}
	verify(t, db)
}

// quadsByLabel reads the whole store once, grouping quads by label.
func quadsByLabel(t *testing.T, s *store.Store) map[quad.Value][]quad.Quad {
	t.Helper()
	out := map[quad.Value][]quad.Quad{}
	it := s.QS.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(context.Background()) {
		q, err := s.QS.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		out[q.Label] = append(out[q.Label], q)
	}
	return out
}

// An article whose extraction runs over --extract-budget is reported by name and
// skipped; the load goes on, and the facts the store held for it stay.
func TestOverBudgetArticleIsReportedAndSkipped(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "p.db")
	writeFiles(t, dir, map[string]string{"ok.txt": "Talks\nIsrael and Hamas met in Doha, mediated by Qatar."})
	mustRun(t, "--db", db, "load", dir)
	before := quadCount(t, db)
	// One run-on line, a megabyte long: extraction is linear, but a budget of a
	// millisecond is far less than it needs.
	line := strings.Repeat("Turkey mediated talks between Russia and Ukraine in Istanbul ", 17000)
	writeFiles(t, dir, map[string]string{"ok.txt": "Talks\nEgypt and Qatar mediated between Israel and Hamas.\n" + line})
	out, stderr, err := run(t, "--db", db, "load", "--extract-budget", "1ms", dir)
	if err == nil || !strings.HasPrefix(out, "0 loaded, 0 unchanged, 1 failed") ||
		!strings.Contains(stderr, "ok.txt") || !strings.Contains(stderr, "extraction timed out after 1ms") {
		t.Fatalf("over budget: %v\n%s\n%s", err, out, stderr)
	}
	if after := quadCount(t, db); after != before {
		t.Fatalf("a skipped article changed the store: %d quads, were %d", after, before)
	}
	out = mustRun(t, "--db", db, "load", dir) // the default budget reads it
	if !strings.HasPrefix(out, "1 loaded") {
		t.Fatalf("default budget: %s", out)
	}
}

// Each article records the digest of the extractor that read it: a lexicon entry
// added later makes the article stale (stats counts it), and load or reextract
// read it again, so the new entry's facts reach the graph.
func TestLexiconChangeReachesLoadedArticles(t *testing.T) {
	dir, lex := t.TempDir(), t.TempDir()
	db := filepath.Join(t.TempDir(), "p.db")
	writeFiles(t, dir, map[string]string{"z.txt": "Talks resume\nThe Zanzibar Pact mediated talks between Israel and Hamas in Doha on Monday.\n"})
	writeFiles(t, lex, map[string]string{"organizations.tsv": "id\tkind\ten\tar\ten_adj\tar_nisba\tcountry\tflags\nzz_pact\tigo\tZanzibar Pact\tميثاق زنجبار\t\t\t\t\n"})
	mustRun(t, "--db", db, "load", dir)
	if out := mustRun(t, "--db", db, "query", "mediators"); strings.Contains(out, "Zanzibar") {
		t.Fatalf("mediator before the lexicon knows it:\n%s", out)
	}
	stale := func(args ...string) string {
		for _, line := range strings.Split(mustRun(t, append(append([]string{"--db", db}, args...), "stats")...), "\n") {
			if f := strings.Fields(line); len(f) > 1 && f[0] == "stale" {
				return f[1]
			}
		}
		t.Fatal("stats has no stale line")
		return ""
	}
	if n := stale(); n != "0" {
		t.Fatalf("stale under the same extractor: %s", n)
	}
	if n := stale("--lexicon", lex); n != "1" {
		t.Fatalf("stale under a changed lexicon: %s", n)
	}
	out := mustRun(t, "--db", db, "--lexicon", lex, "reextract")
	if !strings.HasPrefix(out, "1 loaded") {
		t.Fatalf("reextract: %s", out)
	}
	if out := mustRun(t, "--db", db, "query", "mediators"); !strings.Contains(out, "Zanzibar Pact") {
		t.Fatalf("mediator after reextract:\n%s", out)
	}
	if n := stale("--lexicon", lex); n != "0" {
		t.Fatalf("stale after reextract: %s", n)
	}
	if out := mustRun(t, "--db", db, "--lexicon", lex, "reextract"); !strings.HasPrefix(out, "0 stale") {
		t.Fatalf("second reextract: %s", out)
	}
	// Back to the built-in lexicon: load itself re-extracts, and the entry's facts go.
	if out := mustRun(t, "--db", db, "load", dir); !strings.HasPrefix(out, "1 loaded, 0 unchanged") {
		t.Fatalf("load under the built-in lexicon again: %s", out)
	}
	if out := mustRun(t, "--db", db, "query", "mediators"); strings.Contains(out, "Zanzibar") {
		t.Fatalf("mediator after the entry left the lexicon:\n%s", out)
	}
	verify(t, db)
}

// A page saved to a file that names its URL is the same article as the page
// loaded from that URL.
func TestSavedPageAndItsURLAreOneArticle(t *testing.T) {
	var srvURL string
	pageFor := func(u string) string {
		return `<html><head><link rel="canonical" href="` + u + `/doha"><title>Talks resume in Doha</title></head><body><article>
<p>Negotiators from Israel and Hamas resumed indirect talks in Doha on Tuesday, with Qatar and Egypt mediating between the two sides, officials said.</p>
<p>The round is expected to focus on the release of hostages and a permanent ceasefire, according to two diplomats briefed on the discussions.</p>
</article></body></html>`
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(pageFor(srvURL)))
	}))
	defer srv.Close()
	srvURL = srv.URL
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"saved.html": pageFor(srv.URL)})
	db := filepath.Join(t.TempDir(), "p.db")
	mustRun(t, "--db", db, "load", dir)
	mustRun(t, "--db", db, "load", srv.URL+"/doha")
	if n := statsValue(mustRun(t, "--db", db, "stats"), "articles"); n != "1" {
		t.Fatalf("%s articles from one page saved and fetched", n)
	}
}
