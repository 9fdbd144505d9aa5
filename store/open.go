package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/schema"
)

// OpenNode is a node the lexicon does not know (parley:origin "open"), with what
// the store says of it: its description, how many articles name it, what it is to
// the negotiations, and the evidence of its first mention in each article.
type OpenNode struct {
	IRI         quad.IRI
	Class       quad.IRI // rdf:type: schema:Organization, schema:Place or schema:Person
	Kind        string   // parley:kind (open kinds: organization, armed_group, collective, name; city, region, building, landmark)
	DisplayName string
	// Names by language tag: the display name first where it is one, then sorted.
	Names map[string][]string
	// Articles is the number of articles that name the node (its support count).
	Articles int
	// Edges counts the edges into the node by predicate, shortened to the local
	// name ("party", "mediator", "venue", "participant", "affiliation"…).
	Edges map[string]int
	// Roles and Affiliations of a person, most supported first.
	Roles        []Supported[string]
	Affiliations []Supported[NodeRef]
	// Evidence holds one piece per article that names the node, in no particular
	// order, once ReadEvidence has read it.
	Evidence []Evidence

	evidence []quad.Value // the evidence nodes, found with the edges
}

// Supported is a value with the number of articles that assert it.
type Supported[T any] struct {
	Value    T
	Articles int
}

// NodeRef is a node another node points to, as far as a suggestion needs it.
type NodeRef struct {
	IRI         quad.IRI
	DisplayName string
	LexiconID   string // parley:lexiconId, for a lexicon node
	Open        bool   // parley:origin "open"
}

// Evidence is the sentence and rule behind a fact or mention.
type Evidence struct {
	Article  quad.IRI
	Sentence string
	Lang     string
	Index    int // sentence index in the article
	Rule     string
	Trigger  string
}

// OpenNodes lists the open-world nodes that keep (if not nil) accepts, with their
// description, support count and edges: one lookup finds them (the {Object,
// Predicate} index of `parley:origin "open"` on bolt), then each costs the quads
// around it. ReadEvidence adds the evidence of a node's mentions.
func (s *Store) OpenNodes(ctx context.Context, keep func(*OpenNode) bool) ([]*OpenNode, error) {
	ctx, release := s.Hold(ctx)
	defer release()
	it, err := s.inByPredicate(ctx, quad.String(schema.OriginOpen), schema.Origin)
	if err != nil {
		return nil, fmt.Errorf("open-world nodes: %w", err)
	}
	var iris []quad.IRI
	if it != nil {
		err = s.eachResolved(ctx, it, func(q quad.Quad, _ graph.Ref) bool {
			if iri, ok := q.Subject.(quad.IRI); ok && q.Predicate == schema.Origin && q.Label == q.Subject {
				iris = append(iris, iri)
			}
			return true
		})
		if err != nil {
			return nil, fmt.Errorf("open-world nodes: %w", err)
		}
	}
	sort.Slice(iris, func(i, j int) bool { return iris[i] < iris[j] })
	var out []*OpenNode
	refs := map[quad.IRI]NodeRef{}
	for i, iri := range iris {
		if i > 0 && iri == iris[i-1] {
			continue
		}
		n, err := s.openNode(ctx, iri, refs)
		if err != nil {
			return nil, fmt.Errorf("open-world node %s: %w", iri, err)
		}
		if keep != nil && !keep(n) {
			continue
		}
		out = append(out, n)
	}
	return out, nil
}

