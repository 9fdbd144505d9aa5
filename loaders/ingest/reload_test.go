package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/ingest"
	"github.com/parleygraph/parley/loaders/source"
	"github.com/parleygraph/parley/store"
)

// These tests run the Reloader on real parts: a bolt store in a temp dir
// (PostgreSQL under the race detector: see backend_race_test.go), the built-in
// extractor's reader, article files on disk and an RSS feed served over loopback
// HTTP.

// Articles, each a different story (so that none is taken for a syndicated copy
// of another): a .txt file's first line is its headline.
const (
	textA   = "Qatar mediates Gaza talks\nIsrael and Hamas met in Doha on Monday in talks mediated by Qatar and Egypt on a ceasefire and the release of hostages."
	textB   = "Oman hosts nuclear talks\nIran and the United States held indirect talks in Muscat, mediated by Oman, on the nuclear programme and sanctions."
	textC   = "Malaysia chairs border talks\nThailand and Cambodia agreed a ceasefire after Malaysia chaired talks in Kuala Lumpur."
	textBad = "Turkey hosts prisoner talks\nRussia and Ukraine sent delegations to Istanbul, where Turkey hosted talks on a prisoner exchange."
	textO   = "Pretoria agreement signed\nEthiopia and the TPLF signed a peace agreement in Pretoria after talks mediated by the African Union."
	// binary is what bad.txt becomes: NUL bytes, which source rejects as binary
	// content (a whole source that fails to read).
	binary = "\x00\x01\x02\x03binary now\x00"
)

// jsonl are the lines of many.jsonl, one article each (its URL is its IRI); the
// article on line n is recorded under the source "many.jsonl#n".
var jsonl = []string{
	`{"headline": "Sudan talks resume in Jeddah", "body": "The Sudanese army and the Rapid Support Forces resumed talks in Jeddah, mediated by Saudi Arabia and the United States.", "url": "https://wire.example/jsonl/1"}`,
	`{"headline": "Border commission meets", "body": "Armenia and Azerbaijan held talks on border delimitation in Brussels, hosted by the European Union.", "url": "https://wire.example/jsonl/2"}`,
}

// feedItem is one item of the RSS feed a feedServer serves.
type feedItem struct{ guid, title, link, description string }

var feedItems = []feedItem{
	{"f-1", "Havana round opens", "https://wire.example/feed/1", "Colombia and the ELN resumed talks in Havana, with Cuba and Norway as guarantors."},
	{"f-2", "Doha framework for Congo", "https://wire.example/feed/2", "Congo and the M23 rebels signed a framework in Doha, mediated by Qatar."},
}

// feedServer serves an RSS feed of its items at /feed on loopback; with failFirst
// its first response is HTTP 500. /down always answers HTTP 500.
type feedServer struct {
	*httptest.Server
	mu        sync.Mutex
	items     []feedItem
	failFirst bool
	requests  atomic.Int32
}

