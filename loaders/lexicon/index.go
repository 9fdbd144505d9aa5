package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleygraph/parley/loaders/text"
)

// Form says how a mention names its entry.
type Form uint8

const (
	FormName  Form = iota // a name: قطر, Qatar, the United States
	FormAdj               // a demonym or nisba adjective: القطري, قطريين, Qatari
	FormShort             // a bare surname of a person: needs a full mention earlier
)

func (f Form) String() string {
	switch f {
	case FormAdj:
		return "adjective"
	case FormShort:
		return "surname"
	}
	return "name"
}

// candidate is one lexicon name, tokenised and folded.
type candidate struct {
	entry    *Entry
	toks     []string
	arabic   bool
	form     Form
	acronym  bool // match only when written in capitals
	capFirst bool // English: the text must capitalise the first word
	// capRest lists the later words the text must capitalise too: those a
	// generated English name capitalises ("Long Beach" is no "long beach").
	capRest   []int
	gen       bool // a generated name: never a part of a hyphenated word
	ambiguous bool
	surface   string // the name as the lexicon writes it
	// one is []*Entry{entry}, the Entries of a mention of it alone: shared by its
	// mentions (its capacity of one makes an append copy it).
	one []*Entry
}

type index struct {
	names map[string][]*candidate // by first folded token
	nisba map[string][]*candidate // Arabic nisba, by masculine singular base
	// persons maps a person's full name, folded and without initials, to entries.
	persons map[string][]*Entry
	// personWords counts, per folded word, the people with a name of several words
	// that holds it: a surname shared with another person's name is no clue alone.
	personWords map[string]int
	// gluedTails holds the second words of two-word Arabic names: a word that ends
	// in none of them is no two-word name written without its space (gluedHits).
	gluedTails map[string]bool
	// nisbaHeads holds the first words of Arabic nisbas of several words (جنوب
	// أفريقي): a word that is none of them starts no such nisba.
	nisbaHeads map[string]bool
}

func buildIndex(lx *Lexicon) index {
	n := len(lx.order)
	idx := index{names: make(map[string][]*candidate, n), nisba: map[string][]*candidate{}, persons: make(map[string][]*Entry, n/2), personWords: map[string]int{}, gluedTails: map[string]bool{}, nisbaHeads: map[string]bool{}}
	for _, e := range lx.order {
		for _, n := range e.En {
			idx.add(lx, e, n, false, FormName)
		}
		for _, n := range e.Ar {
			idx.add(lx, e, n, true, FormName)
		}
		for _, n := range e.EnAdj {
			idx.add(lx, e, n, false, FormAdj)
		}
		for _, n := range e.ArNisba {
			idx.addNisba(lx, e, n)
		}
		// A generated person's words do not count: thousands of Phoenix names must
		// not make a hand-written bare surname ("Witkoff") look shared.
		if e.Class == Person && !e.Generated {
			seen := map[string]bool{}
			for _, n := range append(append([]string(nil), e.En...), e.Ar...) {
				n, _ = parseName(n)
				if toks := lx.toks(n); len(toks) >= 2 {
					for _, w := range toks {
						if !seen[w] {
							seen[w] = true
							idx.personWords[w]++
						}
					}
				}
			}
		}
		if e.Class == Person {
			for _, n := range append(append([]string(nil), e.En...), e.Ar...) {
				n, _ := parseName(n)
				var words []string
				for _, w := range lx.toks(n) {
					if !isInitialWord(w) && w != "-" {
						words = append(words, w)
					}
				}
				if len(words) >= 2 {
					key := strings.Join(words, " ")
					if !containsEntry(idx.persons[key], e) {
						idx.persons[key] = append(idx.persons[key], e)
					}
				}
			}
		}
	}
	return idx
}

// parseName splits off the trailing "?" that marks an ambiguous name.
func parseName(n string) (string, bool) {
	n = strings.TrimSpace(n)
	if strings.HasSuffix(n, "?") {
		return strings.TrimSpace(strings.TrimSuffix(n, "?")), true
	}
	return n, false
}

