package lexicon

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/parleygraph/parley/loaders/text"
)

var (
	builtinOnce sync.Once
	builtinLx   *Lexicon
	builtinErr  error
)

// loadBuiltin loads the built-in lexicon once for the tests that only read it.
func loadBuiltin(t *testing.T) *Lexicon {
	t.Helper()
	builtinOnce.Do(func() { builtinLx, builtinErr = Load() })
	if builtinErr != nil {
		t.Fatalf("Load(): %v", builtinErr)
	}
	return builtinLx
}

func TestLoadBuiltin(t *testing.T) {
	lx := loadBuiltin(t)
	if len(lx.Entries()) == 0 {
		t.Fatal("built-in lexicon has no entries")
	}
	files := strings.Join(lx.Files(), " ")
	for _, name := range FileNames() {
		if !strings.Contains(files, "lexicon/data/"+name) {
			t.Errorf("Files() = %q: %s was not read", lx.Files(), name)
		}
	}
	classes := map[Class]int{}
	for _, e := range lx.Entries() {
		classes[e.Class]++
	}
	for _, c := range []Class{Country, Organization, Place, Person, Title} {
		if classes[c] == 0 {
			t.Errorf("no %s entries loaded", c)
		}
	}
	if !lx.IsGivenName(text.Fold("David")) || !lx.IsGivenName(text.Fold("ديفيد")) {
		t.Errorf("IsGivenName: David / ديفيد not known")
	}
	if lx.IsGivenName("qatar") {
		t.Errorf("IsGivenName(qatar) = true")
	}
}

func TestCountryNames(t *testing.T) {
	lx := loadBuiltin(t)
	tests := []struct {
		id     string
		en     string // Name()
		ar     string // ArName(); "" means any non-empty name
		source string // prefix of Source
	}{
		{"NO", "Norway", "", ""},
		{"no", "Norway", "", ""}, // ISO codes in any case
		{"GL", "Greenland", "", "lexicon/data/generated/countries.tsv:"},
		{"AQ", "Antarctica", "", "lexicon/data/generated/countries.tsv:"},
		{"US", "United States", "الولايات المتحدة", "lexicon/data/countries.tsv:"},
		{"CD", "DR Congo", "الكونغو الديمقراطية", "lexicon/data/countries.tsv:"},
		{"QA", "Qatar", "قطر", "lexicon/data/countries.tsv:"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			e := lx.Entry(tt.id)
			if e == nil {
				t.Fatalf("Entry(%q) = nil", tt.id)
			}
			if e.Class != Country {
				t.Errorf("Entry(%q).Class = %s, want Country", tt.id, e.Class)
			}
			if e.Name() != tt.en {
				t.Errorf("Entry(%q).Name() = %q, want %q", tt.id, e.Name(), tt.en)
			}
			if tt.ar != "" && e.ArName() != tt.ar {
				t.Errorf("Entry(%q).ArName() = %q, want %q", tt.id, e.ArName(), tt.ar)
			}
			if e.ArName() == "" || !text.HasArabic(e.ArName()) {
				t.Errorf("Entry(%q).ArName() = %q, want an Arabic name", tt.id, e.ArName())
			}
			if !strings.HasPrefix(e.Source, tt.source) {
				t.Errorf("Entry(%q).Source = %q, want prefix %q", tt.id, e.Source, tt.source)
			}
			if !e.IsActor() {
				t.Errorf("Entry(%q).IsActor() = false", tt.id)
			}
		})
	}
}

func TestEveryCountryHasNames(t *testing.T) {
	lx := loadBuiltin(t)
	n := 0
	for _, e := range lx.Entries() {
		if e.Class != Country {
			continue
		}
		n++
		if len(e.En) == 0 || e.En[0] == "" {
			t.Errorf("country %s has no English name", e.ID)
		}
		if len(e.Ar) == 0 || !text.HasArabic(e.Ar[0]) {
			t.Errorf("country %s has no Arabic name (%q)", e.ID, e.Ar)
		}
	}
	if n < 190 {
		t.Errorf("only %d countries; CLDR should give every state an entry", n)
	}
}

func TestEntryUnknown(t *testing.T) {
	lx := loadBuiltin(t)
	for _, id := range []string{"", "no-such-entry", "ZZZ"} {
		if e := lx.Entry(id); e != nil {
			t.Errorf("Entry(%q) = %s, want nil", id, e.ID)
		}
	}
}

