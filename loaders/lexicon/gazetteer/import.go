package gazetteer

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/text"
)

// Options are the inputs of an import.
type Options struct {
	GeoNames string // extracted libgeonames packages: cities.compiled, usr/share/locale/*/LC_MESSAGES/geonames.mo
	Phoenix  string // directory of the Phoenix actor dictionaries
	ISOCodes string // directory holding iso-codes/json and locale/ (/usr/share)
	Words    string // English word list, one word a line (/usr/share/dict/words)
	ArWords  string // Arabic hunspell dictionary (/usr/share/hunspell/ar.dic)
	Out      string // directory to write the generated files to
	// MinPopulation is the smallest city kept. GeoNames' cities15000 cut is 15,000;
	// Arabic news names towns of that size (Syria, Yemen, Sudan), so that is the
	// default.
	MinPopulation int
	Log           io.Writer // per-reason counts of what was left out; nil for none
}

// Report says how many rows each generated file got, and what was left out.
type Report struct {
	Rows  map[string]int
	Stats map[string]int // "file: reason" → count
}

type importer struct {
	opt   Options
	base  *lexicon.Lexicon
	taken *taken
	ids   map[string]bool
	risk  *risk

	countries   map[string]bool   // alpha-2 codes of generated countries
	countryName map[string]string // alpha-2 → English name
	alpha2      map[string]string // ISO alpha-3 → alpha-2
	titles      map[string]bool   // name keys of the lexicon's English titles
	acronyms    map[string]bool   // upper-case acronyms seen in Phoenix
	firstNames  map[string]int    // folded first word → Phoenix office holders with it
	codeOrg     map[string]*owner // Phoenix code → the organisation it stands for
	orgName     map[string]string // generated organisation id → name
	members     []member          // people listed among organisations' names

	rows  map[string]int
	stats map[string]int
}

// Import reads the sources and writes countries.tsv, places.tsv,
// organizations.tsv and people.tsv to opt.Out.
func Import(opt Options) (*Report, error) {
	if opt.MinPopulation == 0 {
		opt.MinPopulation = 15000
	}
	base, err := lexicon.LoadBase()
	if err != nil {
		return nil, err
	}
	im := &importer{opt: opt, base: base, taken: newTaken(base), ids: map[string]bool{},
		countries: map[string]bool{}, countryName: map[string]string{}, alpha2: map[string]string{},
		titles: map[string]bool{}, acronyms: map[string]bool{}, firstNames: map[string]int{},
		codeOrg: map[string]*owner{}, orgName: map[string]string{}, rows: map[string]int{}, stats: map[string]int{}}
	for _, e := range base.Entries() {
		im.ids[e.ID] = true
		if e.Class == lexicon.Title {
			for _, n := range e.En {
				im.titles[lexicon.NameKey(n)] = true
			}
		}
	}
	words, err := loadWords(opt.Words)
	if err != nil {
		return nil, err
	}
	arWords, err := loadArabicWords(opt.ArWords)
	if err != nil {
		return nil, err
	}
	im.risk = &risk{words: words, arWords: arWords, people: map[string]int{}, base: base}

	iso, err := LoadISO(opt.ISOCodes)
	if err != nil {
		return nil, err
	}
	for _, c := range iso {
		im.alpha2[c.Alpha3] = c.Alpha2
	}
	countries := im.countryRows(iso)
	for _, r := range countries {
		im.countries[r[0]] = true
		im.countryName[r[0]] = strings.Split(r[1], " | ")[0]
	}

	ph, err := loadPhoenix(opt.Phoenix)
	if err != nil {
		return nil, err
	}
	im.learnPhoenix(ph)

	cities, en, ar, err := loadGeoNames(opt.GeoNames)
	if err != nil {
		return nil, err
	}
	places := im.cityRows(cities, en, ar)
	orgs := im.orgRows(ph.international, ph.milNonState)
	people := im.peopleRows(ph.countries, ph.international, ph.milNonState)

	for _, f := range []struct {
		name   string
		header []string
		rows   [][]string
		source string
	}{
		{"countries.tsv", []string{"code", "en", "ar"}, countries, countriesSource},
		{"places.tsv", []string{"id", "kind", "en", "ar", "country"}, places, placesSource},
		{"organizations.tsv", []string{"id", "kind", "en", "country"}, orgs, orgsSource},
		{"people.tsv", []string{"id", "en", "affiliation", "role"}, people, peopleSource},
	} {
		sortRows(f.rows)
		if err := writeTable(filepath.Join(opt.Out, f.name), f.source, f.header, f.rows); err != nil {
			return nil, err
		}
	}
	if opt.Log != nil {
		var keys []string
		for k := range im.stats {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(opt.Log, "%7d  %s\n", im.stats[k], k)
		}
	}
	return &Report{Rows: im.rows, Stats: im.stats}, nil
}