// nameTokens tokenises and folds a lexicon name; English names lose a leading "the".
func nameTokens(n string) []string {
	var out []string
	for i, t := range text.Tokenize(n) {
		if i == 0 && t.Norm == "the" && !t.Arabic {
			continue
		}
		out = append(out, t.Norm)
	}
	return out
}

func (idx index) add(lx *Lexicon, e *Entry, raw string, arabic bool, form Form) {
	n, amb := parseName(raw)
	toks := lx.toks(n)
	if len(toks) == 0 {
		return
	}
	c := &candidate{entry: e, toks: toks, arabic: arabic, form: form, surface: n,
		ambiguous: amb || e.Flags["ambiguous"] != "", one: []*Entry{e}}
	if !arabic {
		first := strings.TrimPrefix(strings.TrimPrefix(n, "the "), "The ")
		r, _ := utf8.DecodeRuneInString(first)
		c.capFirst = unicode.IsUpper(r)
		c.acronym = isAcronym(first)
		if e.Generated || len(e.gen) > 0 && e.gen[lx.key(n)] {
			c.capRest, c.gen = lx.info(n).caps, true
		}
	}
	// A single-word name of a person whose canonical name has several words is a
	// bare surname: only good after the full name.
	if e.Class == Person && form == FormName && len(toks) == 1 && len(e.En) > 0 && len(lx.toks(e.En[0])) > 1 {
		c.form = FormShort
	}
	idx.names[toks[0]] = append(idx.names[toks[0]], c)
	if arabic && len(toks) == 2 {
		idx.gluedTails[toks[1]] = true
	}
}

func (idx index) addNisba(lx *Lexicon, e *Entry, raw string) {
	n, amb := parseName(raw)
	toks := lx.toks(n)
	if len(toks) == 0 {
		return
	}
	last := text.NisbaBase(toks[len(toks)-1])
	if last == "" {
		last = toks[len(toks)-1]
	}
	key := strings.Join(append(append([]string(nil), toks[:len(toks)-1]...), last), " ")
	c := &candidate{entry: e, toks: toks, arabic: true, form: FormAdj, surface: n,
		ambiguous: amb || e.Flags["ambiguous"] != "", one: []*Entry{e}}
	idx.nisba[key] = append(idx.nisba[key], c)
	if len(toks) > 1 {
		idx.nisbaHeads[toks[0]] = true
	}
}

// isAcronym reports whether a name is written in capitals (UN, U.S., RSF).
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		} else if r != '.' && !unicode.IsDigit(r) {
			return false
		}
	}
	return letters >= 2
}

// Mention is a stretch of tokens that names a lexicon entry.
type Mention struct {
	Start, End int      // token indices, End exclusive
	Entries    []*Entry // one, or several for an ambiguous name
	Form       Form
	Arabic     bool
	Ambiguous  bool   // the name needs context to be resolved
	Conj       bool   // the first word carried a conjunction (و، ف): it continues a list
	Prep       bool   // the first word carried a preposition (ب، ل، ك): "بالدوحة" is "in Doha"
	Surface    string // the lexicon's spelling of the name matched
}

// Entry returns the mention's entry when it is unambiguous, else nil.
func (m Mention) Entry() *Entry {
	if len(m.Entries) == 1 && !m.Ambiguous {
		return m.Entries[0]
	}
	return nil
}

// Match finds the lexicon names in toks, longest first, without overlaps.
func (lx *Lexicon) Match(toks []text.Token) []Mention {
	var out []Mention
	for i := 0; i < len(toks); {
		m, ok := lx.matchAt(toks, i)
		if !ok {
			i++
			continue
		}
		out = append(out, m)
		i = m.End
	}
	return out
}

// MatchAt returns the best mention starting at token i, if any.
func (lx *Lexicon) MatchAt(toks []text.Token, i int) (Mention, bool) { return lx.matchAt(toks, i) }