func newFeedServer(t *testing.T, items []feedItem, failFirst bool) *feedServer {
	t.Helper()
	fs := &feedServer{items: items, failFirst: failFirst}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		if n := fs.requests.Add(1); n == 1 && fs.failFirst {
			http.Error(w, "down for maintenance", http.StatusInternalServerError)
			return
		}
		fs.mu.Lock()
		items := fs.items
		fs.mu.Unlock()
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><language>en</language>`)
		for _, it := range items {
			fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><guid>%s</guid><description>%s</description></item>\n",
				it.title, it.link, it.guid, it.description)
		}
		b.WriteString(`</channel></rss>`)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(b.String()))
	})
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusInternalServerError) })
	fs.Server = httptest.NewServer(mux)
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) feed() string { return fs.URL + "/feed" }

func (fs *feedServer) setItems(items []feedItem) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.items = items
}

// itemSource is the source a feed's item is recorded under (source.ParseFeed).
func itemSource(feed string, it feedItem) string { return feed + "#" + it.guid }

// openStore opens an empty store (see storeOptions), closed when the test ends.
func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(storeOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

var builtin = sync.OnceValues(extract.Builtin)

// newReader is the built-in extractor's article reader, at a fixed load time.
func newReader(t *testing.T) *ingest.Reader {
	t.Helper()
	x, err := builtin()
	if err != nil {
		t.Fatal(err)
	}
	return &ingest.Reader{Extractor: x, Now: func() time.Time { return time.Unix(1.7e9, 0) },
		Options: source.Options{FetchTimeout: 5 * time.Second}}
}

func write(t *testing.T, dir string, files map[string]string) {
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

// abs is the absolute path a file's articles are recorded under.
func abs(t *testing.T, elem ...string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join(elem...))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// held is what the store holds: its articles' IRIs by source.
func held(t *testing.T, st *store.Store) map[string]quad.IRI {
	t.Helper()
	all, err := st.ArticleSources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]quad.IRI{}
	for _, a := range all {
		if _, dup := out[a.Source]; dup {
			t.Fatalf("two articles from %s", a.Source)
		}
		out[a.Source] = a.IRI
	}
	return out
}

// heldSources lists the sources of the articles the store holds, sorted.
func heldSources(t *testing.T, st *store.Store) []string {
	t.Helper()
	var out []string
	for src := range held(t, st) {
		out = append(out, src)
	}
	slices.Sort(out)
	return out
}

// wantGone is what a prune of sources returns: each with the IRI the store held it
// under before, by source.
func wantGone(t *testing.T, before map[string]quad.IRI, sources ...string) []ingest.ArticleSource {
	t.Helper()
	slices.Sort(sources)
	var out []ingest.ArticleSource
	for _, s := range sources {
		iri, ok := before[s]
		if !ok {
			t.Fatalf("the store did not hold %s", s)
		}
		out = append(out, ingest.ArticleSource{IRI: iri, Source: s})
	}
	return out
}

// sorted is a sorted copy of s.
func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// checkQuads checks that a run's quad counts are the store's: QuadsBefore is the
// size before it, QuadsAfter the size now.
func checkQuads(t *testing.T, st *store.Store, res ingest.Result, before int64) {
	t.Helper()
	size, err := st.Size(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.QuadsBefore != before || res.QuadsAfter != size {
		t.Fatalf("quads before %d after %d, want %d and the store's %d", res.QuadsBefore, res.QuadsAfter, before, size)
	}
}

// Prune removes what left the paths loaded: a deleted file's article, a line that
// left its JSON Lines file, a deleted directory's articles. It keeps a file's
// articles when the file failed to read, the articles of paths not loaded, and a
// feed's items.
func TestRunPrunesWhatIsGoneUnderTheLoadedPaths(t *testing.T) {
	ctx := context.Background()
	dir, other := t.TempDir(), t.TempDir()
	write(t, dir, map[string]string{"a.txt": textA, "b.txt": textB, "many.jsonl": strings.Join(jsonl, "\n") + "\n",
		"sub/c.txt": textC, "bad.txt": textBad})
	write(t, other, map[string]string{"o.txt": textO})
	srv := newFeedServer(t, feedItems, false)
	feed := srv.feed()
	st := openStore(t)
	r := &ingest.Reloader{Store: st, Reader: newReader(t), Prune: true}

	var (
		a, b, c, bad = abs(t, dir, "a.txt"), abs(t, dir, "b.txt"), abs(t, dir, "sub", "c.txt"), abs(t, dir, "bad.txt")
		many         = abs(t, dir, "many.jsonl")
		x, y         = many + "#1", many + "#2"
		o            = abs(t, other, "o.txt")
		f1, f2       = itemSource(feed, feedItems[0]), itemSource(feed, feedItems[1])
	)
	all := sorted([]string{a, b, bad, x, y, c, o, f1, f2})

	res, err := r.Run(ctx, []string{dir, other, feed}, ingest.Hooks{})
	if err != nil || res.Loaded != len(all) || res.Unchanged != 0 || res.Failed != 0 || res.Pruned != 0 || res.Gone != nil {
		t.Fatalf("first run: %+v %v", res, err)
	}
	checkQuads(t, st, res, 0)
	firstSize := res.QuadsAfter
	if got := heldSources(t, st); !reflect.DeepEqual(got, all) {
		t.Fatalf("store holds %v, want %v", got, all)
	}
	// A JSON Lines article and a feed item are stored under their URLs.
	first := held(t, st)
	if first[x] != "https://wire.example/jsonl/1" || first[f2] != quad.IRI(feedItems[1].link) {
		t.Fatalf("IRIs: %v", first)
	}

	// a.txt and sub/ are deleted, the second line leaves many.jsonl, bad.txt no
	// longer reads and an item leaves the feed; other/ is not loaded this time.
	if err := os.Remove(a); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "sub")); err != nil {
		t.Fatal(err)
	}
	write(t, dir, map[string]string{"many.jsonl": jsonl[0] + "\n", "bad.txt": binary})
	srv.setItems(feedItems[1:])
	var failed []ingest.Event
	res, err = r.Run(ctx, []string{dir, feed}, ingest.Hooks{Event: func(ev ingest.Event) {
		if ev.Outcome == ingest.Failed {
			failed = append(failed, ev)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if want := wantGone(t, first, a, c, y); !reflect.DeepEqual(res.Gone, want) || res.Pruned != len(want) {
		t.Fatalf("pruned %v (%d), want %v", res.Gone, res.Pruned, want)
	}
	// b.txt, the line left in many.jsonl and the item left in the feed are unchanged.
	if res.Loaded != 0 || res.Unchanged != 3 || res.Failed != 1 {
		t.Fatalf("second run: %+v", res)
	}
	if len(failed) != 1 || failed[0].Name != filepath.Join(dir, "bad.txt") || failed[0].IRI != "" || !strings.Contains(failed[0].Err.Error(), source.ErrBinary.Error()) {
		t.Fatalf("failed: %+v", failed)
	}
	checkQuads(t, st, res, firstSize)
	if res.QuadsAfter >= res.QuadsBefore {
		t.Fatalf("a prune of 3 articles left %d quads of %d", res.QuadsAfter, res.QuadsBefore)
	}
	// bad.txt failed to read: its article stays. o.txt was not loaded, and the
	// feed item that left the feed is still news that was read.
	if want := []string{b, bad, x, o, f1, f2}; !reflect.DeepEqual(heldSources(t, st), sorted(want)) {
		t.Fatalf("store holds %v, want %v", heldSources(t, st), sorted(want))
	}
	second, secondSize := held(t, st), res.QuadsAfter

	// A directory that is gone fails to walk, is counted, and its articles go.
	if err := os.RemoveAll(other); err != nil {
		t.Fatal(err)
	}
	var events []ingest.Event
	res, err = r.Run(ctx, []string{other}, ingest.Hooks{Event: func(ev ingest.Event) { events = append(events, ev) }})
	if err != nil || res.Failed != 1 || res.Loaded+res.Unchanged != 0 || !reflect.DeepEqual(res.Gone, wantGone(t, second, o)) || res.Pruned != 1 {
		t.Fatalf("deleted directory: %+v %v", res, err)
	}
	checkQuads(t, st, res, secondSize)
	if res.QuadsAfter >= res.QuadsBefore {
		t.Fatalf("a prune of 1 article left %d quads of %d", res.QuadsAfter, res.QuadsBefore)
	}
	if len(events) != 1 || events[0].Name != other || events[0].Outcome != ingest.Failed || events[0].IRI != "" || events[0].Err == nil {
		t.Fatalf("deleted directory's events: %+v", events)
	}
	if want := []string{b, bad, x, f1, f2}; !reflect.DeepEqual(heldSources(t, st), sorted(want)) {
		t.Fatalf("store holds %v, want %v", heldSources(t, st), sorted(want))
	}
}

// Without Prune, or when the run's context was cancelled, nothing is pruned.
func TestRunPrunesOnlyWhenAskedAndNotStopped(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a.txt": textA, "b.txt": textB})
	a, b := abs(t, dir, "a.txt"), abs(t, dir, "b.txt")
	st := openStore(t)
	r := &ingest.Reloader{Store: st, Reader: newReader(t)}
	res, err := r.Run(context.Background(), []string{dir}, ingest.Hooks{})
	if err != nil || res.Loaded != 2 {
		t.Fatalf("first run: %+v %v", res, err)
	}
	loaded := held(t, st)
	if err := os.Remove(a); err != nil {
		t.Fatal(err)
	}
	want := []string{a, b}
	if res, err := r.Run(context.Background(), []string{dir}, ingest.Hooks{}); err != nil || res.Pruned != 0 || res.Unchanged != 1 || !reflect.DeepEqual(heldSources(t, st), want) {
		t.Fatalf("pruned without Prune: %+v %v %v", res, err, heldSources(t, st))
	}
	r.Prune = true
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// (bolt answers the size of the store whatever the context; PostgreSQL does
	// not, and the run ends with the context's error.)
	if res, err := r.Run(ctx, []string{dir}, ingest.Hooks{}); err != nil && !errors.Is(err, context.Canceled) || res.Pruned != 0 || res.Gone != nil || !reflect.DeepEqual(heldSources(t, st), want) {
		t.Fatalf("pruned after the run was cancelled: %+v %v %v", res, err, heldSources(t, st))
	}
	res, err = r.Run(context.Background(), []string{dir}, ingest.Hooks{})
	if err != nil || res.Pruned != 1 || !reflect.DeepEqual(res.Gone, wantGone(t, loaded, a)) || !reflect.DeepEqual(heldSources(t, st), []string{b}) {
		t.Fatalf("prune: %+v %v %v", res, err, heldSources(t, st))
	}
	if res.QuadsAfter >= res.QuadsBefore {
		t.Fatalf("a prune left %d quads of %d", res.QuadsAfter, res.QuadsBefore)
	}
}

// The hooks see the run begin, then the sources it found, then each source read
// and each event; a source that fails is read, then reported as an event without
// IRI.
func TestRunHooks(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a.txt": textA, "b.txt": binary})
	srv := newFeedServer(t, nil, false)
	down := srv.URL + "/down"
	var (
		mu      sync.Mutex // Read is called by the store's workers
		log     []string
		started []string
		events  []ingest.Event
	)
	note := func(s string) {
		mu.Lock()
		defer mu.Unlock()
		log = append(log, s)
	}
	h := ingest.Hooks{
		Begin: func() { note("begin") },
		Start: func(sources []string) { note("start"); started = sources },
		Read:  func(src string) { note("read " + src) },
		Event: func(ev ingest.Event) { note("event " + ev.Name); events = append(events, ev) },
	}
	st := openStore(t)
	// One worker reads the sources in turn, so the events come in their order.
	r := &ingest.Reloader{Store: st, Reader: newReader(t), Workers: 1}
	res, err := r.Run(context.Background(), []string{dir, down}, h)
	if err != nil || res.Loaded != 1 || res.Failed != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	want := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), down}
	if !reflect.DeepEqual(started, want) {
		t.Fatalf("started with %v, want %v", started, want)
	}
	if len(log) < 2 || log[0] != "begin" || log[1] != "start" {
		t.Fatalf("hooks called %v, want begin then start first", log)
	}
	var read []string
	for _, l := range log {
		if src, ok := strings.CutPrefix(l, "read "); ok {
			read = append(read, src)
		}
	}
	if slices.Sort(read); !reflect.DeepEqual(read, sorted(want)) {
		t.Fatalf("read %v, want %v", read, sorted(want))
	}
	// The article of a.txt is stored under its absolute path; b.txt (binary) and
	// the URL (HTTP 500) fail as sources.
	stored := held(t, st)
	aAbs := abs(t, dir, "a.txt")
	if len(stored) != 1 || stored[aAbs] == "" {
		t.Fatalf("store holds %v, want %s's article", stored, aAbs)
	}
	if len(events) != 3 ||
		events[0].Name != aAbs || events[0].IRI != stored[aAbs] || events[0].Outcome != ingest.Loaded || events[0].Added == 0 ||
		events[1].Name != want[1] || events[1].IRI != "" || events[1].Outcome != ingest.Failed || !strings.Contains(events[1].Err.Error(), source.ErrBinary.Error()) ||
		events[2].Name != down || events[2].IRI != "" || events[2].Outcome != ingest.Failed || !strings.Contains(events[2].Err.Error(), "HTTP 500") {
		t.Fatalf("events %+v", events)
	}
	for _, src := range want[1:] {
		if i, j := slices.Index(log, "read "+src), slices.Index(log, "event "+src); i < 0 || j < i {
			t.Fatalf("%s reported before it was read: %v", src, log)
		}
	}
}

// Schedule runs at once and on every tick until its context ends; a run that
// fails is handed to done and the next tick tries again.
func TestScheduleRetriesAFailedRunAndStops(t *testing.T) {
	// The feed server answers its first request with HTTP 500, then serves the
	// feed. A source that fails to read is not the run's error (Run returns only
	// the store's errors, which a healthy bolt store does not make): the failed run
	// is the one whose Result counts the feed as Failed and loads nothing.
	srv := newFeedServer(t, feedItems, true)
	st := openStore(t)
	r := &ingest.Reloader{Store: st, Reader: newReader(t)}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type run struct {
		res ingest.Result
		err error
	}
	runs := make(chan run, 100)
	begun := 0
	done := make(chan error)
	go func() {
		done <- r.Schedule(ctx, []string{srv.feed()}, 10*time.Millisecond, ingest.Hooks{Begin: func() { begun++ }}, func(res ingest.Result, err error) {
			runs <- run{res, err}
		})
	}()
	if first := <-runs; first.err != nil || first.res.Failed != 1 || first.res.Loaded != 0 || first.res.QuadsAfter != 0 {
		t.Fatalf("first run did not fail: %+v %v", first.res, first.err)
	}
	if second := <-runs; second.err != nil || second.res.Failed != 0 || second.res.Loaded != len(feedItems) {
		t.Fatalf("second run: %+v %v", second.res, second.err)
	}
	if third := <-runs; third.err != nil || third.res.Failed != 0 || third.res.Loaded != 0 || third.res.Unchanged != len(feedItems) {
		t.Fatalf("third run: %+v %v", third.res, third.err)
	}
	cancel()
	scheduleEnded(t, done)
	if n := len(runs) + 3; begun != n {
		t.Fatalf("%d runs begun, %d done", begun, n)
	}
	// Each run fetched the feed, but the one cancel stopped may not have got to it.
	if n := int(srv.requests.Load()); n < begun-1 || n > begun {
		t.Fatalf("%d runs fetched the feed %d times", begun, n)
	}
	var want []string
	for _, it := range feedItems {
		want = append(want, itemSource(srv.feed(), it))
	}
	if got := heldSources(t, st); !reflect.DeepEqual(got, sorted(want)) {
		t.Fatalf("store holds %v, want %v", got, sorted(want))
	}

	// The first run does not wait for a tick: with a period of an hour it comes at
	// once, and the schedule ends when its context does.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	hourly := make(chan ingest.Result, 1)
	go func() {
		done <- r.Schedule(ctx, []string{srv.feed()}, time.Hour, ingest.Hooks{}, func(res ingest.Result, err error) {
			if err != nil {
				t.Error(err)
			}
			hourly <- res
		})
	}()
	select {
	case res := <-hourly:
		if res.Unchanged != len(feedItems) {
			t.Fatalf("hourly schedule's first run: %+v", res)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("an hourly schedule did not run at once")
	}
	cancel()
	scheduleEnded(t, done)

	// A period of 0 is refused, and nothing runs.
	ran := false
	if err := r.Schedule(context.Background(), []string{srv.feed()}, 0, ingest.Hooks{Begin: func() { ran = true }}, nil); err == nil || ran {
		t.Fatalf("a period of 0: %v, ran %v", err, ran)
	}
}

// scheduleEnded fails t unless the Schedule reporting on done returns, without an
// error, soon after its context was cancelled.
func scheduleEnded(t *testing.T, done <-chan error) {
	t.Helper()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Schedule did not end with its context")
	}
}
