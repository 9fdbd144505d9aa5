package storetest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/loaders/ingest"
	"github.com/parleygraph/parley/schema"
	"github.com/parleygraph/parley/store"
)

// own is an article's own quads (labelled with it), by key.
func own(d store.Doc) map[string]quad.Quad {
	out := map[string]quad.Quad{}
	for _, q := range d.Quads {
		if q.Label == d.IRI {
			out[key(q)] = norm(q)
		}
	}
	return out
}

// editedDoc writes the edited text of an article to its path and reads it back:
// the same article (IRI) with other facts.
func (s *suite) editedDoc(t testing.TB, path string) store.Doc {
	t.Helper()
	text, ok := s.fx.texts[filepath.Base(path)]
	if !ok {
		t.Fatalf("no test article %s", path)
	}
	writeFile(t, path, edited(text))
	return s.fx.docs(t, path).only(t)
}

// changesSupport fails t unless b supports something a does not and a something
// b does not: an edit that withdraws and adds support.
func changesSupport(t testing.TB, a, b store.Doc) {
	t.Helper()
	sa, sb := supported(a), supported(b)
	added, withdrawn := 0, 0
	for n := range sb {
		if !sa[n] {
			added++
		}
	}
	for n := range sa {
		if !sb[n] {
			withdrawn++
		}
	}
	if added == 0 || withdrawn == 0 {
		t.Fatalf("fixture: the edit of %s adds %d supports and withdraws %d; want both", a.IRI, added, withdrawn)
	}
}

// testReplace edits an article and loads it again: only it is written, its own
// quads become the edited article's, other articles' quads and the shared quads
// of nodes it never supported are untouched. Then writes that validation rejects
// (alone, and beside a valid article in one ReplaceArticles call) leave the store
// exactly as it was (beside the valid article's change).
func (s *suite) testReplace(t *testing.T) {
	ctx := context.Background()
	st, paths, docs, m := s.loaded(t)
	before := contents(t, st)

	a := s.fx.docs(t, paths[0]).only(t)
	a2 := s.editedDoc(t, paths[0])
	changesSupport(t, a, a2)
	sum, events := s.load(t, st, paths)
	if sum.Loaded != 1 || sum.Unchanged != len(paths)-1 || sum.Failed != 0 {
		t.Errorf("load after editing one article: %d loaded, %d unchanged, %d failed; want 1, %d, 0", sum.Loaded, sum.Unchanged, sum.Failed, len(paths)-1)
	}
	if ev := events[paths[0]]; ev.Outcome != ingest.Loaded || ev.IRI != a.IRI {
		t.Errorf("edited article: %v as %s (%v); want loaded as %s", ev.Outcome, ev.IRI, ev.Err, a.IRI)
	}
	m.replace(a2)
	s.check(t, st, m, "after the edit")

	after := contents(t, st)
	if d := diff(own(a2), labelled(after, a.IRI)); d != "" {
		t.Errorf("the edited article's own quads: %s", d)
	}
	touched := supported(a)
	for n := range supported(a2) {
		touched[n] = true
	}
	for _, d := range docs {
		if d.IRI == a.IRI {
			continue
		}
		if df := diff(labelled(before, d.IRI), labelled(after, d.IRI)); df != "" {
			t.Errorf("another article's quads changed (%s): %s", d.IRI, df)
		}
		for n := range supported(d) {
			if touched[n] {
				continue
			}
			if df := diff(labelled(before, n), labelled(after, n)); df != "" {
				t.Errorf("quads of %v, which the edited article never supported, changed: %s", n, df)
			}
		}
	}

	// Rejected writes. Each bad doc is the edited article changed further (its
	// content hash), so that an accepted write would show, plus one bad quad.
	var statement, node quad.Value
	for _, q := range a2.Quads {
		if q.Subject == a2.IRI && q.Label == a2.IRI && q.Predicate == schema.Asserts && statement == nil {
			statement = q.Object
		}
		if q.Subject == a2.IRI && q.Label == a2.IRI && q.Predicate == schema.Mentions && node == nil {
			node = q.Object
		}
	}
	if statement == nil || node == nil {
		t.Fatalf("fixture: %s asserts or mentions nothing", a2.IRI)
	}
	stray := schema.ID("storetest", "stray")
	bad := []struct {
		name string
		q    quad.Quad
	}{
		{"shared quad of a node it does not support", quad.Quad{Subject: stray, Predicate: schema.DisplayName, Object: quad.String("Stray"), Label: stray}},
		{"support count written by the article", countQuad(node, 7)},
		{"quad without a label", quad.Quad{Subject: a2.IRI, Predicate: schema.Headline, Object: quad.String("unlabelled"), Label: nil}},
		{"shared quad neither description nor edge of its statement", quad.Quad{Subject: stray, Predicate: schema.Party, Object: node, Label: statement}},
	}
	other := docs[docs.iris()[0]]
	if other.IRI == a.IRI {
		other = docs[docs.iris()[1]]
	}
	for i, tt := range bad {
		t.Run(strings.ReplaceAll(tt.name, " ", "_"), func(t *testing.T) {
			d := store.Doc{IRI: a2.IRI}
			for _, q := range a2.Quads {
				if q.Predicate == schema.ContentHash && q.Label == a2.IRI {
					q.Object = quad.String(fmt.Sprintf("sha256:rejected-%d", i))
				}
				d.Quads = append(d.Quads, q)
			}
			d.Quads = append(d.Quads, tt.q)
			d0, n0 := digest(t, st)
			if res, err := st.ReplaceArticle(ctx, d); err == nil {
				t.Errorf("ReplaceArticle accepted a doc with %v: %+v", tt.q, res)
			}
			if d1, n1 := digest(t, st); d1 != d0 || n1 != n0 {
				t.Errorf("a rejected ReplaceArticle changed the store: %v (%d quads) → %v (%d)", d0, n0, d1, n1)
			}
			// Beside a valid article (another headline for another article), in
			// one call: the bad one fails alone.
			ok := store.Doc{IRI: other.IRI}
			for _, q := range other.Quads {
				if q.Predicate == schema.Headline && q.Label == other.IRI {
					q.Object = quad.String(fmt.Sprintf("Headline %d", i))
				}
				ok.Quads = append(ok.Quads, q)
			}
			_, errs := st.ReplaceArticles(ctx, []store.Doc{ok, d})
			if len(errs) != 2 || errs[0] != nil || errs[1] == nil {
				t.Fatalf("ReplaceArticles(valid, invalid) errors = %v; want nil for the valid one, an error for the other", errs)
			}
			m.replace(ok)
			s.check(t, st, m, "after a group with a rejected article")
		})
	}
}

