package loaders

import (
	"fmt"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/source"
)

// FileReader reads article files and extracts their quads.
type FileReader struct {
	Extractor *extract.Extractor
	MaxSize   int64            // bytes per file; 0 means source.DefaultMaxSize
	Now       func() time.Time // the load time recorded on articles; nil means time.Now
}

// Read reads and hashes one file; build extracts it.
func (r *FileReader) Read(path string) (quad.IRI, string, func() ([]quad.Quad, error), error) {
	a, err := source.ReadFile(path, r.MaxSize)
	if err != nil {
		return "", "", nil, err
	}
	build := func() (qs []quad.Quad, err error) {
		defer func() {
			// An extraction bug must cost one article, not the whole load.
			if p := recover(); p != nil {
				err = fmt.Errorf("extraction failed: %v", p)
			}
		}()
		_, qs = r.Article(a)
		return qs, nil
	}
	return ArticleIRI(a), a.Hash, build, nil
}

// Article extracts one article and returns its IRI and quads.
func (r *FileReader) Article(a *source.Article) (quad.IRI, []quad.Quad) {
	now := time.Now
	if r.Now != nil {
		now = r.Now
	}
	res := r.Extractor.Extract(a.Text())
	return Quads(a, res, now())
}
