// Package extract reads an article's sentences and finds who takes part in a
// negotiation: the parties, the mediators between them, where talks are held, the
// people named with their roles and affiliations, the places and the issues. Every
// fact keeps the sentence it came from and the rule or lexicon entry behind it.
package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/text"
	"github.com/parleygraph/parley/schema"
)

// Kinds of nodes an extraction yields.
const (
	KindActor  = schema.ActorKind
	KindPlace  = schema.PlaceKind
	KindPerson = schema.PersonKind
)

// Entity is one actor, place or person an article names.
type Entity struct {
	Key   string         // kind/slug: stable across articles and languages
	Kind  string         // KindActor, KindPlace or KindPerson
	Entry *lexicon.Entry // nil when the lexicon does not know it
	Name  string         // display name: English where known, else as written
	// Names are the names seen, by language ("ar", "en").
	Names map[string][]string
	// First is the evidence of its first mention.
	First Evidence
	// Open is the kind of an open-world actor or place (open.go, places.go), the
	// lexicon not knowing it; "" otherwise.
	Open string
	// Territory is, for a country named as a place ("signed in Turkey"), the
	// country: the node is the place, apart from the actor.
	Territory *lexicon.Entry
}

// Class is the entity's lexicon class (Person for people found by title).
func (e *Entity) Class() lexicon.Class {
	if e.Entry != nil {
		return e.Entry.Class
	}
	switch e.Kind {
	case KindPerson:
		return lexicon.Person
	case KindPlace:
		return lexicon.Place
	}
	return lexicon.Organization
}

// Evidence is where and why a fact was read.
type Evidence struct {
	Sentence int    // index into Result.Sentences
	Rule     string // rule id, or "lexicon:<entry id>" for a plain mention
	Trigger  string // the words that fired the rule, as written
}

// Negotiation is a set of parties (sorted by key).
type Negotiation struct {
	Key     string
	Parties []*Entity
	Weight  int // how strongly the article speaks of it
	Main    bool
	First   Evidence
}

// Name is "A – B" in party order.
func (n *Negotiation) Name() string {
	names := make([]string, len(n.Parties))
	for i, p := range n.Parties {
		names[i] = p.Name
	}
	return strings.Join(names, " – ")
}

// Relations of facts.
const (
	RelMediator    = "mediator"    // Negotiation → actor
	RelIssue       = "issue"       // Negotiation → issue name
	RelVenue       = "venue"       // Negotiation → place (talks held there)
	RelParticipant = "participant" // talks (Negotiation+Venue) → actor or person
	RelLedBy       = "ledBy"       // talks → actor
	RelRole        = "role"        // person → role text
	RelAffiliation = "affiliation" // person → actor
	RelContributor = "contributor" // article → person
)

// Fact is one extracted statement.
type Fact struct {
	Relation    string
	Negotiation *Negotiation // for negotiation facts
	Venue       *Entity      // for talks facts (participant, ledBy)
	Subject     *Entity      // for person facts (role, affiliation)
	Object      *Entity      // actor, place or person
	Value       string       // issue name or role text
	Evidence    Evidence
}

// Result is what one article yields.
type Result struct {
	Lang         string // "ar" or "en": the script most of the text is in
	Digest       string // the extractor's (see Extractor.Digest)
	Src          string
	Sentences    []text.Sentence
	Entities     []*Entity // in order of first mention
	Locations    []*Entity // places named as places (not standing for a government)
	Negotiations []*Negotiation
	Facts        []Fact
	// Mentions are the entities named in each sentence, with the rule or entry
	// that found them.
	Mentions []MentionEvidence
	matches  []ruleMatch // see Matches
}

// Match is one place a rule matched, with what each slot bound.
type Match struct {
	Rule     string
	Relation string // the rule's kind
	Evidence Evidence
	Slots    map[string][]string
}

// MentionEvidence records that a sentence names an entity.
type MentionEvidence struct {
	Entity   *Entity
	Evidence Evidence
}

// SentenceText returns the text of sentence i.
func (r *Result) SentenceText(i int) string {
	if i < 0 || i >= len(r.Sentences) {
		return ""
	}
	return r.Sentences[i].Text(r.Src)
}

// Main returns the article's main negotiation, or nil.
func (r *Result) Main() *Negotiation {
	for _, n := range r.Negotiations {
		if n.Main {
			return n
		}
	}
	return nil
}