// mention is what a test expects of a Mention.
type mention struct {
	Span string   // the matched text, src[first token start : last token end]
	IDs  []string // entry ids
	Form Form
	Conj bool
}

func describe(src string, toks []text.Token, ms []Mention) []mention {
	var out []mention
	for _, m := range ms {
		d := mention{Span: src[toks[m.Start].Start:toks[m.End-1].End], Form: m.Form, Conj: m.Conj}
		for _, e := range m.Entries {
			d.IDs = append(d.IDs, e.ID)
		}
		out = append(out, d)
	}
	return out
}

func TestMatch(t *testing.T) {
	lx := loadBuiltin(t)
	tests := []struct {
		name string
		src  string
		want []mention
	}{
		{"arabic list with conjunctions", "وتحاول قطر والولايات المتحدة ومصر", []mention{
			{"قطر", []string{"QA"}, FormName, false},
			{"والولايات المتحدة", []string{"US"}, FormName, true},
			{"ومصر", []string{"EG"}, FormName, true},
		}},
		{"arabic nisba plurals", "المسؤولون المصريون والقطريون", []mention{
			{"المصريون", []string{"EG"}, FormAdj, false},
			{"والقطريون", []string{"QA"}, FormAdj, true},
		}},
		{"arabic name written without its space", "برعاية الأممالمتحدة", []mention{
			{"الأممالمتحدة", []string{"un"}, FormName, false},
		}},
		{"arabic feminine nisba", "الخارجية القطرية", []mention{
			{"الخارجية القطرية", []string{"qatar-foreign-ministry"}, FormName, false},
		}},
		{"nisba alone", "وفد قطري", []mention{{"قطري", []string{"QA"}, FormAdj, false}}},
		{"preposition", "بواشنطن", []mention{{"بواشنطن", []string{"washington"}, FormName, false}}},
		{"arabic with diacritics", "قَطَر", []mention{{"قَطَر", []string{"QA"}, FormName, false}}},
		{"english adjective before hyphen", "Qatari-mediated talks", []mention{{"Qatari", []string{"QA"}, FormAdj, false}}},
		{"dotted acronym", "the U.S.", []mention{{"U.S.", []string{"US"}, FormName, false}}},
		{"acronym before hyphen", "U.S.-brokered", []mention{{"U.S.", []string{"US"}, FormName, false}}},
		{"multi-word name", "talks with the United States", []mention{{"United States", []string{"US"}, FormName, false}}},
		{"possessive", "Egypt's position", []mention{{"Egypt's", []string{"EG"}, FormName, false}}},
		{"capitalised name", "Chad", []mention{{"Chad", []string{"TD"}, FormName, false}}},
		{"lower-case name", "a hanging chad", nil},
		{"acronym in capitals", "US", []mention{{"US", []string{"US"}, FormName, false}}},
		{"acronym in lower case", "talks with us", nil},
		{"acronym capitalised only", "Us", nil},
		{"agency acronym", "the CIA said", []mention{{"CIA", []string{"cia"}, FormName, false}}},
		{"person", "William J. Burns met them", []mention{{"William J. Burns", []string{"william-burns"}, FormName, false}}},
		{"longest first", "Rapid Support Forces", []mention{{"Rapid Support Forces", []string{"rsf"}, FormName, false}}},
		{"nothing", "no names here", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := text.Tokenize(tt.src)
			got := describe(tt.src, toks, lx.Match(toks))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Match(%q) =\n  %+v\nwant\n  %+v", tt.src, got, tt.want)
			}
		})
	}
}

// TestMatchYemen: "اليمن" names Yemen only; CLDR must not add a second,
// historical country with the same name.
func TestMatchYemen(t *testing.T) {
	lx := loadBuiltin(t)
	for _, src := range []string{"لليمن", "اليمن", "Yemen"} {
		toks := text.Tokenize(src)
		got := describe(src, toks, lx.Match(toks))
		want := []mention{{src, []string{"YE"}, FormName, false}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Match(%q) = %+v, want %+v", src, got, want)
		}
	}
}

