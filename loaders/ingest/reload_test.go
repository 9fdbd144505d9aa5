package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
)

// fakeStore holds articles by IRI with their sources, and loads through the
// reader as store.Store does: one event per article, a source that fails as an
// event without IRI.
type fakeStore struct {
	mu       sync.Mutex
	articles map[quad.IRI]string // IRI → source
	sizeErr  error
}

func newFakeStore() *fakeStore { return &fakeStore{articles: map[quad.IRI]string{}} }

func (s *fakeStore) Load(ctx context.Context, sources []string, r ArticleReader, _ int, onEvent func(Event)) Summary {
	var sum Summary
	report := func(ev Event) {
		switch ev.Outcome {
		case Loaded:
			sum.Loaded++
		case Unchanged:
			sum.Unchanged++
		case Failed:
			sum.Failed++
		}
		if ev.IRI != "" {
			sum.Seen = append(sum.Seen, ev.IRI)
		}
		if onEvent != nil {
			onEvent(ev)
		}
	}
	for _, src := range sources {
		err := r.Read(ctx, src, func(name string, iri quad.IRI, _ string, build func() ([]quad.Quad, error), err error) {
			if err != nil {
				report(Event{Name: name, Outcome: Failed, Err: err})
				return
			}
			s.mu.Lock()
			_, had := s.articles[iri]
			s.articles[iri] = name
			s.mu.Unlock()
			if had {
				report(Event{Name: name, IRI: iri, Outcome: Unchanged})
			} else {
				report(Event{Name: name, IRI: iri, Outcome: Loaded})
			}
		})
		if err != nil {
			report(Event{Name: src, Outcome: Failed, Err: err})
		}
	}
	return sum
}

func (s *fakeStore) Prune(_ context.Context, keep map[quad.IRI]bool, within func(string) bool) ([]ArticleSource, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var gone []ArticleSource
	for iri, src := range s.articles {
		if !keep[iri] && within(src) {
			delete(s.articles, iri)
			gone = append(gone, ArticleSource{IRI: iri, Source: src})
		}
	}
	sort.Slice(gone, func(i, j int) bool { return gone[i].Source < gone[j].Source })
	return gone, nil
}

func (s *fakeStore) Size(context.Context) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sizeErr != nil {
		return 0, s.sizeErr
	}
	return int64(10 * len(s.articles)), nil
}

func (s *fakeStore) iris() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for iri := range s.articles {
		out = append(out, string(iri))
	}
	sort.Strings(out)
	return out
}

// lineReader reads a file as one article a line, named "path#line" with the
// line as its IRI (a JSON Lines file, or a file of one article); a file that
// holds "unreadable" fails as a whole. A URL's articles are the feed's items.
type lineReader struct {
	feeds map[string][]string
}

func (r lineReader) Read(_ context.Context, src string, add AddFunc) error {
	if strings.HasPrefix(src, "https://") {
		items, ok := r.feeds[src]
		if !ok {
			return errors.New(src + ": HTTP 500")
		}
		for _, it := range items {
			add(it, quad.IRI(it), "h", nil, nil)
		}
		return nil
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if strings.TrimSpace(string(data)) == "unreadable" {
		return errors.New(src + ": unreadable")
	}
	abs, _ := filepath.Abs(src)
	lines := strings.Fields(string(data))
	for i, l := range lines {
		name := abs
		if len(lines) > 1 {
			name += "#" + strconv.Itoa(i)
		}
		add(name, quad.IRI(l), "h", nil, nil)
	}
	return nil
}

func (lineReader) Digest() string { return "test" }

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

func gone(res Result) []string {
	var out []string
	for _, g := range res.Gone {
		out = append(out, string(g.IRI))
	}
	sort.Strings(out)
	return out
}

// Prune removes what left the paths loaded: a deleted file's article, a line that
// left its file, a deleted directory's articles. It keeps a file's articles when
// the file failed to read, the articles of paths not loaded, and a feed's items.
func TestRunPrunesWhatIsGoneUnderTheLoadedPaths(t *testing.T) {
	ctx := context.Background()
	dir, other := t.TempDir(), t.TempDir()
	write(t, dir, map[string]string{"a.txt": "a", "b.txt": "b", "many.jsonl": "x y", "sub/c.txt": "c", "bad.txt": "bad"})
	write(t, other, map[string]string{"o.txt": "o"})
	feed := "https://feed.example/rss"
	reader := lineReader{feeds: map[string][]string{feed: {"https://w.example/1", "https://w.example/2"}}}
	st := newFakeStore()
	r := &Reloader{Store: st, Reader: reader, Prune: true}
	res, err := r.Run(ctx, []string{dir, other, feed}, Hooks{})
	if err != nil || res.Loaded != 9 || res.Failed != 0 || res.Pruned != 0 || res.QuadsBefore != 0 || res.QuadsAfter != 90 {
		t.Fatalf("first run: %+v %v", res, err)
	}

	os.Remove(filepath.Join(dir, "a.txt"))
	os.RemoveAll(filepath.Join(dir, "sub"))
	write(t, dir, map[string]string{"many.jsonl": "x", "bad.txt": "unreadable"})
	reader.feeds[feed] = []string{"https://w.example/2"}
	res, err = r.Run(ctx, []string{dir, feed}, Hooks{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "c", "y"}; !reflect.DeepEqual(gone(res), want) || res.Pruned != 3 {
		t.Fatalf("pruned %v (%d), want %v", gone(res), res.Pruned, want)
	}
	if res.Failed != 1 || res.Unchanged != 3 || res.QuadsBefore != 90 || res.QuadsAfter != 60 {
		t.Fatalf("second run: %+v", res)
	}
	// bad.txt failed to read: its article stays. o.txt was not loaded, the feed
	// item that left the feed is still news that was read.
	if want := []string{"b", "bad", "https://w.example/1", "https://w.example/2", "o", "x"}; !reflect.DeepEqual(st.iris(), want) {
		t.Fatalf("store holds %v, want %v", st.iris(), want)
	}

	// A directory that is gone fails to walk, is counted, and its articles go.
	if err := os.RemoveAll(other); err != nil {
		t.Fatal(err)
	}
	var events []Event
	res, err = r.Run(ctx, []string{other}, Hooks{Event: func(ev Event) { events = append(events, ev) }})
	if err != nil || res.Failed != 1 || !reflect.DeepEqual(gone(res), []string{"o"}) {
		t.Fatalf("deleted directory: %+v %v", res, err)
	}
	if len(events) != 1 || events[0].Name != other || events[0].Outcome != Failed || events[0].IRI != "" || events[0].Err == nil {
		t.Fatalf("deleted directory's events: %+v", events)
	}
}

// Without Prune, or when the load was stopped, nothing is pruned.
func TestRunPrunesOnlyWhenAskedAndNotStopped(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a.txt": "a", "b.txt": "b"})
	st := newFakeStore()
	r := &Reloader{Store: st, Reader: lineReader{}}
	if _, err := r.Run(context.Background(), []string{dir}, Hooks{}); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "a.txt"))
	if res, err := r.Run(context.Background(), []string{dir}, Hooks{}); err != nil || res.Pruned != 0 || len(st.iris()) != 2 {
		t.Fatalf("pruned without Prune: %+v %v %v", res, err, st.iris())
	}
	r.Prune = true
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if res, err := r.Run(ctx, []string{dir}, Hooks{}); err != nil || res.Pruned != 0 || len(st.iris()) != 2 {
		t.Fatalf("pruned after the load was stopped: %+v %v %v", res, err, st.iris())
	}
	if res, err := r.Run(context.Background(), []string{dir}, Hooks{}); err != nil || res.Pruned != 1 {
		t.Fatalf("prune: %+v %v", res, err)
	}
}

