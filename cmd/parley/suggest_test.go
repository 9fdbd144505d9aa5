package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/source"
)

// suggestArticles are news written for these tests about an invented negotiation:
// the lexicon knows Niger and Agadez, not the Sahel Liberation Front, the Kel Adagh
// Council, Tessalit or the two negotiators, which the extractor reads as open-world
// nodes from the text's shape.
var suggestArticles = map[string]string{
	"en_tessalit.txt": `Niger and Sahel Liberation Front open talks in Tessalit

Talks between the government of Niger and the Sahel Liberation Front (SLF) opened in the town of Tessalit on Monday, mediated by the Kel Adagh Council.

Niger's Foreign Minister Harouna Belko led the government delegation. The SLF delegation was led by its chief negotiator Amadou Kessa.
`,
	"en_agadez.txt": `Talks in Agadez end without a deal

A second round of talks between the government of Niger and the Sahel Liberation Front ended on Friday in Agadez without a deal.
`,
	"ar_tessalit.txt": `محادثات بين النيجر وجبهة تحرير الساحل في تساليت

انطلقت يوم الاثنين في مدينة تساليت محادثات بين الحكومة النيجرية وجبهة تحرير الساحل.

ودعت الحكومة الطرفين إلى الاتفاق على وقف إطلاق النار.
`,
}

