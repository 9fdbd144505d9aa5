package lexicon

import (
	"strings"
	"testing"

	"github.com/parleygraph/parley/loaders/text"
)

func TestGeneratedFilesLoad(t *testing.T) {
	lx := loadBuiltin(t)
	files := strings.Join(lx.Files(), " ")
	for _, name := range []string{"countries.tsv", "places.tsv", "organizations.tsv", "people.tsv"} {
		if !strings.Contains(files, "lexicon/data/"+GeneratedDir+"/"+name) {
			t.Errorf("Files() = %q: generated %s was not read", lx.Files(), name)
		}
	}
	n := map[Class]int{}
	for _, e := range lx.Entries() {
		if e.Generated {
			n[e.Class]++
		}
	}
	for c, min := range map[Class]int{Country: 10, Place: 3000, Organization: 1000, Person: 5000} {
		if n[c] < min {
			t.Errorf("%d generated %s entries, want at least %d", n[c], c, min)
		}
	}
	if len(lx.stale) > 0 {
		t.Logf("generated files made from other hand-written files (names yield at load): %v", lx.stale)
	}
}

// TestGeneratedKeepsHandWritten checks that the generated files only add: every
// hand-written entry keeps its canonical names, all its names, its ambiguity marks
// and its flags.
func TestGeneratedKeepsHandWritten(t *testing.T) {
	base, err := LoadBase()
	if err != nil {
		t.Fatal(err)
	}
	lx := loadBuiltin(t)
	for _, b := range base.Entries() {
		e := lx.Entry(b.ID)
		if e == nil {
			t.Errorf("%s: missing with the generated files", b.ID)
			continue
		}
		if e.Generated || e.Name() != b.Name() || e.ArName() != b.ArName() || e.Source != b.Source {
			t.Errorf("%s: Name %q/%q Source %q, want %q/%q %q", b.ID, e.Name(), e.ArName(), e.Source, b.Name(), b.ArName(), b.Source)
		}
		for _, l := range []struct{ got, want []string }{{e.En, b.En}, {e.Ar, b.Ar}, {e.EnAdj, b.EnAdj}, {e.ArNisba, b.ArNisba}} {
			if len(l.got) < len(l.want) || strings.Join(l.got[:len(l.want)], "|") != strings.Join(l.want, "|") {
				t.Errorf("%s: names %q, want them to start with %q", b.ID, l.got, l.want)
			}
		}
		for k, v := range b.Flags {
			if e.Flags[k] != v {
				t.Errorf("%s: flag %s = %q, want %q", b.ID, k, e.Flags[k], v)
			}
		}
		if e.Country != b.Country || e.Affiliation != b.Affiliation || e.Role != b.Role || e.Kind != b.Kind {
			t.Errorf("%s: fields changed: %+v", b.ID, e)
		}
	}
	if qa := lx.Entry("QA"); qa.Name() != "Qatar" || qa.ArName() != "قطر" {
		t.Errorf("QA = %q / %q, want Qatar / قطر", qa.Name(), qa.ArName())
	}
	// The generated file adds the official long forms of iso-codes.
	toks := text.Tokenize("Syrian Arab Republic")
	if ms := lx.Match(toks); len(ms) != 1 || ms[0].Entry() == nil || ms[0].Entry().ID != "SY" {
		t.Errorf("Match(Syrian Arab Republic) = %+v, want SY", describe("Syrian Arab Republic", toks, ms))
	}
}