// testDelete deletes an article that supports both nodes no other article
// supports and nodes others do: its quads and the first nodes' shared quads go,
// the others' stay with their support count one lower. Deleting it again, then
// every other article, leaves nothing.
func (s *suite) testDelete(t *testing.T) {
	ctx := context.Background()
	st, _, docs, m := s.loaded(t)
	sup := docs.supporters()

	var a store.Doc
	var alone, sharedNodes []quad.Value
	for _, d := range docs.list() {
		alone, sharedNodes = nil, nil
		for n := range supported(d) {
			if sup[n] == 1 {
				alone = append(alone, n)
			} else {
				sharedNodes = append(sharedNodes, n)
			}
		}
		if len(alone) > 0 && len(sharedNodes) > 0 {
			a = d
			break
		}
	}
	if a.IRI == "" {
		t.Fatal("fixture: no article supports both a node of its own and a node another supports")
	}
	before := contents(t, st)
	res, err := st.DeleteArticle(ctx, a.IRI)
	if err != nil {
		t.Fatalf("DeleteArticle(%s): %v", a.IRI, err)
	}
	m.remove(a.IRI)
	s.check(t, st, m, "after the delete")
	after := contents(t, st)
	// One write: it counts exactly the quads that came and went.
	if want := (store.WriteResult{Added: len(minus(after, before)), Deleted: len(minus(before, after))}); res != want {
		t.Errorf("DeleteArticle = %+v; the store changed by %+v", res, want)
	}
	if left := labelled(after, a.IRI); len(left) > 0 {
		t.Errorf("%d quads of the deleted article left", len(left))
	}
	for _, n := range alone {
		if left := labelled(after, n); len(left) > 0 {
			t.Errorf("%d shared quads of %v, which only the deleted article supported, left", len(left), n)
		}
	}
	for _, n := range sharedNodes {
		was, is := labelled(before, n), labelled(after, n)
		delete(was, key(countQuad(n, sup[n])))
		delete(is, key(countQuad(n, sup[n]-1)))
		if d := diff(was, is); d != "" {
			t.Errorf("shared quads of %v, which another article supports: %s", n, d)
		}
	}
	if v, err := st.ArticleVersion(ctx, a.IRI); err != nil || v != (store.ArticleVersion{}) {
		t.Errorf("ArticleVersion of the deleted article = %+v, %v; want none", v, err)
	}

	d0, n0 := digest(t, st)
	if res, err := st.DeleteArticle(ctx, a.IRI); err != nil || res != (store.WriteResult{}) {
		t.Errorf("deleting a deleted article: %+v, %v; want nothing written", res, err)
	}
	if d1, n1 := digest(t, st); d1 != d0 || n1 != n0 {
		t.Errorf("deleting a deleted article changed the store: %v (%d) → %v (%d)", d0, n0, d1, n1)
	}
	for _, iri := range m.docs.iris() {
		if _, err := st.DeleteArticle(ctx, iri); err != nil {
			t.Fatalf("DeleteArticle(%s): %v", iri, err)
		}
		m.remove(iri)
		s.check(t, st, m, "after deleting "+string(iri))
	}
	if n, err := st.Size(ctx); err != nil || n != 0 {
		t.Errorf("every article deleted: Size = %d, %v; want 0", n, err)
	}
}