type hit struct {
	c          *candidate
	end        int
	conj, prep bool
}

func (lx *Lexicon) matchAt(toks []text.Token, i int) (Mention, bool) {
	t := toks[i]
	if t.Kind != text.Word && t.Kind != text.Number {
		return Mention{}, false
	}
	var hits []hit
	if t.Arabic {
		var key []byte // look-up keys, built without a string per try
		stems := t.Stems()
		for _, st := range stems {
			for _, c := range lx.idx.names[st.Form] {
				if c.arabic && rest(toks, i+1, c.toks[1:]) {
					hits = append(hits, hit{c, i + len(c.toks), st.Conj, st.Prep})
				}
			}
			// A broken plural is listed as it is (أتراك): the word itself is the
			// base when it has no nisba ending.
			if key = text.AppendNisbaBase(key[:0], st.Bare()); len(key) > 0 {
				for _, c := range lx.idx.nisba[string(key)] {
					if len(c.toks) == 1 {
						hits = append(hits, hit{c, i + 1, st.Conj, st.Prep})
					}
				}
			}
		}
		// Multi-word nisba (جنوب أفريقي): the last word inflects. Only a word that
		// opens some such name can start one.
		for _, st := range stems {
			if !lx.idx.nisbaHeads[st.Bare()] {
				continue
			}
			for j := i + 1; j < len(toks) && j < i+3; j++ {
				if toks[j].Kind != text.Word {
					break
				}
				key = append(key[:0], st.Bare()...)
				for _, w := range toks[i+1 : j] {
					key = append(append(key, ' '), w.Norm...)
				}
				key = append(key, ' ')
				if base := text.NisbaBase(toks[j].Norm); base != "" {
					key = append(key, base...)
				}
				for _, c := range lx.idx.nisba[string(key)] {
					if len(c.toks) == j-i+1 {
						hits = append(hits, hit{c, j + 1, st.Conj, st.Prep})
					}
				}
			}
		}
	} else {
		for _, c := range lx.idx.names[t.Norm] {
			if c.arabic || !caseOK(c, t) || !rest(toks, i+1, c.toks[1:]) || !capsOK(c, toks, i) ||
				c.gen && inCompound(toks, i, i+len(c.toks)) {
				continue
			}
			hits = append(hits, hit{c, i + len(c.toks), false, false})
		}
	}
	if len(hits) == 0 && t.Arabic {
		hits = lx.gluedHits(t, i)
	}
	if len(hits) == 0 {
		return Mention{}, false
	}
	best := hits[0]
	for _, h := range hits[1:] {
		if better(h, best) {
			best = h
		}
	}
	m := Mention{Start: i, End: best.end, Form: best.c.form, Arabic: best.c.arabic,
		Ambiguous: best.c.ambiguous, Conj: best.conj, Prep: best.prep, Surface: best.c.surface}
	var buf [4]*Entry
	es, first := buf[:0], best.c
	for _, h := range hits {
		if h.end == best.end && h.c.form == best.c.form && h.c.ambiguous == best.c.ambiguous && !containsEntry(es, h.c.entry) {
			if len(es) == 0 {
				first = h.c
			}
			es = append(es, h.c.entry)
		}
	}
	if len(es) == 1 {
		m.Entries = first.one // most names are one entry's: no slice a mention
	} else {
		m.Entries = append([]*Entry(nil), es...)
	}
	if len(m.Entries) > 1 {
		m.Ambiguous = true
	}
	return m, true
}

// better orders hits: longer, then unambiguous, then a name before an adjective,
// then a reading that kept more of the word (fewer clitics stripped).
func better(a, b hit) bool {
	if a.end != b.end {
		return a.end > b.end
	}
	if a.c.ambiguous != b.c.ambiguous {
		return !a.c.ambiguous
	}
	if a.c.form != b.c.form {
		return a.c.form < b.c.form
	}
	return !a.conj && b.conj
}

