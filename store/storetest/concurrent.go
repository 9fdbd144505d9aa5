package storetest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/schema"
	"github.com/parleygraph/parley/store"
)

// Readers and rounds of the concurrency check: enough interleaving to catch a
// torn read on a few articles, few enough to stay within a second or two.
const (
	readers     = 4
	writeRounds = 8
)

// viewPredicates are the article's own predicates a reader's query reads back:
// what it supports and its content hash change between versions, and their
// values (IRIs and plain strings) read back the same from every backend.
var viewPredicates = []quad.IRI{schema.Type, schema.ContentHash, schema.Source, schema.Mentions, schema.Asserts, schema.Location, schema.About}

// viewQuery reads every quad out of an article node (all its own) in one Gizmo
// query: one scan of the store's subject index; the reader keeps those of
// viewPredicates. (Naming the predicates in the query makes Cayley's kv store
// scan them, far slower, as kv has no predicate index.)
const viewQuery = `g.V(params.article).out(null, "p").all()`

// view is what an article's viewQuery rows say, one "predicate object" line
// each, sorted and joined.
func viewOf(d store.Doc) string {
	keep := map[quad.Value]bool{}
	for _, p := range viewPredicates {
		keep[p] = true
	}
	var lines []string
	for _, q := range d.Quads {
		if q.Subject == d.IRI && q.Label == d.IRI && keep[q.Predicate] {
			lines = append(lines, quad.StringOf(q.Predicate)+" "+gizmoString(q.Object))
		}
	}
	return joinSorted(lines)
}

// gizmoString is a value as Gizmo's JSON rows give it: an IRI as "<…>", a
// literal as its Go value.
func gizmoString(v quad.Value) string {
	if iri, ok := v.(quad.IRI); ok {
		return quad.StringOf(iri)
	}
	return fmt.Sprint(quad.NativeOf(v))
}

func joinSorted(lines []string) string {
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// stuckAfter is how long one write may take (well under a second normally, a
// few on PostgreSQL beside busy readers) before the check gives up on it:
// readers and writer deadlocked.
const stuckAfter = 10 * time.Second

// testConcurrentReaders runs readers (Gizmo queries, ArticleSources,
// ArticleVersion) while a writer flips every article between two versions with
// ReplaceArticles (and, some rounds, ReplaceArticle). A reader must see each
// article whole: its own quads exactly one version's (old or new), never a mix
// or a part, which is what a torn read (a write seen half done) looks like; the
// article list never changes; a version is always one of the two. Readers and
// writer must not deadlock: a write stuck for stuckAfter fails the check, and
// the store is then left open (closing it would hang too).
func (s *suite) testConcurrentReaders(t *testing.T) {
	ctx := context.Background()
	opt := s.c.Options(t)
	opt.Create, opt.ReadOnly, opt.LockTimeout = true, false, openTimeout
	st, err := store.Open(opt)
	if err != nil {
		t.Fatalf("open %s store: %v", backendName(opt), err)
	}
	var stuck atomic.Bool
	t.Cleanup(func() {
		if !stuck.Load() {
			closer(t, st)()
		}
	})
	paths := s.fx.write(t, t.TempDir(), articleFiles...)
	s.mustLoad(t, st, paths, false)
	v1 := s.fx.docs(t, paths...)
	v2 := docSet{}
	for _, p := range paths {
		d := s.editedDoc(t, p)
		v2[d.IRI] = d
	}
	iris := v1.iris()
	type versions struct{ views, hashes [2]string }
	want := map[quad.IRI]versions{}
	for _, iri := range iris {
		vs := versions{views: [2]string{viewOf(v1[iri]), viewOf(v2[iri])}, hashes: [2]string{hashOf(v1[iri]), hashOf(v2[iri])}}
		if vs.views[0] == vs.views[1] {
			t.Fatalf("fixture: the two versions of %s read the same", iri)
		}
		want[iri] = vs
	}
	wantSources, err := st.ArticleSources(ctx)
	if err != nil || len(wantSources) != len(iris) {
		t.Fatalf("ArticleSources before the writes: %v, %v", wantSources, err)
	}

	var (
		done  = make(chan struct{})
		reads atomic.Int64 // reads begun while the writer ran
		whole [2]atomic.Int64
		mu    sync.Mutex
		fails []string
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		fails = append(fails, fmt.Sprintf(format, args...))
	}
	report := func() { // the first few failures; a torn write tears many reads
		mu.Lock()
		defer mu.Unlock()
		for i, f := range fails {
			if i == 5 {
				t.Errorf("… and %d more", len(fails)-i)
				break
			}
			t.Error(f)
		}
	}
	read := func(r, i int) {
		iri := iris[(r+i)%len(iris)]
		if i%3 == 2 {
			srcs, err := st.ArticleSources(ctx)
			if err != nil || fmt.Sprint(srcs) != fmt.Sprint(wantSources) {
				fail("ArticleSources during writes: %v, %v; want %v", srcs, err, wantSources)
			}
			v, err := st.ArticleVersion(ctx, iri)
			if err != nil || v.Hash != want[iri].hashes[0] && v.Hash != want[iri].hashes[1] {
				fail("ArticleVersion(%s) during writes = %+v, %v; want one of its two hashes", iri, v, err)
			}
			return
		}
		rows, err := st.Gizmo(ctx, viewQuery, store.QueryOptions{Params: map[string]any{"article": quad.StringOf(iri)}})
		if err != nil {
			fail("Gizmo view of %s: %v", iri, err)
			return
		}
		var lines []string
		for _, row := range rows {
			m, _ := row.(map[string]any)
			if p := fmt.Sprint(m["p"]); viewed[p] {
				lines = append(lines, p+" "+fmt.Sprint(m["id"]))
			}
		}
		switch got := joinSorted(lines); got {
		case want[iri].views[0]:
			whole[0].Add(1)
		case want[iri].views[1]:
			whole[1].Add(1)
		default:
			fail("torn read of %s: %d quads, neither version (%d or %d quads): %s", iri, len(lines),
				strings.Count(want[iri].views[0], "\n")+1, strings.Count(want[iri].views[1], "\n")+1, tornDiff(got, want[iri].views))
		}
	}
	var wg sync.WaitGroup
	for r := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-done:
					return
				default:
				}
				reads.Add(1)
				read(r, i)
			}
		}()
	}

	m := newModel()
	m.replaceSet(v1)
	written := make(chan struct{})
	var round, writes atomic.Int64 // the writer's progress, for the watchdog
	var slowest time.Duration      // the writer's until written is closed
	go func() {
		defer close(written)
		for r := range writeRounds {
			round.Store(int64(r))
			next := v2
			if r%2 == 1 {
				next = v1
			}
			m.replaceSet(next) // the writer's until written is closed
			if r%4 == 3 {
				for _, d := range next.list() {
					start := time.Now()
					if _, err := st.ReplaceArticle(ctx, d); err != nil {
						fail("round %d: ReplaceArticle(%s): %v", r, d.IRI, err)
					}
					slowest = max(slowest, time.Since(start))
					writes.Add(1)
				}
				continue
			}
			start := time.Now()
			_, errs := st.ReplaceArticles(ctx, next.list())
			slowest = max(slowest, time.Since(start))
			for i, err := range errs {
				if err != nil {
					fail("round %d: ReplaceArticles: %s: %v", r, next.list()[i].IRI, err)
				}
			}
			writes.Add(1)
		}
	}()
	tick := time.NewTicker(stuckAfter / 20)
	defer tick.Stop()
	lastWrites, lastChange := int64(-1), time.Now()
