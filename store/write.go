package store

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/schema"
)

// Doc is one article's contribution to the graph: quads labelled with the article's
// IRI (its own) and quads shared with other articles, labelled with the node they
// belong to (see schema). Every shared quad's label must be a node the article
// supports (schema:mentions or parley:asserts from the article), and the quad must
// describe that node or be the edge of that statement.
type Doc struct {
	IRI   quad.IRI
	Quads []quad.Quad
}

// WriteResult counts what one write changed.
type WriteResult struct {
	Added, Deleted int
}

// ReplaceArticle makes the store hold exactly doc's facts for doc.IRI: its old quads
// are replaced by the new ones and shared quads are added or removed as support
// comes and goes, all in one transaction, so a crash leaves the article all old or
// all new. Other articles' quads are not touched.
func (s *Store) ReplaceArticle(ctx context.Context, doc Doc) (WriteResult, error) {
	doc = s.stored([]Doc{doc})[0]
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return s.replaceLocked(ctx, doc)
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
	return s.applyPlan(ctx, doc.IRI, p)
}

// DeleteArticle removes an article and every shared quad only it supported.
func (s *Store) DeleteArticle(ctx context.Context, article quad.IRI) (WriteResult, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	p, err := s.plan(ctx, article, nil, nil)
	if err != nil {
		return WriteResult{}, fmt.Errorf("plan delete of %s: %w", article, err)
	}
	return s.applyPlan(ctx, article, p)
}

// applyPlan writes one article's plan with the support counts it changes.
func (s *Store) applyPlan(ctx context.Context, article quad.IRI, p writePlan) (WriteResult, error) {
	adds, dels, dead, err := s.countDeltas(ctx, p.counts, nil)
	if err != nil {
		return WriteResult{}, fmt.Errorf("support counts for %s: %w", article, err)
	}
	adds, dels = append(p.adds, adds...), append(p.dels, dels...)
	if err := s.commit(ctx, adds, dels, append(p.dead, dead...), len(dels) > 0); err != nil {
		return WriteResult{}, fmt.Errorf("write %s: %w", article, err)
	}
	return WriteResult{Added: len(adds), Deleted: len(dels)}, nil
}

// countDeltas turns changes of support counts into quads: the old count out, the
// new one in. A node whose count falls to zero has lost its last supporter, and
// the plan that withdrew it already deletes its shared quads, count included.
// credit, if not nil, is told the quads added and deleted for each node.
func (s *Store) countDeltas(ctx context.Context, counts map[quad.Value]int, credit func(node quad.Value, added, deleted int)) (adds, dels []graph.Delta, dead []graph.Ref, err error) {
	stored, err := s.supportCounts(ctx, counts)
	if err != nil {
		return nil, nil, nil, err
	}
	for node, d := range counts {
		if d == 0 {
			continue
		}
		c, ref := stored[node].n, stored[node].ref
		n, added, deleted := c+d, 0, 0
		if c > 0 && n > 0 {
			dels = append(dels, graph.Delta{Quad: countQuad(node, c), Action: graph.Delete})
			dead = append(dead, ref)
			deleted++
		}
		if n > 0 {
			adds = append(adds, graph.Delta{Quad: countQuad(node, n), Action: graph.Add})
			added++
		}
		if credit != nil {
			credit(node, added, deleted)
		}
	}
	return adds, dels, dead, nil
}

func countQuad(node quad.Value, n int) quad.Quad {
	return quad.Quad{Subject: node, Predicate: schema.SupportCount, Object: quad.Int(n), Label: node}
}

// storedCount is a node's stored support count and the ref of its quad.
type storedCount struct {
	n   int
	ref graph.Ref
}