func (im *importer) count(file string, n int) { im.rows[file] = n }

// dropped counts a name or row left out, by file and reason.
func (im *importer) dropped(file, reason string, _ ...any) {
	im.stats[file+": left out: "+reason]++
}

// freeID returns id, or id with the suffixes appended, or numbered, until no entry
// has it, and claims it.
func (im *importer) freeID(id string, suffixes ...string) string {
	for _, s := range suffixes {
		if !im.ids[id] || s == "" {
			break
		}
		id += "-" + s
	}
	base := id
	for n := 2; im.ids[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	im.ids[id] = true
	return id
}

// phoenix holds the three actor dictionaries parley reads.
type phoenix struct {
	countries, international, milNonState []Actor
}

func loadPhoenix(dir string) (*phoenix, error) {
	read := func(name string) ([]Actor, error) {
		path := filepath.Join(dir, name)
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("phoenix: %w", err)
		}
		defer f.Close()
		return ParseActors(path, f)
	}
	var p phoenix
	var err error
	if p.countries, err = read("Phoenix.Countries.actors.txt"); err != nil {
		return nil, err
	}
	if p.international, err = read("Phoenix.International.actors.txt"); err != nil {
		return nil, err
	}
	if p.milNonState, err = read("Phoenix.MilNonState.actors.txt"); err != nil {
		return nil, err
	}
	return &p, nil
}

// learnPhoenix collects what classifying and casing need from all files: the
// acronyms (in parentheses, or a one-word synonym spelling the initials of a
// longer name of its record), the first words of office holders (dated roles are
// people) and how many people's names hold each word.
func (im *importer) learnPhoenix(p *phoenix) {
	for _, actors := range [][]Actor{p.countries, p.international, p.milNonState} {
		for _, a := range actors {
			for _, n := range a.Names {
				_, al := NaturalCase(n, Casing{Person: true})
				for _, x := range al {
					if im.plausibleAcronym(x) {
						im.acronyms[x] = true
					}
				}
			}
			for _, n := range a.Names {
				w := strings.Trim(n, "_ ")
				if !strings.ContainsAny(w, "_ ") && isInitialsOf(w, a.Names) {
					im.acronyms[strings.ToUpper(w)] = true
				}
			}
			dated := false
			for _, r := range a.Roles {
				dated = dated || r.From != 0 || r.To != 0
			}
			if !dated {
				continue
			}
			name, _ := NaturalCase(a.Names[0], Casing{Person: true})
			if ws := words(name); len(ws) >= 2 {
				im.firstNames[ws[0]]++
				for _, w := range ws {
					im.risk.people[w]++
				}
			}
		}
	}
}

// plausibleAcronym rejects what Phoenix puts in parentheses that is no acronym:
// words (SOUTH), names the lexicon has (PHILIPPINES, AMERICAN), long runs.
func (im *importer) plausibleAcronym(x string) bool {
	n := len([]rune(x))
	return n >= 2 && n <= 8 && !im.risk.commonWord(text.Fold(x)) && im.taken.name(x) == nil &&
		im.taken.name(titleWord(strings.ToLower(x))) == nil
}

// isInitialsOf reports whether w spells the initials of the significant words of
// one of names (OSCE: Organization for Security and Co-operation in Europe).
func isInitialsOf(w string, names []string) bool {
	w = strings.ToUpper(strings.Trim(w, "_ "))
	if len(w) < 2 {
		return false
	}
	for _, n := range names {
		var initials strings.Builder
		for _, part := range strings.FieldsFunc(strings.ToUpper(n), func(r rune) bool { return r == '_' || r == ' ' }) {
			if lowerWords[strings.ToLower(part)] || part == "" {
				continue
			}
			initials.WriteRune([]rune(part)[0])
		}
		if s := initials.String(); len(s) > 1 && s == w {
			return true
		}
	}
	return false
}

