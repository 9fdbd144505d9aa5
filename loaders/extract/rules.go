package extract

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/text"
	"github.com/parleygraph/parley/schema"
)

//go:embed data/*.tsv
var builtin embed.FS

// Rule is one relation or issue pattern from rules.tsv or issues.tsv.
type Rule struct {
	ID       string
	Lang     string // "ar" or "en"
	Relation string // see relations
	Issue    string // for Relation "issue": the issue name
	Pattern  string // as written
	Requires string // a word list the sentence must contain, "" for none
	Note     string
	Source   string // file:line

	elems []elem
}

// relations a rule can state, and the slots each may use.
var relations = map[string]string{
	"mediation":       "MQPXA", // M mediate between P (or A, "the two sides")
	"parties":         "P",     // P are the sides of a negotiation ("between A and B")
	"parties_hint":    "P",     // P are named together near talk of negotiation: weaker
	"parties_anaphor": "A",     // A ("between the two sides") refers back to the two sides named in context
	"venue":           "LBPR",  // talks held at L (between P, with R)
	"host":            "HPA",   // H hosts talks between P: H mediates, and is the venue if a place
	"lead":            "MLPA",  // M leads or chairs the talks: a mediator, and the talks' leader
	"participant":     "R",     // R take part in the talks of the sentence
	"not_mediator":    "X",     // X are observers, invitees, co-organisers, well-wishers
	"addressee":       "X",     // X address the mediators (hand them a reply): no mediators, maybe a side
	"contributor":     "NL",    // N contributed reporting (from L)
	"border":          "P",     // the border between P
	"issue":           "P",     // an issue trigger (optionally between P)
	"noise":           "",      // the sentence is page furniture ("ALSO READ: …"): skip it
	"metonym":         "G",     // G, a capital or palace, acts as its government ("Moscow rejected"): not a location
	"not_venue":       "L",     // L is named here as no venue (war in it, an offer to host there): drop venues read from these words
}

// Slots:
//   {M} mediators, {P} parties, {X} not mediators, {R} participants: lists of actors
//   (countries, organisations, nisba adjectives, people for their affiliation,
//   capitals for their governments); {L} places where talks are held (cities,
//   buildings, landmarks), {B} one written with a glued preposition («بالدوحة»); {H} a host: a place standing for a government or an actor;
//   {Q} mediators who are people (for "who mediated"); {N} the name of a person not in the lexicon; {G} a capital or palace that can
//   stand for its government; {A} a collective reference to the two sides of the talks in context ("the two
//   sides", "both countries", "the warring parties", «الطرفين», «البلدين»), resolved to the pair of parties
//   last named (see anaphorNegotiation), or to nothing when that pair is not clear.

type elemKind uint8

const (
	eLit   elemKind = iota // alternatives of literal word sequences
	eGap                   // ~N: skip up to N tokens
	eSlot                  // {X}
	eStart                 // ^: the sentence starts here
)

type elem struct {
	kind elemKind
	alts [][]lit // eLit: each alternative is a sequence of literal tokens
	// eLit: the words an alternative may start with, whole and as prefixes, so most
	// tokens are turned away with a map lookup.
	first       map[string]bool
	firstPrefix []string
	optional    bool
	max         int  // eGap
	slot        byte // eSlot
}

// lit is one literal token: its folded form, matched whole or as a prefix.
type lit struct {
	word   string
	prefix bool
}

