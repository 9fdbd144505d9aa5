package storetest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/loaders/ingest"
	"github.com/parleygraph/parley/schema"
	"github.com/parleygraph/parley/store"
)

// collector is a quad.Writer that keeps what Store.Export writes.
type collector struct{ quads []quad.Quad }

func (c *collector) WriteQuad(q quad.Quad) error {
	c.quads = append(c.quads, q)
	return nil
}

func (c *collector) WriteQuads(qs []quad.Quad) (int, error) {
	c.quads = append(c.quads, qs...)
	return len(qs), nil
}

// contents is every quad the store holds, by key (read through Store.Export).
func contents(t testing.TB, st *store.Store) map[string]quad.Quad {
	t.Helper()
	var c collector
	n, err := st.Export(context.Background(), &c)
	if err != nil {
		t.Fatalf("export the %s store: %v", st.Backend, err)
	}
	out := make(map[string]quad.Quad, n)
	for _, q := range c.quads {
		k := key(q)
		if _, dup := out[k]; dup {
			t.Errorf("the store holds %s twice", k)
		}
		out[k] = norm(q)
	}
	if n != len(c.quads) {
		t.Errorf("Export says it wrote %d quads, wrote %d", n, len(c.quads))
	}
	return out
}

// diff lists, sorted and at most limit of each, the quads want has and got lacks
// and those got has and want lacks; "" when the sets are equal.
func diff(want, got map[string]quad.Quad) string {
	const limit = 8
	var missing, extra []string
	for k := range want {
		if _, ok := got[k]; !ok {
			missing = append(missing, k)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			extra = append(extra, k)
		}
	}
	if len(missing)+len(extra) == 0 {
		return ""
	}
	sort.Strings(missing)
	sort.Strings(extra)
	var b strings.Builder
	fmt.Fprintf(&b, "%d quads missing, %d extra (of %d wanted)", len(missing), len(extra), len(want))
	for _, part := range []struct {
		what string
		keys []string
	}{{"missing", missing}, {"extra", extra}} {
		for i, k := range part.keys {
			if i == limit {
				fmt.Fprintf(&b, "\n  %s: … %d more", part.what, len(part.keys)-limit)
				break
			}
			fmt.Fprintf(&b, "\n  %s: %s", part.what, k)
		}
	}
	return b.String()
}

// check fails t unless the store holds exactly what m says (quad for quad), each
// supported node has one support count equal to its supporters, Size and Count
// agree, Verify finds nothing, and the store lists m's articles with their
// sources and versions. step names the state in messages.
func (s *suite) check(t testing.TB, st *store.Store, m *model, step string) {
	t.Helper()
	ctx := context.Background()
	got := contents(t, st)
	want := m.quads()
	if d := diff(want, got); d != "" {
		t.Errorf("%s: the store is not what its articles make: %s", step, d)
	}
	checkCounts(t, got, m.docs.supporters(), step)
	if n, err := st.Size(ctx); err != nil || n != int64(len(got)) {
		t.Errorf("%s: Size = %d, %v; the store holds %d quads", step, n, err, len(got))
	}
	if c, err := st.Count(ctx); err != nil || c.Quads != int64(len(got)) || c.Articles != len(m.docs) {
		t.Errorf("%s: Count = %d quads, %d articles, %v; want %d quads, %d articles", step, c.Quads, c.Articles, err, len(got), len(m.docs))
	}
	checkVerify(t, st, step)
	var wantSrc []ingest.ArticleSource
	for _, d := range m.docs {
		wantSrc = append(wantSrc, ingest.ArticleSource{IRI: d.IRI, Source: sourceOf(d)})
	}
	sort.Slice(wantSrc, func(i, j int) bool { return wantSrc[i].Source < wantSrc[j].Source })
	gotSrc, err := st.ArticleSources(ctx)
	if err != nil {
		t.Errorf("%s: ArticleSources: %v", step, err)
	} else if fmt.Sprint(gotSrc) != fmt.Sprint(wantSrc) {
		t.Errorf("%s: ArticleSources = %v, want %v", step, gotSrc, wantSrc)
	}
	for _, d := range m.docs {
		v, err := st.ArticleVersion(ctx, d.IRI)
		want := store.ArticleVersion{Hash: hashOf(d), Digest: s.fx.reader.Digest()}
		if err != nil || v != want {
			t.Errorf("%s: ArticleVersion(%s) = %+v, %v; want %+v", step, d.IRI, v, err, want)
		}
	}
	if t.Failed() {
		t.FailNow() // later steps build on this one
	}
}

// checkCounts fails t unless got holds, for each node of supporters, one support
// count equal to its number of supporters, and no other support count.
func checkCounts(t testing.TB, got map[string]quad.Quad, supporters map[quad.Value]int, step string) {
	t.Helper()
	counts := map[quad.Value][]quad.Value{}
	for _, q := range got {
		if q.Predicate == schema.SupportCount {
			counts[q.Subject] = append(counts[q.Subject], q.Object)
			if q.Label != q.Subject {
				t.Errorf("%s: support count %v is not labelled with its node", step, q)
			}
		}
	}
	bad := 0
	for n, c := range supporters {
		if v := counts[n]; len(v) != 1 || v[0] != quad.Int(c) {
			if bad++; bad <= 8 {
				t.Errorf("%s: support count of %v is %v, %d articles support it", step, n, v, c)
			}
		}
	}
	for n, v := range counts {
		if supporters[n] == 0 {
			if bad++; bad <= 8 {
				t.Errorf("%s: support count %v of %v, which no article supports", step, v, n)
			}
		}
	}
}

// checkVerify fails t if Verify finds a problem.
func checkVerify(t testing.TB, st *store.Store, step string) {
	t.Helper()
	problems, err := st.Verify(context.Background())
	if err != nil {
		t.Errorf("%s: Verify: %v", step, err)
	} else if len(problems) > 0 {
		t.Errorf("%s: Verify found %d problems, first: %s", step, len(problems), problems[0])
	}
}

// digest is the store's Digest and quad count, failing t on error.
func digest(t testing.TB, st *store.Store) (store.Digest, int64) {
	t.Helper()
	d, n, err := st.Digest(context.Background())
	if err != nil {
		t.Fatalf("digest of the %s store: %v", st.Backend, err)
	}
	return d, n
}

// labelled is the quads of got with the given label, by key.
func labelled(got map[string]quad.Quad, label quad.Value) map[string]quad.Quad {
	out := map[string]quad.Quad{}
	for k, q := range got {
		if q.Label == label {
			out[k] = q
		}
	}
	return out
}
