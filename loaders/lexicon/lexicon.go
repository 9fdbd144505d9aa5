// Package lexicon holds what parley knows before it reads an article: countries,
// organisations, places, people, titles and given names in Arabic and English, read
// from the tab-separated files in data/ (see data/README.md) and from any directory of
// files with the same names, and matches them in tokenised text.
package lexicon

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parleygraph/parley/loaders/text"
	"github.com/parleygraph/parley/schema"
)

//go:embed data/*.tsv
var builtin embed.FS

// Class is what an entry names.
type Class string

const (
	Country      Class = "Country"
	Organization Class = "Organization"
	Place        Class = "Place"
	Person       Class = "Person"
	Title        Class = "Title"
)

// Entry is one thing the lexicon knows.
type Entry struct {
	ID    string // ISO code for countries ("QA"), a slug otherwise
	Class Class
	Kind  string // organisation, place or title kind (see data/README.md)

	En, Ar         []string // names; the first of each is canonical
	EnAdj, ArNisba []string // demonyms and nisba adjectives

	Country     string // ISO code the entry belongs to or is in
	StandsFor   string // id of the actor a place stands for (capitals, palaces)
	Affiliation string // id of the side a person belongs to
	Role        string // a person's best-known role (English)
	Capital     string // id of a country's capital
	City        string // id of the city a building or landmark is in

	Flags  map[string]string
	Source string // file:line of the first row that defined it
}

// Name is the entry's display name: English where known, else Arabic (without the
// "?" that marks an ambiguous name: Georgia the country is "Georgia").
func (e *Entry) Name() string {
	if len(e.En) > 0 {
		return strings.TrimSpace(strings.TrimSuffix(e.En[0], "?"))
	}
	if len(e.Ar) > 0 {
		return strings.TrimSpace(strings.TrimSuffix(e.Ar[0], "?"))
	}
	return e.ID
}

// ArName is the canonical Arabic name, or "".
func (e *Entry) ArName() string {
	if len(e.Ar) > 0 {
		return strings.TrimSpace(strings.TrimSuffix(e.Ar[0], "?"))
	}
	return ""
}

// IsActor reports whether the entry can take a side or mediate: a state or an
// organisation (people act through their affiliation, places through StandsFor).
func (e *Entry) IsActor() bool { return e.Class == Country || e.Class == Organization }

// Lexicon is a loaded, indexed lexicon. It is read-only after Load and safe for
// concurrent use.
type Lexicon struct {
	entries map[string]*Entry
	order   []*Entry
	given   map[string]bool // folded given names, both scripts
	idx     index
	files   []string
}

// Entry returns the entry with the given id (ISO codes in any case), or nil.
func (lx *Lexicon) Entry(id string) *Entry { return lx.lookup(id) }

// Entries returns all entries in load order.
func (lx *Lexicon) Entries() []*Entry { return lx.order }

// IsGivenName reports whether the folded word is a known first name, or the folded
// words of a compound one joined by a space ("عبد السلام").
func (lx *Lexicon) IsGivenName(folded string) bool { return lx.given[folded] }

// Files lists the files the lexicon was read from.
func (lx *Lexicon) Files() []string { return lx.files }

// Actor returns the actor an entry acts as: itself for states and independent
// organisations, the state for agencies, militaries and governments, the government
// a capital or palace stands for, a person's affiliation. Nil if none.
func (lx *Lexicon) Actor(e *Entry) *Entry {
	if e == nil {
		return nil
	}
	switch e.Class {
	case Country:
		return e
	case Organization:
		if stateBody(e.Kind) && e.Country != "" {
			if c := lx.lookup(e.Country); c != nil {
				return c
			}
		}
		return e
	case Place:
		if e.StandsFor != "" {
			return lx.Actor(lx.lookup(e.StandsFor))
		}
	case Person:
		if e.Affiliation != "" {
			return lx.Actor(lx.lookup(e.Affiliation))
		}
	}
	return nil
}

// stateBody reports whether an organisation kind is an arm of a state.
func stateBody(kind string) bool {
	// Agencies and ministries act for their state (the CIA for the United States);
	// militaries are sides of their own (the Sudanese Armed Forces against the RSF).
	return kind == "agency" || kind == "government"
}

// fileSpec describes one lexicon file.
type fileSpec struct {
	name string
	cols []string
	load func(lx *Lexicon, r Row, builtin bool) error
}

var specs = []fileSpec{
	{"countries.tsv", []string{"code", "en", "ar", "en_adj", "ar_nisba", "capital", "flags"}, loadCountry},
	{"organizations.tsv", []string{"id", "kind", "en", "ar", "en_adj", "ar_nisba", "country", "flags"}, loadOrganization},
	{"places.tsv", []string{"id", "kind", "en", "ar", "country", "stands_for", "flags", "city"}, loadPlace},
	{"people.tsv", []string{"id", "en", "ar", "affiliation", "role", "flags"}, loadPerson},
	{"titles.tsv", []string{"id", "en", "ar", "kind"}, loadTitle},
	{"given_names.tsv", []string{"en", "ar"}, loadGivenName},
}

