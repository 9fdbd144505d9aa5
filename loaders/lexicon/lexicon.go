// Package lexicon holds what parley knows before it reads an article: countries,
// organisations, places, people, titles and given names in Arabic and English, read
// from the tab-separated files in data/ (see data/README.md) and from any directory of
// files with the same names, and matches them in tokenised text.
package lexicon

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/parleygraph/parley/loaders/text"
	"github.com/parleygraph/parley/schema"
)

// The generated gazetteers are rebuilt from their sources (see data/README.md,
// "Regenerating") with:
//
//go:generate go run ../../cmd/parley lexicon import --geonames $GEONAMES --phoenix $PHOENIX --out data/generated
//go:embed data/*.tsv data/generated/*.tsv
var builtin embed.FS

// GeneratedDir is where, inside data/, `parley lexicon import` writes the
// gazetteers it builds from public sources (CLDR, iso-codes, GeoNames, Phoenix).
// They are read after the hand-written files and yield to them: see yieldGenerated.
const GeneratedDir = "generated"

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

	// Generated is set on entries that only the generated gazetteers define. The
	// extractor trusts their ambiguous names less than hand-written ones.
	Generated bool
	// gen holds the keys (see NameKey) of the names generated rows merged into a
	// hand-written entry (all of a generated entry's names are generated).
	gen map[string]bool
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
	yielded []Problem // generated names dropped for a hand-written one (see yieldGenerated)
	stale   []string  // generated files made from other hand-written files than these
	sum     hash.Hash // of every file read, while loading (see Digest)
	digest  string
	// memo caches the tokens of each name while the lexicon loads: every name is
	// keyed, checked and indexed, and tokenising tens of thousands of names once
	// each is most of the start-up time.
	memo map[string]nameInfo
}

// nameInfo is what the loader needs of a name's tokens.
type nameInfo struct {
	toks []string // nameTokens
	caps []int    // capitalised
}

// info tokenises a name (without its "?") once per load.
func (lx *Lexicon) info(n string) nameInfo {
	if ni, ok := lx.memo[n]; ok {
		return ni
	}
	var ni nameInfo
	k := 0
	for i, t := range text.Tokenize(n) {
		if i == 0 && t.Norm == "the" && !t.Arabic {
			continue
		}
		if k > 0 && t.Cap {
			ni.caps = append(ni.caps, k)
		}
		ni.toks = append(ni.toks, t.Norm)
		k++
	}
	if lx.memo != nil {
		lx.memo[n] = ni
	}
	return ni
}

// toks is nameTokens(n), memoised during Load.
func (lx *Lexicon) toks(n string) []string { return lx.info(n).toks }

// key is NameKey(raw), with the tokens memoised.
func (lx *Lexicon) key(raw string) string { return nameKey(raw, lx.toks) }

// isGen reports whether a name key of e came from a generated row.
func (e *Entry) isGen(key string) bool { return e.Generated || e.gen[key] }

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
	load func(lx *Lexicon, r Row, t tier) error
}

// DigestLine starts the comment line of a generated file that names the
// hand-written files it was made from (BaseDigest at import time).
const DigestLine = "# made from hand-written lexicon "