// supportCounts reads the stored support counts of the nodes whose count changes
// (a node without one is missing from the map): in one go where the backend can
// (BatchReader), else a node at a time (supportCount).
func (s *Store) supportCounts(ctx context.Context, counts map[quad.Value]int) (map[quad.Value]storedCount, error) {
	nodes := make([]quad.Value, 0, len(counts))
	for n, d := range counts {
		if d != 0 {
			nodes = append(nodes, n)
		}
	}
	out := make(map[quad.Value]storedCount, len(nodes))
	br, ok := s.b.(BatchReader)
	if !ok {
		for _, n := range nodes {
			c, ref, err := s.supportCount(ctx, n)
			if err != nil {
				return nil, err
			}
			if ref != nil {
				out[n] = storedCount{c, ref}
			}
		}
		return out, nil
	}
	qs, refs, err := br.QuadsWithAny(ctx, quad.Subject, nodes, schema.SupportCount)
	if err != nil {
		return nil, err
	}
	for i, q := range qs {
		if v, ok := q.Object.(quad.Int); ok && q.Predicate == schema.SupportCount {
			if _, seen := out[q.Subject]; !seen {
				out[q.Subject] = storedCount{int(v), refs[i]}
			}
		}
	}
	return out, nil
}

// supportCount reads a node's stored support count (0 if none) and the ref of its
// quad: one {Subject, Predicate} index lookup.
func (s *Store) supportCount(ctx context.Context, node quad.Value) (int, graph.Ref, error) {
	q, ref, err := s.findOut(ctx, node, schema.SupportCount, func(q quad.Quad) bool {
		_, ok := q.Object.(quad.Int)
		return ok
	})
	if err != nil || ref == nil {
		return 0, nil, err
	}
	return int(q.Object.(quad.Int)), ref, nil
}

// findOut returns the first stored quad "subject predicate ?" that ok accepts, and
// its ref (nil if there is none). The refs are all read, and the iterator closed,
// before any quad is: on bolt a read transaction opened inside another can wait
// forever behind a commit that grows the file (see Hold), and Load's workers read
// articles' versions this way beside commits (see versionForLoad).
func (s *Store) findOut(ctx context.Context, subject, predicate quad.Value, ok func(quad.Quad) bool) (quad.Quad, graph.Ref, error) {
	it, err := s.outByPredicate(ctx, subject, predicate)
	if err != nil || it == nil {
		return quad.Quad{}, nil, err
	}
	var refs []graph.Ref
	for it.Next(ctx) {
		refs = append(refs, it.Result())
	}
	err = it.Err()
	it.Close()
	if err != nil {
		return quad.Quad{}, nil, err
	}
	if len(refs) == 0 {
		return quad.Quad{}, nil, nil
	}
	qs, err := s.resolveQuads(ctx, refs)
	if err != nil {
		return quad.Quad{}, nil, fmt.Errorf("%v %v: %w", subject, predicate, err)
	}
	for i, q := range qs {
		if q.Subject == subject && q.Predicate == predicate && ok(q) {
			return q, refs[i], nil
		}
	}
	return quad.Quad{}, nil, nil
}

// commit writes one transaction through the backend (see Backend.Write). purge
// says nodes may have gone (see Change).
func (s *Store) commit(ctx context.Context, adds, dels []graph.Delta, dead []graph.Ref, purge bool) error {
	if len(adds)+len(dels) == 0 {
		return nil
	}
	return s.write(ctx, Change{Adds: adds, Dels: dels, Dead: dead, Purge: purge})
}

func validateDoc(doc Doc) error {
	supported := map[quad.Value]bool{}
	for _, q := range doc.Quads {
		if q.Label == doc.IRI && q.Subject == doc.IRI && schema.IsSupport(q.Predicate) {
			supported[q.Object] = true
		}
	}
	edges := map[quad.Value]quad.Quad{}
	for _, q := range doc.Quads {
		switch {
		case q.Predicate == schema.SupportCount:
			return fmt.Errorf("quad %v: support counts are the writer's to keep", q)
		case q.Label == doc.IRI:
		case q.Label == nil:
			return fmt.Errorf("quad %v: no label", q)
		case !supported[q.Label]:
			return fmt.Errorf("shared quad %v has no support from %v", q, doc.IRI)
		case q.Subject == q.Label:
		default:
			e, ok := edges[q.Label]
			if !ok {
				e = statementEdge(doc.Quads, q.Label)
				edges[q.Label] = e
			}
			if q != e {
				return fmt.Errorf("shared quad %v: label must be its subject or the statement it is the edge of", q)
			}
		}
	}
	return nil
}