// FileNames lists the files a lexicon directory may hold.
func FileNames() []string {
	var out []string
	for _, s := range specs {
		out = append(out, s.name)
	}
	return out
}

// Load reads the built-in lexicon, then the files of each extra directory (rows with
// an existing id add names to that entry), and builds the matching index.
func Load(extraDirs ...string) (*Lexicon, error) {
	lx := &Lexicon{entries: map[string]*Entry{}, given: map[string]bool{}}
	addCLDRCountries(lx)
	for _, s := range specs {
		f, err := builtin.Open("data/" + s.name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		} else if err != nil {
			return nil, err
		}
		err = lx.readFile("lexicon/data/"+s.name, f, s, true)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	for _, dir := range extraDirs {
		if dir == "" {
			continue
		}
		if st, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("lexicon directory: %w", err)
		} else if !st.IsDir() {
			return nil, fmt.Errorf("lexicon directory %s: not a directory", dir)
		}
		for _, s := range specs {
			path := filepath.Join(dir, s.name)
			f, err := os.Open(path)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			} else if err != nil {
				return nil, fmt.Errorf("lexicon: %w", err)
			}
			err = lx.readFile(path, f, s, false)
			f.Close()
			if err != nil {
				return nil, err
			}
		}
	}
	lx.idx = buildIndex(lx)
	return lx, nil
}

func (lx *Lexicon) readFile(name string, r io.Reader, s fileSpec, builtin bool) error {
	rows, err := ReadTable(name, r, s.cols)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	for _, row := range rows {
		if err := s.load(lx, row, builtin); err != nil {
			return fmt.Errorf("lexicon: %s: %w", row.Where(), err)
		}
	}
	lx.files = append(lx.files, name)
	return nil
}

var (
	orgKinds   = setOf("igo", "alliance", "armed_group", "movement", "party", "agency", "government", "military", "ngo", "media", "company")
	placeKinds = setOf("city", "region", "territory", "border", "building", "crossing", "water", "landmark")
	titleKinds = setOf("head_of_state", "head_of_government", "minister", "official", "diplomat", "military", "intelligence", "leader", "envoy", "mediator", "honorific", "journalist")
)

func setOf(vals ...string) map[string]bool {
	m := map[string]bool{}
	for _, v := range vals {
		m[v] = true
	}
	return m
}

func parseFlags(r Row) (map[string]string, error) {
	flags := map[string]string{}
	for _, f := range strings.Split(r.Get("flags"), ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		k, v, _ := strings.Cut(f, "=")
		switch k {
		case "ambiguous", "no_actor", "alias_of":
		default:
			return nil, fmt.Errorf("unknown flag %q", k)
		}
		flags[k] = v
	}
	return flags, nil
}

// upsert adds e, or merges its names into the entry with the same id. Built-in rows
// put their names first (they overlay CLDR); extension rows append theirs.
func (lx *Lexicon) upsert(e *Entry, builtin bool) error {
	if alias := e.Flags["alias_of"]; alias != "" {
		e.ID = alias
	}
	if e.ID == "" {
		return errors.New("empty id")
	}
	old := lx.entries[e.ID]
	if old == nil {
		if len(e.En) == 0 && len(e.Ar) == 0 {
			return fmt.Errorf("%s: no name in en or ar", e.ID)
		}
		lx.entries[e.ID] = e
		lx.order = append(lx.order, e)
		return nil
	}
	if old.Class != e.Class {
		return fmt.Errorf("id %s is already a %s (%s)", e.ID, old.Class, old.Source)
	}
	merge := func(dst *[]string, src []string) {
		if builtin && old.Source == "cldr" {
			*dst = dedupe(append(append([]string(nil), src...), *dst...))
		} else {
			*dst = dedupe(append(*dst, src...))
		}
	}
	merge(&old.En, e.En)
	merge(&old.Ar, e.Ar)
	merge(&old.EnAdj, e.EnAdj)
	merge(&old.ArNisba, e.ArNisba)
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&old.Kind, e.Kind}, {&old.Country, e.Country}, {&old.StandsFor, e.StandsFor},
		{&old.Affiliation, e.Affiliation}, {&old.Role, e.Role}, {&old.Capital, e.Capital}, {&old.City, e.City},
	} {
		if f.src != "" && (*f.dst == "" || builtin) {
			*f.dst = f.src
		}
	}
	for k, v := range e.Flags {
		if k != "alias_of" {
			old.Flags[k] = v
		}
	}
	if old.Source == "cldr" {
		old.Source = e.Source
	}
	return nil
}

// dedupe drops names that fold to one already listed; a name marked ambiguous (?)
// in any of its spellings stays marked, so CLDR's unmarked spelling of عمان cannot
// undo the countries file's عمان?.
func dedupe(in []string) []string {
	first := map[string]int{}
	var out []string
	for _, raw := range in {
		n, amb := parseName(raw)
		k := text.Key(n)
		if i, ok := first[k]; ok {
			if amb && !strings.HasSuffix(out[i], "?") {
				out[i] += "?"
			}
			continue
		}
		first[k] = len(out)
		out = append(out, raw)
	}
	return out
}