// Extractor holds the lexicon and rules; it is safe for concurrent use.
type Extractor struct {
	lx    *lexicon.Lexicon
	rules []*Rule
	words wordLists
	// titleRule is the rule of mediations read from a person's title (titledMediators).
	titleRule *Rule
	digest    string
	index     *ruleIndex // the rules' required literals, by word
}

// codeVersion changes with every change to the extraction code that changes what it
// reads from a text: it is part of Digest, so stores re-extract their articles.
const codeVersion = "2026-12-03.4"

// New builds an extractor over lx with the built-in rules, issue triggers and word
// lists, plus those in the files rules.tsv, issues.tsv and words.tsv of extraDirs.
func New(lx *lexicon.Lexicon, extraDirs ...string) (*Extractor, error) {
	sum := sha256.New()
	fmt.Fprintf(sum, "parley extract %s\nlexicon %s\n", codeVersion, lx.Digest())
	words, err := loadWords(extraDirs, sum)
	if err != nil {
		return nil, fmt.Errorf("word lists: %w", err)
	}
	for _, l := range []string{listStop, listBarrier, listConnector} {
		if !words.known("ar", l) {
			return nil, fmt.Errorf("word lists: no Arabic %q list", l)
		}
	}
	rules, err := loadRules(words, extraDirs, sum)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	titleRule := &Rule{ID: "person.title-mediator", Kind: RuleMediation,
		Note: "a person whose title says they mediate (mediator, facilitator): their side mediates"}
	for i, r := range rules {
		r.index = i
	}
	return &Extractor{lx: lx, rules: rules, words: words, titleRule: titleRule,
		digest: hex.EncodeToString(sum.Sum(nil))[:16], index: newRuleIndex(rules)}, nil
}

// Digest identifies what the extractor reads a text with: its code version, the
// lexicon, the rules, issue triggers and word lists. Articles extracted under
// another digest may hold other facts than this extractor would find.
func (x *Extractor) Digest() string { return x.digest }

// Builtin is New over the built-in lexicon, rules, issue triggers and word lists.
func Builtin() (*Extractor, error) {
	lx, err := lexicon.Load()
	if err != nil {
		return nil, err
	}
	return New(lx)
}

// Lexicon returns the extractor's lexicon.
func (x *Extractor) Lexicon() *lexicon.Lexicon { return x.lx }

// Rules returns the relation and issue rules.
func (x *Extractor) Rules() []*Rule { return x.rules }

// Extract reads one article. src is the whole text, headline first.
func (x *Extractor) Extract(src string) *Result {
	r, _ := x.ExtractContext(context.Background(), src)
	return r
}

// ExtractContext is Extract that gives up, with ctx's error, once ctx is done: the
// caller's budget for one article. Extraction costs time linear in the text, so a
// budget stops only what is too long to be an article.
func (x *Extractor) ExtractContext(ctx context.Context, src string) (*Result, error) {
	d := newDoc(x, src)
	d.ctx = ctx
	for _, step := range []func(){d.annotate, d.applyRules, d.buildNegotiations, d.assignFacts, d.affiliateOpenBodies, d.collectPeople, d.collectLocations} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		step()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return d.result(), nil
}

// language reports "ar" when Arabic letters outnumber Latin ones.
func language(src string) string {
	ar, lat := 0, 0
	for _, r := range src {
		switch {
		case text.IsArabic(r):
			ar++
		case r < 0x250 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0xc0):
			lat++
		}
	}
	if ar > lat {
		return "ar"
	}
	return "en"
}

// entityKey is the key of a lexicon entry's node.
func entityKey(e *lexicon.Entry) string { return e.NodeKey() }

func kindOf(e *lexicon.Entry) string {
	switch e.Class {
	case lexicon.Place:
		return KindPlace
	case lexicon.Person:
		return KindPerson
	}
	return KindActor
}

// negotiationKey joins sorted party keys.
func negotiationKey(parties []*Entity) string {
	keys := make([]string, len(parties))
	for i, p := range parties {
		keys[i] = p.Key
	}
	sort.Strings(keys)
	return strings.Join(keys, "+")
}

// IssueKey is the key of an issue node.
func IssueKey(name string) string { return schema.NodeKey(schema.IssueKind, name) }
