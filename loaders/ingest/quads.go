package ingest

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/source"
	"github.com/parleygraph/parley/loaders/text"
	"github.com/parleygraph/parley/schema"
)

// ArticleIRI is the article's identity: its URL when it has one, else a hash of
// its source path, so a changed file replaces its own facts.
func ArticleIRI(a *source.Article) quad.IRI {
	return schema.ArticleID(a.URL, a.Source)
}

// builder accumulates one article's quads.
type builder struct {
	article quad.IRI
	lang    string
	r       *extract.Result
	quads   []quad.Quad
	seen    map[quad.Quad]bool
	support map[quad.Value]bool
}

func (b *builder) own(s, p, o quad.Value) {
	b.add(quad.Quad{Subject: s, Predicate: p, Object: o, Label: b.article})
}

// shared adds a quad describing node s, labelled with s (see schema).
func (b *builder) shared(s, p, o quad.Value) {
	b.add(quad.Quad{Subject: s, Predicate: p, Object: o, Label: s})
}

func (b *builder) add(q quad.Quad) {
	if !b.seen[q] {
		b.seen[q] = true
		b.quads = append(b.quads, q)
	}
}

// mention makes the article support node (its shared quads live while it does).
func (b *builder) mention(node quad.IRI) {
	if !b.support[node] {
		b.support[node] = true
		b.own(b.article, schema.Mentions, node)
	}
}

// evidence records the sentence and rule behind what the article says of node.
func (b *builder) evidence(node quad.IRI, ev extract.Evidence) {
	e := schema.EvidenceID(b.article, node, ev.Rule, ev.Trigger, ev.Sentence)
	b.own(e, schema.Type, schema.Evidence)
	b.own(e, schema.EvidenceFor, node)
	b.own(e, schema.Sentence, quad.LangString{Value: quad.String(b.r.SentenceText(ev.Sentence)), Lang: b.lang})
	b.own(e, schema.SentenceIndex, quad.Int(ev.Sentence))
	b.own(e, schema.Rule, quad.String(ev.Rule))
	if ev.Trigger != "" {
		b.own(e, schema.Trigger, quad.String(ev.Trigger))
	}
}

// statement asserts the edge "s p o" as a reified statement with its evidence.
func (b *builder) statement(s quad.IRI, p quad.IRI, o quad.Value, ev extract.Evidence) {
	st := schema.StatementID(s, p, o)
	if !b.support[st] {
		b.support[st] = true
		b.own(b.article, schema.Asserts, st)
		b.shared(st, schema.Type, schema.Statement)
		b.shared(st, schema.Subject, s)
		b.shared(st, schema.Predicate, p)
		b.shared(st, schema.Object, o)
		b.add(quad.Quad{Subject: s, Predicate: p, Object: o, Label: st}) // the edge lives with its statement
	}
	b.evidence(st, ev)
}

// Quads writes an article and what was extracted from it as quads.
func Quads(a *source.Article, r *extract.Result, loadedAt time.Time) (quad.IRI, []quad.Quad) {
	iri := ArticleIRI(a)
	lang := a.Language
	if lang == "" {
		lang = r.Lang
	}
	b := &builder{article: iri, lang: lang, r: r, seen: map[quad.Quad]bool{}, support: map[quad.Value]bool{}}
	b.own(iri, schema.Type, schema.Article)
	if a.Headline != "" {
		b.own(iri, schema.Headline, quad.LangString{Value: quad.String(a.Headline), Lang: lang})
	}
	b.own(iri, schema.Source, quad.String(a.Source))
	b.own(iri, schema.InLanguage, quad.String(lang))
	b.own(iri, schema.ContentHash, quad.String(a.Hash))
	b.own(iri, schema.ExtractedBy, quad.String(r.Digest))
	if h, ok := bodyPrint(a, r); ok { // the body: a copy may retitle the story
		b.own(iri, schema.SimHash, quad.String(fmt.Sprintf("%016x", h)))
		keys := make([]string, 0, len(r.Entities))
		for _, e := range r.Entities {
			keys = append(keys, e.Key)
		}
		sort.Strings(keys)
		keys = slices.Compact(keys)
		b.own(iri, schema.Names, quad.String(strings.Join(keys, " ")))
		for _, band := range text.NameBands(keys) {
			b.own(iri, schema.NamesBand, quad.String(band))
		}
	}
	b.own(iri, schema.LoadedAt, quad.Time(loadedAt.UTC().Truncate(time.Second)))
	if a.URL != "" {
		b.own(iri, schema.URL, quad.IRI(a.URL))
	}
	if !a.Published.IsZero() {
		b.own(iri, schema.DatePublished, quad.Time(a.Published.UTC()))
	}
	for _, au := range a.Authors {
		b.own(iri, schema.Author, quad.String(au))
	}

	nodes := map[*extract.Entity]quad.IRI{}
	for _, e := range r.Entities {
		nodes[e] = b.entity(e)
	}
	// The first mention of each node is its evidence; facts carry their own.
	first := map[*extract.Entity]bool{}
	for _, m := range r.Mentions {
		if !first[m.Entity] {
			first[m.Entity] = true
			b.evidence(nodes[m.Entity], m.Evidence)
		}
	}
	for _, l := range r.Locations {
		b.own(iri, schema.Location, nodes[l])
	}
	negs := map[*extract.Negotiation]quad.IRI{}
	for _, n := range r.Negotiations {
		negs[n] = b.negotiation(n, nodes)
		if n.Main {
			b.own(iri, schema.About, negs[n])
		}
	}
	talks := func(n *extract.Negotiation, venue *extract.Entity) quad.IRI {
		return b.talks(negs[n], n, nodes[venue], venue)
	}
	for _, f := range r.Facts {
		switch f.Relation {
		case extract.RelMediator:
			b.statement(negs[f.Negotiation], schema.Mediator, nodes[f.Object], f.Evidence)
		case extract.RelIssue:
			issue := schema.IssueID(f.Value)
			b.mention(issue)
			b.shared(issue, schema.Type, schema.Issue)
			b.shared(issue, schema.DisplayName, quad.String(f.Value))
			b.shared(issue, schema.Name, quad.LangString{Value: quad.String(f.Value), Lang: "en"})
			b.statement(negs[f.Negotiation], schema.HasIssue, issue, f.Evidence)
		case extract.RelVenue:
			t := talks(f.Negotiation, f.Object)
			b.evidence(t, f.Evidence)
		case extract.RelParticipant:
			b.statement(talks(f.Negotiation, f.Venue), schema.Participant, nodes[f.Object], f.Evidence)
		case extract.RelLedBy:
			b.statement(talks(f.Negotiation, f.Venue), schema.LedBy, nodes[f.Object], f.Evidence)
		case extract.RelRole:
			b.statement(nodes[f.Subject], schema.Role, quad.String(f.Value), f.Evidence)
		case extract.RelAffiliation:
			b.statement(nodes[f.Subject], schema.Affiliation, nodes[f.Object], f.Evidence)
		case extract.RelContributor:
			b.own(iri, schema.Contributor, nodes[f.Object])
		}
	}
	return iri, b.quads
}