var baseDigest = sync.OnceValue(func() string {
	h := sha256.New()
	for _, s := range specs {
		data, _ := builtin.ReadFile("data/" + s.name)
		fmt.Fprintf(h, "%s %d\n", s.name, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
})

// BaseDigest identifies the built-in hand-written files: a generated file made
// from them records it, and the loader then knows no generated name collides with
// a hand-written one.
func BaseDigest() string { return baseDigest() }

// madeFrom reports whether a generated file records the digest.
func madeFrom(data []byte, digest string) bool {
	return bytes.Contains(data, []byte(DigestLine+digest+"\n"))
}

// tier is where a row comes from: it decides which row wins when two give one entry
// different values.
type tier uint8

const (
	tierBuiltin   tier = iota // the hand-written files in data/
	tierGenerated             // data/generated/: adds names, never overrides
	tierExtra                 // --lexicon directories: add names and fill gaps
)

var specs = []fileSpec{
	{"countries.tsv", []string{"code", "en", "ar", "en_adj", "ar_nisba", "capital", "flags"}, loadCountry},
	{"organizations.tsv", []string{"id", "kind", "en", "ar", "en_adj", "ar_nisba", "country", "flags"}, loadOrganization},
	{"places.tsv", []string{"id", "kind", "en", "ar", "country", "stands_for", "flags", "city"}, loadPlace},
	{"people.tsv", []string{"id", "en", "ar", "affiliation", "role", "flags"}, loadPerson},
	{"titles.tsv", []string{"id", "en", "ar", "kind"}, loadTitle},
	{"given_names.tsv", []string{"en", "ar"}, loadGivenName},
}

// Columns lists the columns of a lexicon file in the order its header gives them
// (nil for a file the lexicon does not read).
func Columns(file string) []string {
	for _, s := range specs {
		if s.name == file {
			return append([]string(nil), s.cols...)
		}
	}
	return nil
}

// FileNames lists the files a lexicon directory may hold.
func FileNames() []string {
	var out []string
	for _, s := range specs {
		out = append(out, s.name)
	}
	return out
}

// Load reads the built-in lexicon, then the generated gazetteers, then the files of
// each extra directory (rows with an existing id add names to that entry), drops
// the generated names that a hand-written or extra entry also holds, and builds the
// matching index.
func Load(extraDirs ...string) (*Lexicon, error) { return load(true, extraDirs) }

// LoadBase reads only the hand-written built-in files: the lexicon that `parley
// lexicon import` measures generated names against.
func LoadBase() (*Lexicon, error) { return load(false, nil) }

func load(generated bool, extraDirs []string) (*Lexicon, error) {
	// Sized for the generated gazetteers (some 20,000 entries, 45,000 names):
	// growing the maps step by step costs more than filling them.
	n := 1024
	if generated {
		n = 1 << 15
	}
	lx := &Lexicon{entries: make(map[string]*Entry, n), given: map[string]bool{}, memo: make(map[string]nameInfo, 2*n), sum: sha256.New()}
	type dir struct {
		path string
		t    tier
	}
	dirs := []dir{{"data/", tierBuiltin}}
	if generated {
		dirs = append(dirs, dir{"data/" + GeneratedDir + "/", tierGenerated})
	}
	current := generated && len(extraDirs) == 0
	for _, d := range dirs {
		for _, s := range specs {
			data, err := builtin.ReadFile(d.path + s.name)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			} else if err != nil {
				return nil, err
			}
			if d.t == tierGenerated && !madeFrom(data, BaseDigest()) {
				current = false
				lx.stale = append(lx.stale, "lexicon/"+d.path+s.name)
			}
			if err := lx.readFile("lexicon/"+d.path+s.name, bytes.NewReader(data), s, d.t); err != nil {
				return nil, err
			}
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
			err = lx.readFile(path, f, s, tierExtra)
			f.Close()
			if err != nil {
				return nil, err
			}
		}
	}
	if !current {
		// The importer already left out every name the hand-written files hold when
		// they were these files; otherwise the generated names yield here.
		lx.yieldGenerated()
	}
	lx.idx = buildIndex(lx)
	lx.memo = nil
	lx.digest = hex.EncodeToString(lx.sum.Sum(nil))
	lx.sum = nil
	return lx, nil
}

// Digest identifies the lexicon's content: the SHA-256 of every file it read, with
// their names. An article extracted with another lexicon may hold other facts.
func (lx *Lexicon) Digest() string { return lx.digest }

func (lx *Lexicon) readFile(name string, r io.Reader, s fileSpec, t tier) error {
	fmt.Fprintf(lx.sum, "%s\n", name)
	rows, err := ReadTable(name, io.TeeReader(r, lx.sum), s.cols)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	for _, row := range rows {
		if err := s.load(lx, row, t); err != nil {
			return fmt.Errorf("lexicon: %s: %w", row.Where(), err)
		}
	}
	lx.files = append(lx.files, name)
	return nil
}

var (
	orgKinds   = setOf("igo", "alliance", "armed_group", "movement", "party", "agency", "government", "military", "ngo", "media", "company", "community")
	placeKinds = setOf("city", "region", "territory", "border", "building", "crossing", "water", "landmark")
	titleKinds = setOf("head_of_state", "head_of_government", "minister", "official", "aide", "diplomat", "military", "intelligence", "leader", "envoy", "mediator", "honorific", "journalist")
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

// upsert adds e, or merges its names into the entry with the same id. Rows of a
// later tier append their names; an extension row fills the fields left empty; a
// generated row adds names only, and one whose id is taken by an entry of another
// class is skipped (the hand-written entry owns the id).
func (lx *Lexicon) upsert(e *Entry, t tier) error {
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
		e.Generated = t == tierGenerated
		lx.entries[e.ID] = e
		lx.order = append(lx.order, e)
		return nil
	}
	if old.Class != e.Class {
		if t == tierGenerated {
			return nil
		}
		return fmt.Errorf("id %s is already a %s (%s)", e.ID, old.Class, old.Source)
	}
	if t == tierGenerated && !old.Generated {
		lx.addGeneratedNames(old, e)
		return nil
	}
	merge := func(dst *[]string, src []string) { *dst = dedupe(append(*dst, src...)) }
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
		if f.src != "" && (*f.dst == "" || t == tierBuiltin || old.Generated && t != tierGenerated) {
			*f.dst = f.src
		}
	}
	for k, v := range e.Flags {
		if k != "alias_of" {
			old.Flags[k] = v
		}
	}
	if old.Generated && t != tierGenerated {
		// A hand-written or extension row for a generated entry: it is theirs now.
		old.Generated, old.Source = false, e.Source
	}
	return nil
}