// statementEdge finds, among qs, the edge "s p o" that statement st reifies.
func statementEdge(qs []quad.Quad, st quad.Value) quad.Quad {
	e := quad.Quad{Label: st}
	for _, q := range qs {
		if q.Subject != st || q.Label != st {
			continue
		}
		switch q.Predicate {
		case schema.Subject:
			e.Subject = q.Object
		case schema.Predicate:
			e.Predicate = q.Object
		case schema.Object:
			e.Object = q.Object
		}
	}
	return e
}

// writePlan is one article's change: its deltas, the nodes it supports and the
// nodes whose support it withdraws.
type writePlan struct {
	adds, dels []graph.Delta
	supported  map[quad.Value]bool
	withdrawn  []quad.Value
	counts     map[quad.Value]int // change of each node's support count
	dead       []graph.Ref        // the stored quads dels deletes (see Change.Dead)
}

// plan reads the store's committed state and plans the change from the article's
// stored quads to newQuads: the quads to add (new own quads, and shared quads not
// yet stored) and to delete (old own quads, and the shared quads of nodes no other
// article supports any more). With a group (nil for a lone write), shared quads
// the group added are not added again, and each node's stored quads are read once
// per group.
func (s *Store) plan(ctx context.Context, article quad.IRI, newQuads []quad.Quad, g *group) (writePlan, error) {
	var p writePlan
	old, oldRefs, err := s.labelled(ctx, article)
	if err != nil {
		return p, err
	}
	oldSet := make(map[quad.Quad]bool, len(old))
	p.counts = map[quad.Value]int{}
	oldSupported := map[quad.Value]bool{}
	for _, q := range old {
		oldSet[q] = true
		if q.Subject == article && schema.IsSupport(q.Predicate) {
			oldSupported[q.Object] = true
		}
	}
	newOwn := make(map[quad.Quad]bool, len(newQuads))
	var newShared []quad.Quad
	supported := map[quad.Value]bool{}
	for _, q := range newQuads {
		if q.Label == article {
			newOwn[q] = true
			if q.Subject == article && schema.IsSupport(q.Predicate) {
				supported[q.Object] = true
			}
		} else {
			newShared = append(newShared, q)
		}
	}
	// Shared quads already stored (another article, or this one before, supports
	// their node) are not added again. The {Label} index finds a node's quads.
	p.supported = supported
	for node := range supported {
		if !oldSupported[node] {
			p.counts[node]++
		}
	}
	stored := map[quad.Quad]bool{}
	byNode, err := s.sharedOf(ctx, supported, g)
	if err != nil {
		return p, err
	}
	for _, qs := range byNode {
		for _, q := range qs {
			stored[q] = true
		}
	}
	added := map[quad.Quad]bool{}
	for _, q := range newShared {
		if !stored[q] && !added[q] && !g.hasAdded(q) {
			added[q] = true
			p.adds = append(p.adds, graph.Delta{Quad: q, Action: graph.Add})
		}
	}
	for q := range newOwn {
		if !oldSet[q] {
			p.adds = append(p.adds, graph.Delta{Quad: q, Action: graph.Add})
		}
	}
	deleted := map[quad.Quad]bool{} // a quad may be found twice: as a node's and as a statement's
	for i, q := range old {
		if !newOwn[q] && !deleted[q] {
			deleted[q] = true
			p.dels = append(p.dels, graph.Delta{Quad: q, Action: graph.Delete})
			p.dead = append(p.dead, oldRefs[i])
		}
	}
	// Nodes whose support this article withdraws lose their shared quads when no
	// other article supports them.
	for _, q := range old {
		if q.Subject != article || !schema.IsSupport(q.Predicate) || newOwn[q] {
			continue
		}
		p.withdrawn = append(p.withdrawn, q.Object)
		p.counts[q.Object]--
		orphan, err := s.unsupportedElsewhere(ctx, q.Object, q.Predicate, article)
		if err != nil {
			return p, err
		}
		if !orphan {
			continue
		}
		shared, refs, err := s.labelled(ctx, q.Object)
		if err != nil {
			return p, err
		}
		for i, sq := range shared {
			if !deleted[sq] {
				deleted[sq] = true
				p.dels = append(p.dels, graph.Delta{Quad: sq, Action: graph.Delete})
				p.dead = append(p.dead, refs[i])
			}
		}
	}
	return p, nil
}

