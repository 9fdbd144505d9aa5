package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parleygraph/parley/loaders/lexicon"
)

// BenchmarkExtract measures extraction of one typical article (the project's own
// sample articles, round-robin), the lexicon and rules loaded once.
func BenchmarkExtract(b *testing.B) {
	x := newBenchExtractor(b)
	files, _ := filepath.Glob("../../testdata/articles/*")
	if len(files) == 0 {
		b.Fatal("no sample articles")
	}
	var docs []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(data))
		size += len(data)
	}
	b.SetBytes(int64(size / len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Extract(docs[i%len(docs)])
	}
}

// BenchmarkLexiconLoad measures the start-up cost of reading the lexicon.
func BenchmarkLexiconLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := lexicon.Load(); err != nil {
			b.Fatal(err)
		}
	}
}
