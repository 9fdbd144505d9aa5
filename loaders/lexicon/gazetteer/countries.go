package gazetteer

import (
	"sort"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/parleygraph/parley/loaders/lexicon"
)

// cldrCountries returns the English and Arabic CLDR names (golang.org/x/text) of
// every region code that is a country today: not a group (UN, EU), not a
// deprecated code (DD, YD, ZR), not private use.
func cldrCountries() map[string][2]string {
	en, ar := display.English.Regions(), display.Arabic.Regions()
	notStates := map[string]bool{"UN": true, "EU": true, "EZ": true, "QO": true, "ZZ": true}
	out := map[string][2]string{}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || notStates[code] || !r.IsCountry() || r.IsGroup() || r.IsPrivateUse() || r.String() != code || r.Canonicalize().String() != code {
				continue
			}
			if enName, arName := en.Name(r), ar.Name(r); enName != "" && arName != "" {
				out[code] = [2]string{enName, arName}
			}
		}
	}
	return out
}

// catalogueForm reports whether a name is written for a sorted list, not for
// prose: "Korea, Republic of", "Bolivia (Plurinational State of)".
func catalogueForm(n string) bool { return strings.ContainsAny(n, ",،()[]") }

// prose returns an iso-codes name, or "" for a catalogue form. CLDR's names are
// kept as they are ("Myanmar (Burma)"), as the lexicon always had them.
func prose(n string) string {
	if catalogueForm(n) {
		return ""
	}
	return n
}

// countryRows gives every country its CLDR names and iso-codes' short and official
// names in English and Arabic. A name another entry already holds is left out;
// names of the hand-written row with the same code are repeated harmlessly (the
// loader adds only what it lacks, after the hand-written names).
func (im *importer) countryRows(iso []ISOCountry) [][]string {
	cldr := cldrCountries()
	byCode := map[string]ISOCountry{}
	for _, c := range iso {
		byCode[c.Alpha2] = c
	}
	codes := map[string]bool{}
	for c := range cldr {
		codes[c] = true
	}
	for c := range byCode {
		codes[c] = true
	}
	var sorted []string
	for c := range codes {
		sorted = append(sorted, c)
	}
	sort.Strings(sorted)
	var rows [][]string
	for _, code := range sorted {
		c, iso := cldr[code], byCode[code]
		en := im.keepNames(code, c[0], prose(iso.Name), prose(iso.OfficialName))
		ar := im.keepNames(code, c[1], prose(iso.ArName), prose(iso.ArOfficialName))
		if len(en) == 0 || len(ar) == 0 {
			continue // no name in one language: not a country parley can name
		}
		o := &owner{id: code, class: string(lexicon.Country), country: code}
		im.taken.add(o, lexicon.Country, append(append([]string(nil), en...), ar...))
		rows = append(rows, []string{code, join(en), join(ar)})
	}
	im.count("countries.tsv", len(rows))
	return rows
}

// keepNames drops empty names, repeats and names another entry holds.
func (im *importer) keepNames(id string, names ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || seen[lexicon.NameKey(n)] {
			continue
		}
		seen[lexicon.NameKey(n)] = true
		if o := im.taken.name(n); o != nil && o.id != id {
			im.dropped("countries", "name held by another entry")
			continue
		}
		out = append(out, n)
	}
	return out
}

func join(names []string) string { return strings.Join(names, " | ") }
