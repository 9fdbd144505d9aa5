package main

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/spf13/cobra"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/schema"
	"github.com/parleygraph/parley/store"
)

// suggestFiles are the lexicon files suggestions go to, in output order.
var suggestFiles = []struct {
	name   string
	class  quad.IRI
	lclass lexicon.Class
	kind   string // --kind
}{
	{"organizations.tsv", schema.Organization, lexicon.Organization, "actor"},
	{"places.tsv", schema.Place, lexicon.Place, "place"},
	{"people.tsv", schema.Person, lexicon.Person, "person"},
}

// suggestion is one open-world node as a lexicon row.
type suggestion struct {
	File        string              `json:"file"`
	ID          string              `json:"id"`
	Kind        string              `json:"kind,omitempty"`      // the lexicon kind (organizations, places)
	OpenKind    string              `json:"open_kind,omitempty"` // parley:kind of the open node
	Nodes       []string            `json:"nodes"`               // the open nodes of the row (spellings of one name)
	Articles    int                 `json:"articles"`
	Names       map[string][]string `json:"names"`
	Affiliation string              `json:"affiliation,omitempty"`
	Role        string              `json:"role,omitempty"`
	As          []string            `json:"as,omitempty"` // what it is to negotiations: party, mediator, venue…
	Sentence    string              `json:"sentence"`
	Rule        string              `json:"rule"`
	Article     string              `json:"article"`
	Notes       []string            `json:"notes,omitempty"`
	// Entry is the lexicon entry the node is: one of its names is that entry's (the
	// store was loaded before the entry had it, or the text did not match it). The
	// row then only adds the other names to it (flags alias_of=Entry), and there is
	// no row when it has them all.
	Entry string `json:"entry,omitempty"`
	Row   string `json:"row,omitempty"` // the line to paste into File; "" when nothing is left to add

	node *store.OpenNode
}

