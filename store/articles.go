package store

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/loaders/ingest"
	"github.com/parleygraph/parley/schema"
)

// ArticleHash returns the content hash stored for an article, or "" if the store
// does not hold it.
func (s *Store) ArticleHash(ctx context.Context, article quad.IRI) (string, error) {
	ctx, release := s.Hold(ctx)
	defer release()
	h, err := s.articleString(ctx, article, schema.ContentHash)
	if err != nil {
		return "", fmt.Errorf("content hash of %s: %w", article, err)
	}
	return h, nil
}

// ArticleVersion is what decides whether a stored article is current: the hash of
// its content and the digest of the extractor that read it ("" for both when the
// article is not in the store, and for the digest when a version of parley that
// did not record it wrote the article).
type ArticleVersion struct {
	Hash, Digest string
}

// ArticleVersion returns the stored article's content hash and extractor digest.
func (s *Store) ArticleVersion(ctx context.Context, article quad.IRI) (ArticleVersion, error) {
	ctx, release := s.Hold(ctx)
	defer release()
	return s.articleVersion(ctx, article)
}

// versionForLoad is ArticleVersion for Load's workers, which read beside the
// load's own commits: without holding the store where the backend lets a reader
// run beside a commit, so that extraction does not wait for commits. It is safe
// there: articleString opens no read transaction inside another (see findOut),
// and a version torn by a commit of the same article only makes the article look
// changed, and extracted again.
func (s *Store) versionForLoad(ctx context.Context, article quad.IRI) (ArticleVersion, error) {
	if s.reg.OneReader {
		return s.ArticleVersion(ctx, article)
	}
	return s.articleVersion(ctx, article)
}

func (s *Store) articleVersion(ctx context.Context, article quad.IRI) (ArticleVersion, error) {
	h, err := s.articleString(ctx, article, schema.ContentHash)
	if err != nil {
		return ArticleVersion{}, fmt.Errorf("content hash of %s: %w", article, err)
	}
	if h == "" {
		return ArticleVersion{}, nil
	}
	d, err := s.articleString(ctx, article, schema.ExtractedBy)
	if err != nil {
		return ArticleVersion{}, fmt.Errorf("extractor digest of %s: %w", article, err)
	}
	return ArticleVersion{Hash: h, Digest: d}, nil
}

// StaleArticles lists the articles (with their sources) that an extractor of
// another digest than digest read: their facts may differ from what this one would
// find. Articles that record no digest are stale too.
func (s *Store) StaleArticles(ctx context.Context, digest string) ([]ingest.ArticleSource, error) {
	ctx, release := s.Hold(ctx)
	defer release()
	all, err := s.ArticleSources(ctx)
	if err != nil {
		return nil, err
	}
	var stale []ingest.ArticleSource
	for _, a := range all {
		d, err := s.articleString(ctx, a.IRI, schema.ExtractedBy)
		if err != nil {
			return nil, fmt.Errorf("extractor digest of %s: %w", a.IRI, err)
		}
		if d != digest {
			stale = append(stale, a)
		}
	}
	return stale, nil
}

// articleIRIs lists the articles: the subjects of "? rdf:type schema:NewsArticle",
// one key of the {Object, Predicate} index on bolt (Cayley's kv has no predicate
// index: asking for every quad of a predicate reads the whole store).
func (s *Store) articleIRIs(ctx context.Context) ([]quad.IRI, error) {
	it, err := s.inByPredicate(ctx, schema.Article, schema.Type)
	if err != nil || it == nil {
		return nil, err
	}
	var out []quad.IRI
	err = s.eachResolved(ctx, it, func(q quad.Quad, _ graph.Ref) bool {
		if iri, ok := q.Subject.(quad.IRI); ok && q.Label == q.Subject && q.Predicate == schema.Type && q.Object == schema.Article {
			out = append(out, iri)
		}
		return true
	})
	return out, err
}

// articleString is an article's own string value of predicate p ("" for none):
// one {Subject, Predicate} index key on bolt (Cayley's own plan for this path reads
// every quad of the article, a page fault each on a large store).
func (s *Store) articleString(ctx context.Context, article quad.IRI, p quad.IRI) (string, error) {
	q, _, err := s.findOut(ctx, article, p, func(q quad.Quad) bool {
		_, ok := quad.NativeOf(q.Object).(string)
		return ok && q.Label == article
	})
	if err != nil || q.Object == nil {
		return "", err
	}
	v, _ := quad.NativeOf(q.Object).(string)
	return v, nil
}

