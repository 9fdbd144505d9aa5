// Package eval scores the saved queries' answers against gold files: for each
// article, a fresh in-memory graph holds that article alone, the queries run over it,
// and their rows are compared with what an analyst read out of it.
package eval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parleygraph/parley/loaders/ingest"
	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/text"
	"github.com/parleygraph/parley/queries"
	"github.com/parleygraph/parley/store"
	"github.com/parleygraph/parley/store/bolt"
	"github.com/parleygraph/parley/store/memory"
)

// Gold is what one article must yield (testdata/README.md describes the format).
type Gold struct {
	Article   string `json:"article"`
	Mediators []struct {
		Mediator string   `json:"mediator"`
		Between  []string `json:"between"`
	} `json:"mediators"`
	Talks  []string `json:"talks"`
	People []struct {
		Person      string `json:"person"`
		Affiliation string `json:"affiliation"`
	} `json:"people"`
	Locations []string `json:"locations"`
	Issues    []string `json:"issues"`
}

// scoredQueries are the saved queries both gold formats score, in the order
// score.py runs them.
var scoredQueries = []string{"mediators", "talks", "people", "locations", "issues"}

// Categories scored, in report order.
var Categories = []string{"mediators", "talks", "people", "affiliations", "locations", "issues"}

// Score counts matches of one category.
type Score struct {
	TP, FP, FN int
}

func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }
func (s Score) Recall() float64    { return ratio(s.TP, s.TP+s.FN) }
func (s Score) F1() float64        { return f1(s.Precision(), s.Recall()) }

// f1 is the harmonic mean of precision and recall (0 when both are 0).
func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Miss is one disagreement with the gold.
type Miss struct {
	Category string
	Kind     string // "missing" (in gold, not found) or "wrong" (found, not in gold)
	Value    string
}

// ArticleResult is one article's scores and disagreements.
type ArticleResult struct {
	Article string
	Scores  map[string]*Score
	Misses  []Miss
}

// Report is the outcome over a gold directory.
type Report struct {
	Scores   map[string]*Score // micro-averaged over articles
	Articles []ArticleResult
}

// Config says what to score and how.
type Config struct {
	GoldDir     string
	ArticlesDir string               // where gold files' articles are; default: "articles" beside GoldDir
	Reader      ingest.ArticleReader // reads and extracts an article
	// Lexicon, if set, lets two names of one entry match ("ELN" and "National
	// Liberation Army"); otherwise names match when they fold to the same words.
	Lexicon *lexicon.Lexicon
	// StoreDir, if set, holds a bolt store per article; otherwise stores are in memory.
	StoreDir string
	// Only, if set, keeps the gold files with these base names (without extension).
	Only []string
}

// goldFiles lists, sorted, the gold files (*ext) of c.GoldDir that c.Only keeps (all
// when it is empty), and sets c.ArticlesDir to its default, "articles" beside GoldDir.
func (c *Config) goldFiles(ext string) ([]string, error) {
	if c.ArticlesDir == "" {
		c.ArticlesDir = filepath.Join(filepath.Dir(filepath.Clean(c.GoldDir)), "articles")
	}
	files, err := filepath.Glob(filepath.Join(c.GoldDir, "*"+ext))
	if err != nil {
		return nil, err
	}
	if len(c.Only) > 0 {
		keep := setOf(c.Only...)
		kept := files[:0]
		for _, f := range files {
			if keep[strings.TrimSuffix(filepath.Base(f), ext)] {
				kept = append(kept, f)
			}
		}
		files = kept
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("eval: no gold files (*%s) in %s%s", ext, c.GoldDir, c.onlyHint())
	}
	sort.Strings(files)
	return files, nil
}

// setOf is a set of strings.
func setOf(vals ...string) map[string]bool {
	m := make(map[string]bool, len(vals))
	for _, v := range vals {
		m[v] = true
	}
	return m
}

// onlyHint explains an empty selection made by c.Only.
func (c Config) onlyHint() string {
	if len(c.Only) == 0 {
		return ""
	}
	return " matching --only " + strings.Join(c.Only, ",")
}

