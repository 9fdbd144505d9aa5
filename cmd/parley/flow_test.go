package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// flow is the order data flows in (README, Layout): a package may import only
// packages of its own step or an earlier one. schema, the vocabulary, is step 0.
var flow = []struct {
	step int
	dir  string // the package's directory, and everything under it
}{
	{0, "schema"},
	{1, "loaders/text"},
	{2, "loaders/source"},
	{3, "loaders/lexicon"},
	{3, "loaders/synth"},
	{4, "loaders/extract"},
	{5, "loaders/ingest"},
	{6, "store"},
	{7, "queries"},
	{8, "server"},
	{9, "eval"},
	{10, "cmd"},
}

// stepOf is the flow step of a package directory (relative to the module root),
// the longest listed directory that holds it deciding.
func stepOf(dir string) (int, bool) {
	best, step := -1, 0
	for _, f := range flow {
		if (dir == f.dir || strings.HasPrefix(dir, f.dir+"/")) && len(f.dir) > best {
			best, step = len(f.dir), f.step
		}
	}
	return step, best >= 0
}

// TestImportsFollowTheFlow fails when a package imports one later in the flow
// (test files may: they run the real parts downstream).
func TestImportsFollowTheFlow(t *testing.T) {
	const module = "github.com/parleygraph/parley/"
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		from, ok := stepOf(rel)
		if !ok {
			t.Errorf("%s: package directory %s is in no step of the flow: add it to flow", path, rel)
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p := strings.Trim(imp.Path.Value, `"`)
			if !strings.HasPrefix(p, module) {
				continue
			}
			checked++
			to, ok := stepOf(strings.TrimPrefix(p, module))
			if ok && to > from {
				t.Errorf("%s (step %d) imports %s (step %d), later in the flow", rel, from, p, to)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Fatalf("only %d imports of the module checked: the walk missed the packages", checked)
	}
}