// loadSuggestStore writes the articles to a directory and loads them into a new
// bolt store (with the extra lexicon directories given).
func loadSuggestStore(t *testing.T, texts map[string]string, lexicons ...string) (db, articles string) {
	t.Helper()
	articles = t.TempDir()
	for name, text := range texts {
		if err := os.WriteFile(filepath.Join(articles, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db = filepath.Join(t.TempDir(), "parley.db")
	var args []string
	for _, l := range lexicons {
		args = append(args, "--lexicon", l)
	}
	mustRun(t, append(args, "--db", db, "load", articles)...)
	return db, articles
}

// suggestedRow is one row of `lexicon suggest`, with the comment above it.
type suggestedRow struct {
	file, comment, line string
	cells               map[string]string
}

// parseSuggestions reads the TSV output: "# FILE" starts a group, the next comment
// is the file's header, then each row follows its comment. It returns the rows by
// id, the ids in order, and each file's text as an analyst would paste it into a
// new file (the header uncommented).
func parseSuggestions(t *testing.T, out string) (map[string]suggestedRow, []string, map[string]string) {
	t.Helper()
	rows := map[string]suggestedRow{}
	var order []string
	files := map[string]string{}
	var file, comment string
	var header []string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		switch {
		case line == "":
		case strings.HasPrefix(line, "# ") && strings.HasSuffix(line, ".tsv") && !strings.Contains(line, "\t"):
			file, header = strings.TrimPrefix(line, "# "), nil
		case header == nil:
			if !strings.HasPrefix(line, "# id\t") {
				t.Fatalf("group %s starts with %q, not its commented header", file, line)
			}
			header = strings.Split(strings.TrimPrefix(line, "# "), "\t")
			files[file] += strings.TrimPrefix(line, "# ") + "\n"
		case strings.HasPrefix(line, "#"):
			comment = line
			files[file] += line + "\n"
		default:
			cells := strings.Split(line, "\t")
			if len(cells) != len(header) {
				t.Fatalf("%s row %q has %d cells, the header %d", file, line, len(cells), len(header))
			}
			r := suggestedRow{file: file, comment: comment, line: line, cells: map[string]string{}}
			for i, c := range header {
				r.cells[c] = cells[i]
			}
			if _, dup := rows[r.cells["id"]]; dup {
				t.Fatalf("id %s suggested twice", r.cells["id"])
			}
			rows[r.cells["id"]] = r
			order = append(order, r.cells["id"])
			files[file] += line + "\n"
		}
	}
	return rows, order, files
}

func TestLexiconSuggest(t *testing.T) {
	db, articles := loadSuggestStore(t, suggestArticles)
	out := mustRun(t, "--db", db, "lexicon", "suggest")
	rows, order, files := parseSuggestions(t, out)

	tests := []struct {
		id, file string
		cells    map[string]string // cells the row must have (others may be empty)
		comment  []string          // in the comment above the row
	}{
		{"sahel-liberation-front", "organizations.tsv",
			map[string]string{"kind": "armed_group", "en": "Sahel Liberation Front | SLF", "ar": ""},
			[]string{"# 2 articles;", "open armed_group (party, participant, affiliation)", "rule en.parties.between+open.name",
				`: "A second round of talks between the government of Niger and the Sahel Liberation Front ended on Friday in Agadez without a deal."`}},
		{"kel-adagh-council", "organizations.tsv",
			map[string]string{"kind": "ngo", "en": "Kel Adagh Council"},
			[]string{"# 1 article;", "open organization (mediator)", "mediated by the Kel Adagh Council"}},
		{"جبهة-تحرير-الساحل", "organizations.tsv",
			map[string]string{"kind": "movement", "en": "", "ar": "جبهة تحرير الساحل"},
			[]string{"# 1 article;", "(party, participant)", "محادثات بين النيجر وجبهة تحرير الساحل"}},
		{"tessalit", "places.tsv",
			map[string]string{"kind": "city", "en": "Tessalit", "country": ""},
			[]string{"open city (venue)", "Tessalit"}},
		{"تساليت", "places.tsv",
			map[string]string{"kind": "city", "ar": "تساليت"},
			[]string{"open city (venue)", "مدينة تساليت"}},
		{"harouna-belko", "people.tsv",
			map[string]string{"en": "Harouna Belko", "affiliation": "NE", "role": "Foreign Minister of Niger"},
			[]string{"rule person.title", "Niger's Foreign Minister Harouna Belko led the government delegation."}},
		{"amadou-kessa", "people.tsv",
			map[string]string{"en": "Amadou Kessa", "affiliation": "sahel-liberation-front", "role": "Chief Negotiator"},
			[]string{"chief negotiator Amadou Kessa"}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			r, ok := rows[tt.id]
			if !ok {
				t.Fatalf("no row %s in:\n%s", tt.id, out)
			}
			if r.file != tt.file {
				t.Errorf("row %s is in %s, want %s", tt.id, r.file, tt.file)
			}
			for c, want := range tt.cells {
				if got := r.cells[c]; got != want {
					t.Errorf("%s: %s = %q, want %q", tt.id, c, got, want)
				}
			}
			for _, want := range tt.comment {
				if !strings.Contains(r.comment, want) {
					t.Errorf("%s: comment %q lacks %q", tt.id, r.comment, want)
				}
			}
		})
	}
	if len(rows) != len(tests) {
		t.Errorf("%d rows, want %d:\n%s", len(rows), len(tests), out)
	}
	// Groups in file order, the most-mentioned first within each.
	if len(order) == 0 || order[0] != "sahel-liberation-front" {
		t.Errorf("rows in order %v: the actor two articles name comes first", order)
	}
	if i, j := strings.Index(out, "# organizations.tsv\n"), strings.Index(out, "# places.tsv\n"); i != 0 || j < i || strings.Index(out, "# people.tsv\n") < j {
		t.Errorf("groups out of order:\n%s", out)
	}

	// The rows, pasted into files with their headers, load and pass the checker.
	lxdir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(lxdir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lx, err := lexicon.Load(lxdir)
	if err != nil {
		t.Fatalf("the suggested rows do not load: %v", err)
	}
	for _, p := range lx.Check() {
		if p.Severity == "error" && strings.HasPrefix(p.Where, lxdir) {
			t.Errorf("lexicon check: %v", p)
		}
	}
	if e := lx.Entry("sahel-liberation-front"); e == nil || e.Kind != "armed_group" || !reflect.DeepEqual(e.En, []string{"Sahel Liberation Front", "SLF"}) {
		t.Errorf("entry sahel-liberation-front: %+v", e)
	}

	// Extracting the articles again finds lexicon nodes where there were open ones.
	x, err := extract.New(lx, lxdir)
	if err != nil {
		t.Fatal(err)
	}
	for name := range suggestArticles {
		a, err := source.ReadFile(filepath.Join(articles, name), source.DefaultMaxSize)
		if err != nil {
			t.Fatal(err)
		}
		res := x.Extract(a.Text())
		var ids []string
		for _, e := range res.Entities {
			if e.Entry == nil || e.Open != "" {
				t.Errorf("%s: %s is still open-world (%s)", name, e.Name, e.Key)
				continue
			}
			ids = append(ids, e.Entry.ID)
		}
		sort.Strings(ids)
		for _, want := range map[string][]string{
			"en_tessalit.txt": {"sahel-liberation-front", "kel-adagh-council", "tessalit", "harouna-belko", "amadou-kessa"},
			"en_agadez.txt":   {"sahel-liberation-front"},
			"ar_tessalit.txt": {"جبهة-تحرير-الساحل", "تساليت"},
		}[name] {
			if i := sort.SearchStrings(ids, want); i == len(ids) || ids[i] != want {
				t.Errorf("%s: no lexicon node %s among %v", name, want, ids)
			}
		}
	}
	// The old store's nodes are all in the lexicon now: no row left to paste.
	out = mustRun(t, "--lexicon", lxdir, "--db", db, "lexicon", "suggest")
	if again, _, _ := parseSuggestions(t, out); len(again) != 0 || !strings.Contains(out, "the lexicon has every name of it, as sahel-liberation-front") {
		t.Errorf("with the rows in the lexicon, suggest still suggests %v:\n%s", again, out)
	}
	// A store loaded with them has no open-world node.
	fresh, _ := loadSuggestStore(t, suggestArticles, lxdir)
	if out := mustRun(t, "--lexicon", lxdir, "--db", fresh, "lexicon", "suggest"); out != "no open-world nodes in "+fresh+"\n" {
		t.Errorf("suggest on a store without open-world nodes: %q", out)
	}

	// --format json: the same rows, as objects.
	var objs []suggestion
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "lexicon", "suggest", "--format", "json")), &objs); err != nil {
		t.Fatal(err)
	}
	if len(objs) != len(order) {
		t.Fatalf("json has %d objects, tsv %d rows", len(objs), len(order))
	}
	for i, o := range objs {
		r := rows[order[i]]
		if o.ID != order[i] || o.File != r.file || o.Row != r.line || !strings.Contains(r.comment, o.Rule) ||
			!strings.HasPrefix(r.comment, "# "+strconv.Itoa(o.Articles)+" article") || o.Sentence == "" || o.Article == "" || len(o.Nodes) == 0 {
			t.Errorf("json object %d %+v does not match row %+v", i, o, r)
		}
	}
}