// minus is the quads of a not in b.
func minus(a, b map[string]quad.Quad) map[string]quad.Quad {
	out := map[string]quad.Quad{}
	for k, q := range a {
		if _, ok := b[k]; !ok {
			out[k] = q
		}
	}
	return out
}

// testPrune loads two directories, removes a file from one and prunes it as
// `parley load --prune` does (keep: what the load saw; within: the directory):
// only that article goes. Further prunes take exactly what keep and within say.
func (s *suite) testPrune(t *testing.T) {
	ctx := context.Background()
	st, _ := s.fresh(t)
	root := t.TempDir()
	dirA, dirB := filepath.Join(root, "a"), filepath.Join(root, "b")
	inA := s.fx.write(t, dirA, articleFiles[:3]...)
	inB := s.fx.write(t, dirB, articleFiles[3:]...)
	s.mustLoad(t, st, append(append([]string(nil), inA...), inB...), false)
	docs := s.fx.docs(t, append(append([]string(nil), inA...), inB...)...)
	m := newModel()
	m.replaceSet(docs)
	bySource := map[string]store.Doc{}
	for _, d := range docs {
		bySource[sourceOf(d)] = d
	}

	gone := inA[1]
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	left := []string{inA[0], inA[2]}
	sum := s.mustLoad(t, st, left, true)
	keep := map[quad.IRI]bool{}
	for _, iri := range sum.Seen {
		keep[iri] = true
	}
	under := func(dir string) func(string) bool {
		return func(src string) bool { return strings.HasPrefix(src, dir+string(filepath.Separator)) }
	}
	nothing := func(string) bool { return false }
	sources := func(paths ...string) []ingest.ArticleSource {
		var out []ingest.ArticleSource
		for _, p := range paths {
			out = append(out, ingest.ArticleSource{IRI: bySource[p].IRI, Source: p})
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Source < out[j].Source })
		return out
	}
	steps := []struct {
		name   string
		keep   map[quad.IRI]bool
		within func(string) bool
		want   []ingest.ArticleSource
	}{
		{"the removed file", keep, under(dirA), sources(gone)},
		{"again: nothing more", keep, under(dirA), nil},
		{"nothing within: nothing, though keep holds no article of b", keep, nothing, nil},
		{"everything under b", keep, under(dirB), sources(inB...)},
	}
	for _, step := range steps {
		pruned, err := st.Prune(ctx, step.keep, step.within)
		if err != nil {
			t.Fatalf("%s: Prune: %v", step.name, err)
		}
		if fmt.Sprint(pruned) != fmt.Sprint(step.want) {
			t.Errorf("%s: Prune = %v, want %v", step.name, pruned, step.want)
		}
		for _, a := range step.want {
			m.remove(a.IRI)
		}
		s.check(t, st, m, "after pruning "+step.name)
	}
}

