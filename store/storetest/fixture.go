package storetest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/ingest"
	"github.com/parleygraph/parley/schema"
	"github.com/parleygraph/parley/store"
)

// module is the project whose testdata the suite reads.
const module = "github.com/parleygraph/parley"

// articleFiles are the project's articles the suite loads (testdata/articles):
// four of the shortest, so the suite stays fast (a full read of the store is the
// cost of most checks, and each article makes some 400–600 quads), which still
// share nodes (the two on Armenia and Azerbaijan share the parties and their
// negotiation; Washington and the United States come up twice), so support
// counts above one, and shared quads another article keeps alive, are
// exercised. They are distinct stories: none is taken for a syndicated copy of
// another, which the model does not describe.
var articleFiles = []string{
	"en_armenia_azerbaijan_border_commission.txt",
	"en_armenia_azerbaijan_washington.txt",
	"en_colombia_eln_havana.txt",
	"en_thailand_cambodia_kl.md",
}

// loadedAt is the load time the reader records: fixed, so that reading an article
// again (for the model, or in a second load) gives the same quads.
var loadedAt = time.Unix(1.7e9, 0)

// fixture is the suite's articles and the reader that extracts them.
type fixture struct {
	reader *ingest.Reader
	texts  map[string][]byte // articleFiles by name
}

func loadFixture(t *testing.T) *fixture {
	t.Helper()
	root, err := repoRoot()
	if err != nil {
		t.Fatalf("find the %s repository for its test articles: %v", module, err)
	}
	x, err := extract.Builtin()
	if err != nil {
		t.Fatalf("built-in extractor: %v", err)
	}
	fx := &fixture{
		reader: &ingest.Reader{Extractor: x, Now: func() time.Time { return loadedAt }},
		texts:  map[string][]byte{},
	}
	for _, name := range articleFiles {
		data, err := os.ReadFile(filepath.Join(root, "testdata", "articles", name))
		if err != nil {
			t.Fatalf("test article: %v", err)
		}
		fx.texts[name] = data
	}
	return fx
}

// repoRoot finds the project's root from the working directory (a test runs in
// its package's directory): the nearest directory up whose go.mod declares module.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if f, err := os.Open(filepath.Join(dir, "go.mod")); err == nil {
			sc := bufio.NewScanner(f)
			found := false
			for sc.Scan() {
				if fields := strings.Fields(sc.Text()); len(fields) == 2 && fields[0] == "module" {
					found = fields[1] == module
					break
				}
			}
			f.Close()
			if found {
				return dir, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod of module %s above the working directory", module)
		}
		dir = parent
	}
}

// write copies the named articles into dir and returns their paths, in order.
func (fx *fixture) write(t testing.TB, dir string, names ...string) []string {
	t.Helper()
	var paths []string
	for _, name := range names {
		text, ok := fx.texts[name]
		if !ok {
			t.Fatalf("no test article %s", name)
		}
		paths = append(paths, writeFile(t, filepath.Join(dir, name), text))
	}
	return paths
}

// writeFile writes a source file and returns its absolute path (the name a load
// records as the article's source).
func writeFile(t testing.TB, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatalf("write test article: %v", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// edited is an article's text changed as an editor would: its last paragraph
// dropped (support withdrawn) and a paragraph naming other parties added.
func edited(text []byte) []byte {
	paras := strings.Split(strings.TrimSpace(string(text)), "\n\n")
	if len(paras) > 2 {
		paras = paras[:len(paras)-1]
	}
	paras = append(paras, "Egypt and Qatar said on Sunday they were ready to mediate between Ethiopia and Eritrea in Cairo.")
	return []byte(strings.Join(paras, "\n\n") + "\n")
}

// docs reads sources as Load does (the same reader and ArticleReader calls) and
// returns their articles' docs by IRI: what a load of the sources writes.
func (fx *fixture) docs(t testing.TB, sources ...string) docSet {
	t.Helper()
	out := docSet{}
	for _, src := range sources {
		err := fx.reader.Read(context.Background(), src, func(name string, iri quad.IRI, hash string, build func() ([]quad.Quad, error), err error) {
			if err != nil {
				t.Fatalf("read %s: %v", name, err)
			}
			qs, err := build()
			if err != nil {
				t.Fatalf("extract %s: %v", name, err)
			}
			if _, dup := out[iri]; dup {
				t.Fatalf("two test articles are %s", iri)
			}
			out[iri] = store.Doc{IRI: iri, Quads: qs}
		})
		if err != nil {
			t.Fatalf("read %s: %v", src, err)
		}
	}
	return out
}

// docSet is the articles a store should hold, by IRI.
type docSet map[quad.IRI]store.Doc

// only is the one doc of a set that holds one.
func (ds docSet) only(t testing.TB) store.Doc {
	t.Helper()
	if len(ds) != 1 {
		t.Fatalf("want one article, have %d", len(ds))
	}
	for _, d := range ds {
		return d
	}
	panic("unreachable")
}

// list is the docs in IRI order.
func (ds docSet) list() []store.Doc {
	out := make([]store.Doc, 0, len(ds))
	for _, d := range ds {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].IRI < out[j].IRI })
	return out
}