func TestLexiconSuggestFilters(t *testing.T) {
	db, _ := loadSuggestStore(t, suggestArticles)
	tests := []struct {
		name string
		args []string
		want []string // ids, in order; nil: the empty-result line
	}{
		{"all", nil, []string{"sahel-liberation-front", "kel-adagh-council", "جبهة-تحرير-الساحل", "tessalit", "تساليت", "amadou-kessa", "harouna-belko"}},
		{"min-articles 2", []string{"--min-articles", "2"}, []string{"sahel-liberation-front"}},
		{"min-articles 3", []string{"--min-articles", "3"}, nil},
		{"places", []string{"--kind", "place"}, []string{"tessalit", "تساليت"}},
		{"people", []string{"--kind", "person"}, []string{"amadou-kessa", "harouna-belko"}},
		{"actors named twice", []string{"--kind", "actor", "--min-articles", "2"}, []string{"sahel-liberation-front"}},
		{"arabic", []string{"--lang", "ar"}, []string{"جبهة-تحرير-الساحل", "تساليت"}},
		{"arabic people", []string{"--lang", "ar", "--kind", "person"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := mustRun(t, append([]string{"--db", db, "lexicon", "suggest"}, tt.args...)...)
			if tt.want == nil {
				if !strings.HasPrefix(out, "no open-world nodes in "+db) || strings.Count(out, "\n") != 1 {
					t.Fatalf("want the empty-result line, got:\n%s", out)
				}
				return
			}
			_, order, _ := parseSuggestions(t, out)
			if !reflect.DeepEqual(order, tt.want) {
				t.Fatalf("rows %v, want %v:\n%s", order, tt.want, out)
			}
		})
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--kind", "country"}, "--kind"},
		{[]string{"--format", "xml"}, "--format"},
		{[]string{"--lang", "fr"}, "--lang"},
	} {
		if _, _, err := run(t, append([]string{"--db", db, "lexicon", "suggest"}, tt.args...)...); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("suggest %v: %v", tt.args, err)
		}
	}
	missing := filepath.Join(t.TempDir(), "none.db")
	if _, _, err := run(t, "--db", missing, "lexicon", "suggest"); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("suggest on a missing store: %v", err)
	}
}

