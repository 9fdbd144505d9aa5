package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// ReplaceArticles replaces several articles, as ReplaceArticle does each, but
// commits many of them in one transaction: on bolt a commit (and its fsync) costs
// more than writing an article. Each article is still all old or all new after a
// crash, since a transaction holds whole articles.
//
// Articles are planned against the committed store, so two articles whose changes
// depend on each other cannot share a transaction: the group commits before an
// article that is already in it, that withdraws support from a node another
// article of the group supports or withdraws from, or that supports or writes
// about a node another withdrew from (which the group may have deleted: reading
// it before the commit would put its dead ID in Cayley's node cache, which is
// emptied after each commit that deleted anything; see valueCache). Shared quads
// the group added are not added again (Cayley would count their nodes twice).
//
// A write that fails rolls back its group, whose articles are then written one by
// one, so one bad article fails alone.
//
// On SQL the group's deltas are gathered and written by one ApplyDeltas call at
// the commit, which is one SQL transaction (see applyOnce).
func (s *Store) ReplaceArticles(ctx context.Context, docs []Doc) ([]WriteResult, []error) {
	res := make([]WriteResult, len(docs))
	errs := make([]error, len(docs))
	if (s.batch == nil && s.sql == nil) || len(docs) == 1 {
		for i, d := range docs {
			res[i], errs[i] = s.ReplaceArticle(ctx, d)
		}
		return res, errs
	}
	if s.sql != nil {
		docs = storable(docs)
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	g := newGroup()
	// alone writes the group's articles (and extra) one transaction each.
	alone := func(idx ...int) {
		for _, i := range idx {
			res[i], errs[i] = s.replaceLocked(ctx, docs[i])
		}
	}
	commit := func() {
		if !g.open {
			return
		}
		var err error
		if s.sql != nil {
			err = s.applyOnce(g.pending)
		} else {
			err = s.batch.end(ctx, true)
		}
		if err != nil || g.deleted {
			s.values.purge() // see valueCache
		}
		if err != nil {
			alone(g.members...) // nothing of the group was written
		}
		g = newGroup()
	}
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			errs[i] = fmt.Errorf("write %s: %w", d.IRI, err)
			continue
		}
		if err := validateDoc(d); err != nil {
			errs[i] = err
			continue
		}
		p, err := s.plan(ctx, d.IRI, d.Quads, g.added)
		if err == nil && g.conflicts(d.IRI, p) {
			commit()
			p, err = s.plan(ctx, d.IRI, d.Quads, g.added)
		}
		if err != nil {
			errs[i] = fmt.Errorf("plan write of %s: %w", d.IRI, err)
			continue
		}
		if !g.open && s.batch != nil {
			if err := s.batch.begin(ctx); err != nil {
				errs[i] = fmt.Errorf("write %s: %w", d.IRI, err)
				continue
			}
		}
		g.open = true
		if s.sql != nil {
			g.pending = append(append(g.pending, p.adds...), p.dels...)
		} else if err := s.applyBoth(p.adds, p.dels); err != nil {
			_ = s.batch.end(ctx, false)
			s.values.purge()
			members := g.members
			g = newGroup()
			alone(append(members, i)...)
			continue
		}
		g.add(i, d.IRI, p)
		res[i] = WriteResult{Added: len(p.adds), Deleted: len(p.dels)}
	}
	commit()
	return res, errs
}

// replaceLocked is ReplaceArticle for a caller that holds the write lock.
func (s *Store) replaceLocked(ctx context.Context, doc Doc) (WriteResult, error) {
	if err := validateDoc(doc); err != nil {
		return WriteResult{}, err
	}
	p, err := s.plan(ctx, doc.IRI, doc.Quads, nil)
	if err != nil {
		return WriteResult{}, fmt.Errorf("plan write of %s: %w", doc.IRI, err)
	}
	return s.apply(ctx, doc.IRI, p.adds, p.dels)
}

// group is the set of articles written in the open transaction.
type group struct {
	open      bool
	members   []int
	iris      map[quad.IRI]bool
	supported map[quad.Value]bool
	withdrawn map[quad.Value]bool
	added     map[quad.Quad]bool // shared quads the group added
	deleted   bool               // some write of the group deleted quads
	pending   []cgraph.Delta     // SQL: the group's deltas, written at its commit
}

func newGroup() *group {
	return &group{
		iris:      map[quad.IRI]bool{},
		supported: map[quad.Value]bool{},
		withdrawn: map[quad.Value]bool{},
		added:     map[quad.Quad]bool{},
	}
}

// conflicts reports whether an article's plan, made against the committed store,
// could be wrong given the group's uncommitted writes.
func (g *group) conflicts(iri quad.IRI, p writePlan) bool {
	if g.iris[iri] {
		return true
	}
	for _, n := range p.withdrawn {
		if g.supported[n] || g.withdrawn[n] {
			return true
		}
	}
	if len(g.withdrawn) > 0 {
		for n := range p.supported {
			if g.withdrawn[n] {
				return true
			}
		}
		for _, d := range p.adds {
			if g.withdrawn[d.Quad.Subject] || g.withdrawn[d.Quad.Object] {
				return true
			}
		}
	}
	return false
}

func (g *group) add(i int, iri quad.IRI, p writePlan) {
	g.members = append(g.members, i)
	g.deleted = g.deleted || len(p.dels) > 0
	g.iris[iri] = true
	for n := range p.supported {
		g.supported[n] = true
	}
	for _, n := range p.withdrawn {
		g.withdrawn[n] = true
	}
	for _, d := range p.adds {
		if d.Quad.Label != iri {
			g.added[d.Quad] = true
		}
	}
}