// loadRules reads the built-in rules.tsv and issues.tsv and those in extra dirs.
func loadRules(words wordLists, extraDirs []string) ([]*Rule, error) {
	var rules []*Rule
	read := func(name string, r io.Reader, issues bool) error {
		cols := []string{"id", "lang", "relation", "pattern", "requires", "note"}
		if issues {
			cols = []string{"id", "lang", "issue", "pattern", "requires", "note"}
		}
		rows, err := lexicon.ReadTable(name, r, cols)
		if err != nil {
			return err
		}
		for _, row := range rows {
			rule := &Rule{ID: row.Get("id"), Lang: row.Get("lang"), Relation: row.Get("relation"),
				Pattern: row.Get("pattern"), Requires: row.Get("requires"), Note: row.Get("note"), Source: row.Where()}
			if issues {
				rule.Relation, rule.Issue = "issue", row.Get("issue")
				if !schema.IsIssue(rule.Issue) {
					return fmt.Errorf("%s: issue %q is not in the vocabulary (%s)", row.Where(), rule.Issue, strings.Join(schema.Issues(), ", "))
				}
			}
			if err := rule.compile(words); err != nil {
				return fmt.Errorf("%s: rule %s: %w", row.Where(), rule.ID, err)
			}
			rules = append(rules, rule)
		}
		return nil
	}
	for _, f := range []struct {
		name   string
		issues bool
	}{{"rules.tsv", false}, {"issues.tsv", true}} {
		data, err := builtin.Open("data/" + f.name)
		if err != nil {
			return nil, err
		}
		err = read("extract/data/"+f.name, data, f.issues)
		data.Close()
		if err != nil {
			return nil, err
		}
		for _, dir := range extraDirs {
			if dir == "" {
				continue
			}
			path := filepath.Join(dir, f.name)
			fh, err := os.Open(path)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			} else if err != nil {
				return nil, err
			}
			err = read(path, fh, f.issues)
			fh.Close()
			if err != nil {
				return nil, err
			}
		}
	}
	ids := map[string]string{}
	for _, r := range rules {
		if prev, ok := ids[r.ID]; ok {
			return nil, fmt.Errorf("%s: rule id %s already used at %s", r.Source, r.ID, prev)
		}
		ids[r.ID] = r.Source
	}
	return rules, nil
}

// compile parses the pattern: space-separated elements, each a literal word
// (folded; "word*" matches a prefix; "a|b c" alternatives, where an alternative may
// be several words joined by "_"), "[...]" for an optional literal, "~N" for a gap of
// up to N tokens, "{S}" for a slot and "^" for the start of the sentence.
func (r *Rule) compile(words wordLists) error {
	if r.Lang != "ar" && r.Lang != "en" {
		return fmt.Errorf("lang %q: want ar or en", r.Lang)
	}
	allowed, ok := relations[r.Relation]
	if !ok {
		return fmt.Errorf("relation %q unknown", r.Relation)
	}
	if r.Requires != "" && !words.known(r.Lang, strings.TrimPrefix(r.Requires, "@")) {
		return fmt.Errorf("requires %q: no such word list for %s in words.tsv", r.Requires, r.Lang)
	}
	for _, f := range strings.Fields(r.Pattern) {
		switch {
		case f == "^":
			r.elems = append(r.elems, elem{kind: eStart})
		case strings.HasPrefix(f, "~"):
			n, err := strconv.Atoi(f[1:])
			if err != nil || n < 1 || n > 12 {
				return fmt.Errorf("gap %q: want ~1 … ~12", f)
			}
			r.elems = append(r.elems, elem{kind: eGap, max: n})
		case strings.HasPrefix(f, "{") && strings.HasSuffix(f, "}") && len(f) == 3:
			s := f[1]
			if !strings.ContainsRune(allowed, rune(s)) {
				return fmt.Errorf("slot %s not allowed for relation %s (allowed: %s)", f, r.Relation, allowed)
			}
			r.elems = append(r.elems, elem{kind: eSlot, slot: s})
		default:
			e := elem{kind: eLit}
			if strings.HasPrefix(f, "[") && strings.HasSuffix(f, "]") {
				e.optional = true
				f = f[1 : len(f)-1]
			}
			for _, alt := range strings.Split(f, "|") {
				seq := literalSeq(alt)
				if len(seq) == 0 {
					return fmt.Errorf("empty literal in %q", f)
				}
				e.alts = append(e.alts, seq)
				if seq[0].prefix {
					e.firstPrefix = append(e.firstPrefix, seq[0].word)
				} else {
					if e.first == nil {
						e.first = map[string]bool{}
					}
					e.first[seq[0].word] = true
				}
			}
			r.elems = append(r.elems, e)
		}
	}
	if len(r.elems) == 0 {
		return errors.New("empty pattern")
	}
	return nil
}

// literalSeq folds and tokenises one alternative; "_" joins words.
func literalSeq(alt string) []lit {
	var seq []lit
	for _, w := range strings.Split(alt, "_") {
		prefix := strings.HasSuffix(w, "*")
		w = strings.TrimSuffix(w, "*")
		toks := text.Tokenize(w)
		for i, t := range toks {
			seq = append(seq, lit{word: t.Norm, prefix: prefix && i == len(toks)-1})
		}
	}
	return seq
}