// Run scores every gold file in c.GoldDir.
func Run(ctx context.Context, c Config) (*Report, error) {
	files, err := c.goldFiles(".json")
	if err != nil {
		return nil, err
	}
	rep := &Report{Scores: map[string]*Score{}}
	for _, c := range Categories {
		rep.Scores[c] = &Score{}
	}
	for _, f := range files {
		ar, err := c.scoreArticle(ctx, f)
		if err != nil {
			return nil, err
		}
		for c, s := range ar.Scores {
			rep.Scores[c].TP += s.TP
			rep.Scores[c].FP += s.FP
			rep.Scores[c].FN += s.FN
		}
		rep.Articles = append(rep.Articles, *ar)
	}
	return rep, nil
}

func readGold(path string) (*Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g Gold
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	if g.Article == "" {
		return nil, fmt.Errorf("gold %s: no article", path)
	}
	return &g, nil
}

func (c Config) scoreArticle(ctx context.Context, goldPath string) (*ArticleResult, error) {
	g, err := readGold(goldPath)
	if err != nil {
		return nil, err
	}
	n := namer{c.Lexicon}
	st, err := c.openStore(strings.TrimSuffix(filepath.Base(goldPath), ".json"))
	if err != nil {
		return nil, err
	}
	defer st.Close()
	if err := c.loadArticle(ctx, st, filepath.Join(c.ArticlesDir, g.Article)); err != nil {
		return nil, fmt.Errorf("eval %s: %w", goldPath, err)
	}
	rows := map[string][]map[string]any{}
	for _, name := range scoredQueries {
		res, err := runQuery(ctx, st, name)
		if err != nil {
			return nil, fmt.Errorf("eval %s: %w", g.Article, err)
		}
		for _, x := range res {
			if m, ok := x.(map[string]any); ok {
				rows[name] = append(rows[name], m)
			}
		}
	}
	ar := &ArticleResult{Article: g.Article, Scores: map[string]*Score{}}
	score := func(cat string, gold, got [][]string) {
		s, misses := n.compare(gold, got)
		ar.Scores[cat] = s
		for _, m := range misses {
			m.Category = cat
			ar.Misses = append(ar.Misses, m)
		}
	}
	var gold, got [][]string
	for _, m := range g.Mediators {
		for _, p := range m.Between {
			gold = append(gold, []string{m.Mediator, p})
		}
	}
	for _, row := range rows["mediators"] {
		for _, p := range stringList(row["between"]) {
			got = append(got, []string{str(row["mediator"]), p})
		}
	}
	score("mediators", gold, got)
	score("talks", singles(g.Talks), column(rows["talks"], "location"))
	gold, got = nil, nil
	var goldAff, gotAff [][]string
	for _, p := range g.People {
		gold = append(gold, []string{p.Person})
		if p.Affiliation != "" {
			goldAff = append(goldAff, []string{p.Person, p.Affiliation})
		}
	}
	for _, row := range rows["people"] {
		got = append(got, []string{str(row["person"])})
		if a := str(row["affiliation"]); a != "" {
			gotAff = append(gotAff, []string{str(row["person"]), a})
		}
	}
	score("people", gold, got)
	score("affiliations", goldAff, gotAff)
	goldLocs := singles(g.Locations)
	score("locations", goldLocs, n.belowCountry(goldLocs, column(rows["locations"], "location")))
	score("issues", singles(g.Issues), column(rows["issues"], "issue"))
	return ar, nil
}

// openStore opens a fresh store for one article: in memory, or a bolt file named
// after it under c.StoreDir.
func (c Config) openStore(name string) (*store.Store, error) {
	opt := store.Options{Backend: memory.Name}
	if c.StoreDir != "" {
		opt = store.Options{Backend: bolt.Name, Path: filepath.Join(c.StoreDir, name+".db"), Create: true}
	}
	return store.Open(opt)
}

// loadArticle loads one article file into store with c.Reader, as parley load
// does; it returns the last error the load reported.
func (c Config) loadArticle(ctx context.Context, st *store.Store, path string) error {
	var loadErr error
	st.Load(ctx, []string{path}, c.Reader, 1, func(ev ingest.Event) {
		if ev.Err != nil {
			loadErr = ev.Err
		}
	})
	return loadErr
}

// runQuery runs a saved query without parameters, as parley query NAME does.
func runQuery(ctx context.Context, st *store.Store, name string) ([]any, error) {
	q, err := queries.Get(name)
	if err != nil {
		return nil, err
	}
	return queries.Run(ctx, st, q, nil, store.QueryOptions{})
}