// sharedOf returns the stored quads of each node (its {Label}): those the group
// has read already from its cache, the others in one go where the backend can
// (BatchReader), else a node at a time; the group remembers what was read.
func (s *Store) sharedOf(ctx context.Context, nodes map[quad.Value]bool, g *group) (map[quad.Value][]quad.Quad, error) {
	out := make(map[quad.Value][]quad.Quad, len(nodes))
	var need []quad.Value
	for n := range nodes {
		if qs, ok := g.storedOf(n); ok {
			out[n] = qs
		} else {
			need = append(need, n)
		}
	}
	if br, ok := s.b.(BatchReader); ok && len(need) > 0 {
		qs, _, err := br.QuadsWithAny(ctx, quad.Label, need, nil)
		if err != nil {
			return nil, err
		}
		for _, q := range qs {
			out[q.Label] = append(out[q.Label], q)
		}
	} else {
		for _, n := range need {
			qs, err := s.quadsWith(ctx, quad.Label, n)
			if err != nil {
				return nil, err
			}
			out[n] = qs
		}
	}
	for _, n := range need {
		g.remember(n, out[n])
	}
	return out, nil
}

// unsupportedElsewhere reports whether no article other than article supports
// node with the support predicate (a node is only ever mentioned, a statement only
// asserted). Support quads are the only quads with those predicates and have their
// article as subject, so it is enough to find one with another subject.
func (s *Store) unsupportedElsewhere(ctx context.Context, node, support quad.Value, article quad.IRI) (bool, error) {
	if f, ok := s.b.(SupportFinder); ok {
		other, err := f.SupportedElsewhere(ctx, node, support, article)
		return !other, err
	}
	it, err := s.inByPredicate(ctx, node, support)
	if err != nil || it == nil {
		return true, err
	}
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.QS.Quad(it.Result())
		if err != nil {
			return false, err
		}
		if q.Subject != article && q.Predicate == support {
			return false, nil
		}
	}
	return true, it.Err()
}

// inByPredicate iterates the quads "? predicate object": through an index of both
// where the backend has one (PairScanner), which Cayley's own optimizer does not
// use for a two-direction filter (it may fall back to scanning every quad).
func (s *Store) inByPredicate(ctx context.Context, object, predicate quad.Value) (iterator.Scanner, error) {
	return s.byPair(ctx, quad.Object, object, predicate)
}

// outByPredicate iterates the quads "subject predicate ?".
func (s *Store) outByPredicate(ctx context.Context, subject, predicate quad.Value) (iterator.Scanner, error) {
	return s.byPair(ctx, quad.Subject, subject, predicate)
}

// byPair iterates the quads with node in direction d and the given predicate (nil
// when either is not in the store).
func (s *Store) byPair(ctx context.Context, d quad.Direction, node, predicate quad.Value) (iterator.Scanner, error) {
	n, err := s.QS.ValueOf(node)
	if err != nil || n == nil {
		return nil, err
	}
	p, err := s.QS.ValueOf(predicate)
	if err != nil || p == nil {
		return nil, err
	}
	if ps, ok := s.b.(PairScanner); ok {
		if it, ok := ps.ScanPair(ctx, d, n, p); ok {
			return it, nil
		}
	}
	return iterator.NewAnd(s.QS.QuadIterator(d, n), s.QS.QuadIterator(quad.Predicate, p)).Iterate(), nil
}

// labelled returns every quad labelled label, with its ref.
func (s *Store) labelled(ctx context.Context, label quad.Value) ([]quad.Quad, []graph.Ref, error) {
	var qs []quad.Quad
	var refs []graph.Ref
	err := s.eachQuadRef(ctx, quad.Label, label, func(q quad.Quad, ref graph.Ref) bool {
		qs = append(qs, q)
		refs = append(refs, ref)
		return true
	})
	return qs, refs, err
}

