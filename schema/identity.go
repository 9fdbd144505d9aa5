package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
)

// Node identity. Every node IRI parley writes is made here, so the loaders, the
// lexicon and the extractor agree on it byte for byte.
//
// A node's key is what follows IDBase in its IRI: the node's kind, a slash and
// either a readable slug of its name ("actor/qatar", "place/doha",
// "issue/hostage-release") or, for a node made of other nodes (a negotiation,
// talks, a statement, evidence), a hash of their identities. Keys of named nodes
// are stable across articles and languages; the extractor keys its entities by
// them and articles list them (Names).
//
// The saved queries' Gizmo prelude (queries/lib/prelude.js) spells NS, SchemaNS
// and RDFNS out again; a test in package queries keeps it in step with these.

// Node kinds: the first segment of a node's key.
const (
	ActorKind       = "actor"       // a country, organisation or open-world actor
	PlaceKind       = "place"       // a place, or a country named as a place
	PersonKind      = "person"      // a person
	TitleKind       = "title"       // a title of the lexicon (no node is written for it)
	IssueKind       = "issue"       // an issue of the vocabulary (Issues)
	NegotiationKind = "negotiation" // the negotiation between a set of parties
	TalksKind       = "talks"       // the talks of a negotiation at a venue
	FactKind        = "fact"        // a statement (StatementID)
	EvidenceKind    = "evidence"    // the sentence and rule behind what an article says
)

// qualifierSep joins a key and the slug that tells it apart (QualifiedKey). Slug
// never makes two dashes in a row, so it cannot occur in a key otherwise.
const qualifierSep = "--"

// NodeKey returns the key of the node of kind named name: "actor/qatar".
func NodeKey(kind, name string) string { return kind + "/" + Slug(name) }

// QualifiedKey returns key told apart by the name of what it belongs to: a
// collective named only by one word belongs to the state among its negotiation's
// parties ("actor/factions--palestine").
func QualifiedKey(key, of string) string { return key + qualifierSep + Slug(of) }

// IsQualified reports whether key was made by QualifiedKey.
func IsQualified(key string) bool { return strings.Contains(key, qualifierSep) }

// NodeIRI returns the IRI of the node with the given key (see NodeKey).
func NodeIRI(key string) quad.IRI { return quad.IRI(IDBase + key) }

// ID returns the IRI of a node of the given kind ("actor", "place", "person", ...)
// with a readable slug.
func ID(kind, slug string) quad.IRI { return NodeIRI(kind + "/" + slug) }

// NamedID returns the IRI of the node of kind named name: NodeIRI(NodeKey(kind, name)).
func NamedID(kind, name string) quad.IRI { return NodeIRI(NodeKey(kind, name)) }

// HashID returns the IRI of a node identified by the hash of its parts, for nodes
// whose identity is a combination of other nodes (negotiations, talks, statements).
func HashID(kind string, parts ...string) quad.IRI {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x1f")))
	return ID(kind, hex.EncodeToString(h[:10]))
}

// IssueID returns the IRI of an issue of the vocabulary.
func IssueID(name string) quad.IRI { return NamedID(IssueKind, name) }

// UnspecifiedNegotiation is the one negotiation of articles that speak of talks
// without naming their parties.
const UnspecifiedNegotiation = quad.IRI(IDBase + NegotiationKind + "/unspecified")

// NegotiationID returns the IRI of the negotiation between the parties with the
// given keys, in the order given (the extractor sorts them); with no parties, the
// UnspecifiedNegotiation.
func NegotiationID(partyKeys ...string) quad.IRI {
	if len(partyKeys) == 0 {
		return UnspecifiedNegotiation
	}
	return HashID(NegotiationKind, partyKeys...)
}

// TalksID returns the IRI of the talks of a negotiation at a venue.
func TalksID(negotiation, venue quad.IRI) quad.IRI {
	return HashID(TalksKind, string(negotiation), string(venue))
}

// StatementID returns the IRI of the statement "s p o".
func StatementID(s, p, o quad.Value) quad.IRI {
	return HashID(FactKind, s.String(), p.String(), o.String())
}

// EvidenceID returns the IRI of the evidence an article gives for node (a node or
// a statement): the rule that matched, its trigger and the sentence's index.
func EvidenceID(article, node quad.IRI, rule, trigger string, sentence int) quad.IRI {
	return HashID(EvidenceKind, string(article), string(node), rule, trigger, strconv.Itoa(sentence))
}

// ArticleID returns an article's IRI: its URL when it has one, else one under
// ArticleBase made from a hash of its source (a file's path), so a changed file
// replaces its own facts.
func ArticleID(url, source string) quad.IRI {
	if url != "" {
		return quad.IRI(url)
	}
	h := sha256.Sum256([]byte(source))
	return quad.IRI(ArticleBase + hex.EncodeToString(h[:12]))
}

// Slug turns a name into a lower-case, dash-separated IRI segment. Letters of any
// script are kept, so Arabic names make readable IRIs too.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r > 0x7f && unicode.IsLetter(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}
