package store

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// ReplaceArticles replaces several articles, as ReplaceArticle does each, but
// commits many of them in one transaction: on bolt a commit (and its fsync) costs
// more than writing an article. Each article is still all old or all new after a
// crash, since a transaction holds whole articles.
//
// Articles are planned one after another against the committed store and written
// together when the group closes, so two articles whose changes depend on each
// other cannot share a group: it closes before an article that is already in it,
// that withdraws support from a node another article of the group supports or
// withdraws from, or that supports or writes about a node another withdrew from
// (and may have deleted). Shared quads the group adds are added once (Cayley
// would count their nodes twice).
//
// A group whose write fails is rolled back and its articles are written one by
// one, so one bad article fails alone.
//
// Only on a Transactional backend: elsewhere each article is written alone.
func (s *Store) ReplaceArticles(ctx context.Context, docs []Doc) ([]WriteResult, []error) {
	res := make([]WriteResult, len(docs))
	errs := make([]error, len(docs))
	if !s.reg.Transactional || len(docs) == 1 {
		for i, d := range docs {
			res[i], errs[i] = s.ReplaceArticle(ctx, d)
		}
		return res, errs
	}
	docs = s.stored(docs)
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
		if len(g.members) == 0 {
			return
		}
		members, owner := g.members, g.countOwner
		credit := func(node quad.Value, added, deleted int) {
			i := owner[node]
			res[i].Added += added
			res[i].Deleted += deleted
		}
		err := s.writeGroupTx(ctx, g, credit)
		g = newGroup()
		if err != nil {
			alone(members...) // nothing of the group was written
		}
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
		p, err := s.plan(ctx, d.IRI, d.Quads, g)
		if err == nil && g.conflicts(d.IRI, p) {
			commit()
			p, err = s.plan(ctx, d.IRI, d.Quads, g)
		}
		if err != nil {
			errs[i] = fmt.Errorf("plan write of %s: %w", d.IRI, err)
			continue
		}
		g.add(i, d.IRI, p)
		res[i] = WriteResult{Added: len(p.adds), Deleted: len(p.dels)}
	}
	commit()
	return res, errs
}

// writeGroupTx writes a group in one transaction (see commit): every member's
// additions and the new support counts, then every deletion. Members' changes never
// touch the same node both ways (see conflicts), so writing all additions first is
// the same as writing member after member. credit is told, per node, the quads of
// its support count written (see countDeltas).
func (s *Store) writeGroupTx(ctx context.Context, g *group, credit func(node quad.Value, added, deleted int)) error {
	adds, dels, dead, err := s.countDeltas(ctx, g.counts, credit)
	if err != nil {
		return fmt.Errorf("support counts: %w", err)
	}
	return s.commit(ctx, append(g.adds, adds...), append(g.dels, dels...), append(g.dead, dead...), g.deleted)
}

// group is the set of articles written in the open transaction.
type group struct {
	members   []int
	adds      []graph.Delta // every member's, in order
	dels      []graph.Delta
	dead      []graph.Ref
	iris      map[quad.IRI]bool
	supported map[quad.Value]bool
	withdrawn map[quad.Value]bool
	added     map[quad.Quad]bool // shared quads the group added
	deleted   bool               // some write of the group deleted quads
	counts    map[quad.Value]int // the group's change of support counts
	// countOwner is, for each node in counts, the member that first changed its
	// count: its write result is credited with the count's quads.
	countOwner map[quad.Value]int
	// stored caches each node's committed shared quads: nothing else writes while
	// the group is open, and a node the group deletes from is not read again.
	stored map[quad.Value][]quad.Quad
}

func (g *group) storedOf(node quad.Value) ([]quad.Quad, bool) {
	if g == nil {
		return nil, false
	}
	qs, ok := g.stored[node]
	return qs, ok
}

func (g *group) remember(node quad.Value, qs []quad.Quad) {
	if g != nil {
		g.stored[node] = qs
	}
}

func (g *group) hasAdded(q quad.Quad) bool { return g != nil && g.added[q] }

func newGroup() *group {
	return &group{
		iris:       map[quad.IRI]bool{},
		supported:  map[quad.Value]bool{},
		withdrawn:  map[quad.Value]bool{},
		added:      map[quad.Quad]bool{},
		counts:     map[quad.Value]int{},
		countOwner: map[quad.Value]int{},
		stored:     map[quad.Value][]quad.Quad{},
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
	g.adds = append(g.adds, p.adds...)
	g.dels = append(g.dels, p.dels...)
	g.dead = append(g.dead, p.dead...)
	g.iris[iri] = true
	for n := range p.supported {
		g.supported[n] = true
	}
	for _, n := range p.withdrawn {
		g.withdrawn[n] = true
	}
	for n, d := range p.counts {
		g.counts[n] += d
		if _, ok := g.countOwner[n]; !ok {
			g.countOwner[n] = i
		}
	}
	for _, d := range p.adds {
		if d.Quad.Label != iri {
			g.added[d.Quad] = true
		}
	}
}
