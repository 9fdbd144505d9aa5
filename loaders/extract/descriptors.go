package extract

import (
	"sort"
	"strings"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/text"
)

// descriptorChunk resolves a description of an armed group or movement ("the
// group", "the Palestinian group", "the paramilitary force", «الحركة», «الحركة
// الفلسطينية») to the one the article names most, when there is one; with a
// nationality, only among that country's groups.
func (d *doc) descriptorChunk(si, i int) *chunk {
	toks := d.sents[si].Tokens
	t := toks[i]
	start, j := i, i
	if c := d.stateDescriptor(si, i); c != nil {
		return c
	}
	if c := d.governmentDescriptor(si, i); c != nil {
		return c
	}
	var country *lexicon.Entry
	if t.Arabic {
		found := false
		for _, st := range t.Stems() {
			if st.Definite && d.x.words.has("ar", listDescriptor, st.Form) {
				found = true
				break
			}
		}
		if !found {
			return nil
		}
		j = i + 1
		if m, ok := d.mentionAt(si, j); ok && m.Form == lexicon.FormAdj && m.Entry() != nil && m.Entry().Class == lexicon.Country {
			country, j = m.Entry(), m.End
		}
	} else {
		if t.Norm != "the" {
			return nil
		}
		j = i + 1
		for n := 0; n < 3 && j < len(toks); n++ {
			if m, ok := d.mentionAt(si, j); ok && m.Form == lexicon.FormAdj && m.Entry() != nil && m.Entry().Class == lexicon.Country {
				country, j = m.Entry(), m.End
				continue
			}
			if toks[j].Kind == text.Word && !toks[j].Cap && d.x.words.has("en", listDescriptor, toks[j].Norm) {
				break
			}
			if m, ok := d.mentionAt(si, j); ok && m.End+1 < len(toks) && toks[m.End].IsPunct("-") && d.x.words.has("en", listDescriptorAdj, toks[m.End+1].Norm) {
				j = m.End + 2 // "the Rwanda-backed rebels"
				continue
			}
			if toks[j].Kind != text.Word || toks[j].Cap || !d.x.words.has("en", listDescriptorAdj, toks[j].Norm) {
				return nil
			}
			j++
		}
		if j >= len(toks) || toks[j].Cap || !d.x.words.has("en", listDescriptor, toks[j].Norm) {
			return nil
		}
		j++
		if j < len(toks) && toks[j].Norm == "of" {
			return nil // "the group of mediators"
		}
	}
	e := d.mostNamedGroup(country, si)
	if e == nil {
		return nil
	}
	ev := Evidence{Sentence: si, Rule: "descriptor:" + e.ID, Trigger: d.span(si, start, j)}
	ent := d.entityFor(e, ev)
	return &chunk{start: start, end: j, entity: ent, actor: ent, form: lexicon.FormName, conj: t.Arabic && strings.HasPrefix(t.Norm, "و"), how: ev.Rule}
}

// stateDescriptor reads "the kingdom" / «المملكة», "the sultanate" / «السلطنة» as
// the state of that kind the article names most.
func (d *doc) stateDescriptor(si, i int) *chunk {
	toks := d.sents[si].Tokens
	t := toks[i]
	start, word := i, ""
	if t.Arabic {
		for _, st := range t.Stems() {
			if st.Definite && d.x.words.has("ar", listStateDescriptor, st.Form) {
				word = st.Form
			}
		}
	} else if t.Norm == "the" && i+1 < len(toks) && d.x.words.has("en", listStateDescriptor, toks[i+1].Norm) && !toks[i+1].Cap {
		word = toks[i+1].Norm
		i++
	}
	if word == "" {
		return nil
	}
	best := d.stateNamed(word)
	if best == nil {
		return nil
	}
	ev := Evidence{Sentence: si, Rule: "descriptor:" + best.ID, Trigger: d.span(si, start, i+1)}
	ent := d.entityFor(best, ev)
	return &chunk{start: start, end: i + 1, entity: ent, actor: ent, form: lexicon.FormName, conj: t.Arabic && strings.HasPrefix(t.Norm, "و"), how: ev.Rule}
}