watch:
	for {
		select {
		case <-written:
			break watch
		case <-tick.C:
		}
		if n := writes.Load(); n != lastWrites {
			lastWrites, lastChange = n, time.Now()
			continue
		}
		if time.Since(lastChange) < stuckAfter {
			continue
		}
		stuck.Store(true)
		close(done)
		report() // what readers saw before
		t.Fatalf("deadlock: a write of round %d of %d has not returned in %v, beside %d readers (%d reads begun); the store is left open", round.Load()+1, writeRounds, stuckAfter, readers, reads.Load())
	}
	close(done)
	wg.Wait()
	report()
	if reads.Load() < readers {
		t.Errorf("only %d reads ran beside the writer", reads.Load())
	}
	t.Logf("%d reads beside %d write rounds (slowest write %v); whole views: %d old, %d new", reads.Load(), writeRounds, slowest.Round(time.Millisecond), whole[0].Load(), whole[1].Load())
	s.check(t, st, m, "after the concurrent writes")
}

// viewed holds viewPredicates as Gizmo's rows give them.
var viewed = func() map[string]bool {
	out := map[string]bool{}
	for _, p := range viewPredicates {
		out[quad.StringOf(p)] = true
	}
	return out
}()

// tornDiff describes a view read against the nearer of an article's two
// versions: the lines it lacks and those it has beyond.
func tornDiff(got string, views [2]string) string {
	lines := func(s string) map[string]bool {
		out := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			if l != "" {
				out[l] = true
			}
		}
		return out
	}
	g := lines(got)
	best := ""
	bestN := -1
	for v, view := range views {
		w := lines(view)
		var missing, extra []string
		for l := range w {
			if !g[l] {
				missing = append(missing, l)
			}
		}
		for l := range g {
			if !w[l] {
				extra = append(extra, l)
			}
		}
		if n := len(missing) + len(extra); bestN < 0 || n < bestN {
			sort.Strings(missing)
			sort.Strings(extra)
			bestN = n
			best = fmt.Sprintf("against version %d: lacks %d (%s), has %d beyond (%s)", v+1, len(missing), firstOf(missing), len(extra), firstOf(extra))
		}
	}
	return best
}

func firstOf(lines []string) string {
	if len(lines) == 0 {
		return "none"
	}
	if len(lines) > 3 {
		return strings.Join(lines[:3], "; ") + "; …"
	}
	return strings.Join(lines, "; ")
}
