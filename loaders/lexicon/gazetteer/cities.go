package gazetteer

import (
	"sort"
	"strings"
	"unicode"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/text"
	"github.com/parleygraph/parley/schema"
)

// cleanArabic strips the direction marks GeoNames leaves in names and returns the
// name if it is written in Arabic letters only, else "".
func cleanArabic(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u200e', '\u200f', '\u200b', '\u200c', '\u200d', '\u061c', '\ufeff':
			return -1
		case '\u00a0':
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !text.IsArabic(r) {
				return ""
			}
			letters++
		}
	}
	if letters < 2 {
		return ""
	}
	return s
}

// cityRows turns the GeoNames cities that have an English and an Arabic name, a
// country and at least MinPopulation people into places.tsv rows, biggest first so
// that of two cities with one name the bigger keeps it. A city that is a
// hand-written place (same name, same country) only adds its other names to it;
// a name any other entry holds is left out, and a city left without its English
// or its Arabic name is skipped.
func (im *importer) cityRows(cities []City, en, ar map[string]string) [][]string {
	sort.SliceStable(cities, func(i, j int) bool { return cities[i].Population > cities[j].Population })
	// Regions (GeoNames' first-level divisions) by name: a town named after
	// another country's province (a US town named like a Canadian province) is
	// not what news means.
	regions := map[string]map[string]bool{}
	for _, c := range cities {
		k := lexicon.NameKey(c.Admin1Name)
		if regions[k] == nil {
			regions[k] = map[string]bool{}
		}
		regions[k][c.Country] = true
	}
	var rows [][]string
	for _, c := range cities {
		enName, arName := strings.Trim(en[c.ID], " '‘’ʻʼ`"), cleanArabic(ar[c.ID])
		switch {
		case enName == "" || arName == "" || c.Country == "":
			im.dropped("cities", "no English or Arabic name, or no country")
			continue
		case int(c.Population) < im.opt.MinPopulation:
			im.dropped("cities", "population below the minimum")
			continue
		case !im.countries[c.Country] && im.base.Entry(c.Country) == nil:
			im.dropped("cities", "country %s unknown", c.Country)
			continue
		}
		if r := regions[lexicon.NameKey(enName)]; len(r) > 0 && !r[c.Country] {
			im.dropped("cities", "named like another country's region")
			continue
		}
		if len(words(arName)) == 1 && im.risk.arabicWord(arName) {
			im.dropped("cities", "one-word Arabic name that is an Arabic word")
			continue
		}
		enNames := []string{enName}
		if lexicon.NameKey(c.Name) != lexicon.NameKey(enName) && !strings.ContainsAny(c.Name, "'’ʼʻ") {
			enNames = append(enNames, c.Name) // GeoNames' own spelling: Zürich beside Zurich
		}
		if row := im.cityRow(c, enNames, arName); row != nil {
			rows = append(rows, row)
		}
	}
	im.count("places.tsv", len(rows))
	return rows
}

func (im *importer) cityRow(c City, enNames []string, arName string) []string {
	// A hand-written city of this country that holds one of the names is this city.
	var same *owner
	for _, n := range append(append([]string(nil), enNames...), arName) {
		if o := im.taken.name(n); o != nil && !o.generated && o.class == string(lexicon.Place) && o.kind == "city" && o.country == c.Country {
			same = o
			break
		}
	}
	en, ar := im.freeNames("cities", same, enNames), im.freeNames("cities", same, []string{arName})
	if same == nil && (len(en) == 0 || en[0] != enNames[0] || len(ar) == 0) {
		im.dropped("cities", "English or Arabic name held by another entry")
		return nil
	}
	if same == nil && im.taken.node(lexicon.Place, enNames[0]) != nil {
		im.dropped("cities", "node IRI held by another entry")
		return nil
	}
	if same != nil && len(en) == 0 && len(ar) == 0 {
		return nil // the hand-written entry has it all
	}
	for i, n := range en {
		en[i] = im.markEnglish(n)
	}
	for i, n := range ar {
		ar[i] = markArabic(n)
	}
	o := same
	if o == nil {
		id := im.freeID(schema.Slug(enNames[0]), strings.ToLower(c.Country), c.ID)
		o = &owner{id: id, class: string(lexicon.Place), kind: "city", country: c.Country}
		im.stats["places.tsv: new cities"]++
	} else {
		im.stats["places.tsv: cities merged into hand-written places"]++
	}
	im.taken.add(o, lexicon.Place, append(append([]string(nil), en...), ar...))
	return []string{o.id, "city", join(en), join(ar), c.Country}
}

// markArabic marks a one-word Arabic city name ambiguous: one-word names are often
// words of the language (a noun, a verb, a given name), and the extractor takes an
// ambiguous place only where the sentence makes it one («في ...»).
func markArabic(n string) string {
	if len(words(n)) == 1 {
		return n + "?"
	}
	return n
}

// markEnglish marks an English city name ambiguous when it is one word that is
// common: an English word, a month or weekday, a given name or a name Phoenix
// people share (Nice, Reading, March, Victoria, Jackson). Names of several words
// need no mark: generated English names match only with every capital in place
// ("Long Beach", not "long beach").
func (im *importer) markEnglish(n string) string {
	if ws := words(n); len(ws) == 1 && im.risk.nameWord(ws[0]) {
		im.stats["places.tsv: English names marked ?"]++
		return n + "?"
	}
	return n
}