// capitalDescriptor reads "the Qatari capital", "Qatar's capital", "the capital of
// Oman", «العاصمة القطرية», «عاصمة قطر» as that country's capital.
func (d *doc) capitalDescriptor(si, i int) *chunk {
	toks := d.sents[si].Tokens
	country := func(m lexicon.Mention, ok bool) *lexicon.Entry {
		if e := m.Entry(); ok && e != nil && e.Class == lexicon.Country && e.Capital != "" {
			return e
		}
		return nil
	}
	var c *lexicon.Entry
	end := 0
	t := toks[i]
	switch {
	case t.Arabic:
		isCapital := false
		for _, st := range t.Stems() {
			isCapital = isCapital || st.Form == "العاصمه" || st.Form == "عاصمه"
		}
		if !isCapital {
			return nil
		}
		if m, ok := d.mentionAt(si, i+1); country(m, ok) != nil {
			c, end = country(m, ok), m.End
		}
	case t.Norm == "the" && i+2 < len(toks):
		if m, ok := d.mentionAt(si, i+1); country(m, ok) != nil && m.Form == lexicon.FormAdj && toks[m.End].Norm == "capital" {
			c, end = country(m, ok), m.End+1 // the Qatari capital
		} else if toks[i+1].Norm == "capital" && toks[i+2].Norm == "of" {
			k := i + 3
			if k < len(toks) && toks[k].Norm == "the" {
				k++
			}
			if m, ok := d.mentionAt(si, k); country(m, ok) != nil {
				c, end = country(m, ok), m.End // the capital of Oman
			}
		}
	default:
		if m, ok := d.mentionAt(si, i); country(m, ok) != nil && toks[m.End-1].Possessive && m.End < len(toks) && toks[m.End].Norm == "capital" {
			c, end = country(m, ok), m.End+1 // Qatar's capital
		}
	}
	if c == nil {
		return nil
	}
	capital := d.lx.Entry(c.Capital)
	if capital == nil {
		return nil
	}
	ev := Evidence{Sentence: si, Rule: "descriptor:capital-of:" + c.ID, Trigger: d.span(si, i, end)}
	ent := d.entityFor(capital, ev)
	return &chunk{start: i, end: end, entity: ent, actor: d.actorOf(capital, ev), form: lexicon.FormName,
		conj: t.Arabic && strings.HasPrefix(t.Norm, "و"), how: ev.Rule}
}

// governmentDescriptor reads a bare "the government" / «الحكومة» (no nationality
// after it) as the state where the armed group the article names most fights:
// "between the government and the Houthis" is Yemen's government.
func (d *doc) governmentDescriptor(si, i int) *chunk {
	toks := d.sents[si].Tokens
	t := toks[i]
	end := i + 1
	switch {
	case t.Arabic:
		found := false
		for _, st := range t.Stems() {
			found = found || st.Form == "الحكومه"
		}
		if !found {
			return nil
		}
	case t.Norm == "the" && i+1 < len(toks) && toks[i+1].Norm == "government" && !toks[i+1].Cap:
		end = i + 2
	default:
		return nil
	}
	if m, ok := d.mentionAt(si, end); ok && m.Form == lexicon.FormAdj {
		return nil // «الحكومة اليمنية»: the nisba names it
	}
	if end < len(toks) && (toks[end].Norm == "of" || toks[end].Norm == "'s") {
		return nil
	}
	g := d.mostNamedGroup(nil, si)
	if g == nil || g.Country == "" {
		return nil
	}
	state := d.lx.Entry(g.Country)
	if state == nil {
		return nil
	}
	ev := Evidence{Sentence: si, Rule: "descriptor:government-of:" + g.ID, Trigger: d.span(si, i, end)}
	ent := d.entityFor(state, ev)
	return &chunk{start: i, end: end, entity: ent, actor: ent, form: lexicon.FormName, conj: t.Arabic && strings.HasPrefix(t.Norm, "و"), how: ev.Rule}
}

