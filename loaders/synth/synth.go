// Package synth writes synthetic negotiation news, in Arabic and English, from
// templates over the lexicon: many negotiations, mediators, venues, issues and
// people. Benchmarks and load tests use it to build corpora of any size that
// exercise the extractor the way real articles do.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/parleygraph/parley/loaders/lexicon"
)

// Article is one generated article.
type Article struct {
	Name string // file name: ar_000123.txt
	Text string // headline, then body
}

// issue phrases that the extractor's triggers read, per language.
var issuePhrases = map[string][2]string{
	"ceasefire":           {"a ceasefire", "وقف إطلاق النار"},
	"hostage release":     {"the release of hostages", "الإفراج عن الرهائن"},
	"prisoner exchange":   {"an exchange of prisoners", "تبادل الأسرى"},
	"troop withdrawal":    {"the withdrawal of troops", "انسحاب القوات"},
	"humanitarian aid":    {"humanitarian aid deliveries", "إدخال المساعدات الإنسانية"},
	"reconstruction":      {"reconstruction funding", "إعادة الإعمار"},
	"sanctions":           {"the lifting of sanctions", "رفع العقوبات"},
	"border security":     {"border security arrangements", "ترسيم الحدود"},
	"disarmament":         {"disarmament of fighters", "نزع السلاح"},
	"normalization":       {"the normalization of relations", "التطبيع"},
	"freedom of movement": {"freedom of movement for civilians", "حرية التنقل للمدنيين"},
	"peace agreement":     {"a final peace agreement", "اتفاق سلام شامل"},
}

// Generator picks from the lexicon's actors, places and people.
type Generator struct {
	sides     []*lexicon.Entry // states and armed groups
	mediators []*lexicon.Entry // states and international bodies
	venues    []*lexicon.Entry // capitals and venue cities
	people    []*lexicon.Entry // people with a role and an affiliation
	issues    []string
}

// New prepares a generator over lx.
func New(lx *lexicon.Lexicon) (*Generator, error) {
	g := &Generator{}
	for _, e := range lx.Entries() {
		if len(e.En) == 0 || len(e.Ar) == 0 || e.Flags["ambiguous"] != "" || hasAmbiguousName(e) {
			continue
		}
		switch {
		case e.Class == lexicon.Country && e.Capital != "" && len(e.ArNisba) > 0:
			g.sides = append(g.sides, e)
			g.mediators = append(g.mediators, e)
		case e.Class == lexicon.Organization && (e.Kind == "armed_group" || e.Kind == "movement"):
			g.sides = append(g.sides, e)
		case e.Class == lexicon.Organization && e.Kind == "igo":
			g.mediators = append(g.mediators, e)
		case e.Class == lexicon.Place && e.Kind == "city" && e.StandsFor != "":
			g.venues = append(g.venues, e)
		case e.Class == lexicon.Person && e.Role != "" && e.Affiliation != "" && len(strings.Fields(e.En[0])) >= 2:
			g.people = append(g.people, e)
		}
	}
	for i := range issuePhrases {
		g.issues = append(g.issues, i)
	}
	sortStrings(g.issues)
	if len(g.sides) < 4 || len(g.mediators) < 4 || len(g.venues) < 2 || len(g.people) < 2 {
		return nil, fmt.Errorf("synth: the lexicon is too small to generate articles")
	}
	return g, nil
}

