package ingest

import (
	"path/filepath"
	"testing"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/source"
	"github.com/parleygraph/parley/loaders/text"
)

// The fingerprint read from the extraction's tokens is the body's own: an article
// and its copy loaded in other ways are compared alike.
func TestBodyPrintIsTheBodysSimHash(t *testing.T) {
	x, err := extract.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../testdata/articles/*")
	if len(files) == 0 {
		t.Fatal("no sample articles")
	}
	for _, f := range files {
		a, err := source.ReadFile(f, 0)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := bodyPrint(a, x.Extract(a.Text()))
		want, wantOK := text.SimHash(a.Body)
		if got != want || ok != wantOK || !ok {
			t.Errorf("%s: %016x %v, the body's %016x %v", f, got, ok, want, wantOK)
		}
	}
}