// GeoNames paths under the extracted packages.
const (
	geoBlob = "cities.compiled"
	geoMO   = "usr/share/locale/%s/LC_MESSAGES/geonames.mo"
)

func loadGeoNames(dir string) ([]City, map[string]string, map[string]string, error) {
	blob := filepath.Join(dir, geoBlob)
	data, err := os.ReadFile(blob)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("geonames: %w", err)
	}
	cities, err := ParseCities(data)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("geonames %s: %w", blob, err)
	}
	cat := func(lang string) (map[string]string, error) {
		path := filepath.Join(dir, fmt.Sprintf(geoMO, lang))
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("geonames: %w", err)
		}
		m, err := ReadMO(data)
		if err != nil {
			return nil, fmt.Errorf("geonames %s: %w", path, err)
		}
		return m, nil
	}
	en, err := cat("en")
	if err != nil {
		return nil, nil, nil, err
	}
	ar, err := cat("ar")
	if err != nil {
		return nil, nil, nil, err
	}
	return cities, en, ar, nil
}

// writeTable writes a lexicon file: the source's header comment, the column
// names, the rows.
func writeTable(path, source string, header []string, rows [][]string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	w := bufio.NewWriter(f)
	for _, l := range strings.Split(strings.TrimSpace(source), "\n") {
		fmt.Fprintln(w, strings.TrimRightFunc("# "+l, unicode.IsSpace))
	}
	fmt.Fprintf(w, "# %d rows. Generated by `parley lexicon import`: edit the hand-written files, not this one.\n", len(rows))
	fmt.Fprintf(w, "%s%s\n", lexicon.DigestLine, lexicon.BaseDigest())
	fmt.Fprintln(w, strings.Join(header, "\t"))
	for _, r := range rows {
		fmt.Fprintln(w, strings.Join(r, "\t"))
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("import %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	return nil
}

// The header of each generated file: what it was made from, under which licence.
const (
	countriesSource = `
countries.tsv — names of every country, added to the hand-written countries.tsv rows
(same ISO code): never replacing their canonical names or flags.
Sources:
- Unicode CLDR English and Arabic region names, as compiled into golang.org/x/text
  (language/display). Unicode License v3, © Unicode, Inc. https://www.unicode.org/copyright.html
- Debian iso-codes (ISO 3166-1 names and official names, and their Arabic translations
  from iso_3166-1.mo). LGPL-2.1-or-later, © Alastair McKinstry, Christian Perrier,
  Tobias Quathamer and the translators. https://salsa.debian.org/iso-codes-team/iso-codes
`
	placesSource = `
places.tsv — cities with an English and an Arabic name, from GeoNames.
Source: GeoNames (https://www.geonames.org), CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/),
as packaged by Debian's libgeonames0 / libgeonames-common 0.3.0 (UBports geonames):
city records from the cities.compiled resource, names from geonames.mo (ar, en).
Modified: only cities of 15,000 people or more with both names; direction marks removed;
names another lexicon entry holds left out; a city whose one-word Arabic name is an Arabic
word left out; other one-word Arabic names, and English names that are a common word or
a person's name, marked ambiguous (?).
`
	orgsSource = `
organizations.tsv — intergovernmental bodies, NGOs, armed groups and movements.
Source: Phoenix actor dictionaries (Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt) of the Open Event Data Alliance, MIT License,
Copyright (c) 2014 Open Event Data Alliance. https://github.com/openeventdata
Modified: names recased, kinds mapped from CAMEO codes (see loaders/lexicon/data/README.md),
companies left out, names another lexicon entry holds left out. Rows whose id is a
hand-written organisation only add names to it.
`
	peopleSource = `
people.tsv — office holders, with the side and office of their latest role.
Source: Phoenix actor dictionaries (Phoenix.Countries.actors.txt,
Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt) of the Open Event
Data Alliance, MIT License, Copyright (c) 2014 Open Event Data Alliance.
The roles end in 2014: an affiliation may be out of date.
Modified: names recased, titles removed, one-word names and names of two common words
left out, people the hand-written people.tsv has left out.
`
)