func TestMatchAmbiguous(t *testing.T) {
	lx := loadBuiltin(t)
	tests := []struct {
		src  string
		want []string // entries the mention must list
	}{
		{"عمان", []string{"OM", "amman"}}, // countries.tsv: عمان?, places.tsv: عمّان?
		{"مالي", []string{"ML"}},          // countries.tsv: مالي? (also "financial")
		{"Georgia", []string{"GE"}},       // countries.tsv: Georgia? (also the US state)
		{"الكونغو", []string{"CD", "CG"}},
		{"Congo", []string{"CD", "CG"}},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			toks := text.Tokenize(tt.src)
			ms := lx.Match(toks)
			if len(ms) != 1 {
				t.Fatalf("Match(%q) = %+v, want one mention", tt.src, describe(tt.src, toks, ms))
			}
			m := ms[0]
			if !m.Ambiguous {
				t.Errorf("Match(%q): Ambiguous = false (entries %v, surface %q), want true", tt.src, describe(tt.src, toks, ms)[0].IDs, m.Surface)
			}
			if m.Entry() != nil {
				t.Errorf("Match(%q).Entry() = %s, want nil for an ambiguous mention", tt.src, m.Entry().ID)
			}
			for _, id := range tt.want {
				found := false
				for _, e := range m.Entries {
					found = found || e.ID == id
				}
				if !found {
					t.Errorf("Match(%q): entries %v lack %s", tt.src, describe(tt.src, toks, ms)[0].IDs, id)
				}
			}
		})
	}
}

func TestMatchAt(t *testing.T) {
	lx := loadBuiltin(t)
	toks := text.Tokenize("talks in Doha , Qatar")
	if _, ok := lx.MatchAt(toks, 0); ok {
		t.Errorf("MatchAt(talks) found a mention")
	}
	if _, ok := lx.MatchAt(toks, 3); ok {
		t.Errorf("MatchAt(,) found a mention")
	}
	m, ok := lx.MatchAt(toks, 2)
	if !ok || m.Entry() == nil || m.Entry().ID != "doha" || m.Start != 2 || m.End != 3 {
		t.Errorf("MatchAt(Doha) = %+v, %v; want doha at [2,3)", m, ok)
	}
}

func TestActor(t *testing.T) {
	lx := loadBuiltin(t)
	tests := []struct {
		name  string
		src   string // text whose single mention names the entry
		class Class
		actor string // "" for none
	}{
		{"state", "Qatar", Country, "QA"},
		{"agency", "CIA", Organization, "US"},
		{"government body", "Qatari Foreign Ministry", Organization, "QA"},
		{"military is a side of its own", "Sudanese Armed Forces", Organization, "saf"},
		{"armed group is its own actor", "Hamas", Organization, "hamas"},
		{"international body", "African Union", Organization, "african-union"},
		{"capital", "Doha", Place, "QA"},
		{"arabic capital", "الدوحة", Place, "QA"},
		{"person", "William J. Burns", Person, "US"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := text.Tokenize(tt.src)
			ms := lx.Match(toks)
			if len(ms) != 1 || ms[0].Entry() == nil {
				t.Fatalf("Match(%q) = %+v, want one unambiguous mention", tt.src, describe(tt.src, toks, ms))
			}
			e := ms[0].Entry()
			if e.Class != tt.class {
				t.Errorf("%q matched %s, a %s; want a %s", tt.src, e.ID, e.Class, tt.class)
			}
			a := lx.Actor(e)
			switch {
			case tt.actor == "" && a != nil:
				t.Errorf("Actor(%s) = %s, want nil", e.ID, a.ID)
			case tt.actor != "" && a == nil:
				t.Errorf("Actor(%s) = nil, want %s", e.ID, tt.actor)
			case a != nil && a.ID != tt.actor:
				t.Errorf("Actor(%s) = %s, want %s", e.ID, a.ID, tt.actor)
			}
			if a != nil && !a.IsActor() {
				t.Errorf("Actor(%s) = %s, which is not an actor", e.ID, a.ID)
			}
		})
	}
	if a := lx.Actor(nil); a != nil {
		t.Errorf("Actor(nil) = %s, want nil", a.ID)
	}
	if a := lx.Actor(&Entry{ID: "x", Class: Place, Kind: "city"}); a != nil {
		t.Errorf("Actor of a place that stands for nothing = %s, want nil", a.ID)
	}
	if a := lx.Actor(&Entry{ID: "x", Class: Title}); a != nil {
		t.Errorf("Actor of a title = %s, want nil", a.ID)
	}
}

