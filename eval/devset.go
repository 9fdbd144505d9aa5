package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// This file scores YAML gold sets — the real-text development set at
// ../shared/devset, described in its README — exactly as that set's reference
// scorer, score.py, does: same categories, name folding, alias resolution and
// micro-averaging, so both report the same counts.

// DevCategories are the YAML gold categories, in report order (score.py CATS).
var DevCategories = []string{"mediation", "venue", "participant", "person", "affiliation", "location", "place", "issue"}

// DevGold is one YAML gold file.
type DevGold struct {
	ID         string              `yaml:"id"`
	Lang       string              `yaml:"lang"`
	Mediations []DevMediation      `yaml:"mediations"`
	Talks      []DevTalks          `yaml:"talks"`
	Persons    []DevPerson         `yaml:"persons"`
	Locations  []string            `yaml:"locations"`
	Issues     []string            `yaml:"issues"`
	Aliases    map[string][]string `yaml:"aliases"`
}

// DevMediation is one mediator and the parties it mediates between.
type DevMediation struct {
	Mediator string   `yaml:"mediator"`
	Parties  []string `yaml:"parties"`
}

// DevTalks is one venue and who took part there.
type DevTalks struct {
	Location     string   `yaml:"location"`
	Participants []string `yaml:"participants"`
}

// DevPerson is one named person.
type DevPerson struct {
	Name        string `yaml:"name"`
	Role        string `yaml:"role"`
	Affiliation string `yaml:"affiliation"`
}

// Counts are one category's set counts, as score.py keeps them; an article's also
// list its false positives and negatives.
type Counts struct {
	TP, Pred, Gold int
	FP, FN         []string // sorted; pairs shown as "a → b"
}

// FPs is the number of predictions not in the gold.
func (c *Counts) FPs() int { return c.Pred - c.TP }

// FNs is the number of gold facts not predicted.
func (c *Counts) FNs() int { return c.Gold - c.TP }

// Precision is score.py's: 1 when nothing was predicted and nothing was to be,
// 0 when nothing was predicted but something was to be.
func (c *Counts) Precision() float64 {
	switch {
	case c.Pred > 0:
		return float64(c.TP) / float64(c.Pred)
	case c.Gold == 0:
		return 1
	}
	return 0
}

// Recall is score.py's: 1 when there was nothing to find.
func (c *Counts) Recall() float64 {
	if c.Gold == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.Gold)
}

// F1 is the harmonic mean of Precision and Recall (0 when both are 0).
func (c *Counts) F1() float64 { return f1(c.Precision(), c.Recall()) }

// DevArticle is one article's counts and what went wrong reading it.
type DevArticle struct {
	ID     string
	Counts map[string]*Counts
	Errors []string // load or query failures; the article is still scored
}

// DevReport is the outcome over a YAML gold directory.
type DevReport struct {
	Counts   map[string]*Counts // micro-averaged over articles
	Articles []DevArticle
}

// Failed is the number of articles with errors.
func (r *DevReport) Failed() int {
	n := 0
	for _, a := range r.Articles {
		if len(a.Errors) > 0 {
			n++
		}
	}
	return n
}

// YAMLGoldDir reports where YAML gold files are for dir: dir/gold when dir is a
// set's root (gold/*.yaml beside articles/), dir itself when it holds *.yaml.
func YAMLGoldDir(dir string) (string, bool) {
	for _, d := range []string{filepath.Join(dir, "gold"), dir} {
		if files, _ := filepath.Glob(filepath.Join(d, "*.yaml")); len(files) > 0 {
			return d, true
		}
	}
	return "", false
}

// RunDevset scores every YAML gold file in c.GoldDir (the article of gold/X.yaml
// is X.txt in c.ArticlesDir, by default "articles" beside c.GoldDir). A failed
// load or query is recorded on its article, which is still scored, as score.py
// does.
func RunDevset(ctx context.Context, c Config) (*DevReport, error) {
	files, err := c.goldFiles(".yaml")
	if err != nil {
		return nil, err
	}
	rep := &DevReport{Counts: map[string]*Counts{}}
	for _, cat := range DevCategories {
		rep.Counts[cat] = &Counts{}
	}
	for _, f := range files {
		a, err := c.scoreDevArticle(ctx, f)
		if err != nil {
			return nil, err
		}
		for cat, n := range a.Counts {
			rep.Counts[cat].TP += n.TP
			rep.Counts[cat].Pred += n.Pred
			rep.Counts[cat].Gold += n.Gold
		}
		rep.Articles = append(rep.Articles, *a)
	}
	return rep, nil
}

