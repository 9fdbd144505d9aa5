package graph

import (
	"context"
	"fmt"
	"math/bits"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

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

// print is what tells an article's copies: its fingerprint and the names it uses.
type print struct {
	hash  uint64
	names map[string]bool
}

// copyFinder tells, as a load writes its articles, which are syndicated copies of
// an article the store already holds or that this load wrote before: it reads the
// store's fingerprints once, on the first article that has one.
type copyFinder struct {
	store  *Store
	loaded bool
	prints map[quad.IRI]print // the originals'
}

// mark rewrites a loaded article that copies another into its metadata and a
// parley:copyOf link: its facts are the original's, and counted once.
func (c *copyFinder) mark(ctx context.Context, p *prepared) error {
	if p.ev.Outcome != Loaded {
		return nil
	}
	pr, ok := printOf(p.quads, p.ev.IRI)
	if !ok {
		return nil
	}
	if !c.loaded {
		prints, err := c.store.prints(ctx)
		if err != nil {
			return err
		}
		c.prints, c.loaded = prints, true
	}
	var orig quad.IRI
	best := copyDistance + 1
	for iri, o := range c.prints {
		d := bits.OnesCount64(pr.hash ^ o.hash)
		if iri == p.ev.IRI || d > best || d == best && iri > orig || shared(pr.names, o.names) < minSharedNames {
			continue
		}
		orig, best = iri, d
	}
	if orig == "" {
		c.prints[p.ev.IRI] = pr
		return nil
	}
	delete(c.prints, p.ev.IRI) // an original that became a copy
	p.quads = copyQuads(p.quads, p.ev.IRI, orig)
	p.ev.CopyOf = orig
	return nil
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

// prints returns the fingerprint and names of every article that is no copy.
func (s *Store) prints(ctx context.Context) (map[quad.IRI]print, error) {
	copies := map[quad.IRI]bool{}
	err := s.eachQuad(ctx, quad.Predicate, schema.CopyOf, func(q quad.Quad) bool {
		if iri, ok := q.Subject.(quad.IRI); ok {
			copies[iri] = true
		}
		return true
	})
	if err != nil {
		return nil, fmt.Errorf("copies: %w", err)
	}
	prints := map[quad.IRI]print{}
	hashed := map[quad.IRI]bool{}
	for _, p := range []quad.IRI{schema.SimHash, schema.Names} {
		err = s.eachQuad(ctx, quad.Predicate, p, func(q quad.Quad) bool {
			iri, ok := q.Subject.(quad.IRI)
			if !ok || q.Label != q.Subject || copies[iri] {
				return true
			}
			pr, seen := prints[iri]
			if !seen {
				pr = print{names: map[string]bool{}}
			}
			if readPrint(&pr, q) {
				hashed[iri] = true
			}
			prints[iri] = pr
			return true
		})
		if err != nil {
			return nil, fmt.Errorf("fingerprints: %w", err)
		}
	}
	for iri := range prints {
		if !hashed[iri] {
			delete(prints, iri)
		}
	}
	return prints, nil
}

// Copies counts the articles that are syndicated copies of another.
func (s *Store) Copies(ctx context.Context) (int, error) {
	n := 0
	err := s.eachQuad(ctx, quad.Predicate, schema.CopyOf, func(q quad.Quad) bool {
		if q.Subject == q.Label {
			n++
		}
		return true
	})
	return n, err
}