func TestFindPerson(t *testing.T) {
	lx := loadBuiltin(t)
	// people.tsv lists "William J. Burns | William Burns | Bill Burns | Burns" and
	// "ويليام بيرنز | وليام بيرنز | بيل بيرنز | بيرنز".
	want := lx.Entry("william-burns")
	if want == nil {
		t.Fatal("people.tsv has no william-burns")
	}
	tests := []struct {
		src  string
		want *Entry
	}{
		{"William J. Burns", want},
		{"William Burns", want},
		{"Bill Burns", want},
		{"ويليام ج. بيرنز", want},
		{"ويليام بيرنز", want},
		{"وليام بيرنز", want},
		{"وويليام بيرنز", want},        // conjunction on the first word
		{"William Joseph Burns", want}, // first and last name agree
		{"Burns", nil},                 // a bare surname is not a full name
		{"William Smith", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got := lx.FindPerson(text.Tokenize(tt.src))
		if got != tt.want {
			t.Errorf("FindPerson(%q) = %v, want %v", tt.src, entryID(got), entryID(tt.want))
		}
	}
}

func entryID(e *Entry) string {
	if e == nil {
		return "<nil>"
	}
	return e.ID
}

func TestSurnameIsShortForm(t *testing.T) {
	lx := loadBuiltin(t)
	for _, src := range []string{"Burns", "بيرنز"} {
		toks := text.Tokenize(src)
		ms := lx.Match(toks)
		if len(ms) != 1 || ms[0].Form != FormShort {
			t.Errorf("Match(%q) = %+v, want one FormShort mention", src, describe(src, toks, ms))
		}
	}
}

// writeExtra writes files (name → content) into a new directory.
func writeExtra(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadExtraDir(t *testing.T) {
	dir := writeExtra(t, map[string]string{
		"people.tsv": "# test people\n" +
			"id\ten\tar\taffiliation\trole\tflags\n" +
			"zebulon-quarterfield\tZebulon Q. Quarterfield | Zebulon Quarterfield\tزيبولون كوارترفيلد\tQA\tTest envoy\t\n",
		"organizations.tsv": "id\tkind\ten\tar\tflags\n" +
			"hamas-extra\t\tHarakat al-Muqawama | Muqawama Front\tجبهة المقاومة الاختبارية\talias_of=hamas\n",
	})
	base := loadBuiltin(t)
	for _, src := range []string{"Zebulon Quarterfield", "Harakat al-Muqawama", "Muqawama Front"} {
		if ms := base.Match(text.Tokenize(src)); len(ms) != 0 {
			t.Fatalf("the built-in lexicon already matches %q; pick another test name", src)
		}
	}

	lx, err := Load(dir)
	if err != nil {
		t.Fatalf("Load(%s): %v", dir, err)
	}
	tests := []struct {
		src  string
		want string
	}{
		{"Zebulon Quarterfield", "zebulon-quarterfield"},
		{"Zebulon Q. Quarterfield", "zebulon-quarterfield"},
		{"زيبولون كوارترفيلد", "zebulon-quarterfield"},
		{"Harakat al-Muqawama", "hamas"},
		{"Muqawama Front", "hamas"},
		{"جبهة المقاومة الاختبارية", "hamas"},
		{"Hamas", "hamas"}, // the built-in names still work
	}
	for _, tt := range tests {
		toks := text.Tokenize(tt.src)
		ms := lx.Match(toks)
		if len(ms) != 1 || ms[0].Entry() == nil || ms[0].Entry().ID != tt.want || ms[0].End != len(toks) {
			t.Errorf("Match(%q) = %+v, want %s over all tokens", tt.src, describe(tt.src, toks, ms), tt.want)
		}
	}

	p := lx.Entry("zebulon-quarterfield")
	if p == nil {
		t.Fatal("Entry(zebulon-quarterfield) = nil")
	}
	if p.Class != Person || p.Role != "Test envoy" || p.Name() != "Zebulon Q. Quarterfield" {
		t.Errorf("new person = %+v", p)
	}
	if want := filepath.Join(dir, "people.tsv") + ":3"; p.Source != want {
		t.Errorf("new person Source = %q, want %q", p.Source, want)
	}
	if a := lx.Actor(p); a == nil || a.ID != "QA" {
		t.Errorf("Actor(new person) = %v, want QA", entryID(a))
	}
	if got := lx.FindPerson(text.Tokenize("Zebulon Quarterfield")); got != p {
		t.Errorf("FindPerson(Zebulon Quarterfield) = %v", entryID(got))
	}

	h := lx.Entry("hamas")
	if h.Name() != "Hamas" || h.Kind != "armed_group" {
		t.Errorf("alias row changed hamas: Name %q Kind %q", h.Name(), h.Kind)
	}
	if _, ok := h.Flags["alias_of"]; ok {
		t.Errorf("alias_of flag copied onto the entry: %v", h.Flags)
	}
	if lx.Entry("hamas-extra") != nil {
		t.Errorf("the alias row created an entry of its own")
	}
	files := strings.Join(lx.Files(), "\n")
	for _, name := range []string{"people.tsv", "organizations.tsv"} {
		if !strings.Contains(files, filepath.Join(dir, name)) {
			t.Errorf("Files() = %q, lacks %s", lx.Files(), filepath.Join(dir, name))
		}
	}

	// The built-in lexicon loaded before is not changed by the extension.
	if ms := base.Match(text.Tokenize("Muqawama Front")); len(ms) != 0 {
		t.Errorf("loading an extension changed another Lexicon")
	}
}

func TestLoadExtraDirErrors(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		body  string
		line  int
		words []string // also in the message
	}{
		{"unknown column", "people.tsv",
			"# comment\n\nid\ten\tnmae\n", 3, []string{`"nmae"`, "unknown column"}},
		{"unknown flag", "organizations.tsv",
			"id\tkind\ten\tflags\nhamas-extra\t\tSome Alias\talias_of=hamas, bogus\n", 2, []string{`"bogus"`, "unknown flag"}},
		{"unknown organization kind", "organizations.tsv",
			"id\tkind\ten\nnew-org\tclub\tNew Org\n", 2, []string{`"club"`}},
		{"too many cells", "places.tsv",
			"id\tkind\ten\nnew-place\tcity\tNew Place\textra\n", 2, []string{"cells"}},
		{"bad country code", "countries.tsv",
			"code\ten\nUSA\tUSA\n", 2, []string{`"USA"`}},
		{"class clash", "places.tsv",
			"id\tkind\ten\nhamas\tcity\tHamas Town\n", 2, []string{"hamas"}},
		{"no name", "people.tsv",
			"id\ten\tar\nnameless\t\t\n", 2, []string{"nameless"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeExtra(t, map[string]string{tt.file: tt.body})
			_, err := Load(dir)
			if err == nil {
				t.Fatalf("Load with a bad %s: no error", tt.file)
			}
			where := filepath.Join(dir, tt.file) + ":" + strconv.Itoa(tt.line)
			if !strings.Contains(err.Error(), where) {
				t.Errorf("error %q does not name %s", err, where)
			}
			for _, w := range tt.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %s", err, w)
				}
			}
		})
	}
}

