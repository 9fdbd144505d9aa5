package eval

import (
	"reflect"
	"testing"
)

// Names here are made up (or from the scorer's own synonym table); none come from
// the devset.

func TestDevNorm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Port Amiran", "port amiran"},
		{"The Zarvanian Council", "zarvanian council"},
		{"Sharm-al-Velo", "sharm al velo"},
		{"«Kelthar» (front); talks: 2/3", "kelthar front talks 2 3"},
		{"O’Dray—Mossel", "o dray mossel"},
		{"Çelikhan Şarköy Gürbüz", "celikhan sarkoy gurbuz"},
		{"İzvara", "i\u0307zvara"},       // Python lowers İ to i + combining dot
		{"ΟΡΟΣ ΝΕΟΣ", "ορος νεος"},       // final sigma, as Python lowers it
		{"ﬁnley", "finley"},              // NFKC
		{"a\u00a0b\x1cc", "a b c"},       // Python's whitespace
		{"الزَّرْفانِيّة", "زرفانيه"},    // diacritics, article, teh marbuta
		{"أمير إلى آخر", "امير الي اخر"}, // alef forms, alef maqsura
		{"الحد", "حد"},                   // the article goes from words of four letters or more
		{"الف", "الف"},
		{"مـــدينة", "مدينه"}, // tatweel
		{"the", ""},
		{" .,; ", ""},
	}
	for _, tt := range tests {
		if got := devNorm(tt.in); got != tt.want {
			t.Errorf("devNorm(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func madeUpGold() *DevGold {
	return &DevGold{
		ID:         "x01",
		Mediations: []DevMediation{{Mediator: "Zarvania", Parties: []string{"Kelthar Front", "Osmeric government"}}},
		Talks:      []DevTalks{{Location: "Port Amiran", Participants: []string{"Kelthar Front", "Zarvania"}}},
		Persons: []DevPerson{
			{Name: "Idris Quellan Marrow", Role: "envoy", Affiliation: "Zarvania"},
			{Name: "Lena Osk", Role: "minister", Affiliation: "Osmeric government"},
		},
		Locations: []string{"Port Amiran", "Zarvania", "United States"},
		Aliases: map[string][]string{
			"Zarvania":           {"Zarvanian", "Port Amiran"}, // a capital used as the state
			"Osmeric government": {"Osmer"},
			"Kelthar Front":      {"KF"},
		},
	}
}

func TestDevResolve(t *testing.T) {
	r := newDevResolver(madeUpGold())
	tests := []struct {
		name, in string
		prefer   []string
		want     string
	}{
		{"canonical", "Zarvania", nil, "Zarvania"},
		{"canonical folded", "the zarvania", nil, "Zarvania"},
		{"alias", "Zarvanian", nil, "Zarvania"},
		{"alias of one name", "KF", nil, "Kelthar Front"},
		{"own name beats an alias", "Port Amiran", []string{"Zarvania"}, "Port Amiran"},
		{"synonym", "USA", nil, "United States"},
		{"synonym folded", "the U.S.", nil, "United States"},
		{"person by words", "Idris Marrow", nil, "Idris Quellan Marrow"},
		{"person, longer name", "Sheikh Idris Quellan Marrow al-Tan", nil, "Idris Quellan Marrow"},
		{"one word is not enough", "Marrow", nil, "?marrow"},
		{"two-word person exact", "Lena Osk", nil, "Lena Osk"},
		{"unknown", "Velmont Accord", nil, "?velmont accord"},
		{"empty", " - ", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := r.resolve(tt.in, setOf(tt.prefer...)); got != tt.want {
				t.Errorf("resolve(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDevResolvePrefer(t *testing.T) {
	g := &DevGold{Aliases: map[string][]string{"Beta Union": {"Capital City"}, "Alpha State": {"Capital City"}}}
	r := newDevResolver(g)
	tests := []struct {
		prefer []string
		want   string
	}{
		{nil, "Alpha State"}, // first by name
		{[]string{"Beta Union"}, "Beta Union"},
		{[]string{"Gamma"}, "Alpha State"},
	}
	for _, tt := range tests {
		if got := r.resolve("capital city", setOf(tt.prefer...)); got != tt.want {
			t.Errorf("prefer %v: got %q, want %q", tt.prefer, got, tt.want)
		}
	}
}

func TestScoreDevRows(t *testing.T) {
	rows := map[string][]any{
		"mediators": {
			map[string]any{"mediator": "Zarvanian", "between": []any{"KF", "Osmer"}},
			map[string]any{"mediator": "Osmer", "between": []any{"Osmeric government", "KF"}}, // self-pair dropped
		},
		"talks": {
			map[string]any{"location": "Port Amiran", "between": []any{"KF"}, "participants": []any{"Idris Marrow"}},
		},
		"people": {
			map[string]any{"person": "Idris Marrow", "affiliation": "Zarvania"},
			map[string]any{"person": "Lena Osk", "affiliation": ""},
			map[string]any{"person": "Tobin Arch", "affiliation": "Zarvania"}, // not gold: no affiliation pair
		},
		"locations": {
			map[string]any{"location": "Port Amiran"},
			map[string]any{"location": "USA"},
			map[string]any{"location": "Velmont"},
		},
		"issues": {
			map[string]any{"issue": " Ceasefire "},
			map[string]any{"issue": "fishing rights"}, // not in the taxonomy
		},
	}
	g := madeUpGold()
	g.Issues = []string{"ceasefire", "other:fishing"}
	got := scoreDevRows(g, rows)
	want := map[string][3]int{ // tp, pred, gold
		"mediation":   {2, 3, 2},
		"venue":       {1, 1, 1},
		"participant": {2, 2, 2},
		"person":      {2, 3, 2},
		"affiliation": {1, 1, 2},
		"location":    {2, 3, 3},
		"place":       {1, 2, 2}, // Zarvania is no country of the scorer's table
		"issue":       {1, 1, 1},
	}
	for _, cat := range DevCategories {
		c := got[cat]
		if w := want[cat]; [3]int{c.TP, c.Pred, c.Gold} != w {
			t.Errorf("%s: tp %d pred %d gold %d, want %v (fp %q, fn %q)", cat, c.TP, c.Pred, c.Gold, w, c.FP, c.FN)
		}
	}
	if fp := got["mediation"].FP; !reflect.DeepEqual(fp, []string{"Osmeric government → Kelthar Front"}) {
		t.Errorf("mediation FP %q", fp)
	}
}

func TestNamesOf(t *testing.T) {
	tests := []struct {
		in   any
		want []string
	}{
		{nil, nil},
		{"Port Amiran", []string{"Port Amiran"}},
		{[]any{"A", nil, []any{"B"}}, []string{"A", "B"}},
		{map[string]any{"id": "x", "label": "L"}, []string{"L"}},
		{map[string]any{"other": "x"}, nil},
		{map[string]any{"name": nil}, []string{"None"}},
		{true, []string{"True"}},
	}
	for _, tt := range tests {
		if got := namesOf(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("namesOf(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCountsPRF(t *testing.T) {
	tests := []struct {
		c       Counts
		p, r, f float64
	}{
		{Counts{TP: 1, Pred: 2, Gold: 4}, 0.5, 0.25, 1.0 / 3},
		{Counts{}, 1, 1, 1},
		{Counts{Gold: 3}, 0, 0, 0}, // nothing predicted, something to find
		{Counts{Pred: 2}, 0, 1, 0},
	}
	for _, tt := range tests {
		if p, r, f := tt.c.Precision(), tt.c.Recall(), tt.c.F1(); !approx(p, tt.p) || !approx(r, tt.r) || !approx(f, tt.f) {
			t.Errorf("%+v: P %.3f R %.3f F %.3f, want %.3f %.3f %.3f", tt.c, p, r, f, tt.p, tt.r, tt.f)
		}
	}
}

func approx(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