func newLexiconSuggestCmd(opt *options) *cobra.Command {
	var (
		minArticles int
		kind, lang  string
		format      string
	)
	cmd := &cobra.Command{
		Use:   "suggest",
		Short: "List the open-world actors, places and people of the store as lexicon rows to add",
		Long: `Suggest lists the nodes of the store that the lexicon does not know (parley:origin
"open": actors, places and people read from the shape of the text), most-mentioned
first, as rows to paste into the lexicon files: one group per file (organizations.tsv,
places.tsv, people.tsv) with the columns in that file's order, each row under a comment
with the number of articles that name it, how it was found (open kind, rule) and an
example sentence. Kinds are guesses to check: an open armed group is an armed_group; a
named body or acronym a movement when it is a side of some negotiation, else an ngo; a
collective description ("armed groups") a movement, flagged; open places keep their
kind (city, region, building, landmark; a border of the border rules is a border).
Countries are left for the analyst. Open nodes one name folds together (two spellings)
make one row. A node with a name an entry of its class already has is that entry: its
row only adds its other names (flags alias_of=ID), or is left as a comment when there
are none (the store was loaded before the entry was added: load skips unchanged
articles, so load them into a new store). Other names that entries hold are
left out (or marked ? where those entries have them ambiguous), and ids never reuse
an existing one, so pasted rows pass ` + "`parley lexicon check`" + `. With
--format json, the same as JSON objects.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "tsv" && format != "json" {
				return fmt.Errorf("--format %q: want tsv or json", format)
			}
			if kind != "" && kind != "actor" && kind != "place" && kind != "person" {
				return fmt.Errorf("--kind %q: want actor, place or person", kind)
			}
			if lang != "" && lang != "ar" && lang != "en" {
				return fmt.Errorf("--lang %q: want ar or en", lang)
			}
			name := storeName(opt)
			st, err := opt.openStore(false)
			if err != nil {
				if !strings.Contains(err.Error(), name) {
					err = fmt.Errorf("%s: %w", name, err)
				}
				return err
			}
			defer st.Close()
			lx, err := lexicon.Load(opt.lexicon...)
			if err != nil {
				return err
			}
			classes := map[quad.IRI]bool{}
			for _, f := range suggestFiles {
				if kind == "" || kind == f.kind {
					classes[f.class] = true
				}
			}
			all := 0
			nodes, err := st.OpenNodes(cmd.Context(), func(n *store.OpenNode) bool {
				all++
				return classes[n.Class] && (lang == "" || len(n.Names[lang]) > 0)
			})
			if err != nil {
				return fmt.Errorf("lexicon suggest: %s: %w", name, err)
			}
			// Spellings of one name make one row; the evidence is read only for the
			// rows that may reach --min-articles.
			var groups []*nodeGroup
			for _, g := range mergeNodes(nodes) {
				if g.maxArticles() < minArticles {
					continue
				}
				for _, n := range g.members {
					if err := st.ReadEvidence(cmd.Context(), n); err != nil {
						return fmt.Errorf("lexicon suggest: %s: %w", name, err)
					}
				}
				if g.finish(); g.node.Articles >= minArticles {
					groups = append(groups, g)
				}
			}
			sugs := suggest(lx, groups, lang)
			out := cmd.OutOrStdout()
			if len(sugs) == 0 {
				msg := "no open-world nodes in " + name
				if all > 0 {
					msg += fmt.Sprintf(" pass --min-articles, --kind and --lang (%d in all)", all)
				}
				if format == "json" {
					fmt.Fprintln(cmd.ErrOrStderr(), msg)
					fmt.Fprintln(out, "[]")
					return nil
				}
				fmt.Fprintln(out, msg)
				return nil
			}
			if format == "json" {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(sugs)
			}
			return writeSuggestions(out, sugs)
		},
	}
	f := cmd.Flags()
	f.IntVar(&minArticles, "min-articles", 1, "leave out nodes fewer articles name")
	f.StringVar(&kind, "kind", "", "only actor, place or person")
	f.StringVar(&lang, "lang", "", "only nodes named in ar or en (and an example sentence in it)")
	f.StringVar(&format, "format", "tsv", "output: tsv (rows under a comment per file) or json")
	return cmd
}

// suggest turns open nodes into rows: ids, kinds, names the lexicon does not hold
// yet, the example sentence, and a person's side.
func suggest(lx *lexicon.Lexicon, groups []*nodeGroup, lang string) []*suggestion {
	var all []string
	for _, g := range groups {
		for _, l := range g.names {
			all = append(all, l...)
		}
	}
	owners := nameOwners(lx, all)
	iris := map[string]*lexicon.Entry{}
	for _, e := range lx.Entries() {
		if e.Class != lexicon.Title {
			iris[e.NodeKey()] = e
		}
	}
	used := map[string]bool{}
	byNode := map[quad.IRI]*suggestion{}
	var out []*suggestion
	for _, f := range suggestFiles {
		var group []*suggestion
		for _, g := range groups {
			n := g.node
			if n.Class != f.class {
				continue
			}
			s := &suggestion{File: f.name, Articles: n.Articles, OpenKind: n.Kind, Names: g.names, node: n}
			for _, m := range g.members {
				s.Nodes = append(s.Nodes, string(m.IRI))
				byNode[m.IRI] = s
			}
			for _, p := range []string{"party", "mediator", "venue", "participant", "ledBy", "affiliation", "contributor"} {
				if n.Edges[p] > 0 {
					s.As = append(s.As, p)
				}
			}
			ev := example(n.Evidence, lang)
			s.Sentence, s.Rule, s.Article = ev.Sentence, ev.Rule, string(ev.Article)
			s.Kind = lexiconKind(f.class, n)
			if n.Kind == "collective" {
				s.Notes = append(s.Notes, "a collective description, not a name: add it only if it always means this one side")
			}
			s.checkNames(owners, f.lclass, iris[lexicon.NodeKey(f.lclass, s.displayName())])
			switch {
			case s.Entry != "":
				s.ID, s.Kind = s.Entry, ""
			case len(s.Names) > 0:
				s.ID = uniqueID(lx, used, s)
				if f.class == schema.Person && len(n.Roles) > 0 {
					s.Role = n.Roles[0].Value
				}
			}
			group = append(group, s)
		}
		sort.SliceStable(group, func(i, j int) bool {
			a, b := group[i], group[j]
			if a.Articles != b.Articles {
				return a.Articles > b.Articles
			}
			return a.displayName() < b.displayName()
		})
		out = append(out, group...)
	}
	markShared(out)
	// A person's side: a lexicon node's id, or the row suggested for an open one.
	for _, s := range out {
		for _, a := range s.node.Affiliations {
			if s.Entry != "" {
				break // an alias row adds names only
			}
			if a.Value.LexiconID != "" && lx.Entry(a.Value.LexiconID) != nil {
				s.Affiliation = a.Value.LexiconID
				break
			}
			if o := byNode[a.Value.IRI]; o != nil && o.ID != "" {
				s.Affiliation = o.ID // its row's id, or the entry it is
				break
			}
			s.Notes = append(s.Notes, fmt.Sprintf("side %q is no lexicon entry and not listed here", a.Value.DisplayName))
		}
		s.Row = s.row()
	}
	return out
}

// nodeGroup is the open nodes one row stands for.
type nodeGroup struct {
	members []*store.OpenNode   // the most named first
	names   map[string][]string // their rowNames, then (finish) acronyms
	node    *store.OpenNode     // (finish) the first, with the others' evidence, edges, roles and sides
}

// mergeNodes groups the open nodes of one class that share a name as the matcher
// folds it (إسماعيل and اسماعيل are two nodes but one lexicon name): a lexicon
// file must not give one name to two entries.
func mergeNodes(nodes []*store.OpenNode) []*nodeGroup {
	sorted := append([]*store.OpenNode(nil), nodes...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		return a.Articles > b.Articles || a.Articles == b.Articles && a.IRI < b.IRI
	})
	byKey := map[string]*nodeGroup{}
	var out []*nodeGroup
	for _, n := range sorted {
		names := rowNames(n)
		var g *nodeGroup
		for _, l := range []string{"en", "ar"} {
			for _, name := range names[l] {
				if g == nil {
					g = byKey[string(n.Class)+" "+lexicon.NameKey(name)]
				}
			}
		}
		if g == nil {
			g = &nodeGroup{names: names}
			out = append(out, g)
		} else {
			g.addNames(names)
		}
		g.members = append(g.members, n)
		for _, l := range names {
			for _, name := range l {
				if k := string(n.Class) + " " + lexicon.NameKey(name); byKey[k] == nil {
					byKey[k] = g
				}
			}
		}
	}
	return out
}

// maxArticles is the most articles the group's nodes can share: their sum.
func (g *nodeGroup) maxArticles() int {
	n := 0
	for _, m := range g.members {
		n += m.Articles
	}
	return n
}

// addNames adds the names the group lacks.
func (g *nodeGroup) addNames(names map[string][]string) {
	for _, l := range []string{"en", "ar"} {
		for _, name := range names[l] {
			dup := false
			for _, have := range g.names[l] {
				dup = dup || lexicon.NameKey(have) == lexicon.NameKey(name)
			}
			if !dup {
				g.names[l] = append(g.names[l], name)
			}
		}
	}
}

// finish makes the group's node once its members' evidence is read: the first
// member with everything the others add, and the articles that name any of them
// (an article naming two spellings counts once).
func (g *nodeGroup) finish() {
	m := *g.members[0]
	m.Edges = map[string]int{}
	m.Evidence, m.Roles, m.Affiliations = nil, nil, nil
	articles := map[quad.IRI]bool{}
	for _, n := range g.members {
		for p, c := range n.Edges {
			m.Edges[p] += c
		}
		m.Evidence = append(m.Evidence, n.Evidence...)
		m.Roles = append(m.Roles, n.Roles...)
		m.Affiliations = append(m.Affiliations, n.Affiliations...)
		m.Articles = max(m.Articles, n.Articles)
	}
	for _, e := range m.Evidence {
		articles[e.Article] = true
	}
	m.Articles = max(m.Articles, len(articles))
	sort.SliceStable(m.Roles, func(i, j int) bool { return m.Roles[i].Articles > m.Roles[j].Articles })
	sort.SliceStable(m.Affiliations, func(i, j int) bool { return m.Affiliations[i].Articles > m.Affiliations[j].Articles })
	if m.Class == schema.Organization {
		addAcronyms(g.names, m.Evidence)
	}
	g.node = &m
}

// markShared marks "?" a name two rows give (an open actor and an open place of
// one name): the checker wants a name of two entries ambiguous on both.
func markShared(sugs []*suggestion) {
	rows := map[string][]*suggestion{}
	for _, s := range sugs {
		for _, l := range s.Names {
			for _, name := range l {
				k := lexicon.NameKey(name)
				if len(rows[k]) == 0 || rows[k][len(rows[k])-1] != s {
					rows[k] = append(rows[k], s)
				}
			}
		}
	}
	for _, s := range sugs {
		for l, names := range s.Names {
			for i, name := range names {
				others := rows[lexicon.NameKey(name)]
				if len(others) < 2 || strings.HasSuffix(name, "?") {
					continue
				}
				names[i] = name + "?"
				var where []string
				for _, o := range others {
					if o != s {
						where = append(where, o.File)
					}
				}
				s.Notes = append(s.Notes, fmt.Sprintf("%q is also a row of %s: marked ambiguous", name, strings.Join(where, ", ")))
			}
			s.Names[l] = names
		}
	}
}

// displayName is the row's canonical name: English where known, else Arabic.
func (s *suggestion) displayName() string {
	for _, l := range []string{"en", "ar"} {
		if len(s.Names[l]) > 0 {
			return strings.TrimSuffix(s.Names[l][0], "?")
		}
	}
	return s.node.DisplayName
}

// rowNames are the node's names fit for a lexicon cell: no tabs or "|", no "?"
// that would mark them ambiguous, English and Arabic only.
func rowNames(n *store.OpenNode) map[string][]string {
	out := map[string][]string{}
	for _, l := range []string{"en", "ar"} {
		seen := map[string]bool{}
		for _, name := range n.Names[l] {
			name = strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == '|' || r == '\t' || r == '\n' || r == ' ' }), " ")
			name = strings.TrimSpace(strings.TrimRight(name, "?"))
			if name == "" || strings.HasPrefix(name, "#") || seen[lexicon.NameKey(name)] {
				continue
			}
			seen[lexicon.NameKey(name)] = true
			out[l] = append(out[l], name)
		}
	}
	return out
}

// acronymAfter finds "Name (ACR)" in a sentence.
var acronymAfter = regexp.MustCompile(`^\s*\(([A-Z][A-Z0-9]{1,7})\)`)

// addAcronyms adds the acronyms the evidence sentences give right after an
// English name ("the Sahel Liberation Front (SLF)"): the graph keeps only the name.
func addAcronyms(names map[string][]string, evs []store.Evidence) {
	for _, name := range names["en"] {
		for _, ev := range evs {
			i := strings.Index(ev.Sentence, name)
			if i < 0 {
				continue
			}
			if m := acronymAfter.FindStringSubmatch(ev.Sentence[i+len(name):]); m != nil && !slices.Contains(names["en"], m[1]) {
				names["en"] = append(names["en"], m[1])
			}
		}
	}
}

// lexiconKind maps an open node's kind to its lexicon file's kinds. Open places
// keep theirs (a border the border rules name is a border, another place without
// a kind a region). An open armed group is an armed_group; a named body ("… Council"),
// an acronym or a collective description ("armed groups") is a movement when some
// negotiation has it as a side (sides of a negotiation must be of a side kind:
// state, armed_group, movement…), else an ngo, which never becomes a side.
func lexiconKind(class quad.IRI, n *store.OpenNode) string {
	switch class {
	case schema.Place:
		switch n.Kind {
		case "city", "region", "territory", "border", "building", "crossing", "water", "landmark":
			return n.Kind
		}
		if strings.HasSuffix(n.DisplayName, " border") { // "A–B border", of the border rules
			return "border"
		}
		return "region"
	case schema.Organization:
		switch {
		case n.Kind == "armed_group":
			return "armed_group"
		case n.Kind == "collective" || n.Edges["party"] > 0:
			return "movement"
		}
		return "ngo"
	}
	return ""
}

// example picks the evidence of the node's most common rule (in --lang's
// language where there is one): the earliest sentence of an article, the shortest
// of those.
func example(evs []store.Evidence, lang string) store.Evidence {
	if lang != "" {
		var in []store.Evidence
		for _, e := range evs {
			if e.Lang == lang {
				in = append(in, e)
			}
		}
		if len(in) > 0 {
			evs = in
		}
	}
	rules := map[string]int{}
	for _, e := range evs {
		rules[e.Rule]++
	}
	better := func(a, b store.Evidence) bool {
		switch {
		case rules[a.Rule] != rules[b.Rule]:
			return rules[a.Rule] > rules[b.Rule]
		case a.Rule != b.Rule:
			return a.Rule < b.Rule
		case a.Index != b.Index:
			return a.Index < b.Index
		case len(a.Sentence) != len(b.Sentence):
			return len(a.Sentence) < len(b.Sentence)
		case a.Sentence != b.Sentence:
			return a.Sentence < b.Sentence
		}
		return a.Article < b.Article
	}
	var best store.Evidence
	for i, e := range evs {
		if i == 0 || better(e, best) {
			best = e
		}
	}
	return best
}

// owner is a lexicon entry that holds a name.
type owner struct {
	e         *lexicon.Entry
	ambiguous bool
}

// nameOwners finds the lexicon entries that hold names: one pass over the
// lexicon's names, keyed as the checker keys them.
func nameOwners(lx *lexicon.Lexicon, names []string) map[string][]owner {
	want := map[string]bool{}
	for _, name := range names {
		want[lexicon.NameKey(name)] = true
	}
	out := map[string][]owner{}
	if len(want) == 0 {
		return out
	}
	for _, e := range lx.Entries() {
		if e.Class == lexicon.Title {
			continue
		}
		for _, list := range [][]string{e.En, e.Ar, e.EnAdj} {
			for _, raw := range list {
				if k := lexicon.NameKey(raw); want[k] {
					amb := strings.HasSuffix(strings.TrimSpace(raw), "?") || e.Flags["ambiguous"] != ""
					out[k] = append(out[k], owner{e, amb})
				}
			}
		}
	}
	return out
}

// checkNames decides what the row adds to the lexicon. A name an entry of the
// node's class holds makes the node that entry (Entry: the row only adds the other
// names); so does an entry of that class with the node's slug (same node IRI:
// bySlug), whereas one of another class leaves nothing to add. Of the other names,
// those no entry holds stay, those entries hold only as ambiguous stay marked "?",
// and those an entry holds plainly are left out: the checker wants a name on one
// entry, or ambiguous on all.
func (s *suggestion) checkNames(owners map[string][]owner, class lexicon.Class, bySlug *lexicon.Entry) {
	orig := s.Names
	for _, l := range []string{"en", "ar"} {
		for _, name := range orig[l] {
			for _, o := range owners[lexicon.NameKey(name)] {
				if s.Entry == "" && !o.ambiguous && o.e.Class == class {
					s.Entry = o.e.ID
					s.Notes = append(s.Notes, fmt.Sprintf("%q is %s's (%s)", name, o.e.ID, o.e.Source))
				}
			}
		}
	}
	names, notes := keptNames(orig, owners, s.Entry)
	if e := bySlug; s.Entry == "" && e != nil {
		s.Notes = append(s.Notes, fmt.Sprintf("entry %s (%s) has this node (%s)", e.ID, e.Source, e.NodeKey()))
		if e.Class == class {
			s.Entry = e.ID
			names, notes = keptNames(orig, owners, e.ID)
		} else {
			names, notes = map[string][]string{}, nil
		}
	}
	s.Names = names
	s.Notes = append(s.Notes, notes...)
}

// keptNames are the names a row for entry (or a new entry, "") can give: see checkNames.
func keptNames(names map[string][]string, owners map[string][]owner, entry string) (map[string][]string, []string) {
	out := map[string][]string{}
	var notes []string
	for _, l := range []string{"en", "ar"} {
	names:
		for _, name := range names[l] {
			os := owners[lexicon.NameKey(name)]
			var amb []string
			var plain *lexicon.Entry
			for _, o := range os {
				switch {
				case o.e.ID == entry:
					continue names // the entry has it
				case o.ambiguous:
					amb = append(amb, o.e.ID)
				case plain == nil:
					plain = o.e
				}
			}
			switch {
			case plain != nil:
				notes = append(notes, fmt.Sprintf("%q is %s's (%s): left out", name, plain.ID, plain.Source))
			case amb != nil:
				out[l] = append(out[l], name+"?")
				notes = append(notes, fmt.Sprintf("%q also names %s: marked ambiguous", name, strings.Join(amb, ", ")))
			default:
				out[l] = append(out[l], name)
			}
		}
	}
	return out, notes
}

// uniqueID is a slug of the row's canonical name that no lexicon entry and no other
// row has.
func uniqueID(lx *lexicon.Lexicon, used map[string]bool, s *suggestion) string {
	base := schema.Slug(s.displayName())
	if base == "" {
		base = schema.Slug(strings.TrimPrefix(string(s.node.IRI), schema.IDBase))
	}
	id := base
	for i := 2; used[id] || lx.Entry(id) != nil; i++ {
		id = fmt.Sprintf("%s-%d", base, i)
	}
	used[id] = true
	return id
}

// row is the suggestion as a line of its file, in the file's column order.
func (s *suggestion) row() string {
	if len(s.Names["en"]) == 0 && len(s.Names["ar"]) == 0 {
		return ""
	}
	cols := lexicon.Columns(s.File)
	cells := make([]string, len(cols))
	for i, c := range cols {
		switch c {
		case "id":
			cells[i] = s.ID
		case "kind":
			cells[i] = s.Kind
		case "en", "ar":
			cells[i] = strings.Join(s.Names[c], " | ")
		case "affiliation":
			cells[i] = s.Affiliation
		case "role":
			cells[i] = s.Role
		case "flags":
			if s.Entry != "" {
				cells[i] = "alias_of=" + s.Entry
			}
		}
	}
	return strings.Join(cells, "\t")
}

// comment is the line above a row: how many articles, how it was found, and where.
func (s *suggestion) comment() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %d %s", s.Articles, plural(fmt.Sprint(s.Articles), "article", "articles"))
	if s.OpenKind != "" {
		fmt.Fprintf(&b, "; open %s", s.OpenKind)
	}
	if len(s.As) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(s.As, ", "))
	}
	if s.Rule != "" {
		fmt.Fprintf(&b, "; rule %s", s.Rule)
	}
	if s.Sentence != "" {
		fmt.Fprintf(&b, `: "%s"`, clip(oneLine(s.Sentence), 200))
	}
	for _, n := range s.Notes {
		fmt.Fprintf(&b, "; %s", oneLine(n))
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// clip shortens s to at most n runes, with "…" when it cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// writeSuggestions prints the rows under a comment header per file: the header
// line commented out (uncomment it to start a new file), then each row under its
// comment. Nodes the lexicon already knows are comments only.
func writeSuggestions(w io.Writer, sugs []*suggestion) error {
	file := ""
	for _, s := range sugs {
		if s.File != file {
			if file != "" {
				fmt.Fprintln(w)
			}
			file = s.File
			fmt.Fprintf(w, "# %s\n", file)
			fmt.Fprintf(w, "# %s\n", strings.Join(lexicon.Columns(file), "\t"))
		}
		fmt.Fprintln(w, s.comment())
		switch {
		case s.Row == "" && s.Entry != "":
			fmt.Fprintf(w, "# (%s: the lexicon has every name of it, as %s; the store was loaded before: load its articles into a new store)\n", oneLine(s.node.DisplayName), s.Entry)
			continue
		case s.Row == "":
			fmt.Fprintf(w, "# (%s: no name left to add)\n", oneLine(s.node.DisplayName))
			continue
		}
		if _, err := fmt.Fprintln(w, s.Row); err != nil {
			return err
		}
	}
	return nil
}
