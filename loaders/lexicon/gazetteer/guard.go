package gazetteer

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/text"
)

// calendarWords are names that are also months or weekdays ("March", "Of" is a
// Turkish town but "of" comes from the word list).
var calendarWords = strings.Fields("january february march april may june july august september october november december " +
	"monday tuesday wednesday thursday friday saturday sunday")

// risk tells which single words would fire everywhere as a name: English words
// (lower-case entries of a word list such as Debian's wamerican), months and
// weekdays, the lexicon's given names, and the words of Phoenix people's names
// (surnames and given names: Jackson, Lincoln, Florence).
type risk struct {
	words   map[string]bool // folded lower-case dictionary words, months, weekdays
	arWords map[string]bool // folded Arabic dictionary stems (hunspell-ar)
	people  map[string]int  // folded word → number of Phoenix people whose name holds it
	base    *lexicon.Lexicon
}

// loadWords reads a word list (one word a line) and keeps its lower-case entries,
// folded: capitalised entries are proper names, which the list has for cities too.
func loadWords(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("word list: %w (install Debian's wamerican, or pass --words)", err)
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasSuffix(w, "'s") {
			continue
		}
		if r := []rune(w)[0]; unicode.IsLower(r) {
			out[text.Fold(w)] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("word list %s: %w", path, err)
	}
	if len(out) < 1000 {
		return nil, fmt.Errorf("word list %s: only %d lower-case words", path, len(out))
	}
	for _, w := range calendarWords {
		out[w] = true
	}
	return out, nil
}

// loadArabicWords reads the stems of a hunspell dictionary (ar.dic of Debian's
// hunspell-ar: "إطار/65"), folded.
func loadArabicWords(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("arabic word list: %w (install Debian's hunspell-ar, or pass --ar-words)", err)
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w, _, _ := strings.Cut(strings.TrimSpace(sc.Text()), "/")
		if text.HasArabic(w) {
			out[text.Fold(w)] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("arabic word list %s: %w", path, err)
	}
	if len(out) < 1000 {
		return nil, fmt.Errorf("arabic word list %s: only %d words", path, len(out))
	}
	return out, nil
}

// arabicWord reports whether a one-word Arabic name, with or without its article,
// is a word of the language (إطار "framework" is also Atar, Mauritania).
func (r *risk) arabicWord(name string) bool {
	w := text.Fold(name)
	return r.arWords[w] || strings.HasPrefix(w, "ال") && r.arWords[strings.TrimPrefix(w, "ال")]
}

// commonWord reports whether a folded word is an English word, a month or weekday,
// or a given name the lexicon knows.
func (r *risk) commonWord(w string) bool { return r.words[w] || r.base.IsGivenName(w) }

// nameWord reports whether a folded word is common or part of several people's
// names in Phoenix (a surname like Jackson is as risky as a given name).
func (r *risk) nameWord(w string) bool { return r.commonWord(w) || r.people[w] >= 2 }

// words returns the folded words of a name, without punctuation.
func words(name string) []string { return strings.Fields(text.Key(name)) }

// taken records which entry holds each name key and node, hand-written first, then
// each generated entry as it is accepted: a later source never takes a name or a
// node IRI that an earlier one holds.
type taken struct {
	names map[string]*owner
	nodes map[string]*owner
}

type owner struct {
	id, class, kind, country string
	generated                bool
}

func newTaken(base *lexicon.Lexicon) *taken {
	t := &taken{names: map[string]*owner{}, nodes: map[string]*owner{}}
	for _, e := range base.Entries() {
		if e.Class == lexicon.Title {
			continue
		}
		o := &owner{id: e.ID, class: string(e.Class), kind: e.Kind, country: e.Country}
		for _, l := range [][]string{e.En, e.Ar, e.EnAdj} {
			for _, n := range l {
				t.names[lexicon.NameKey(n)] = o
			}
		}
		t.nodes[e.NodeKey()] = o
	}
	return t
}

func (t *taken) name(n string) *owner { return t.names[lexicon.NameKey(n)] }

func (t *taken) node(class lexicon.Class, name string) *owner {
	return t.nodes[lexicon.NodeKey(class, name)]
}

// add claims the names and the node of a generated entry.
func (t *taken) add(o *owner, class lexicon.Class, names []string) {
	o.generated = true
	for _, n := range names {
		if t.names[lexicon.NameKey(n)] == nil {
			t.names[lexicon.NameKey(n)] = o
		}
	}
	if len(names) > 0 {
		key := lexicon.NodeKey(class, names[0])
		if t.nodes[key] == nil {
			t.nodes[key] = o
		}
	}
}

// freeNames returns the names no entry holds yet. A name the entry same (the
// hand-written one a row merges into, or nil) holds is simply not repeated; one
// another entry holds is counted as left out of file.
func (im *importer) freeNames(file string, same *owner, names []string) []string {
	var out []string
	for _, n := range names {
		if o := im.taken.name(n); o != nil {
			if o != same {
				im.dropped(file, "name held by another entry")
			}
			continue
		}
		out = append(out, n)
	}
	return out
}
