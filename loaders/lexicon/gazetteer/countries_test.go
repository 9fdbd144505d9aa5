package gazetteer

import (
	"testing"

	"github.com/parleygraph/parley/loaders/lexicon"
)

// TestCLDRNamesInLexicon checks that the generated countries.tsv keeps what the
// lexicon took from CLDR at run time before it: every country with its English and
// Arabic CLDR name.
func TestCLDRNamesInLexicon(t *testing.T) {
	lx, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	cldr := cldrCountries()
	if len(cldr) < 240 {
		t.Fatalf("%d CLDR countries, want all", len(cldr))
	}
	for code, names := range cldr {
		e := lx.Entry(code)
		if e == nil || e.Class != lexicon.Country {
			t.Errorf("%s: no country entry", code)
			continue
		}
		has := func(list []string, n string) bool {
			for _, x := range list {
				if lexicon.NameKey(x) == lexicon.NameKey(n) {
					return true
				}
			}
			return false
		}
		if !has(e.En, names[0]) || !has(e.Ar, names[1]) {
			t.Errorf("%s: names %q %q lack CLDR's %q %q", code, e.En, e.Ar, names[0], names[1])
		}
	}
}

func TestCatalogueForm(t *testing.T) {
	for n, want := range map[string]bool{
		"Korea, Republic of": true, "Bolivia (Plurinational State of)": true,
		"إيران، الجمهوريّة الإسلاميّة": true, "Islamic Republic of Iran": false,
	} {
		if catalogueForm(n) != want {
			t.Errorf("catalogueForm(%q) = %v", n, !want)
		}
	}
}