// The hooks see the run begin, the sources it found, each source read and each
// event, a source that fails as an event without IRI.
func TestRunHooks(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a.txt": "a", "b.txt": "unreadable"})
	var (
		calls   []string
		started []string
		mu      sync.Mutex
		read    []string
	)
	h := Hooks{
		Begin: func() { calls = append(calls, "begin") },
		Start: func(sources []string) { calls = append(calls, "start"); started = sources },
		Read: func(src string) {
			mu.Lock()
			defer mu.Unlock()
			read = append(read, src)
		},
		Event: func(ev Event) { calls = append(calls, ev.Outcome.String()) },
	}
	r := &Reloader{Store: newFakeStore(), Reader: lineReader{feeds: map[string][]string{}}}
	res, err := r.Run(context.Background(), []string{dir, "https://down.example/"}, h)
	if err != nil || res.Loaded != 1 || res.Failed != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	want := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), "https://down.example/"}
	if !reflect.DeepEqual(started, want) {
		t.Fatalf("started with %v, want %v", started, want)
	}
	slices.Sort(read)
	slices.Sort(want)
	if !reflect.DeepEqual(read, want) {
		t.Fatalf("read %v, want %v", read, want)
	}
	if w := []string{"begin", "start", "loaded", "failed", "failed"}; !reflect.DeepEqual(calls, w) {
		t.Fatalf("calls %v, want %v", calls, w)
	}
}

// Schedule runs at once and on every tick until its context ends; a run that
// fails is handed to done and the next tick tries again.
func TestScheduleRetriesAFailedRunAndStops(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a.txt": "a"})
	st := newFakeStore()
	st.sizeErr = errors.New("store unavailable")
	r := &Reloader{Store: st, Reader: lineReader{}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type run struct {
		res Result
		err error
	}
	runs := make(chan run, 100)
	begun := 0
	done := make(chan error)
	go func() {
		done <- r.Schedule(ctx, []string{dir}, 10*time.Millisecond, Hooks{Begin: func() { begun++ }}, func(res Result, err error) {
			st.mu.Lock()
			st.sizeErr = nil // the store is back for the next run
			st.mu.Unlock()
			runs <- run{res, err}
		})
	}()
	if first := <-runs; first.err == nil {
		t.Fatalf("first run did not fail: %+v", first.res)
	}
	if second := <-runs; second.err != nil || second.res.Loaded != 1 {
		t.Fatalf("second run: %+v %v", second.res, second.err)
	}
	if third := <-runs; third.err != nil || third.res.Unchanged != 1 {
		t.Fatalf("third run: %+v %v", third.res, third.err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Schedule did not end with its context")
	}
	if n := len(runs) + 3; begun != n {
		t.Fatalf("%d runs begun, %d done", begun, n)
	}
	if err := r.Schedule(context.Background(), nil, 0, Hooks{}, nil); err == nil {
		t.Fatal("a period of 0 was accepted")
	}
}
