package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/ingest"
	"github.com/parleygraph/parley/loaders/source"
	"github.com/parleygraph/parley/queries"
	"github.com/parleygraph/parley/server"
	"github.com/parleygraph/parley/store"
	_ "github.com/parleygraph/parley/store/bolt" // the tests' store
)

// storePath is a bolt store of the sample articles, loaded once for all tests.
var storePath string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "parley-serve-test-")
	if err != nil {
		panic(err)
	}
	storePath = filepath.Join(dir, "parley.db")
	if err := loadSamples(storePath); err != nil {
		os.RemoveAll(dir)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func loadSamples(path string) error {
	x, err := extract.Builtin()
	if err != nil {
		return err
	}
	s, err := store.Open(store.Options{Path: path, Create: true})
	if err != nil {
		return err
	}
	defer s.Close()
	files, err := source.Walk([]string{"../testdata/articles"})
	if err != nil {
		return err
	}
	if sum := s.Load(context.Background(), files, &ingest.Reader{Extractor: x}, 0, nil); sum.Failed > 0 || sum.Loaded == 0 {
		return fmt.Errorf("loading the sample articles: %+v", sum)
	}
	return nil
}

// startWritable serves a copy of the sample store with --allow-writes and returns
// its base URL and the store.
func startWritable(t *testing.T) (string, *store.Store) {
	t.Helper()
	data, err := os.ReadFile(storePath)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "w.db")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(store.Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	h, err := server.Handler(server.Config{Store: s, Queries: queries.Catalog{}, AllowWrites: true})
	if err != nil {
		s.Close()
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(func() {
		srv.Close()
		s.Close()
	})
	return srv.URL, s
}

// startServer serves the sample store on a loopback port and returns its base URL.
func startServer(t testing.TB, cfg server.Config) string {
	t.Helper()
	s, err := store.Open(store.Options{Path: storePath, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Store, cfg.Queries = s, queries.Catalog{}
	h, err := server.Handler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		s.Close()
	})
	return "http://" + ln.Addr().String()
}

func get(t *testing.T, u string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, body
}

func post(t *testing.T, u, body string) (int, []byte) {
	t.Helper()
	resp, err := http.Post(u, "text/plain", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

func TestEndpoints(t *testing.T) {
	base := startServer(t, server.Config{})
	tests := []struct {
		name, method, path, body string
		code                     int
		check                    func(t *testing.T, body []byte)
	}{
		{"health", "GET", "/health", "", 200, func(t *testing.T, b []byte) {
			var h map[string]any
			if json.Unmarshal(b, &h) != nil || h["status"] != "ok" || h["quads"].(float64) < 1000 {
				t.Fatalf("health %s", b)
			}
		}},
		{"saved query list", "GET", "/api/queries", "", 200, func(t *testing.T, b []byte) {
			var qs []map[string]any
			if json.Unmarshal(b, &qs) != nil || len(qs) < 6 || qs[0]["description"] == "" {
				t.Fatalf("queries %s", b)
			}
		}},
		{"mediators", "GET", "/api/queries/mediators", "", 200, func(t *testing.T, b []byte) {
			var rows []map[string]any
			if json.Unmarshal(b, &rows) != nil || len(rows) == 0 || rows[0]["mediator"] == nil || rows[0]["between"] == nil {
				t.Fatalf("mediators %s", b)
			}
		}},
		{"saved query with a parameter", "GET", "/api/queries/issues?issue=ceasefire", "", 200, func(t *testing.T, b []byte) {
			var rows []map[string]any
			json.Unmarshal(b, &rows)
			for _, r := range rows {
				if r["issue"] != "ceasefire" {
					t.Fatalf("issue filter let through %v", r)
				}
			}
			if len(rows) == 0 {
				t.Fatal("no ceasefire rows")
			}
		}},
		{"unknown saved query", "GET", "/api/queries/nosuch", "", 404, nil},
		{"unknown parameter", "GET", "/api/queries/mediators?bogus=1", "", 400, nil},
		{"articles", "GET", "/api/articles", "", 200, func(t *testing.T, b []byte) {
			var as []store.ArticleInfo
			if json.Unmarshal(b, &as) != nil || len(as) < 30 || as[0].Headline == "" || as[0].Source == "" {
				t.Fatalf("articles %s", b[:min(len(b), 300)])
			}
			facts := 0
			for _, a := range as {
				facts += a.Facts
			}
			if facts == 0 {
				t.Fatal("no article asserts a fact")
			}
		}},
		{"why", "GET", "/api/why?node=" + url.QueryEscape("قطر"), "", 200, func(t *testing.T, b []byte) {
			var rows []map[string]any
			if json.Unmarshal(b, &rows) != nil || len(rows) == 0 || rows[0]["node"] != "Qatar" || rows[0]["sentence"] == "" {
				t.Fatalf("why %s", b[:min(len(b), 300)])
			}
		}},
		{"why with all evidence", "GET", "/api/why?evidence=all&node=Qatar", "", 200, func(t *testing.T, b []byte) {
			// Some fact about Qatar has more than the default three pieces of evidence.
			var rows []map[string]any
			perFact := map[any]int{}
			if json.Unmarshal(b, &rows) != nil {
				t.Fatalf("why %s", b[:min(len(b), 300)])
			}
			most := 0
			for _, r := range rows {
				perFact[r["fact"]]++
				most = max(most, perFact[r["fact"]])
			}
			if most <= 3 {
				t.Fatalf("evidence=all shows at most %d rows per fact", most)
			}
		}},
		{"why with bad evidence", "GET", "/api/why?evidence=abc&node=Qatar", "", 400, nil},
		{"missing required parameter", "GET", "/api/queries/actor", "", 400, nil},
		{"party in another language", "GET", "/api/queries/mediators?party=" + url.QueryEscape("حماس"), "", 200, func(t *testing.T, b []byte) {
			if !strings.Contains(string(b), `"Hamas"`) {
				t.Fatalf("mediators of حماس: %s", b[:min(len(b), 300)])
			}
		}},
		{"party nobody is", "GET", "/api/queries/mediators?party=Atlantis", "", 400, nil},
		{"unknown issue", "GET", "/api/queries/issues?issue=weather", "", 400, nil},
		{"a time window before any article", "GET", "/api/queries/mediators?until=2000-01-01", "", 200, func(t *testing.T, b []byte) {
			if strings.TrimSpace(string(b)) != "[]" {
				t.Fatalf("mediators until 2000: %s", b[:min(len(b), 200)])
			}
		}},
		{"a time window with every article", "GET", "/api/queries/mediators?since=2000-01-01", "", 200, func(t *testing.T, b []byte) {
			if !strings.Contains(string(b), `"Qatar"`) {
				t.Fatalf("mediators since 2000: %s", b[:min(len(b), 200)])
			}
		}},
		{"a window that is no date", "GET", "/api/queries/mediators?since=soon", "", 400, nil},
		{"why without node", "GET", "/api/why", "", 400, nil},
		{"saved queries for the UI", "GET", "/examples", "", 200, func(t *testing.T, b []byte) {
			for _, want := range []string{"visual_network", "mediators", "LAST_QUERY"} {
				if !strings.Contains(string(b), want) {
					t.Fatalf("examples page lacks %s", want)
				}
			}
		}},
		{"why unknown", "GET", "/api/why?node=Atlantis", "", 404, nil},
		{"gizmo v2", "POST", "/api/v2/query?lang=gizmo", `g.V("<https://parleygraph.org/id/actor/qatar>").out("<https://parleygraph.org/ns#displayName>").all()`, 200,
			func(t *testing.T, b []byte) {
				if !strings.Contains(string(b), `"id":"Qatar"`) {
					t.Fatalf("v2 %s", b)
				}
			}},
		{"gizmo v2 GET", "GET", "/api/v2/query?lang=gizmo&qu=" + url.QueryEscape(`g.emit(1+1)`), "", 200, func(t *testing.T, b []byte) {
			if strings.TrimSpace(string(b)) != `{"result":[2]}` {
				t.Fatalf("v2 GET %s", b)
			}
		}},
		{"gizmo v1", "POST", "/api/v1/query/gizmo", `g.emit("ok")`, 200, func(t *testing.T, b []byte) {
			if strings.TrimSpace(string(b)) != `{"result":["ok"]}` {
				t.Fatalf("v1 %s", b)
			}
		}},
		{"graphql", "POST", "/api/v2/query?lang=graphql", `{ nodes(id: "<https://parleygraph.org/id/actor/qatar>") { id } }`, 200, nil},
		{"mql", "POST", "/api/v2/query?lang=mql", `[{"id": "<https://parleygraph.org/id/actor/qatar>", "<https://parleygraph.org/ns#displayName>": null}]`, 200, nil},
		{"syntax error", "POST", "/api/v2/query?lang=gizmo", `g.V(`, 400, nil},
		{"no language", "POST", "/api/v2/query", `g.V()`, 400, nil},
		{"unknown language", "POST", "/api/v2/query?lang=sql", `select 1`, 400, nil},
		{"empty query", "POST", "/api/v2/query?lang=gizmo", ``, 400, nil},
		{"shape", "GET", "/api/v1/shape/gizmo", "", 501, nil},
		{"read nquads", "GET", "/api/v2/read?format=nquads&sub=" + url.QueryEscape("<https://parleygraph.org/id/actor/qatar>"), "", 200, func(t *testing.T, b []byte) {
			// A node's description carries the node as its label.
			const q = `<https://parleygraph.org/id/actor/qatar> <https://parleygraph.org/ns#displayName> "Qatar" <https://parleygraph.org/id/actor/qatar> .`
			if !strings.Contains(string(b), q) {
				t.Fatalf("read lacks %s", q)
			}
		}},
		{"formats", "GET", "/api/v2/formats", "", 200, func(t *testing.T, b []byte) {
			if !strings.Contains(string(b), "nquads") || !strings.Contains(string(b), "jsonld") {
				t.Fatalf("formats %s", b)
			}
		}},
		{"write refused", "POST", "/api/v2/write", `<a> <b> <c> .`, 403, nil},
		{"delete refused", "POST", "/api/v2/delete", `<a> <b> <c> .`, 403, nil},
		{"unknown api", "GET", "/api/nope", "", 404, nil},
		{"ui", "GET", "/", "", 200, func(t *testing.T, b []byte) {
			if !strings.Contains(string(b), "<title>Cayley</title>") {
				t.Fatal("no UI")
			}
		}},
		{"ui on a wrong method", "POST", "/", "", 405, nil},
		{"monaco", "GET", "/vendor/monaco-editor/min/vs/loader.js", "", 200, nil},
		{"icons", "GET", "/vendor/material-icons/iconfont/material-icons.css", "", 200, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var code int
			var body []byte
			if tt.method == "GET" {
				code, body = get(t, base+tt.path)
			} else {
				code, body = post(t, base+tt.path, tt.body)
			}
			if code != tt.code {
				t.Fatalf("%s %s: status %d, want %d: %s", tt.method, tt.path, code, tt.code, body[:min(len(body), 300)])
			}
			if code >= 400 && strings.HasPrefix(tt.path, "/api") {
				var e map[string]string
				if json.Unmarshal(body, &e) != nil || e["error"] == "" {
					t.Fatalf("error is not JSON with a message: %s", body)
				}
				if strings.Contains(e["error"], "goroutine") {
					t.Fatalf("error leaks a stack trace: %s", e["error"])
				}
			}
			if tt.check != nil {
				tt.check(t, body)
			}
		})
	}
}

// The patched UI must not reach outside its origin for code or fonts.
func TestUIIsOffline(t *testing.T) {
	base := startServer(t, server.Config{})
	_, index := get(t, base+"/")
	for _, ref := range []string{"main", "2."} {
		i := strings.Index(string(index), "/static/js/"+ref)
		if i < 0 {
			t.Fatalf("index has no %s chunk", ref)
		}
		p := string(index[i:])
		p = p[:strings.Index(p, `"`)]
		_, js := get(t, base+p)
		for _, outside := range []string{"localhost:64210", "cdn.jsdelivr.net", "fonts.googleapis.com"} {
			if strings.Contains(string(js), outside) {
				t.Fatalf("%s still names %s", p, outside)
			}
		}
	}
}

func TestHostileQueriesEndAndOthersStillServed(t *testing.T) {
	base := startServer(t, server.Config{Timeout: 500 * time.Millisecond, RowLimit: 50})
	hostile := []struct {
		name, query string
		code        int
		want        string
	}{
		{"endless loop", `while (true) {}`, http.StatusGatewayTimeout, "timed out"},
		{"deep recursion", `function f(n) { return f(n + 1) + 1 } f(0)`, http.StatusGatewayTimeout, "timed out"},
		{"huge result", `for (var i = 0; i < 1e7; i++) g.emit(i)`, http.StatusUnprocessableEntity, "row limit"},
		{"every node", `g.V().all()`, http.StatusUnprocessableEntity, "row limit"},
	}
	var wg sync.WaitGroup
	for _, h := range hostile {
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			code, body := post(t, base+"/api/v2/query?lang=gizmo", h.query)
			if code != h.code || !strings.Contains(string(body), h.want) {
				t.Errorf("%s: %d %s", h.name, code, body)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("%s took %v", h.name, d)
			}
		}()
	}
	// While they run, an ordinary request is answered.
	time.Sleep(50 * time.Millisecond)
	start := time.Now()
	code, body := get(t, base+"/api/queries/mediators?party=Hamas")
	if code != 200 || !strings.Contains(string(body), "Qatar") {
		t.Fatalf("a normal query during hostile ones: %d %s", code, body)
	}
	t.Logf("normal query answered in %v while hostile queries ran", time.Since(start))
	wg.Wait()
	if code, _ := get(t, base+"/health"); code != 200 {
		t.Fatalf("health after hostile queries: %d", code)
	}
}

// With --allow-writes, analysts' notes (quads labelled under schema.NoteBase) are
// written and deleted; a write or delete that would touch articles' facts or the
// shared quads their support keeps is refused with the reason, and nothing of it
// is written: the store's invariant holds throughout.
func TestWritesWhenAllowed(t *testing.T) {
	base, s := startWritable(t)
	ctx := context.Background()
	size := func() int64 {
		n, err := s.Size(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	sound := func(when string) {
		if problems, err := s.Verify(ctx); err != nil || len(problems) > 0 {
			t.Fatalf("%s: store invariant broken: %v %v", when, err, problems[:min(len(problems), 3)])
		}
	}
	before := size()
	const note = `<https://parleygraph.org/id/actor/qatar> <http://www.w3.org/2000/01/rdf-schema#comment> "check the Doha venue" <https://parleygraph.org/note/analyst-1> .` + "\n"
	refused := []struct{ path, body string }{
		{"/api/v2/write", "<http://a> <http://b> <http://c> .\n"},                                                                                                         // no label
		{"/api/v2/write", note + "<http://a> <http://b> <http://c> <https://parleygraph.org/id/actor/qatar> .\n"},                                                         // a node's own label
		{"/api/v2/delete", `<https://parleygraph.org/id/actor/qatar> <https://parleygraph.org/ns#displayName> "Qatar" <https://parleygraph.org/id/actor/qatar> .` + "\n"}, // shared
		{"/api/v2/node/delete", `"<https://parleygraph.org/id/actor/qatar>"`},
	}
	for _, r := range refused {
		code, body := post(t, base+r.path, r.body)
		if code != http.StatusUnprocessableEntity || !strings.Contains(string(body), "note") {
			t.Fatalf("%s %q: %d %s", r.path, r.body, code, body)
		}
	}
	if n := size(); n != before {
		t.Fatalf("refused writes changed the store: %d quads, were %d", n, before)
	}
	sound("after refused writes")
	if code, body := post(t, base+"/api/v2/write", note); code != 200 {
		t.Fatalf("note: %d %s", code, body)
	}
	if n := size(); n != before+1 {
		t.Fatalf("%d quads after a note, were %d", n, before)
	}
	sound("after a note")
	if code, body := post(t, base+"/api/v2/delete", note); code != 200 {
		t.Fatalf("delete note: %d %s", code, body)
	}
	if n := size(); n != before {
		t.Fatalf("%d quads after deleting the note, were %d", n, before)
	}
	sound("after deleting the note")
}

// /api/v2/read returns at most the row limit of quads (or ?limit=): a larger
// answer is an error that says how to narrow it.
func TestReadIsLimited(t *testing.T) {
	base := startServer(t, server.Config{RowLimit: 50})
	if code, body := get(t, base+"/api/v2/read"); code != http.StatusUnprocessableEntity || !strings.Contains(string(body), "more than 50 quads") {
		t.Fatalf("whole store: %d %s", code, body[:min(len(body), 300)])
	}
	if code, body := get(t, base+"/api/v2/read?limit=2&sub="+url.QueryEscape("<https://parleygraph.org/id/actor/qatar>")); code != http.StatusUnprocessableEntity {
		t.Fatalf("limit=2: %d %s", code, body[:min(len(body), 300)])
	}
	code, body := get(t, base+"/api/v2/read?format=nquads&pred="+url.QueryEscape("<https://parleygraph.org/ns#displayName>")+"&sub="+url.QueryEscape("<https://parleygraph.org/id/actor/qatar>"))
	if code != 200 || strings.Count(string(body), "\n") != 1 || !strings.Contains(string(body), `"Qatar"`) {
		t.Fatalf("one quad: %d %s", code, body)
	}
}