// ArticleSources lists the articles in the store with their sources.
func (s *Store) ArticleSources(ctx context.Context) ([]ingest.ArticleSource, error) {
	ctx, release := s.Hold(ctx)
	defer release()
	iris, err := s.articleIRIs(ctx)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	out := make([]ingest.ArticleSource, 0, len(iris))
	for _, iri := range iris {
		src, err := s.articleString(ctx, iri, schema.Source)
		if err != nil {
			return nil, fmt.Errorf("source of %s: %w", iri, err)
		}
		out = append(out, ingest.ArticleSource{IRI: iri, Source: src})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Source < out[j].Source })
	return out, nil
}

// Stats counts what the store holds.
type Stats struct {
	Quads    int64
	Articles int
	Classes  map[string]int // entities per class (schema IRIs shortened)
}

// Count returns the store's statistics. It walks the type edges, so it costs one
// pass over the typed nodes.
func (s *Store) Count(ctx context.Context) (Stats, error) {
	ctx, release := s.Hold(ctx)
	defer release()
	st := Stats{Classes: map[string]int{}}
	n, err := s.Size(ctx)
	if err != nil {
		return st, err
	}
	st.Quads = n
	for _, c := range []struct {
		name string
		iri  quad.IRI
	}{
		{"articles", schema.Article}, {"countries", schema.Country}, {"organizations", schema.Organization},
		{"people", schema.Person}, {"places", schema.Place}, {"negotiations", schema.Negotiation},
		{"talks", schema.Talks}, {"issues", schema.Issue}, {"statements", schema.Statement},
	} {
		count := 0
		err := s.eachQuad(ctx, quad.Object, c.iri, func(q quad.Quad) bool {
			if q.Predicate == schema.Type {
				count++
			}
			return true
		})
		if err != nil {
			return st, err
		}
		if c.name == "articles" {
			st.Articles = count
			continue
		}
		st.Classes[c.name] = count
	}
	return st, nil
}

// Export writes every quad to w and returns how many it wrote.
func (s *Store) Export(ctx context.Context, w quad.Writer) (int, error) {
	ctx, release := s.Hold(ctx)
	defer release()
	n := 0
	err := s.eachStored(ctx, func(q quad.Quad) error {
		if err := w.WriteQuad(q); err != nil {
			return err
		}
		n++
		return nil
	})
	return n, err
}

// ArticleInfo describes one loaded article.
type ArticleInfo struct {
	IRI       string `json:"iri"`
	Headline  string `json:"headline"`
	Published string `json:"published,omitempty"`
	Source    string `json:"source"`
	URL       string `json:"url,omitempty"`
	Language  string `json:"language,omitempty"`
	LoadedAt  string `json:"loaded_at,omitempty"`
	Facts     int    `json:"facts"` // statements the article asserts
}

// Articles lists the articles in the store, by source.
func (s *Store) Articles(ctx context.Context) ([]ArticleInfo, error) {
	ctx, release := s.Hold(ctx)
	defer release()
	iris, err := s.articleIRIs(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]ArticleInfo, 0, len(iris))
	for _, iri := range iris {
		a := ArticleInfo{IRI: string(iri)}
		err := s.eachQuad(ctx, quad.Subject, iri, func(q quad.Quad) bool {
			if q.Label != iri {
				return true
			}
			str := func() string {
				switch v := q.Object.(type) {
				case quad.LangString:
					return string(v.Value)
				case quad.IRI:
					return string(v)
				}
				return fmt.Sprint(quad.NativeOf(q.Object))
			}
			switch q.Predicate {
			case schema.Headline:
				a.Headline = str()
			case schema.DatePublished:
				a.Published = str()
			case schema.Source:
				a.Source = str()
			case schema.URL:
				a.URL = str()
			case schema.InLanguage:
				a.Language = str()
			case schema.LoadedAt:
				if t, ok := quad.NativeOf(q.Object).(time.Time); ok {
					a.LoadedAt = t.UTC().Format(time.RFC3339)
				}
			case schema.Asserts:
				a.Facts++
			}
			return true
		})
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Source < out[j].Source })
	return out, nil
}