func TestLoadBadDirectory(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing")
	if _, err := Load(missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("Load(missing dir) error = %v, want one naming %s", err, missing)
	}
	file := filepath.Join(writeExtra(t, map[string]string{"people.tsv": "id\ten\n"}), "people.tsv")
	if _, err := Load(file); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("Load(file) error = %v, want 'not a directory'", err)
	}
	if _, err := Load(""); err != nil {
		t.Errorf("Load(\"\") = %v: an empty directory name is ignored", err)
	}
}

func TestReadTable(t *testing.T) {
	src := "\ufeff# comment\n\ncode\ten\tflags\r\n" +
		"QA\t Qatar | State of Qatar |  \t\n" +
		"  # indented comment\n" +
		"EG\tEgypt\n"
	rows, err := ReadTable("t.tsv", strings.NewReader(src), []string{"code", "en", "ar", "flags"})
	if err != nil {
		t.Fatalf("ReadTable: %v", err)
	}
	if len(rows) != 2 {
		t.Fatalf("got %d rows, want 2", len(rows))
	}
	tests := []struct {
		row        Row
		where      string
		code       string
		en         []string
		ar, absent string
	}{
		{rows[0], "t.tsv:4", "QA", []string{"Qatar", "State of Qatar"}, "", ""},
		{rows[1], "t.tsv:6", "EG", []string{"Egypt"}, "", ""},
	}
	for _, tt := range tests {
		if tt.row.Where() != tt.where {
			t.Errorf("Where() = %q, want %q", tt.row.Where(), tt.where)
		}
		if tt.row.Get("code") != tt.code {
			t.Errorf("Get(code) = %q, want %q", tt.row.Get("code"), tt.code)
		}
		if !reflect.DeepEqual(tt.row.List("en"), tt.en) {
			t.Errorf("List(en) = %q, want %q", tt.row.List("en"), tt.en)
		}
		if tt.row.Get("ar") != "" || tt.row.List("ar") != nil || tt.row.Get("flags") != "" {
			t.Errorf("missing cells are not empty: ar %q flags %q", tt.row.Get("ar"), tt.row.Get("flags"))
		}
	}
	if _, err := ReadTable("bad.tsv", strings.NewReader("code\ten\nQA\tQ\xffatar\n"), []string{"code", "en"}); err == nil || !strings.Contains(err.Error(), "bad.tsv:2") {
		t.Errorf("invalid UTF-8: error %v, want one naming bad.tsv:2", err)
	}
}