// testSupportCounts writes a sequence of article versions, in groups
// (ReplaceArticles) and alone, and deletes: after every step the store holds
// exactly what the articles make, each support count equals its supporters (as
// Gizmo reads them too), and Verify is clean.
func (s *suite) testSupportCounts(t *testing.T) {
	ctx := context.Background()
	st, _ := s.fresh(t)
	paths := s.fx.write(t, t.TempDir(), articleFiles...)
	v1 := s.fx.docs(t, paths...)
	v2 := docSet{}
	var iris []quad.IRI // in path order
	for _, p := range paths {
		d := s.editedDoc(t, p)
		v2[d.IRI] = d
		iris = append(iris, d.IRI)
	}
	a, b, c := iris[0], iris[1], iris[2]
	group := func(docs ...store.Doc) func(*testing.T, *model) {
		return func(t *testing.T, m *model) {
			_, errs := st.ReplaceArticles(ctx, docs)
			for i, err := range errs {
				if err != nil {
					t.Fatalf("ReplaceArticles: %s: %v", docs[i].IRI, err)
				}
			}
			m.replace(docs...)
		}
	}
	alone := func(docs ...store.Doc) func(*testing.T, *model) {
		return func(t *testing.T, m *model) {
			for _, d := range docs {
				if _, err := st.ReplaceArticle(ctx, d); err != nil {
					t.Fatalf("ReplaceArticle(%s): %v", d.IRI, err)
				}
				m.replace(d)
			}
		}
	}
	del := func(iris ...quad.IRI) func(*testing.T, *model) {
		return func(t *testing.T, m *model) {
			for _, iri := range iris {
				if _, err := st.DeleteArticle(ctx, iri); err != nil {
					t.Fatalf("DeleteArticle(%s): %v", iri, err)
				}
				m.remove(iri)
			}
		}
	}
	steps := []struct {
		name string
		do   func(*testing.T, *model)
	}{
		{"every article in one group", group(v1.list()...)},
		{"two edited in one group", group(v2[a], v2[b])},
		{"one deleted", del(c)},
		{"the deleted one back and an edit undone, in one group", group(v1[c], v1[a])},
		{"one article twice in a group", group(v1[b], v2[b])},
		{"every article edited, in one group", group(v2.list()...)},
		{"every article back, one at a time", alone(v1.list()...)},
		{"every article deleted", del(iris...)},
	}
	m := newModel()
	for _, step := range steps {
		step.do(t, m)
		s.check(t, st, m, step.name)
		checkGizmoCounts(t, st, m.docs.supporters(), step.name)
	}
	if n, err := st.Size(ctx); err != nil || n != 0 {
		t.Errorf("every article deleted: Size = %d, %v; want 0", n, err)
	}
}

// checkGizmoCounts reads every support count with a Gizmo query, as the server's
// queries do, and compares them with supporters.
func checkGizmoCounts(t testing.TB, st *store.Store, supporters map[quad.Value]int, step string) {
	t.Helper()
	rows, err := st.Gizmo(context.Background(), `g.V().tag("node").out("<`+string(schema.SupportCount)+`>").all()`, store.QueryOptions{})
	if err != nil {
		t.Fatalf("%s: Gizmo: %v", step, err)
	}
	got := map[string]string{}
	for _, r := range rows {
		row, ok := r.(map[string]any)
		if !ok {
			t.Fatalf("%s: Gizmo row %T %v", step, r, r)
		}
		n := fmt.Sprint(row["node"])
		if _, dup := got[n]; dup {
			t.Errorf("%s: Gizmo reads two support counts of %s", step, n)
		}
		got[n] = fmt.Sprint(row["id"])
	}
	want := map[string]string{}
	for n, c := range supporters {
		want[n.String()] = fmt.Sprint(c)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s: support counts as Gizmo reads them: %d nodes, want %d; first difference: %s", step, len(got), len(want), firstDiff(want, got))
	}
}

// firstDiff describes the first key (in order) on which two maps differ.
func firstDiff(want, got map[string]string) string {
	var keys []string
	for k := range want {
		keys = append(keys, k)
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		w, wok := want[k]
		g, gok := got[k]
		if w != g || wok != gok {
			return fmt.Sprintf("%s: %q (present %v), want %q (present %v)", k, g, gok, w, wok)
		}
	}
	return "none"
}
