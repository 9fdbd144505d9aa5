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
	Lang     string   // "ar" or "en"
	Kind     RuleKind // what a match states (the "relation" column)
	Issue    string   // for RuleIssue: the issue name
	Pattern  string   // as written
	Requires string   // a word list the sentence must contain, "" for none
	Note     string
	Source   string // file:line

	elems []elem
	index int // position in the extractor's rules (see ruleIndex)
}

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
	slot        Slot // eSlot
	open        bool // eSlot: the slot also binds open-world actors ({P+})
	adjOnly     bool // eSlot: items must be adjectives or possessives ({M:adj})
}

// lit is one literal token: its folded form, matched whole or as a prefix.
type lit struct {
	word   string
	prefix bool
}

// loadRules reads the built-in rules.tsv and issues.tsv and those in extra dirs.
func loadRules(words wordLists, extraDirs []string, sum io.Writer) ([]*Rule, error) {
	var rules []*Rule
	read := func(name string, r io.Reader, issues bool) error {
		fmt.Fprintf(sum, "%s\n", name)
		r = io.TeeReader(r, sum)
		cols := []string{"id", "lang", "relation", "pattern", "requires", "note"}
		if issues {
			cols = []string{"id", "lang", "issue", "pattern", "requires", "note"}
		}
		rows, err := lexicon.ReadTable(name, r, cols)
		if err != nil {
			return err
		}
		for _, row := range rows {
			rule := &Rule{ID: row.Get("id"), Lang: row.Get("lang"), Kind: RuleKind(row.Get("relation")),
				Pattern: row.Get("pattern"), Requires: row.Get("requires"), Note: row.Get("note"), Source: row.Where()}
			if issues {
				rule.Kind, rule.Issue = RuleIssue, row.Get("issue")
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
	if _, ok := ruleKinds[r.Kind]; !ok {
		return fmt.Errorf("relation %q unknown (RULES.md lists them)", r.Kind)
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
		case strings.HasPrefix(f, "{") && strings.HasSuffix(f, "}") && len(f) >= 3:
			e, err := parseSlot(f, r.Kind)
			if err != nil {
				return err
			}
			r.elems = append(r.elems, e)
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

// parseSlot reads a slot element: "{M}", "{P+}" (open-world actors too) or "{M:adj}"
// (states only as an adjective or a possessive: "Qatari mediation", "Qatar's
// mediation", not "Kenya mediation", which is mediation in Kenya).
func parseSlot(f string, k RuleKind) (elem, error) {
	body := f[1 : len(f)-1]
	e := elem{kind: eSlot, slot: Slot(body[0])}
	for _, mod := range strings.Split(body[1:], ":") {
		switch mod {
		case "":
		case "+":
			e.open = true
		case "adj":
			e.adjOnly = true
		default:
			return e, fmt.Errorf("slot %s: unknown modifier %q (+ or :adj)", f, mod)
		}
	}
	if !k.allows(e.slot) {
		return e, fmt.Errorf("slot %s not allowed for relation %s (allowed: %v)", f, k, ruleKinds[k])
	}
	if (e.open || e.adjOnly) && !e.slot.holdsActors() {
		return e, fmt.Errorf("slot %s: only lists of actors take modifiers", f)
	}
	return e, nil
}