func hasAmbiguousName(e *lexicon.Entry) bool {
	for _, n := range append(append([]string(nil), e.En...), e.Ar...) {
		if strings.HasSuffix(n, "?") {
			return true
		}
	}
	return false
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// Generate writes n articles, half in each language, deterministically from seed.
// As in real news, a corpus follows a modest number of negotiations (3√n of them),
// a few much more than the rest, each with its own parties, mediators, two or
// three venues and a handful of issues, day after day.
func (g *Generator) Generate(n int, seed uint64) []Article {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]Article, 0, n)
	negotiations := max(int(3*math.Sqrt(float64(n))), 1)
	for i := 0; i < n; i++ {
		u := r.Float64()
		k := int(float64(negotiations) * u * u) // popular negotiations first
		nr := rand.New(rand.NewPCG(seed, uint64(k)))
		a, b := g.pick(nr, g.sides), g.pick(nr, g.sides)
		for b == a {
			b = g.pick(nr, g.sides)
		}
		m1, m2 := g.pick(nr, g.mediators), g.pick(nr, g.mediators)
		for m1 == a || m1 == b {
			m1 = g.pick(nr, g.mediators)
		}
		for m2 == a || m2 == b || m2 == m1 {
			m2 = g.pick(nr, g.mediators)
		}
		// The negotiation's venues and issues, then this article's among them.
		venues := []*lexicon.Entry{g.pick(nr, g.venues), g.pick(nr, g.venues), g.pick(nr, g.venues)}
		issues := []string{g.issues[nr.IntN(len(g.issues))], g.issues[nr.IntN(len(g.issues))], g.issues[nr.IntN(len(g.issues))], g.issues[nr.IntN(len(g.issues))]}
		venue := venues[min(r.IntN(4), 2)] // the first venue half the time
		p := g.pick(r, g.people)
		i1, i2 := issues[r.IntN(len(issues))], issues[r.IntN(len(issues))]
		day := days[r.IntN(len(days))]
		if i%2 == 0 {
			out = append(out, Article{Name: fmt.Sprintf("en_%06d.txt", i), Text: english(a, b, m1, m2, venue, p, i1, i2, day[0], i)})
		} else {
			out = append(out, Article{Name: fmt.Sprintf("ar_%06d.txt", i), Text: arabic(a, b, m1, m2, venue, p, i1, i2, day[1], i)})
		}
	}
	return out
}

func (g *Generator) pick(r *rand.Rand, from []*lexicon.Entry) *lexicon.Entry {
	return from[r.IntN(len(from))]
}

var days = [][2]string{{"Monday", "الاثنين"}, {"Tuesday", "الثلاثاء"}, {"Wednesday", "الأربعاء"}, {"Thursday", "الخميس"}, {"Sunday", "الأحد"}}

func english(a, b, m1, m2, venue, p *lexicon.Entry, i1, i2, day string, n int) string {
	var s strings.Builder
	fmt.Fprintf(&s, "%s and %s resume talks in %s (report %d)\n\n", a.En[0], b.En[0], venue.En[0], n)
	fmt.Fprintf(&s, "%s — Delegations from %s and %s resumed negotiations in %s on %s, in talks mediated by %s and %s, officials said.\n\n",
		strings.ToUpper(venue.En[0]), a.En[0], b.En[0], venue.En[0], day, m1.En[0], m2.En[0])
	fmt.Fprintf(&s, "The round is expected to focus on %s and %s, according to two diplomats briefed on the discussions.\n\n",
		issuePhrases[i1][0], issuePhrases[i2][0])
	fmt.Fprintf(&s, "%s, %s, said the mediators had narrowed the gaps between the two sides but that no agreement was final.\n\n", p.En[0], p.Role)
	fmt.Fprintf(&s, "Previous rounds ended without a deal. %s has hosted several meetings since the start of the year.\n", m1.En[0])
	return s.String()
}

func arabic(a, b, m1, m2, venue, p *lexicon.Entry, i1, i2, day string, n int) string {
	var s strings.Builder
	fmt.Fprintf(&s, "استئناف المحادثات بين %s و%s في %s (تقرير %d)\n\n", a.Ar[0], b.Ar[0], venue.Ar[0], n)
	fmt.Fprintf(&s, "%s - استأنف وفدا %s و%s، يوم %s، المفاوضات في %s بوساطة %s و%s، وفق ما أفاد مسؤولون.\n\n",
		venue.Ar[0], a.Ar[0], b.Ar[0], day, venue.Ar[0], m1.Ar[0], m2.Ar[0])
	fmt.Fprintf(&s, "وتتركز المباحثات على %s و%s، بحسب دبلوماسيين مطلعين على سير الجولة.\n\n", issuePhrases[i1][1], issuePhrases[i2][1])
	fmt.Fprintf(&s, "وقال %s إن الوسطاء نجحوا في تقريب وجهات النظر بين الطرفين، لكن لم يتم التوصل إلى اتفاق نهائي بعد.\n\n", p.Ar[0])
	fmt.Fprintf(&s, "وكانت الجولات السابقة قد انتهت من دون اتفاق، فيما استضافت %s عدة اجتماعات منذ بداية العام.\n", m1.Ar[0])
	return s.String()
}