// iris is the set's IRIs, sorted.
func (ds docSet) iris() []quad.IRI {
	var out []quad.IRI
	for iri := range ds {
		out = append(out, iri)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// supported is what an article supports: the nodes it mentions and the
// statements it asserts (its own quads "article mentions|asserts node").
func supported(d store.Doc) map[quad.Value]bool {
	out := map[quad.Value]bool{}
	for _, q := range d.Quads {
		if q.Subject == d.IRI && q.Label == d.IRI && schema.IsSupport(q.Predicate) {
			out[q.Object] = true
		}
	}
	return out
}

// supporters counts, for every node some article of the set supports, the
// articles that support it: what its schema.SupportCount must say.
func (ds docSet) supporters() map[quad.Value]int {
	out := map[quad.Value]int{}
	for _, d := range ds {
		for n := range supported(d) {
			out[n]++
		}
	}
	return out
}

// model is what a store must hold after a history of writes. A store holds its
// articles' own quads, and each supported node's shared quads: those of every
// article that wrote about the node since the node last gained support (a
// shared quad goes only when its node loses its last supporter, so what a store
// holds depends on history, not only on the articles it holds now), and the
// node's support count.
type model struct {
	docs   docSet
	shared map[quad.Value]map[string]quad.Quad // by label (the node), by key
}

func newModel() *model {
	return &model{docs: docSet{}, shared: map[quad.Value]map[string]quad.Quad{}}
}

// replace records writes of docs (ReplaceArticle, ReplaceArticles or a load).
func (m *model) replace(docs ...store.Doc) {
	for _, d := range docs {
		m.docs[d.IRI] = d
		for _, q := range d.Quads {
			if q.Label == d.IRI {
				continue
			}
			if m.shared[q.Label] == nil {
				m.shared[q.Label] = map[string]quad.Quad{}
			}
			m.shared[q.Label][key(q)] = norm(q)
		}
		m.dropUnsupported()
	}
}

// replaceSet records the writes of a set's docs.
func (m *model) replaceSet(ds docSet) { m.replace(ds.list()...) }

// remove records DeleteArticle of articles (or their prune).
func (m *model) remove(iris ...quad.IRI) {
	for _, iri := range iris {
		delete(m.docs, iri)
		m.dropUnsupported()
	}
}

func (m *model) dropUnsupported() {
	sup := m.docs.supporters()
	for n := range m.shared {
		if sup[n] == 0 {
			delete(m.shared, n)
		}
	}
}

// quads is what the store must hold, by key.
func (m *model) quads() map[string]quad.Quad {
	out := map[string]quad.Quad{}
	for _, d := range m.docs {
		for _, q := range d.Quads {
			if q.Label == d.IRI {
				out[key(q)] = norm(q)
			}
		}
	}
	for _, qs := range m.shared {
		for k, q := range qs {
			out[k] = q
		}
	}
	for n, c := range m.docs.supporters() {
		q := countQuad(n, c)
		out[key(q)] = q
	}
	return out
}

// countQuad is the support count quad of a node (see schema.SupportCount).
func countQuad(node quad.Value, n int) quad.Quad {
	return quad.Quad{Subject: node, Predicate: schema.SupportCount, Object: quad.Int(n), Label: node}
}

// key identifies a quad in the suite's comparisons.
func key(q quad.Quad) string { return norm(q).NQuad() }

// sourceOf is the source an article records (schema.Source), "" for none.
func sourceOf(d store.Doc) string {
	for _, q := range d.Quads {
		if q.Subject == d.IRI && q.Label == d.IRI && q.Predicate == schema.Source {
			if s, ok := quad.NativeOf(q.Object).(string); ok {
				return s
			}
		}
	}
	return ""
}

// hashOf is the content hash an article records.
func hashOf(d store.Doc) string {
	for _, q := range d.Quads {
		if q.Subject == d.IRI && q.Label == d.IRI && q.Predicate == schema.ContentHash {
			if s, ok := quad.NativeOf(q.Object).(string); ok {
				return s
			}
		}
	}
	return ""
}

// norm is a quad as the suite compares it: times in UTC to the second, which is
// how Cayley hashes them (a SQL store keeps no more; see store.storable).
func norm(q quad.Quad) quad.Quad {
	for _, d := range quad.Directions {
		if tm, ok := q.Get(d).(quad.Time); ok {
			q.Set(d, quad.Time(time.Time(tm).UTC().Truncate(time.Second)))
		}
	}
	return q
}
