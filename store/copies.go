package store

import (
	"context"
	"fmt"
	"math/bits"
	"strconv"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/loaders/ingest"
	"github.com/parleygraph/parley/schema"
)

// copyDistance is the most bits two articles' fingerprints (schema.SimHash,
// loaders/text.SimHash) may differ in for one to be a copy of the other. A wire
// story retitled, with a paragraph or a sentence added, stays within it (the
// sample articles so edited: 3–11 bits; a short story with a sentence more: 12);
// different stories, even on the same talks, differ in 21 bits or more.
const copyDistance = 12

// minSharedNames is the least share of the names (schema.Names) two articles must
// have in common (Jaccard) for one to be a copy: templated briefs about other
// parties ("X and Y resumed talks in Z, mediated by W") have close fingerprints
// and other names.
const minSharedNames = 0.85

// print is what tells an article's copies: its fingerprint, the names it uses and
// their bands (schema.NamesBand).
type print struct {
	hash  uint64
	names map[string]bool
	bands []string
}

// copyFinder tells, as a load writes its articles, which are syndicated copies of
// an article the store already holds or that this load wrote before. Possible
// originals are the articles that share a band of names with the article, found
// through the store's {Object, Predicate} index (and in memory for this load's).
type copyFinder struct {
	store *Store
	local map[string][]quad.IRI // band → originals this load wrote
	mine  map[quad.IRI]print
}

// mark rewrites a loaded article that copies another into its metadata and a
// parley:copyOf link: its facts are the original's, and counted once.
func (c *copyFinder) mark(ctx context.Context, p *prepared) error {
	if p.ev.Outcome != ingest.Loaded {
		return nil
	}
	pr, ok := printOf(p.quads, p.ev.IRI)
	if !ok {
		return nil
	}
	if c.local == nil {
		c.local, c.mine = map[string][]quad.IRI{}, map[quad.IRI]print{}
	}
	var orig quad.IRI
	best := copyDistance + 1
	seen := map[quad.IRI]bool{p.ev.IRI: true}
	for _, band := range pr.bands {
		cands, err := c.store.sharingBand(ctx, band)
		if err != nil {
			return err
		}
		for _, iri := range append(cands, c.local[band]...) {
			if seen[iri] {
				continue
			}
			seen[iri] = true
			o, ok := c.mine[iri]
			if !ok {
				if o, ok, err = c.store.originalPrint(ctx, iri); err != nil {
					return err
				} else if !ok {
					continue
				}
			}
			d := bits.OnesCount64(pr.hash ^ o.hash)
			if d > best || d == best && iri > orig || shared(pr.names, o.names) < minSharedNames {
				continue
			}
			orig, best = iri, d
		}
	}
	if orig == "" {
		c.mine[p.ev.IRI] = pr
		for _, band := range pr.bands {
			c.local[band] = append(c.local[band], p.ev.IRI)
		}
		return nil
	}
	p.quads = copyQuads(p.quads, p.ev.IRI, orig)
	p.ev.CopyOf = orig
	return nil
}

// sharingBand lists the articles whose names have the band.
func (s *Store) sharingBand(ctx context.Context, band string) ([]quad.IRI, error) {
	it, err := s.inByPredicate(ctx, quad.String(band), schema.NamesBand)
	if err != nil || it == nil {
		return nil, err
	}
	var out []quad.IRI
	err = s.eachResolved(ctx, it, func(q quad.Quad, _ graph.Ref) bool {
		if iri, ok := q.Subject.(quad.IRI); ok && q.Predicate == schema.NamesBand && q.Label == q.Subject {
			out = append(out, iri)
		}
		return true
	})
	return out, err
}

// originalPrint reads a stored article's print; ok is false for a copy or an
// article without a fingerprint.
func (s *Store) originalPrint(ctx context.Context, article quad.IRI) (print, bool, error) {
	pr, hashed := print{names: map[string]bool{}}, false
	for _, p := range []quad.IRI{schema.CopyOf, schema.SimHash, schema.Names} {
		q, _, err := s.findOut(ctx, article, p, func(quad.Quad) bool { return true })
		if err != nil {
			return pr, false, fmt.Errorf("fingerprint of %s: %w", article, err)
		}
		if q.Predicate == nil {
			continue
		}
		if p == schema.CopyOf {
			return pr, false, nil
		}
		hashed = readPrint(&pr, q) || hashed
	}
	return pr, hashed, nil
}

// shared is the Jaccard index of two name sets (1 for two empty ones).
func shared(a, b map[string]bool) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	both := 0
	for n := range a {
		if b[n] {
			both++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}

// printOf reads an article's fingerprint and names among its quads.
func printOf(qs []quad.Quad, article quad.IRI) (print, bool) {
	pr, ok := print{names: map[string]bool{}}, false
	for _, q := range qs {
		if q.Subject != article {
			continue
		}
		ok = readPrint(&pr, q) || ok
	}
	return pr, ok
}

// readPrint takes a fingerprint or names quad into pr; it reports a fingerprint.
func readPrint(pr *print, q quad.Quad) bool {
	s, isStr := quad.NativeOf(q.Object).(string)
	if !isStr {
		return false
	}
	switch q.Predicate {
	case schema.SimHash:
		h, err := strconv.ParseUint(s, 16, 64)
		if err == nil {
			pr.hash = h
		}
		return err == nil
	case schema.Names:
		for _, n := range strings.Fields(s) {
			pr.names[n] = true
		}
	case schema.NamesBand:
		pr.bands = append(pr.bands, s)
	}
	return false
}

// copyQuads keeps an article's own description (headline, source, dates, hashes)
// and links it to orig: no mentions, assertions or evidence, so nothing counts it.
func copyQuads(qs []quad.Quad, article, orig quad.IRI) []quad.Quad {
	var out []quad.Quad
	for _, q := range qs {
		if q.Subject != article || q.Label != article {
			continue
		}
		switch q.Predicate {
		case schema.Mentions, schema.Asserts, schema.Location, schema.About, schema.Contributor:
			continue // what the article supports: the original's
		}
		out = append(out, q)
	}
	return append(out, quad.Quad{Subject: article, Predicate: schema.CopyOf, Object: orig, Label: article})
}

// Copies counts the articles that are syndicated copies of another.
func (s *Store) Copies(ctx context.Context) (int, error) {
	ctx, release := s.Hold(ctx)
	defer release()
	iris, err := s.articleIRIs(ctx)
	if err != nil {
		return 0, fmt.Errorf("articles: %w", err)
	}
	n := 0
	for _, iri := range iris {
		q, _, err := s.findOut(ctx, iri, schema.CopyOf, func(q quad.Quad) bool { return q.Label == iri })
		if err != nil {
			return 0, fmt.Errorf("copy of %s: %w", iri, err)
		}
		if q.Predicate != nil {
			n++
		}
	}
	return n, nil
}