// TestLexiconSuggestMergesSpellings: two articles spell the minister's name with
// ة and with ه, two nodes but one name for the lexicon (which folds ة to ه), so
// one row, named by both articles.
func TestLexiconSuggestMergesSpellings(t *testing.T) {
	db, _ := loadSuggestStore(t, map[string]string{
		"ar_resume.txt": "النيجر تستأنف المحادثات\n\nقال وزير الخارجية النيجري هارونة بلكو إن المحادثات بين الحكومة النيجرية وجبهة تحرير الساحل ستستأنف الأسبوع المقبل.\n",
		"ar_going.txt":  "النيجر والجبهة\n\nأكد وزير الخارجية النيجري هارونه بلكو أن المحادثات بين الحكومة النيجرية وجبهة تحرير الساحل مستمرة.\n",
	})
	var objs []suggestion
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "lexicon", "suggest", "--kind", "person", "--min-articles", "2", "--format", "json")), &objs); err != nil {
		t.Fatal(err)
	}
	if len(objs) != 1 {
		t.Fatalf("%d rows for one person: %+v", len(objs), objs)
	}
	o := objs[0]
	if o.Articles != 2 || len(o.Nodes) != 2 || !reflect.DeepEqual(o.Names, map[string][]string{"ar": {"هارونة بلكو"}}) ||
		o.Affiliation != "NE" || o.Role != "Foreign Minister of Niger" {
		t.Errorf("merged row %+v", o)
	}
	if o.Row != "هارونة-بلكو\t\tهارونة بلكو\tNE\tForeign Minister of Niger\t" {
		t.Errorf("row %q", o.Row)
	}
}

// TestLexiconSuggestAgainstTheLexicon: names the lexicon already has. The store is
// loaded without an analyst's lexicon directory that, since, names the Sahel
// Liberation Front (not "SLF"), a place with the ambiguous name "Tessalit?" and,
// as a place, the Kel Adagh Council.
func TestLexiconSuggestAgainstTheLexicon(t *testing.T) {
	db, _ := loadSuggestStore(t, suggestArticles)
	mine := t.TempDir()
	for name, text := range map[string]string{
		"organizations.tsv": "id\tkind\ten\tcountry\nsahel-front\tarmed_group\tSahel Liberation Front\tNE\n",
		"places.tsv":        "id\tkind\ten\tcountry\ntessalit-ml\tcity\tTessalit Oasis | Tessalit?\tML\nkel-adagh\tregion\tKel Adagh Council\tML\n",
	} {
		if err := os.WriteFile(filepath.Join(mine, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := mustRun(t, "--lexicon", mine, "--db", db, "lexicon", "suggest", "--kind", "actor", "--lang", "en")
	out += mustRun(t, "--lexicon", mine, "--db", db, "lexicon", "suggest", "--kind", "place", "--lang", "en")
	rows, _, files := parseSuggestions(t, out)
	tests := []struct {
		id, line, note string
	}{
		{"sahel-front", "sahel-front\t\tSLF\t\t\t\t\talias_of=sahel-front", `"Sahel Liberation Front" is sahel-front's`},
		{"tessalit", "tessalit\tcity\tTessalit?\t\t\t\t\t", `"Tessalit" also names tessalit-ml: marked ambiguous`},
	}
	for _, tt := range tests {
		r := rows[tt.id]
		if r.line != tt.line || !strings.Contains(r.comment, tt.note) {
			t.Errorf("%s: row %q under %q, want %q under a comment with %q", tt.id, r.line, r.comment, tt.line, tt.note)
		}
	}
	if len(rows) != len(tests) {
		t.Errorf("rows %v, want %d", rows, len(tests))
	}
	if !strings.Contains(out, `"Kel Adagh Council" is kel-adagh's`) || !strings.Contains(out, "# (Kel Adagh Council: no name left to add)") {
		t.Errorf("an actor named like a place of the lexicon:\n%s", out)
	}
	// With the analyst's files, the rows load and pass the checker.
	pasted := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(pasted, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lx, err := lexicon.Load(mine, pasted)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range lx.Check() {
		if p.Severity == "error" && (strings.HasPrefix(p.Where, mine) || strings.HasPrefix(p.Where, pasted)) {
			t.Errorf("lexicon check: %v", p)
		}
	}
	if e := lx.Entry("sahel-front"); e == nil || !reflect.DeepEqual(e.En, []string{"Sahel Liberation Front", "SLF"}) {
		t.Errorf("the alias row did not add SLF: %+v", e)
	}
}