func caseOK(c *candidate, t text.Token) bool {
	if c.acronym {
		w := t.Text
		if t.Possessive { // "UN's", "UAE’s"
			w = strings.TrimRight(w, "s'’")
		}
		return t.Upper || strings.ToUpper(w) == w && w != strings.ToLower(w)
	}
	if c.capFirst {
		return t.Cap
	}
	return true
}

// capsOK reports whether the text capitalises the words the candidate needs.
func capsOK(c *candidate, toks []text.Token, i int) bool {
	for _, k := range c.capRest {
		if !toks[i+k].Cap {
			return false
		}
	}
	return true
}

// inCompound reports whether toks[i:end] is glued by a hyphen to a word before or
// after it: "Zurich" in "Zurich-based" or "Neu-Zurich" is not the city itself.
func inCompound(toks []text.Token, i, end int) bool {
	glued := func(j int) bool { // toks[j] is a hyphen joining its neighbours
		return j > 0 && j+1 < len(toks) && toks[j].IsPunct("-") && !toks[j].SpaceBefore && !toks[j+1].SpaceBefore
	}
	return glued(i-1) || glued(end)
}

// rest reports whether toks from i on spell want (folded).
func rest(toks []text.Token, i int, want []string) bool {
	if i+len(want) > len(toks) {
		return false
	}
	for k, w := range want {
		if toks[i+k].Norm != w {
			return false
		}
	}
	return true
}

// PeopleNamedWith reports how many people of the lexicon have a name of several words
// that holds the folded word: 1 for "witkoff", 3 for "qassem" (Naim Qassem, Hazem
// Qassem, Qassem Soleimani).
func (lx *Lexicon) PeopleNamedWith(folded string) int { return lx.idx.personWords[folded] }

// FindPerson returns the person whose name, ignoring initials ("J.", "ج.") and a
// conjunction on the first word, is the name in toks; nil if none or several.
func (lx *Lexicon) FindPerson(toks []text.Token) *Entry {
	var words []string
	for i, t := range toks {
		if t.Kind != text.Word || isInitialWord(t.Norm) {
			continue
		}
		w := t.Norm
		if i == 0 && t.Arabic {
			for _, s := range text.Stems(w) {
				if s.Conj && !s.Prep && lx.idx.persons[strings.Join(append([]string{s.Form}, restWords(toks[1:])...), " ")] != nil {
					w = s.Form
					break
				}
			}
		}
		words = append(words, w)
	}
	if len(words) < 2 {
		return nil
	}
	es := lx.idx.persons[strings.Join(words, " ")]
	if len(es) == 0 && len(words) > 2 {
		// "Hassan Mahmoud Rashad" for "Hassan Rashad": first and last name agree.
		es = lx.idx.persons[words[0]+" "+words[len(words)-1]]
	}
	if len(es) != 1 {
		return nil
	}
	return es[0]
}

func restWords(toks []text.Token) []string {
	var out []string
	for _, t := range toks {
		if t.Kind == text.Word && !isInitialWord(t.Norm) {
			out = append(out, t.Norm)
		}
	}
	return out
}

func isInitialWord(w string) bool {
	return strings.HasSuffix(w, ".") && len([]rune(w)) <= 3
}

func containsEntry(es []*Entry, e *Entry) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// gluedHits reads a two-word Arabic name written without its space, as scraped
// news text often has it («الأممالمتحدة», «الولاياتالمتحدة»): the token splits into
// the name's two words.
func (lx *Lexicon) gluedHits(t text.Token, i int) []hit {
	w := []rune(t.Norm)
	if len(w) < 6 {
		return nil
	}
	var hits []hit
	for k := 3; k <= len(w)-3; k++ {
		second := string(w[k:])
		if !lx.idx.gluedTails[second] {
			continue
		}
		for _, st := range text.Stems(string(w[:k])) {
			for _, c := range lx.idx.names[st.Form] {
				if c.arabic && len(c.toks) == 2 && c.toks[1] == second {
					hits = append(hits, hit{c, i + 1, st.Conj, st.Prep})
				}
			}
		}
	}
	return hits
}