// addGeneratedNames adds to a hand-written entry the names of a generated row it
// lacks: its own stay first, as written (repeats and all), and a generated "?"
// cannot mark them ambiguous.
func (lx *Lexicon) addGeneratedNames(old, e *Entry) {
	if old.gen == nil {
		old.gen = map[string]bool{}
	}
	e.En, e.Ar, e.EnAdj = lx.newNames(old, e.En, ""), lx.newNames(old, e.Ar, ""), lx.newNames(old, e.EnAdj, "")
	e.ArNisba = lx.newNames(old, e.ArNisba, nisbaPrefix)
	for _, n := range e.names() {
		old.gen[lx.key(n)] = true
	}
	old.En = append(old.En, dedupe(e.En)...)
	old.Ar = append(old.Ar, dedupe(e.Ar)...)
	old.EnAdj = append(old.EnAdj, dedupe(e.EnAdj)...)
	old.ArNisba = append(old.ArNisba, dedupe(e.ArNisba)...)
}

// names lists every name of the entry: names, adjectives and nisbas.
func (e *Entry) names() []string {
	var out []string
	for _, l := range [][]string{e.En, e.Ar, e.EnAdj} {
		out = append(out, l...)
	}
	for _, n := range e.ArNisba {
		out = append(out, nisbaPrefix+n)
	}
	return out
}

// nisbaPrefix keeps a nisba's key apart from a name spelt the same.
const nisbaPrefix = "nisba:"

// newNames returns the names of list (keyed with prefix) that e does not hold yet.
func (lx *Lexicon) newNames(e *Entry, list []string, prefix string) []string {
	have := map[string]bool{}
	for _, n := range e.names() {
		have[lx.key(n)] = true
	}
	var out []string
	for _, n := range list {
		if !have[lx.key(prefix+n)] {
			out = append(out, n)
		}
	}
	return out
}