// ReadDevGold reads one YAML gold file.
func ReadDevGold(path string) (*DevGold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval %s: %w", path, err)
	}
	var g DevGold
	if err := yaml.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("eval %s: %w", path, err)
	}
	return &g, nil
}

func (c Config) scoreDevArticle(ctx context.Context, goldPath string) (*DevArticle, error) {
	g, err := ReadDevGold(goldPath)
	if err != nil {
		return nil, err
	}
	base := strings.TrimSuffix(filepath.Base(goldPath), ".yaml")
	a := &DevArticle{ID: g.ID}
	if a.ID == "" {
		a.ID = base
	}
	st, err := c.openStore(base)
	if err != nil {
		return nil, fmt.Errorf("eval %s: %w", goldPath, err)
	}
	defer st.Close()
	article := filepath.Join(c.ArticlesDir, base+".txt")
	if err := c.loadArticle(ctx, st, article); err != nil {
		a.Errors = append(a.Errors, fmt.Sprintf("load %s: %v", article, err))
	}
	rows := map[string][]any{}
	for _, name := range scoredQueries {
		res, err := runQuery(ctx, st, name)
		if err == nil {
			res, err = asJSON(res)
		}
		if err != nil {
			a.Errors = append(a.Errors, err.Error())
			continue
		}
		rows[name] = res
	}
	a.Counts = scoreDevRows(g, rows)
	return a, nil
}

// asJSON passes rows through JSON, as parley query --format json prints them and
// score.py reads them back.
func asJSON(rows []any) ([]any, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rows); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(&buf)
	dec.UseNumber()
	var out []any
	if err := dec.Decode(&out); err != nil {
		return nil, err
	}
	return out, nil
}

// scoreDevRows scores one article's query rows (by query name) against its gold.
func scoreDevRows(g *DevGold, rows map[string][]any) map[string]*Counts {
	r := newDevResolver(g)
	out := map[string]*Counts{}
	out["mediation"] = scoreMediation(g, r, rows["mediators"])
	out["venue"], out["participant"] = scoreTalks(g, r, rows["talks"])
	out["person"], out["affiliation"] = scorePeople(g, r, rows["people"])
	out["location"], out["place"] = scoreLocations(g, r, rows["locations"])
	out["issue"] = scoreIssues(g, rows["issues"])
	return out
}

// scoreMediation scores (mediator, party) pairs.
func scoreMediation(g *DevGold, r *devResolver, rows []any) *Counts {
	mediators, parties := strSet{}, strSet{}
	gold := strSet{}
	for _, m := range g.Mediations {
		mediators.add(m.Mediator)
		for _, p := range m.Parties {
			parties.add(p)
			gold.add(pair(m.Mediator, p))
		}
	}
	pred := strSet{}
	for _, row := range rows {
		for _, m := range namesOf(field(row, "mediator")) {
			for _, p := range namesOf(field(row, "between")) {
				pm, pp := r.resolve(m, mediators), r.resolve(p, parties)
				if pm != "" && pp != "" && pm != pp {
					pred.add(pair(pm, pp))
				}
			}
		}
	}
	return newCounts(pred, gold)
}

// scoreTalks scores venues and (venue, participant) pairs; a talks row's parties
// take part too, and a person counts as the side the gold says they act for.
func scoreTalks(g *DevGold, r *devResolver, rows []any) (venue, participant *Counts) {
	goldVenues, goldParts, participants := strSet{}, strSet{}, strSet{}
	for _, t := range g.Talks {
		goldVenues.add(t.Location)
		for _, p := range t.Participants {
			participants.add(p)
			goldParts.add(pair(t.Location, p))
		}
	}
	actsFor := map[string]string{}
	for _, p := range g.Persons {
		if p.Affiliation != "" {
			actsFor[p.Name] = p.Affiliation
		}
	}
	venues, parts := strSet{}, strSet{}
	for _, row := range rows {
		for _, l := range namesOf(field(row, "location")) {
			lv := r.resolve(l, goldVenues)
			if lv == "" {
				continue
			}
			venues.add(lv)
			for _, p := range append(namesOf(field(row, "participants")), namesOf(field(row, "between"))...) {
				pp := r.resolve(p, participants)
				if pp == "" {
					continue
				}
				if side, ok := actsFor[pp]; ok {
					pp = side
				}
				parts.add(pair(lv, pp))
			}
		}
	}
	return newCounts(venues, goldVenues), newCounts(parts, goldParts)
}

