package lexicon

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// addCLDRCountries gives every country CLDR knows an entry with its English and
// Arabic names, so the lexicon covers all states before countries.tsv adds demonyms,
// capitals and the short forms news writes.
func addCLDRCountries(lx *Lexicon) {
	en, ar := display.English.Regions(), display.Arabic.Regions()
	notStates := map[string]bool{"UN": true, "EU": true, "EZ": true, "QO": true, "ZZ": true}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			// Deprecated codes (DD, YD, ZR) canonicalise to today's; groups (UN, EU) are
			// not countries.
			if err != nil || notStates[code] || !r.IsCountry() || r.IsGroup() || r.IsPrivateUse() || r.String() != code || r.Canonicalize().String() != code {
				continue
			}
			enName, arName := en.Name(r), ar.Name(r)
			if enName == "" || arName == "" {
				continue
			}
			e := &Entry{ID: code, Class: Country, Kind: "state", En: []string{enName}, Ar: []string{arName},
				Flags: map[string]string{}, Source: "cldr"}
			lx.entries[code] = e
			lx.order = append(lx.order, e)
		}
	}
}