// stateNamed returns the state whose names contain word ("kingdom", «المملكة») that
// the article names most, or nil when none or a tie; computed once per word.
func (d *doc) stateNamed(word string) *lexicon.Entry {
	if best, ok := d.descriptorState[word]; ok {
		return best
	}
	count := map[*lexicon.Entry]int{}
	for _, ms := range d.mentions {
		for _, m := range ms {
			if e := m.Entry(); e != nil && e.Class == lexicon.Country {
				count[e]++
			}
		}
	}
	var best *lexicon.Entry
	tie := false
	for e, n := range count {
		if !namesContain(e, word) {
			continue
		}
		switch {
		case best == nil || n > count[best]:
			best, tie = e, false
		case n == count[best]:
			tie = true
		}
	}
	if tie {
		best = nil
	}
	d.descriptorState[word] = best
	return best
}

// namesContain reports whether a folded word occurs in one of an entry's names.
func namesContain(e *lexicon.Entry, word string) bool {
	for _, n := range append(append([]string(nil), e.En...), e.Ar...) {
		for _, w := range strings.Fields(text.Key(n)) {
			if w == word || strings.TrimPrefix(w, "ال") == strings.TrimPrefix(word, "ال") && strings.HasPrefix(w, "ال") == strings.HasPrefix(word, "ال") {
				return true
			}
		}
	}
	return false
}

// mostNamedGroup returns the armed group or movement (of country, if given) the
// article names most; between groups named as often, the one named last before
// sentence si, as a reader would take "the group" to mean.
func (d *doc) mostNamedGroup(country *lexicon.Entry, si int) *lexicon.Entry {
	gm := d.groupMentions(country)
	var best *lexicon.Entry
	bestLast := 0
	for _, e := range gm.top {
		if last := gm.lastUpTo(e, si); best == nil || last > bestLast {
			best, bestLast = e, last
		}
	}
	if best != nil && bestLast == 0 && len(gm.top) > 1 {
		return nil // a tie that nothing before the description breaks
	}
	return best
}

// namedGroups are an article's mentions of armed groups and movements (of one
// country, or all): the ones named most, and where each is named, in token order.
type namedGroups struct {
	top  []*lexicon.Entry               // the groups named most (ties: several)
	seen map[*lexicon.Entry][]groupSeen // each group's mentions, in order
}

type groupSeen struct{ si, seq int } // sentence, and order among all the mentions from 1

// lastUpTo is the order of e's last mention in sentences up to si, or 0.
func (g *namedGroups) lastUpTo(e *lexicon.Entry, si int) int {
	ms := g.seen[e]
	k := sort.Search(len(ms), func(i int) bool { return ms[i].si > si })
	if k == 0 {
		return 0
	}
	return ms[k-1].seq
}

// groupMentions computes namedGroups once per country (nil: any).
func (d *doc) groupMentions(country *lexicon.Entry) *namedGroups {
	if g := d.groups[country]; g != nil {
		return g
	}
	g := &namedGroups{seen: map[*lexicon.Entry][]groupSeen{}}
	seq := 0
	most := 0
	for s, ms := range d.mentions {
		for _, m := range ms {
			e := m.Entry()
			if e == nil || e.Class != lexicon.Organization || m.Form != lexicon.FormName {
				continue
			}
			if e.Kind != "armed_group" && e.Kind != "movement" {
				continue
			}
			if country != nil && d.lx.Entry(e.Country) != country {
				continue
			}
			seq++ // mentions in token order: of two in one sentence, the later counts
			g.seen[e] = append(g.seen[e], groupSeen{si: s, seq: seq})
			most = max(most, len(g.seen[e]))
		}
	}
	for e, ms := range g.seen {
		if len(ms) == most {
			g.top = append(g.top, e)
		}
	}
	d.groups[country] = g
	return g
}