// quadsWith returns every quad with v in direction d.
func (s *Store) quadsWith(ctx context.Context, d quad.Direction, v quad.Value) ([]quad.Quad, error) {
	var out []quad.Quad
	err := s.eachQuad(ctx, d, v, func(q quad.Quad) bool {
		out = append(out, q)
		return true
	})
	return out, err
}

// eachQuad calls fn for each quad with v in direction d until fn returns false.
func (s *Store) eachQuad(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad) bool) error {
	return s.eachQuadRef(ctx, d, v, func(q quad.Quad, _ graph.Ref) bool { return fn(q) })
}

// resolveBatch is how many quad refs eachResolved resolves to values at once.
const resolveBatch = 512

// eachQuadRef calls fn for each quad with v in direction d, and its ref, until fn
// returns false.
func (s *Store) eachQuadRef(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad, graph.Ref) bool) error {
	ref, err := s.QS.ValueOf(v)
	if err != nil {
		return fmt.Errorf("look up %v: %w", v, err)
	} else if ref == nil {
		return nil
	}
	return s.eachResolved(ctx, s.QS.QuadIterator(d, ref).Iterate(), fn)
}

// eachStored calls fn for every quad in the store until fn fails.
func (s *Store) eachStored(ctx context.Context, fn func(quad.Quad) error) error {
	var fnErr error
	err := s.eachResolved(ctx, s.QS.QuadsAllIterator().Iterate(), func(q quad.Quad, _ graph.Ref) bool {
		fnErr = fn(q)
		return fnErr == nil
	})
	if fnErr != nil {
		return fnErr
	}
	return err
}

// eachResolved calls fn for each quad of it, and its ref, until fn returns false,
// and closes it. Refs are resolved to values in batches: on kv stores QS.Quad
// opens a read transaction and fetches four values per quad, which dominated
// reloads.
func (s *Store) eachResolved(ctx context.Context, it iterator.Scanner, fn func(quad.Quad, graph.Ref) bool) error {
	defer it.Close()
	batch := make([]graph.Ref, 0, resolveBatch)
	flush := func() (bool, error) {
		qs, err := s.resolveQuads(ctx, batch)
		if err != nil {
			return false, err
		}
		for i, q := range qs {
			if !fn(q, batch[i]) {
				return false, nil
			}
		}
		batch = batch[:0]
		return true, nil
	}
	for it.Next(ctx) {
		if batch = append(batch, it.Result()); len(batch) < resolveBatch {
			continue
		}
		if more, err := flush(); err != nil || !more {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	_, err := flush()
	return err
}

// resolveQuads returns the quads of refs: in one batch where the backend can
// (QuadResolver), elsewhere one by one.
func (s *Store) resolveQuads(ctx context.Context, refs []graph.Ref) ([]quad.Quad, error) {
	if r, ok := s.b.(QuadResolver); ok {
		return r.ResolveQuads(ctx, refs)
	}
	out := make([]quad.Quad, len(refs))
	for i, r := range refs {
		q, err := s.QS.Quad(r)
		if err != nil {
			return nil, err
		}
		out[i] = q
	}
	return out, nil
}

// stored returns docs as the backend gives them back (see Normalizer), copying
// only what changes.
func (s *Store) stored(docs []Doc) []Doc {
	n, ok := s.b.(Normalizer)
	if !ok {
		return docs
	}
	out := docs
	for i, d := range docs {
		var qs []quad.Quad
		for j, q := range d.Quads {
			nq := n.Stored(q)
			if nq == q && qs == nil {
				continue
			}
			if qs == nil {
				qs = append(make([]quad.Quad, 0, len(d.Quads)), d.Quads[:j]...)
			}
			qs = append(qs, nq)
		}
		if qs == nil {
			continue
		}
		if &out[0] == &docs[0] {
			out = append([]Doc(nil), docs...)
		}
		out[i].Quads = qs
	}
	return out
}