func TestGeneratedPlaces(t *testing.T) {
	lx := loadBuiltin(t)
	tests := []struct {
		src       string
		id        string // "" for any
		country   string
		ambiguous bool
		generated bool
	}{
		{"Helsinki", "helsinki", "FI", false, false}, // hand-written
		{"هلسنكي", "helsinki", "FI", false, false},
		{"Zurich", "zurich", "CH", false, true},
		{"Zürich", "zurich", "CH", false, true},
		{"زيورخ", "zurich", "CH", true, true}, // one Arabic word: needs a locative
		{"Belfast", "belfast", "GB", false, true},
		{"بلفاست", "belfast", "GB", true, true},
		{"Long Beach", "long-beach", "US", false, true},
		{"Reading", "reading", "US", true, true}, // an English word
		{"Jackson", "jackson", "US", true, true}, // a surname
		{"Doha", "doha", "QA", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			toks := text.Tokenize(tt.src)
			ms := lx.Match(toks)
			if len(ms) != 1 || len(ms[0].Entries) != 1 || ms[0].End != len(toks) {
				t.Fatalf("Match(%q) = %+v, want one place over all tokens", tt.src, describe(tt.src, toks, ms))
			}
			e := ms[0].Entries[0]
			if e.Class != Place || e.Kind != "city" || e.Country != tt.country || tt.id != "" && e.ID != tt.id {
				t.Errorf("Match(%q) = %s %s %s in %q, want city %s in %s", tt.src, e.ID, e.Class, e.Kind, e.Country, tt.id, tt.country)
			}
			if ms[0].Ambiguous != tt.ambiguous || e.Generated != tt.generated {
				t.Errorf("Match(%q): Ambiguous %v Generated %v, want %v %v", tt.src, ms[0].Ambiguous, e.Generated, tt.ambiguous, tt.generated)
			}
		})
	}
}

func TestGeneratedNamesMatchStrictly(t *testing.T) {
	lx := loadBuiltin(t)
	for _, src := range []string{
		"long beach",       // every capital of a generated name
		"Long beach",       //
		"Neu-Zurich",       // not inside a hyphenated word (Zurich)
		"Zurich-based",     //
		"UN envoy",         // a known name and a title make no organisation
		"Quarterfield Ltd", // nothing
	} {
		toks := text.Tokenize(src)
		for _, m := range lx.Match(toks) {
			for _, e := range m.Entries {
				if e.Generated {
					t.Errorf("Match(%q) found generated %s (%q)", src, e.ID, m.Surface)
				}
			}
		}
	}
	toks := text.Tokenize("Zurich")
	if ms := lx.Match(toks); len(ms) != 1 || ms[0].Entries[0].ID != "zurich" {
		t.Errorf("Match(Zurich) = %+v, want the generated city", describe("Zurich", toks, ms))
	}
}

func TestGeneratedPeopleAndOrganizations(t *testing.T) {
	lx := loadBuiltin(t)
	// Phoenix lists this commander among an armed group's names.
	member := lx.FindPerson(text.Tokenize("Dominic Ongwen"))
	if member == nil || !member.Generated || member.Affiliation == "" {
		t.Fatalf("FindPerson(Dominic Ongwen) = %+v, want a generated person of an organisation", member)
	}
	if a := lx.Actor(member); a == nil || a.Class != Organization || a.Kind != "armed_group" {
		t.Errorf("Actor(Dominic Ongwen) = %+v, want the armed group", a)
	}
	// A hand-written bare surname stays unique: generated people do not count.
	if n := lx.PeopleNamedWith(text.Fold("Witkoff")); n != 1 {
		t.Errorf("PeopleNamedWith(witkoff) = %d, want 1", n)
	}
	for _, e := range lx.Entries() {
		if !e.Generated || e.Class != Person {
			continue
		}
		for _, n := range e.En {
			if len(nameTokens(n)) < 2 {
				t.Errorf("generated person %s has the one-word name %q", e.ID, n)
			}
		}
	}
}

// TestGeneratedYields checks that a name of an extension entry wins over the same
// generated name, and that Check says so.
func TestGeneratedYields(t *testing.T) {
	dir := writeExtra(t, map[string]string{
		"people.tsv": "id\ten\taffiliation\trole\n" +
			"ongwen-test\tDominic Ongwen\tUG\tTest person\n",
	})
	lx, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := lx.FindPerson(text.Tokenize("Dominic Ongwen")); got == nil || got.ID != "ongwen-test" {
		t.Errorf("FindPerson(Dominic Ongwen) = %v, want ongwen-test", entryID(got))
	}
	warned := false
	for _, p := range lx.Check() {
		if p.Severity == "error" {
			t.Errorf("Check: %s", p)
		}
		warned = warned || strings.Contains(p.Message, "dominic-ongwen")
	}
	if !warned {
		t.Errorf("Check gave no warning about the generated dominic-ongwen yielding")
	}
}