// NameKey is the key two names must share to be one name for the matcher: the
// script, then the folded words without a leading "the" and without the "?" mark
// ("en:united states", "ar:قطر").
func NameKey(raw string) string { return nameKey(raw, nameTokens) }

// nameKey is NameKey with the tokeniser given.
func nameKey(raw string, toks func(string) []string) string {
	prefix := ""
	if strings.HasPrefix(raw, nisbaPrefix) {
		prefix, raw = nisbaPrefix, strings.TrimPrefix(raw, nisbaPrefix)
	}
	n, _ := parseName(raw)
	lang := "en:"
	if text.HasArabic(n) {
		lang = "ar:"
	}
	return prefix + lang + strings.Join(toks(n), " ")
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

func loadCountry(lx *Lexicon, r Row, t tier) error {
	code := strings.ToUpper(r.Get("code"))
	if len(code) != 2 {
		return fmt.Errorf("country code %q: want two letters", r.Get("code"))
	}
	flags, err := parseFlags(r)
	if err != nil {
		return err
	}
	return lx.upsert(&Entry{
		// Deduplicated as they were when CLDR names came first: spellings that fold
		// alike (Türkiye, Turkiye) are one name.
		ID: code, Class: Country, Kind: "state",
		En: dedupe(r.List("en")), Ar: dedupe(r.List("ar")), EnAdj: dedupe(r.List("en_adj")), ArNisba: dedupe(r.List("ar_nisba")),
		Capital: r.Get("capital"), Flags: flags, Source: r.Where(),
	}, t)
}

func loadOrganization(lx *Lexicon, r Row, t tier) error {
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
	}, t)
}

func loadPlace(lx *Lexicon, r Row, t tier) error {
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
	}, t)
}

func loadPerson(lx *Lexicon, r Row, t tier) error {
	flags, err := parseFlags(r)
	if err != nil {
		return err
	}
	return lx.upsert(&Entry{
		ID: r.Get("id"), Class: Person, Kind: "person",
		En: r.List("en"), Ar: r.List("ar"),
		Affiliation: normRef(r.Get("affiliation")), Role: r.Get("role"),
		Flags: flags, Source: r.Where(),
	}, t)
}

func loadTitle(lx *Lexicon, r Row, t tier) error {
	kind := r.Get("kind")
	if !titleKinds[kind] {
		return fmt.Errorf("title kind %q unknown", kind)
	}
	return lx.upsert(&Entry{
		ID: "title:" + r.Get("id"), Class: Title, Kind: kind,
		En: r.List("en"), Ar: r.List("ar"), Flags: map[string]string{}, Source: r.Where(),
	}, t)
}

// loadGivenName registers a row's first names. A compound name (عبد السلام, Salah
// al-Din) registers as a whole, its words joined by a space, and its first word
// alone unless that word only links a name (عبد, Abdel): "السلام" and "الدين" are
// words, not names.
func loadGivenName(lx *Lexicon, r Row, _ tier) error {
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

// NodeKey is what follows the IRI base in the node of an entry of class named
// name ("actor/qatar", "place/doha"): entries with one key would share a node.
func NodeKey(class Class, name string) string { return schema.NodeKey(classSegment(class), name) }

// NodeKey is the entry's node key (see NodeKey).
func (e *Entry) NodeKey() string { return NodeKey(e.Class, e.Name()) }

// classSegment is the node kind of a class (its IRI segment): actor, place, person
// or title.
func classSegment(c Class) string {
	switch c {
	case Place:
		return schema.PlaceKind
	case Person:
		return schema.PersonKind
	case Title:
		return schema.TitleKind
	}
	return schema.ActorKind
}

// Slug is the readable IRI segment of the entry: its display name, slugged.
func (e *Entry) Slug() string { return schema.Slug(e.Name()) }