// openNode reads a node's description (its own quads) and the edges into it.
func (s *Store) openNode(ctx context.Context, iri quad.IRI, refs map[quad.IRI]NodeRef) (*OpenNode, error) {
	n := &OpenNode{IRI: iri, Names: map[string][]string{}, Edges: map[string]int{}}
	roles := map[string]quad.Value{}  // role text → its statement
	affs := map[quad.IRI]quad.Value{} // affiliation → its statement
	articles := map[quad.Value]bool{} // articles that mention the node
	supportCount := -1
	err := s.eachQuad(ctx, quad.Subject, iri, func(q quad.Quad) bool {
		switch q.Predicate {
		case schema.Type:
			if c, ok := q.Object.(quad.IRI); ok && q.Label == iri {
				n.Class = c
			}
		case schema.DisplayName:
			n.DisplayName = str(q.Object)
		case schema.Kind:
			n.Kind = str(q.Object)
		case schema.Name:
			lang := ""
			if ls, ok := q.Object.(quad.LangString); ok {
				lang = ls.Lang
			}
			n.Names[lang] = append(n.Names[lang], str(q.Object))
		case schema.SupportCount:
			if v, ok := q.Object.(quad.Int); ok {
				supportCount = int(v)
			}
		case schema.Role:
			if q.Label != iri { // the edge lives with its statement
				roles[str(q.Object)] = q.Label
			}
		case schema.Affiliation:
			if o, ok := q.Object.(quad.IRI); ok && q.Label != iri {
				affs[o] = q.Label
			}
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	err = s.eachQuad(ctx, quad.Object, iri, func(q quad.Quad) bool {
		p, ok := q.Predicate.(quad.IRI)
		switch {
		case !ok:
		case p == schema.Mentions && q.Subject == q.Label:
			articles[q.Subject] = true
		case p == schema.EvidenceFor:
			n.evidence = append(n.evidence, q.Subject)
		case p == schema.Subject, p == schema.Object, p == schema.Location:
			// the reification of its statements, and articles naming it as a place
		default:
			n.Edges[localName(p)]++
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	n.Articles = len(articles)
	if n.Articles == 0 && supportCount > 0 {
		n.Articles = supportCount
	}
	for _, names := range n.Names {
		sort.Slice(names, func(i, j int) bool {
			if (names[i] == n.DisplayName) != (names[j] == n.DisplayName) {
				return names[i] == n.DisplayName
			}
			return names[i] < names[j]
		})
	}
	for role, st := range roles {
		c, _, err := s.supportCount(ctx, st)
		if err != nil {
			return nil, err
		}
		n.Roles = append(n.Roles, Supported[string]{role, c})
	}
	sort.Slice(n.Roles, func(i, j int) bool {
		a, b := n.Roles[i], n.Roles[j]
		return a.Articles > b.Articles || a.Articles == b.Articles && a.Value < b.Value
	})
	for o, st := range affs {
		c, _, err := s.supportCount(ctx, st)
		if err != nil {
			return nil, err
		}
		ref, ok := refs[o]
		if !ok {
			if ref, err = s.ref(ctx, o); err != nil {
				return nil, err
			}
			refs[o] = ref
		}
		n.Affiliations = append(n.Affiliations, Supported[NodeRef]{ref, c})
	}
	sort.Slice(n.Affiliations, func(i, j int) bool {
		a, b := n.Affiliations[i], n.Affiliations[j]
		return a.Articles > b.Articles || a.Articles == b.Articles && a.Value.IRI < b.Value.IRI
	})
	return n, nil
}

// ref reads what a suggestion needs of a node another node points to.
func (s *Store) ref(ctx context.Context, iri quad.IRI) (NodeRef, error) {
	r := NodeRef{IRI: iri}
	accept := func(quad.Quad) bool { return true }
	for _, f := range []struct {
		p   quad.IRI
		set func(quad.Value)
	}{
		{schema.DisplayName, func(v quad.Value) { r.DisplayName = str(v) }},
		{schema.LexiconID, func(v quad.Value) { r.LexiconID = str(v) }},
		{schema.Origin, func(v quad.Value) { r.Open = str(v) == schema.OriginOpen }},
	} {
		q, ref, err := s.findOut(ctx, iri, f.p, accept)
		if err != nil {
			return r, err
		}
		if ref != nil {
			f.set(q.Object)
		}
	}
	return r, nil
}

// ReadEvidence reads the evidence of the mentions of a node OpenNodes returned
// (one evidence node per article that names it) into n.Evidence.
func (s *Store) ReadEvidence(ctx context.Context, n *OpenNode) error {
	ctx, release := s.Hold(ctx)
	defer release()
	if err := s.readEvidence(ctx, n); err != nil {
		return fmt.Errorf("evidence of %s: %w", n.IRI, err)
	}
	return nil
}

func (s *Store) readEvidence(ctx context.Context, n *OpenNode) error {
	n.Evidence = nil
	for _, ev := range n.evidence {
		var e Evidence
		err := s.eachQuad(ctx, quad.Subject, ev, func(q quad.Quad) bool {
			if iri, ok := q.Label.(quad.IRI); ok {
				e.Article = iri
			}
			switch q.Predicate {
			case schema.Sentence:
				e.Sentence = str(q.Object)
				if ls, ok := q.Object.(quad.LangString); ok {
					e.Lang = ls.Lang
				}
			case schema.SentenceIndex:
				if v, ok := q.Object.(quad.Int); ok {
					e.Index = int(v)
				}
			case schema.Rule:
				e.Rule = str(q.Object)
			case schema.Trigger:
				e.Trigger = str(q.Object)
			}
			return true
		})
		if err != nil {
			return err
		}
		n.Evidence = append(n.Evidence, e)
	}
	return nil
}

// str is the text of a literal (without its language tag) or an IRI.
func str(v quad.Value) string {
	switch t := v.(type) {
	case quad.String:
		return string(t)
	case quad.LangString:
		return string(t.Value)
	case quad.TypedString:
		return string(t.Value)
	case quad.IRI:
		return string(t)
	case nil:
		return ""
	}
	return fmt.Sprint(quad.NativeOf(v))
}

// localName is the part of an IRI after its namespace ("party" of parley:party).
func localName(p quad.IRI) string {
	s := string(p)
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '#' || s[i] == '/' {
			return s[i+1:]
		}
	}
	return s
}