// scorePeople scores people and (person, affiliation) pairs; only predicted pairs
// of gold people count.
func scorePeople(g *DevGold, r *devResolver, rows []any) (person, affiliation *Counts) {
	goldPeople, goldAff, sides := strSet{}, strSet{}, strSet{}
	for _, p := range g.Persons {
		goldPeople.add(p.Name)
		sides.add(p.Affiliation)
		if p.Affiliation != "" {
			goldAff.add(pair(p.Name, p.Affiliation))
		}
	}
	people, aff := strSet{}, strSet{}
	for _, row := range rows {
		for _, n := range namesOf(field(row, "person")) {
			pn := r.resolve(n, nil)
			if pn == "" {
				continue
			}
			people.add(pn)
			for _, a := range namesOf(field(row, "affiliation")) {
				if pa := r.resolve(a, sides); pa != "" && goldPeople[pn] {
					aff.add(pair(pn, pa))
				}
			}
		}
	}
	return newCounts(people, goldPeople), newCounts(aff, goldAff)
}

// scoreLocations scores all locations, and places: locations that are not in
// devCountries.
func scoreLocations(g *DevGold, r *devResolver, rows []any) (location, place *Counts) {
	gold := strSet{}
	for _, l := range g.Locations {
		gold.add(l)
	}
	locs := strSet{}
	for _, row := range rows {
		for _, l := range namesOf(field(row, "location")) {
			if lv := r.resolve(l, gold); lv != "" {
				locs.add(lv)
			}
		}
	}
	return newCounts(locs, gold), newCounts(locs.without(devCountries), gold.without(devCountries))
}

// scoreIssues scores issues of the fixed vocabulary only.
func scoreIssues(g *DevGold, rows []any) *Counts {
	gold := strSet{}
	for _, i := range g.Issues {
		if devTaxonomy[i] {
			gold.add(i)
		}
	}
	pred := strSet{}
	for _, row := range rows {
		for _, i := range namesOf(field(row, "issue")) {
			if i = strings.ToLower(strings.TrimSpace(i)); devTaxonomy[i] {
				pred.add(i)
			}
		}
	}
	return newCounts(pred, gold)
}

// strSet is a set of names or pairs (see pair).
type strSet map[string]bool

func (s strSet) add(v string) { s[v] = true }

func (s strSet) without(drop map[string]bool) strSet {
	out := strSet{}
	for v := range s {
		if !drop[v] {
			out.add(v)
		}
	}
	return out
}

// pairSep joins a pair into one set member.
const pairSep = "\x1f"

func pair(a, b string) string { return a + pairSep + b }

// newCounts compares a predicted set with a gold set.
func newCounts(pred, gold strSet) *Counts {
	c := &Counts{Pred: len(pred), Gold: len(gold)}
	for v := range pred {
		if gold[v] {
			c.TP++
		} else {
			c.FP = append(c.FP, strings.ReplaceAll(v, pairSep, " → "))
		}
	}
	for v := range gold {
		if !pred[v] {
			c.FN = append(c.FN, strings.ReplaceAll(v, pairSep, " → "))
		}
	}
	sort.Strings(c.FP)
	sort.Strings(c.FN)
	return c
}

// field is row[key] when the row is a JSON object.
func field(row any, key string) any {
	m, _ := row.(map[string]any)
	return m[key]
}

// namesOf is score.py's names_of: the names a JSON value holds — a string, each
// name in a list, or an object's label, name or id.
func namesOf(v any) []string {
	switch t := v.(type) {
	case nil:
		return nil
	case []any:
		var out []string
		for _, x := range t {
			out = append(out, namesOf(x)...)
		}
		return out
	case map[string]any:
		for _, k := range []string{"label", "name", "id"} {
			if x, ok := t[k]; ok {
				return []string{pyStr(x)}
			}
		}
		return nil
	}
	return []string{pyStr(v)}
}

// pyStr is Python's str() of a JSON scalar.
func pyStr(v any) string {
	switch t := v.(type) {
	case nil:
		return "None"
	case string:
		return t
	case bool:
		if t {
			return "True"
		}
		return "False"
	}
	return fmt.Sprint(v)
}