func TestFormString(t *testing.T) {
	for f, want := range map[Form]string{FormName: "name", FormAdj: "adjective", FormShort: "surname"} {
		if f.String() != want {
			t.Errorf("Form(%d).String() = %q, want %q", f, f.String(), want)
		}
	}
}

// TestCheckBuiltin fails on every error `parley lexicon check` finds in the
// built-in lexicon: conflicts in the shipped data (or in names the generated
// files add, see package gazetteer) are fixed in the data files or the loader.
func TestCheckBuiltin(t *testing.T) {
	lx := loadBuiltin(t)
	var errs []string
	for _, p := range lx.Check() {
		if p.Severity != "error" && p.Severity != "warning" {
			t.Errorf("problem with unknown severity: %s", p)
		}
		if p.Severity == "error" {
			errs = append(errs, p.String())
		}
	}
	if len(errs) > 0 {
		t.Errorf("the built-in lexicon has %d errors:\n\t%s", len(errs), strings.Join(errs, "\n\t"))
	}
}

func TestCheckFindsConflicts(t *testing.T) {
	dir := writeExtra(t, map[string]string{
		"places.tsv": "id\tkind\ten\tcountry\tstands_for\n" +
			"test-town\tcity\tTest Town\tQQ\tno-such-actor\n" +
			"test-city\tcity\tTest Town\n",
	})
	lx, err := Load(dir)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var msgs []string
	for _, p := range lx.Check() {
		if strings.HasPrefix(p.Where, filepath.Join(dir, "places.tsv")) && p.Severity == "error" {
			msgs = append(msgs, p.Message)
		}
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{`country "QQ"`, `stands_for "no-such-actor"`, `"Test Town" names 2 entries`, "would share the node place/test-town"} {
		if !strings.Contains(all, want) {
			t.Errorf("Check() errors for the test file:\n%s\nlack %q", all, want)
		}
	}
}

func TestPeopleNamedWith(t *testing.T) {
	lx := loadBuiltin(t)
	for _, c := range []struct {
		word string
		want int
	}{
		{"witkoff", 1}, {"فيدان", 1}, {"qassem", 3}, {"قاسم", 3}, {"nobody", 0},
	} {
		if got := lx.PeopleNamedWith(c.word); got != c.want {
			t.Errorf("PeopleNamedWith(%q) = %d, want %d", c.word, got, c.want)
		}
	}
}

func TestBuildingCity(t *testing.T) {
	lx := loadBuiltin(t)
	for id, city := range map[string]string{"white-house": "washington", "dolmabahce-palace": "istanbul", "kremlin": "moscow"} {
		e := lx.Entry(id)
		if e == nil || e.City != city {
			t.Errorf("%s: city %v, want %s", id, e, city)
			continue
		}
		if c := lx.Entry(e.City); c == nil || c.Kind != "city" {
			t.Errorf("%s: city %s is not a city entry", id, e.City)
		}
	}
}

// BenchmarkLoad measures the start-up cost of the built-in lexicon, generated
// gazetteers included.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatch measures matching the lexicon against the project's sample
// articles, one article per iteration.
func BenchmarkMatch(b *testing.B) {
	lx, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob("../../testdata/articles/*")
	if len(files) == 0 {
		b.Fatal("no sample articles")
	}
	var docs [][]text.Token
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, text.Tokenize(string(data)))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lx.Match(docs[i%len(docs)])
	}
}