func loadCountry(lx *Lexicon, r Row, builtin bool) error {
	code := strings.ToUpper(r.Get("code"))
	if len(code) != 2 {
		return fmt.Errorf("country code %q: want two letters", r.Get("code"))
	}
	flags, err := parseFlags(r)
	if err != nil {
		return err
	}
	return lx.upsert(&Entry{
		ID: code, Class: Country, Kind: "state",
		En: r.List("en"), Ar: r.List("ar"), EnAdj: r.List("en_adj"), ArNisba: r.List("ar_nisba"),
		Capital: r.Get("capital"), Flags: flags, Source: r.Where(),
	}, builtin)
}

func loadOrganization(lx *Lexicon, r Row, builtin bool) error {
	flags, err := parseFlags(r)
	if err != nil {
		return err
	}
	kind := r.Get("kind")
	if !orgKinds[kind] && !(kind == "" && flags["alias_of"] != "") {
		return fmt.Errorf("organization kind %q unknown", kind)
	}
	return lx.upsert(&Entry{
		ID: r.Get("id"), Class: Organization, Kind: kind,
		En: r.List("en"), Ar: r.List("ar"), EnAdj: r.List("en_adj"), ArNisba: r.List("ar_nisba"),
		Country: strings.ToUpper(r.Get("country")), Flags: flags, Source: r.Where(),
	}, builtin)
}

func loadPlace(lx *Lexicon, r Row, builtin bool) error {
	flags, err := parseFlags(r)
	if err != nil {
		return err
	}
	kind := r.Get("kind")
	if !placeKinds[kind] && !(kind == "" && flags["alias_of"] != "") {
		return fmt.Errorf("place kind %q unknown", kind)
	}
	return lx.upsert(&Entry{
		ID: r.Get("id"), Class: Place, Kind: kind,
		En: r.List("en"), Ar: r.List("ar"),
		Country: strings.ToUpper(r.Get("country")), StandsFor: normRef(r.Get("stands_for")),
		City:  normRef(r.Get("city")),
		Flags: flags, Source: r.Where(),
	}, builtin)
}

func loadPerson(lx *Lexicon, r Row, builtin bool) error {
	flags, err := parseFlags(r)
	if err != nil {
		return err
	}
	return lx.upsert(&Entry{
		ID: r.Get("id"), Class: Person, Kind: "person",
		En: r.List("en"), Ar: r.List("ar"),
		Affiliation: normRef(r.Get("affiliation")), Role: r.Get("role"),
		Flags: flags, Source: r.Where(),
	}, builtin)
}

func loadTitle(lx *Lexicon, r Row, builtin bool) error {
	kind := r.Get("kind")
	if !titleKinds[kind] {
		return fmt.Errorf("title kind %q unknown", kind)
	}
	return lx.upsert(&Entry{
		ID: "title:" + r.Get("id"), Class: Title, Kind: kind,
		En: r.List("en"), Ar: r.List("ar"), Flags: map[string]string{}, Source: r.Where(),
	}, builtin)
}

// loadGivenName registers a row's first names. A compound name (عبد السلام, Salah
// al-Din) registers as a whole, its words joined by a space, and its first word
// alone unless that word only links a name (عبد, Abdel): "السلام" and "الدين" are
// words, not names.
func loadGivenName(lx *Lexicon, r Row, _ bool) error {
	for _, n := range append(r.List("en"), r.List("ar")...) {
		var words []string
		for _, t := range text.Tokenize(n) {
			if t.Kind == text.Word {
				words = append(words, t.Norm)
			}
		}
		switch {
		case len(words) == 1:
			lx.given[words[0]] = true
		case len(words) > 1:
			lx.given[strings.Join(words, " ")] = true
			if !nameLinks[words[0]] {
				lx.given[words[0]] = true
			}
		}
	}
	return nil
}

// nameLinks are first words of compound first names that are no name alone.
var nameLinks = map[string]bool{"عبد": true, "ابو": true, "abd": true, "abdel": true, "abdul": true, "abdal": true, "abu": true, "abou": true}

// normRef trims a reference to another entry (an ISO code or an id).
func normRef(s string) string { return strings.TrimSpace(s) }

// lookup resolves a reference: an id as written, else an ISO code in any case.
func (lx *Lexicon) lookup(ref string) *Entry {
	if ref == "" {
		return nil
	}
	if e := lx.entries[ref]; e != nil {
		return e
	}
	if e := lx.entries[strings.ToUpper(ref)]; e != nil {
		return e
	}
	return lx.entries[strings.ToLower(ref)]
}

// sortedIDs is used by check to report in a stable order.
func sortedIDs(m map[string][]string) []string {
	var ids []string
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// NodeKind is the IRI segment for the entry's class: actor, place or person.
func NodeKind(e *Entry) string {
	switch e.Class {
	case Place:
		return "place"
	case Person:
		return "person"
	case Title:
		return "title"
	}
	return "actor"
}

// Slug is the readable IRI segment of the entry: its display name, slugged.
func (e *Entry) Slug() string { return schema.Slug(e.Name()) }
