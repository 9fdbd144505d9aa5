// Package schema is parley's vocabulary: the classes, predicates and IRIs of the graph.
//
// parley reuses schema.org where it fits (Person, Place, Organization, Country,
// NewsArticle, name, headline, datePublished, mentions) and adds its own terms under
// NS for negotiations: parties, mediators, venues, participants, roles, affiliations
// and issues.
//
// The graph has two kinds of quads:
//
//   - Article quads carry the article's IRI as their label: the article's metadata,
//     what it supports (schema:mentions for nodes, parley:asserts for statements)
//     and the evidence (sentence, rule) behind each supported fact.
//   - Shared quads carry the IRI of the node they describe as their label: the
//     description of an entity, negotiation or talks node is labelled with that node,
//     and a statement's reification and its structural edge (one edge per fact,
//     however many articles assert it) with the statement. A shared quad lives exactly
//     as long as some article supports its label node. Per-node labels keep every
//     label's posting list short, so writes stay fast as the graph grows.
//
// Every node's IRI is made by the identity functions of this package (NodeKey,
// NodeIRI, NegotiationID, TalksID, StatementID, EvidenceID, ArticleID, ...): the
// lexicon, the extractor and the loaders call them rather than building IRIs.
package schema

import (
	"strings"

	"github.com/cayleygraph/quad"
)

// Namespaces.
const (
	NS       = "https://parleygraph.org/ns#"
	IDBase   = "https://parleygraph.org/id/"
	SchemaNS = "http://schema.org/"
	RDFNS    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	// ArticleBase starts the IRIs of articles that have no URL (ArticleID).
	ArticleBase = "https://parleygraph.org/article/"
	// NoteBase starts the labels of analysts' notes: quads written through the
	// HTTP API (serve --allow-writes), kept apart from what articles support.
	NoteBase = "https://parleygraph.org/note/"
)

// IsNote reports whether a quad label is an analyst's note (see NoteBase).
func IsNote(label quad.Value) bool {
	iri, ok := label.(quad.IRI)
	return ok && strings.HasPrefix(string(iri), NoteBase) && len(iri) > len(NoteBase)
}

// OriginOpen is the parley:origin of a node the lexicon does not know.
const OriginOpen = "open"

// Classes.
const (
	Article      = quad.IRI(SchemaNS + "NewsArticle")
	Person       = quad.IRI(SchemaNS + "Person")
	Place        = quad.IRI(SchemaNS + "Place")
	Organization = quad.IRI(SchemaNS + "Organization")
	Country      = quad.IRI(SchemaNS + "Country")
	Negotiation  = quad.IRI(NS + "Negotiation")
	Talks        = quad.IRI(NS + "Talks")
	Issue        = quad.IRI(NS + "Issue")
	Evidence     = quad.IRI(NS + "Evidence")
	Statement    = quad.IRI(RDFNS + "Statement")
)

// Predicates.
const (
	Type = quad.IRI(RDFNS + "type")

	// Names: every known name with its language tag, one plain display name
	// (English where known) and the normalised match keys used for lookups.
	Name        = quad.IRI(SchemaNS + "name")
	DisplayName = quad.IRI(NS + "displayName")
	MatchKey    = quad.IRI(NS + "matchKey")
	Kind        = quad.IRI(NS + "kind")
	LexiconID   = quad.IRI(NS + "lexiconId")
	// Origin says where a node comes from: OriginOpen for a node the lexicon does
	// not know, read from the text's shape (a name in a frame, a person after a title).
	Origin = quad.IRI(NS + "origin")

	// Article metadata.
	Headline      = quad.IRI(SchemaNS + "headline")
	DatePublished = quad.IRI(SchemaNS + "datePublished")
	URL           = quad.IRI(SchemaNS + "url")
	InLanguage    = quad.IRI(SchemaNS + "inLanguage")
	Author        = quad.IRI(SchemaNS + "author")
	Source        = quad.IRI(NS + "source")
	ContentHash   = quad.IRI(NS + "contentHash")
	// ExtractedBy is the digest of the extractor (code, lexicon, rules) that read
	// the article: a load re-extracts articles read under another.
	ExtractedBy = quad.IRI(NS + "extractedBy")
	// SimHash is the fingerprint of an article's wording (text.SimHash, 16 hex
	// digits); CopyOf links a syndicated copy to the first article of that wording
	// the store held: a copy keeps its metadata, not facts, so it counts once.
	SimHash = quad.IRI(NS + "simHash")
	CopyOf  = quad.IRI(NS + "copyOf")
	// Names lists, space-separated and sorted, the keys of the actors, places and
	// people an article names: a copy names (nearly) the same ones, a templated
	// story about other parties does not.
	Names = quad.IRI(NS + "names")
	// NamesBand holds the bands of a MinHash of the names ("0:1f3a…"): articles
	// naming nearly the same set share a band, so the store finds an article's
	// possible originals through its index, without reading every article.
	NamesBand = quad.IRI(NS + "namesBand")
	LoadedAt  = quad.IRI(NS + "loadedAt")

	// Support: what an article vouches for.
	Mentions = quad.IRI(SchemaNS + "mentions")
	// Location: the article names the place as a place (not as a government).
	Location = quad.IRI(NS + "location")
	// About: the article's main negotiation.
	About   = quad.IRI(SchemaNS + "about")
	Asserts = quad.IRI(NS + "asserts")
	// SupportCount: how many articles support a node or statement. The writer keeps
	// it (a shared quad of the node), so queries need not count the articles.
	SupportCount = quad.IRI(NS + "supportCount")

	// Evidence.
	EvidenceFor   = quad.IRI(NS + "evidenceFor")
	Sentence      = quad.IRI(NS + "sentence")
	SentenceIndex = quad.IRI(NS + "sentenceIndex")
	Rule          = quad.IRI(NS + "rule")
	Trigger       = quad.IRI(NS + "trigger")

	// Reification of a statement (its edge is a shared quad).
	Subject   = quad.IRI(RDFNS + "subject")
	Predicate = quad.IRI(RDFNS + "predicate")
	Object    = quad.IRI(RDFNS + "object")

	// Structure of negotiations.
	Party         = quad.IRI(NS + "party")       // negotiation → actor
	Mediator      = quad.IRI(NS + "mediator")    // negotiation → actor
	HasIssue      = quad.IRI(NS + "issue")       // negotiation → issue
	OfNegotiation = quad.IRI(NS + "negotiation") // talks → negotiation
	Venue         = quad.IRI(NS + "venue")       // talks → place
	Participant   = quad.IRI(NS + "participant") // talks → actor or person
	LedBy         = quad.IRI(NS + "ledBy")       // talks → actor
	Role          = quad.IRI(NS + "role")        // person → role text
	Affiliation   = quad.IRI(NS + "affiliation") // person or agency → actor
	Contributor   = quad.IRI(SchemaNS + "contributor")
	LocatedIn     = quad.IRI(NS + "locatedIn") // place → country
	StandsFor     = quad.IRI(NS + "standsFor") // place → actor it is a metonym for
)

// SupportPredicates are the article → node predicates that keep shared quads alive.
var SupportPredicates = []quad.IRI{Mentions, Asserts}

// IsSupport reports whether p is one of SupportPredicates.
func IsSupport(p quad.Value) bool {
	iri, ok := p.(quad.IRI)
	return ok && (iri == Mentions || iri == Asserts)
}
