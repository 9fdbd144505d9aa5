package extract

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzExtract proves that no text makes extraction panic and that every fact it
// returns points at a sentence of the input.
func FuzzExtract(f *testing.F) {
	x := newBenchExtractor(f)
	files, _ := filepath.Glob("../../testdata/articles/*")
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("وقال ،، «» ... بين و و في")
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return // the readers reject invalid UTF-8 before extraction
		}
		r := x.Extract(src)
		for _, fact := range r.Facts {
			if i := fact.Evidence.Sentence; i < 0 || i >= len(r.Sentences) {
				t.Fatalf("fact %+v cites sentence %d of %d", fact, i, len(r.Sentences))
			}
		}
	})
}
