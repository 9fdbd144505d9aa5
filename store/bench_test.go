package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/parleygraph/parley/loaders/synth"
	"github.com/parleygraph/parley/store"
	"github.com/parleygraph/parley/store/bolt"
	"github.com/parleygraph/parley/store/postgres"
)

// benchDocs is the number of synthetic articles the benchmarks write.
const benchDocs = 300

// synthDocs extracts n synthetic articles; another seed gives other versions of
// the same articles (same IRIs, other facts).
func synthDocs(b *testing.B, n int, seed uint64) []store.Doc {
	b.Helper()
	r := newReader(b)
	g, err := synth.New(r.Extractor.Lexicon())
	if err != nil {
		b.Fatal(err)
	}
	var docs []store.Doc
	for _, a := range g.Generate(n, seed) {
		docs = append(docs, readDoc(b, r, "/synth/"+a.Name, a.Text))
	}
	return docs
}

// writeAll writes docs as a load does: 64 articles per ReplaceArticles call.
func writeAll(b *testing.B, s *store.Store, docs []store.Doc) {
	b.Helper()
	for i := 0; i < len(docs); i += 64 {
		_, errs := s.ReplaceArticles(context.Background(), docs[i:min(i+64, len(docs))])
		for _, err := range errs {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkWrite writes benchDocs articles into an empty store; quads/s is the rate.
func BenchmarkWrite(b *testing.B) {
	docs := synthDocs(b, benchDocs, 1)
	quads := 0
	for _, d := range docs {
		quads += len(d.Quads)
	}
	for _, backend := range []string{bolt.Name, postgres.Name} {
		b.Run(backend, func(b *testing.B) {
			var elapsed time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s := openFresh(b, backend)
				b.StartTimer()
				start := time.Now()
				writeAll(b, s, docs)
				elapsed += time.Since(start)
			}
			b.ReportMetric(float64(quads*b.N)/elapsed.Seconds(), "quads/s")
			b.ReportMetric(float64(quads)/float64(len(docs)), "quads/article")
		})
	}
}

// BenchmarkReplace replaces one article of a store of benchDocs with another
// version of it, one transaction per article (as ReplaceArticle); an op is one
// article.
func BenchmarkReplace(b *testing.B) {
	versions := [2][]store.Doc{synthDocs(b, benchDocs, 1), synthDocs(b, benchDocs, 2)}
	for _, backend := range []string{bolt.Name, postgres.Name} {
		b.Run(backend, func(b *testing.B) {
			s := openFresh(b, backend)
			writeAll(b, s, versions[0])
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				v := versions[(i/benchDocs+1)%2]
				if _, err := s.ReplaceArticle(ctx, v[i%benchDocs]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDelete deletes one article of a store of benchDocs (and puts it back,
// untimed); an op is one delete.
func BenchmarkDelete(b *testing.B) {
	docs := synthDocs(b, benchDocs, 1)
	for _, backend := range []string{bolt.Name, postgres.Name} {
		b.Run(backend, func(b *testing.B) {
			s := openFresh(b, backend)
			writeAll(b, s, docs)
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				d := docs[i%benchDocs]
				if _, err := s.DeleteArticle(ctx, d.IRI); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if _, err := s.ReplaceArticle(ctx, d); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
		})
	}
}