// compare matches found tuples to gold tuples (each gold value may list
// alternatives separated by "|"); each gold tuple matches at most once.
func (n namer) compare(gold, got [][]string) (*Score, []Miss) {
	s := &Score{}
	var misses []Miss
	used := make([]bool, len(gold))
	seen := map[string]bool{}
	for _, t := range got {
		k := strings.Join(n.keys(t), "\x1f")
		if seen[k] {
			continue // the same answer twice counts once
		}
		seen[k] = true
		hit := false
		for i, gt := range gold {
			if !used[i] && n.tupleMatches(gt, t) {
				used[i], hit = true, true
				break
			}
		}
		if hit {
			s.TP++
			continue
		}
		// An answer that repeats a matched gold tuple (two spellings) is not wrong.
		dup := false
		for i, gt := range gold {
			if used[i] && n.tupleMatches(gt, t) {
				dup = true
			}
		}
		if !dup {
			s.FP++
			misses = append(misses, Miss{Kind: "wrong", Value: strings.Join(t, " → ")})
		}
	}
	for i, gt := range gold {
		if !used[i] {
			s.FN++
			misses = append(misses, Miss{Kind: "missing", Value: strings.Join(gt, " → ")})
		}
	}
	return s, misses
}

func (n namer) tupleMatches(gold, got []string) bool {
	if len(gold) != len(got) {
		return false
	}
	for i := range gold {
		if !n.valueMatches(gold[i], got[i]) {
			return false
		}
	}
	return true
}

func (n namer) valueMatches(gold, got string) bool {
	k := n.key(got)
	for _, alt := range strings.Split(gold, "|") {
		if n.key(alt) == k {
			return true
		}
	}
	return false
}

// namer compares names.
type namer struct{ lx *lexicon.Lexicon }

// key folds a name for comparison: case, diacritics, punctuation and a leading
// "the" do not count, and a name the lexicon knows stands for its entry.
func (n namer) key(s string) string {
	if e := n.entry(s); e != nil {
		return "entry:" + e.ID
	}
	return strings.TrimPrefix(text.Key(s), "the ")
}

// entry is the lexicon entry the whole of s names (not by a bare surname), or nil.
func (n namer) entry(s string) *lexicon.Entry {
	if n.lx == nil {
		return nil
	}
	toks := text.Tokenize(s)
	if m, ok := n.lx.MatchAt(toks, 0); ok && m.End == len(toks) && m.Form != lexicon.FormShort {
		return m.Entry()
	}
	return nil
}

// aboveCountry reports whether the lexicon knows s as a country, or as a region
// wider than one (a region in no country).
func (n namer) aboveCountry(s string) bool {
	e := n.entry(s)
	if e == nil {
		return false
	}
	return e.Class == lexicon.Country || (e.Class == lexicon.Place && e.Kind == "region" && e.Country == "")
}

// belowCountry drops the found locations that are countries or wider regions
// (testdata/README.md: locations are places below the level of a country), so that
// they count neither right nor wrong; one the gold lists scores as usual.
func (n namer) belowCountry(gold, got [][]string) [][]string {
	var out [][]string
	for _, t := range got {
		if n.aboveCountry(t[0]) && !n.inGold(gold, t) {
			continue
		}
		out = append(out, t)
	}
	return out
}

func (n namer) inGold(gold [][]string, t []string) bool {
	for _, gt := range gold {
		if n.tupleMatches(gt, t) {
			return true
		}
	}
	return false
}

func (n namer) keys(t []string) []string {
	out := make([]string, len(t))
	for i, v := range t {
		out[i] = n.key(v)
	}
	return out
}

func singles(vals []string) [][]string {
	out := make([][]string, len(vals))
	for i, v := range vals {
		out[i] = []string{v}
	}
	return out
}

func column(rows []map[string]any, col string) [][]string {
	var out [][]string
	for _, r := range rows {
		if v := str(r[col]); v != "" {
			out = append(out, []string{v})
		}
	}
	return out
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func stringList(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// ErrBelowFloor is returned by Check when a category scores under its floor.
var ErrBelowFloor = errors.New("below floor")

// Check returns an error naming each category whose F1 is under its floor.
func (r *Report) Check(floors map[string]float64) error {
	var fails []string
	for _, c := range Categories {
		if f, ok := floors[c]; ok && r.Scores[c].F1() < f {
			fails = append(fails, fmt.Sprintf("%s F1 %.2f < %.2f", c, r.Scores[c].F1(), f))
		}
	}
	if len(fails) > 0 {
		return fmt.Errorf("%w: %s", ErrBelowFloor, strings.Join(fails, "; "))
	}
	return nil
}