func (b *builder) entity(e *extract.Entity) quad.IRI {
	node := schema.NodeIRI(e.Key)
	b.mention(node)
	switch e.Class() {
	case lexicon.Country:
		b.shared(node, schema.Type, schema.Country)
	case lexicon.Organization:
		b.shared(node, schema.Type, schema.Organization)
	case lexicon.Place:
		b.shared(node, schema.Type, schema.Place)
	case lexicon.Person:
		b.shared(node, schema.Type, schema.Person)
	}
	b.shared(node, schema.DisplayName, quad.String(e.Name))
	names := map[string][]string{}
	for lang, ns := range e.Names {
		names[lang] = append(names[lang], ns...)
	}
	if e.Territory != nil {
		// A country named as a place: a place located in the country's actor node.
		b.shared(node, schema.LocatedIn, schema.NodeIRI(e.Territory.NodeKey()))
	}
	if e.Entry == nil && e.Territory == nil {
		b.shared(node, schema.Origin, quad.String(schema.OriginOpen))
		if e.Open != "" {
			b.shared(node, schema.Kind, quad.String(e.Open))
		}
	}
	if e.Entry != nil {
		b.shared(node, schema.LexiconID, quad.String(e.Entry.ID))
		if e.Entry.Kind != "" {
			b.shared(node, schema.Kind, quad.String(e.Entry.Kind))
		}
		names["en"] = append(names["en"], e.Entry.En...)
		names["ar"] = append(names["ar"], e.Entry.Ar...)
	}
	langs := make([]string, 0, len(names))
	for l := range names {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, lang := range langs {
		for _, n := range names[lang] {
			n = strings.TrimSuffix(strings.TrimSpace(n), "?")
			b.shared(node, schema.Name, quad.LangString{Value: quad.String(n), Lang: lang})
			b.shared(node, schema.MatchKey, quad.String(text.Key(n)))
		}
	}
	return node
}

func (b *builder) negotiation(n *extract.Negotiation, nodes map[*extract.Entity]quad.IRI) quad.IRI {
	if n.Key == "" {
		node := schema.UnspecifiedNegotiation
		b.mention(node)
		b.shared(node, schema.Type, schema.Negotiation)
		b.shared(node, schema.DisplayName, quad.String("(parties not named)"))
		return node
	}
	keys := make([]string, len(n.Parties))
	for i, p := range n.Parties {
		keys[i] = p.Key
	}
	node := schema.NegotiationID(keys...)
	b.mention(node)
	b.shared(node, schema.Type, schema.Negotiation)
	b.shared(node, schema.DisplayName, quad.String(n.Name()))
	for _, p := range n.Parties {
		b.shared(node, schema.Party, nodes[p])
	}
	b.evidence(node, n.First)
	return node
}

func (b *builder) talks(neg quad.IRI, n *extract.Negotiation, venue quad.IRI, v *extract.Entity) quad.IRI {
	node := schema.TalksID(neg, venue)
	if !b.support[node] {
		b.mention(node)
		b.shared(node, schema.Type, schema.Talks)
		name := v.Name + " talks"
		if n != nil && n.Key != "" {
			name += " (" + n.Name() + ")"
		}
		b.shared(node, schema.DisplayName, quad.String(name))
		b.shared(node, schema.Venue, venue)
		b.shared(node, schema.OfNegotiation, neg)
	}
	return node
}

// bodyPrint is text.SimHash of the article's body, read from the tokens the
// extraction already has (its text is the headline, a line break, the body).
func bodyPrint(a *source.Article, r *extract.Result) (uint64, bool) {
	start := len(r.Src) - len(a.Body)
	if start < 0 || r.Src[start:] != a.Body {
		return text.SimHash(a.Body) // extracted from another text
	}
	var toks []text.Token
	for _, s := range r.Sentences {
		if s.End <= start {
			continue
		}
		for _, t := range s.Tokens {
			if t.Start >= start {
				toks = append(toks, t)
			}
		}
	}
	return text.SimHashTokens(toks)
}
