package extract

import (
	"sort"
	"strconv"

	"github.com/parleygraph/parley/loaders/text"
)

// applyRules runs every rule of the article's language over every sentence.
func (d *doc) applyRules() {
	for si := range d.sents {
		if d.noise[si] {
			continue
		}
		m := d.matcher(si)
		for _, r := range d.x.rules {
			if r.Lang != d.lang || r.Relation == "noise" {
				continue
			}
			d.matches = append(d.matches, m.run(r)...)
		}
	}
}

// clauseOf returns the clause index of token ti in sentence si: clauses are split
// at semicolons, which in news Arabic separate the items of a list of processes.
func (d *doc) clauseOf(si, ti int) int {
	n := 0
	for i, t := range d.sents[si].Tokens {
		if i >= ti {
			break
		}
		if t.Kind == text.Punct && t.Norm == ";" {
			n++
		}
	}
	return n
}

func (d *doc) evidence(m ruleMatch) Evidence {
	return Evidence{Sentence: m.si, Rule: m.rule.ID, Trigger: d.span(m.si, m.start, m.end)}
}

// actors returns the distinct actors a list slot bound.
func (d *doc) actors(m ruleMatch, slot byte) []*Entity {
	var out []*Entity
	seen := map[*Entity]bool{}
	for _, it := range m.slots[slot] {
		if it.c == nil || it.c.actor == nil || seen[it.c.actor] {
			continue
		}
		seen[it.c.actor] = true
		out = append(out, it.c.actor)
	}
	return out
}

// useAsActors records that the places a slot bound stood for governments there
// ("between Riyadh and Sanaa"), so they are not listed as locations for it.
func (d *doc) useAsActors(m ruleMatch, slot byte) {
	for _, it := range m.slots[slot] {
		if it.c != nil && it.c.entity != nil && it.c.entity.Kind == KindPlace {
			d.actorUse[it.c] = true
		}
	}
}

// mediatorsInSentence are the actors some mediation rule names in sentence si.
func (d *doc) mediatorsInSentence(si int) map[*Entity]bool {
	out := map[*Entity]bool{}
	not := d.notMediators()[si]
	for _, m := range d.matches {
		if m.si != si {
			continue
		}
		for _, a := range d.mediatorsOf(m) {
			if !not[a] {
				out[a] = true
			}
		}
	}
	return out
}

// mediatorsOf are the actors a mediation, lead or host match names as mediators,
// less any it also names as a side ("Netanyahu hosted Israeli and U.S. officials").
func (d *doc) mediatorsOf(m ruleMatch) []*Entity {
	var ms []*Entity
	switch m.rule.Relation {
	case "mediation", "lead":
		ms = append(d.actors(m, 'M'), d.actors(m, 'Q')...)
	case "host":
		ms = d.actors(m, 'H')
	}
	if len(ms) == 0 || len(m.slots['P']) == 0 {
		return ms
	}
	sides := d.actors(m, 'P')
	out := ms[:0:0]
	for _, a := range ms {
		side := false
		for _, p := range sides {
			side = side || p == a
		}
		if !side {
			out = append(out, a)
		}
	}
	return out
}

// notMediators are, per sentence, the actors a not_mediator rule names there
// (observers, well-wishers, those who hand their reply to the mediators).
func (d *doc) notMediators() map[int]map[*Entity]bool {
	if d.notMed != nil {
		return d.notMed
	}
	d.notMed = map[int]map[*Entity]bool{}
	for _, m := range d.matches {
		if m.rule.Relation == "not_mediator" || m.rule.Relation == "addressee" {
			if d.notMed[m.si] == nil {
				d.notMed[m.si] = map[*Entity]bool{}
			}
			for _, a := range d.actors(m, 'X') {
				d.notMed[m.si][a] = true
			}
		}
	}
	return d.notMed
}

// buildNegotiations gathers the sets of parties the article speaks of and picks the
// main one: the set named most ("between A and B" counts twice as much as other
// hints; the headline four times and the lead twice as much as later sentences). Hints (sides named together) that include an actor the article calls a
// mediator, or that only name observers, are not parties. With no set at all, the two sides the
// article names most, mediators and observers aside, are taken.
func (d *doc) buildNegotiations() {
	mediators, observers := d.roles()
	for _, m := range d.matches {
		rel := m.rule.Relation
		if len(m.slots['P']) == 0 || rel == "border" {
			continue
		}
		parties := d.actors(m, 'P')
		if len(parties) < 2 {
			continue
		}
		inSentence := d.mediatorsInSentence(m.si)
		skip, allObservers := false, true
		for _, p := range parties {
			if inSentence[p] || mediators[p] {
				skip = true
			}
			allObservers = allObservers && observers[p]
		}
		if rel == "parties_hint" && allObservers {
			skip = true // "Egypt and the UAE welcomed the talks"
		}
		if skip {
			continue
		}
		d.useAsActors(m, 'P')
		n := d.negotiation(parties, d.evidence(m))
		d.pairs = append(d.pairs, namedPair{si: m.si, start: m.start, neg: n, between: rel == "parties"})
		w := 2
		if rel == "parties_hint" || allCapitals(m) {
			w = 1 // "between Havana and Mexico City" may be the venues, not the sides
		}
		switch {
		case m.si == 0:
			w *= 4 // the headline says what the article is about
		case m.si <= 2:
			w *= 2 // and so does the lead
		}
		n.Weight += w
	}
	var main *Negotiation
	for _, n := range d.negOrder {
		if n.Key == "" {
			continue
		}
		if main == nil || n.Weight > main.Weight {
			main = n
		}
	}
	if main == nil && len(mediators) > 0 {
		main = d.inferNegotiation(mediators, observers)
	}
	if main != nil {
		main.Main = true
	}
}

// allCapitals reports whether every party a match bound is a capital or palace.
func allCapitals(m ruleMatch) bool {
	for _, it := range m.slots['P'] {
		if it.c == nil || it.c.entity == nil || it.c.entity.Kind != KindPlace {
			return false
		}
	}
	return true
}

// roles returns the actors the article calls mediators and observers anywhere.
func (d *doc) roles() (mediators, observers map[*Entity]bool) {
	mediators, observers = map[*Entity]bool{}, map[*Entity]bool{}
	not := d.notMediators()
	for _, m := range d.matches {
		switch m.rule.Relation {
		case "mediation", "lead", "host":
			for _, a := range d.mediatorsOf(m) {
				if !not[m.si][a] {
					mediators[a] = true // not where the same sentence says it is none
				}
			}
		case "not_mediator":
			for _, a := range d.actors(m, 'X') {
				observers[a] = true
			}
		}
	}
	return mediators, observers
}

// inferNegotiation takes the two sides named most often (a name counts twice, an
// adjective once), when the second is named more than the third (and, unless they
// are the only two, at least twice): an article about mediation
// names its parties again and again even when it never says "between them".
func (d *doc) inferNegotiation(mediators, observers map[*Entity]bool) *Negotiation {
	count := map[*Entity]int{}
	var order []*Entity
	for si, cs := range d.chunks {
		if d.noise[si] {
			continue
		}
		for _, c := range cs {
			a := c.actor
			if a == nil || c.entity != a {
				continue
			}
			if s := d.stateOfMilitary(a); s != nil {
				a = s // the Israeli army speaks of Israel
			}
			if mediators[a] || observers[a] || !sideKind(a) {
				continue
			}
			if count[a] == 0 {
				order = append(order, a)
			}
			if c.form == 0 {
				count[a] += 2
			} else {
				count[a]++
			}
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return count[order[i]] > count[order[j]] })
	if len(order) < 2 || count[order[1]] < 2 && len(order) > 2 || len(order) > 2 && count[order[2]] == count[order[1]] {
		return nil
	}
	n := d.negotiation(order[:2], order[0].First)
	n.Weight = 1
	return n
}

// stateOfMilitary returns the state a military belongs to, or nil.
func (d *doc) stateOfMilitary(a *Entity) *Entity {
	if a.Entry == nil || a.Entry.Kind != "military" || a.Entry.Country == "" {
		return nil
	}
	if c := d.lx.Entry(a.Entry.Country); c != nil {
		return d.entityFor(c, a.First)
	}
	return nil
}

// sideKind reports whether an actor can be a side of a negotiation: a state or an
// armed, political or governing body, not an international organisation or agency.
func sideKind(a *Entity) bool {
	if a.Entry == nil {
		return false
	}
	switch a.Entry.Kind {
	case "state", "armed_group", "movement", "military", "government", "party":
		return true
	}
	return false
}

// negotiation returns the negotiation between parties, creating it.
func (d *doc) negotiation(parties []*Entity, ev Evidence) *Negotiation {
	ps := append([]*Entity(nil), parties...)
	sort.Slice(ps, func(i, j int) bool { return ps[i].Key < ps[j].Key })
	key := negotiationKey(ps)
	if n := d.negotiations[key]; n != nil {
		return n
	}
	n := &Negotiation{Key: key, Parties: ps, First: ev}
	d.negotiations[key] = n
	d.negOrder = append(d.negOrder, n)
	return n
}

// negotiationFor finds the negotiation a match speaks of: its own parties, else the
// parties named in the same clause, else the article's main negotiation.
func (d *doc) negotiationFor(m ruleMatch) *Negotiation {
	n, _ := d.negotiationVia(m)
	return n
}

// negotiationVia is negotiationFor, and how a collective reference ({A}, "between
// the two sides") was resolved, for the evidence: "+antecedent:s3" (the pair named
// in sentence 3) or "+antecedent:main"; a match of another rule that takes its
// parties from such a reference in its clause also names that rule.
//
// A match with its own {A} has no negotiation when the reference is unclear.
func (d *doc) negotiationVia(m ruleMatch) (*Negotiation, string) {
	if ps := d.actors(m, 'P'); len(ps) >= 2 {
		return d.negotiation(ps, d.evidence(m)), ""
	}
	if as := m.slots['A']; len(as) > 0 {
		return d.anaphorNegotiation(m.si, as[0])
	}
	clause := d.clauseOf(m.si, m.start)
	var best *Negotiation
	for _, o := range d.matches {
		if o.si != m.si || o.rule.Relation != "parties" || d.clauseOf(o.si, o.start) != clause {
			continue
		}
		if ps := d.actors(o, 'P'); len(ps) >= 2 {
			n := d.negotiations[negotiationKey(sortedByKey(ps))]
			if n != nil && (best == nil || n.Weight > best.Weight) {
				best = n
			}
		}
	}
	if best != nil {
		return best, ""
	}
	for _, o := range d.matches {
		if o.si != m.si || o.rule.Relation != "parties_anaphor" || d.clauseOf(o.si, o.start) != clause || len(o.slots['A']) == 0 {
			continue
		}
		if n, via := d.anaphorNegotiation(o.si, o.slots['A'][0]); n != nil {
			return n, "+" + o.rule.ID + via
		}
	}
	return d.mainNegotiation(), ""
}

// namedPair is a set of parties the article names at a place (a "parties" or
// "parties_hint" match buildNegotiations kept).
type namedPair struct {
	si, start int
	neg       *Negotiation
	between   bool // named as the sides ("between A and B"), not only together
}

// antecedent reports whether a named pair can be what "the two sides" refers to: two
// parties, and the article's main negotiation, or named as sides ("between A and B"),
// or named together in more than one sentence. A single co-mention ("the ambassadors
// of the United States and China attended") is no context of its own.
func (d *doc) antecedent(p namedPair) bool {
	if len(p.neg.Parties) != 2 {
		return false
	}
	if p.neg.Main || p.between {
		return true
	}
	for _, o := range d.pairs {
		if o.neg == p.neg && o.si != p.si {
			return true
		}
	}
	return false
}

// anaphorWindow is how many sentences back a collective reference looks for the
// pair it refers to before it falls back on the article's main negotiation.
const anaphorWindow = 3

// anaphorNegotiation resolves a collective reference ("the two sides", «الطرفين»)
// at it in sentence si: the two parties named last before it, in its sentence or up
// to anaphorWindow sentences back, else the article's main negotiation when it has
// two parties. Unclear references resolve to nothing: the nearest sentence naming
// pairs names two different pairs, the pair is not two parties, or "the two
// countries" would be a state and an armed group.
func (d *doc) anaphorNegotiation(si int, it slotItem) (*Negotiation, string) {
	var found *Negotiation
	via := ""
	for _, p := range d.pairs {
		if p.si == si && p.start >= it.end && p.start <= it.end+2 && len(p.neg.Parties) == 2 {
			// an apposition names its pair, once is enough
			found, via = p.neg, "+antecedent:apposition" // "the two sides, Israel and Hamas"
		}
	}
	for s := si; s >= 0 && s >= si-anaphorWindow && found == nil; s-- {
		var cands []*Negotiation
		for _, p := range d.pairs {
			if p.si != s || s == si && p.start >= it.start || !d.antecedent(p) {
				continue
			}
			dup := false
			for _, c := range cands {
				dup = dup || c == p.neg
			}
			if !dup {
				cands = append(cands, p.neg)
			}
		}
		switch len(cands) {
		case 0:
			continue
		case 1:
			found, via = cands[0], "+antecedent:s"+strconv.Itoa(s)
		default:
			return nil, "" // "Israel and Hamas … Israel and Hezbollah … the two sides": which?
		}
	}
	if found == nil {
		if main := d.mainNegotiation(); main != nil && len(main.Parties) == 2 {
			found, via = main, "+antecedent:main"
		}
	}
	if found == nil {
		return nil, ""
	}
	if d.anaphorOfStates(si, it) {
		for _, p := range found.Parties {
			if p.Entry == nil || p.Entry.Kind != "state" {
				return nil, "" // "the two countries" are not Israel and Hamas
			}
		}
	}
	return found, via
}

// anaphorOfStates reports whether a collective reference can only be to two states
// ("the two countries", «البلدين»).
func (d *doc) anaphorOfStates(si int, it slotItem) bool {
	for k := it.start; k < it.end; k++ {
		t := d.sents[si].Tokens[k]
		lang := "en"
		if t.Arabic {
			lang = "ar"
		}
		if d.x.words.hasStem(lang, listAnaphorState, t) {
			return true
		}
	}
	return false
}

func sortedByKey(es []*Entity) []*Entity {
	out := append([]*Entity(nil), es...)
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

func (d *doc) mainNegotiation() *Negotiation {
	for _, n := range d.negOrder {
		if n.Main {
			return n
		}
	}
	return nil
}

// unspecified is the negotiation of issues an article raises without saying
// between whom.
func (d *doc) unspecified(ev Evidence) *Negotiation {
	if n := d.negotiations[""]; n != nil {
		return n
	}
	n := &Negotiation{Key: "", First: ev}
	d.negotiations[""] = n
	d.negOrder = append(d.negOrder, n)
	return n
}

func (d *doc) addFact(f Fact) {
	for _, g := range d.facts {
		if g.Relation == f.Relation && g.Negotiation == f.Negotiation && g.Venue == f.Venue &&
			g.Subject == f.Subject && g.Object == f.Object && g.Value == f.Value && g.Evidence == f.Evidence {
			return
		}
	}
	d.facts = append(d.facts, f)
}

// assignFacts turns rule matches into facts.
func (d *doc) assignFacts() {
	notMediator := d.notMediators()
	// Places named as no venue: "the war in Khartoum", "ready to host talks in Istanbul".
	notVenue := map[*chunk]bool{}
	for _, m := range d.matches {
		if m.rule.Relation == "not_venue" {
			for _, it := range m.slots['L'] {
				notVenue[it.c] = true
			}
		}
	}
	venues := map[int][]*Entity{} // venues named per sentence
	for _, m := range d.matches {
		ev := d.evidence(m)
		switch m.rule.Relation {
		case "mediation", "lead", "host":
			slot := byte('M')
			if m.rule.Relation == "host" {
				slot = 'H'
			}
			neg, via := d.negotiationVia(m)
			if neg == nil || neg.Key == "" {
				continue
			}
			ev.Rule += via
			if len(m.slots['Q']) > 0 {
				slot = 'Q'
			}
			for _, a := range d.actors(m, slot) {
				if st := d.stateOfMilitary(a); st != nil {
					a = st // a state's army or its officers mediate for the state
				}
				if notMediator[m.si][a] || isParty(neg, a) {
					continue
				}
				d.addFact(Fact{Relation: RelMediator, Negotiation: neg, Object: a, Evidence: ev})
			}
			if m.rule.Relation != "host" {
				d.useAsActors(m, slot)
			}
			if m.rule.Relation == "host" {
				for _, it := range m.slots['H'] {
					if it.c.isPlace() && venueKind(it.c) && !notVenue[it.c] {
						v, vev := d.venueOf(it.c, ev)
						d.addFact(Fact{Relation: RelVenue, Negotiation: neg, Object: v, Evidence: vev})
						venues[m.si] = append(venues[m.si], v)
					}
				}
			}
		case "venue":
			neg := d.negotiationFor(m)
			if neg == nil {
				neg = d.unspecified(ev)
			}
			for _, it := range append(m.slots['L'], m.slots['B']...) {
				if notVenue[it.c] || d.sideByCapital(m.si, it.c, neg) {
					continue
				}
				v, vev := d.venueOf(it.c, ev)
				d.addFact(Fact{Relation: RelVenue, Negotiation: neg, Object: v, Evidence: vev})
				venues[m.si] = append(venues[m.si], v)
			}
		case "issue":
			neg := d.negotiationFor(m)
			if neg == nil {
				neg = d.unspecified(ev)
			}
			d.addFact(Fact{Relation: RelIssue, Negotiation: neg, Value: m.rule.Issue, Evidence: ev})
		case "contributor":
			for _, it := range m.slots['N'] {
				toks := d.sents[m.si].Tokens[it.start:it.end]
				name := d.span(m.si, it.start, it.end)
				var p *Entity
				if e := d.lx.FindPerson(toks); e != nil {
					p = d.entityFor(e, ev)
				} else {
					p = d.namedEntity(KindPerson, name, ev)
				}
				d.mentionEv = append(d.mentionEv, MentionEvidence{Entity: p, Evidence: ev})
				d.addFact(Fact{Relation: RelContributor, Object: p, Evidence: ev})
				d.notePerson(p, &personInfo{role: "Reporter"}, ev, nil)
			}
		case "border":
			ps := d.actors(m, 'P')
			if len(ps) != 2 {
				continue
			}
			name := ps[0].Name + "–" + ps[1].Name + " border"
			b := d.namedEntity(KindPlace, name, ev)
			b.Names = map[string][]string{"en": {name}}
			d.mentionEv = append(d.mentionEv, MentionEvidence{Entity: b, Evidence: ev})
			d.addLocation(b)
		}
	}
	d.datelineVenue(venues, notVenue)
	// Leaders and participants belong to the talks of their sentence.
	for _, m := range d.matches {
		ev := d.evidence(m)
		switch m.rule.Relation {
		case "lead":
			for _, v := range venues[m.si] {
				for _, a := range d.actors(m, 'M') {
					d.addFact(Fact{Relation: RelLedBy, Negotiation: d.venueNegotiation(v, m.si), Venue: v, Object: a, Evidence: ev})
				}
			}
		case "participant", "venue":
			for _, v := range venues[m.si] {
				for _, it := range m.slots['R'] {
					if it.c.entity.Kind == KindPerson {
						d.addFact(Fact{Relation: RelParticipant, Negotiation: d.venueNegotiation(v, m.si), Venue: v, Object: it.c.entity, Evidence: ev})
					} else if it.c.actor != nil {
						d.addFact(Fact{Relation: RelParticipant, Negotiation: d.venueNegotiation(v, m.si), Venue: v, Object: it.c.actor, Evidence: ev})
					}
				}
			}
		}
	}
	// People named in a sentence about talks at a venue took part in them.
	for si, vs := range venues {
		for _, c := range d.chunks[si] {
			if c.person == nil || c.entity == nil {
				continue
			}
			for _, v := range vs {
				neg := d.venueNegotiation(v, si)
				d.addFact(Fact{Relation: RelParticipant, Negotiation: neg, Venue: v, Object: c.entity,
					Evidence: Evidence{Sentence: si, Rule: "talks.participant-in-sentence", Trigger: d.span(si, c.start, c.end)}})
			}
		}
	}
}

// datelineVenue takes the city of a dateline ("DOHA, Qatar (AP) —", «الدوحة - »)
// as where talks were held when its sentence is about talks and names no other
// venue: wire stories put the reporter where the talks are.
func (d *doc) datelineVenue(venues map[int][]*Entity, notVenue map[*chunk]bool) {
	for si := 1; si < len(d.sents) && si <= 3; si++ {
		toks := d.sents[si].Tokens
		c := d.chunkAt[si][0]
		if c == nil || !c.isPlace() || !venueKind(c) || notVenue[c] || d.noise[si] || len(venues[si]) > 0 {
			continue
		}
		// The city is followed, within a few tokens, by a dash: the dateline.
		dash := false
		for k := c.end; k < len(toks) && k < c.end+8; k++ {
			if toks[k].Kind == text.Punct && (toks[k].Norm == "-" || toks[k].Norm == "—") && toks[k].SpaceBefore {
				dash = true
				break
			}
		}
		if !dash || !d.matcher(si).sentenceHas(d.lang, "talks") {
			continue
		}
		neg := d.mainNegotiation()
		if neg == nil {
			neg = d.unspecified(Evidence{Sentence: si})
		}
		v, ev := d.venueOf(c, Evidence{Sentence: si, Rule: "venue.dateline", Trigger: d.span(si, c.start, c.end)})
		d.addFact(Fact{Relation: RelVenue, Negotiation: neg, Object: v, Evidence: ev})
		venues[si] = append(venues[si], v)
		return
	}
}

// sideByCapital reports whether a place chunk of sentence si names, through its
// capital, a side of neg in "between" words, a side the article also names as
// itself: a mediator who "shuttled between Kinshasa and Kigali" in an article on
// DR Congo and Rwanda went from one side to the other; the capitals are the sides,
// not where the talks were held (as Cairo and Doha are for talks between Israel and
// Hamas, or in «تنقل الوسطاء بين الدوحة والقاهرة» alone).
func (d *doc) sideByCapital(si int, c *chunk, neg *Negotiation) bool {
	if c.actor == nil || neg == nil || !isParty(neg, c.actor) || !d.namedAsActor(c.actor) {
		return false
	}
	for _, o := range d.matches {
		if o.si != si || o.rule.Relation != "parties" {
			continue
		}
		for _, it := range o.slots['P'] {
			if it.c == c {
				return true
			}
		}
	}
	return false
}

// namedAsActor reports whether some chunk of the article names actor a as an actor
// (a name or adjective of the state or group, not a place standing for it).
func (d *doc) namedAsActor(a *Entity) bool {
	for _, cs := range d.chunks {
		for _, c := range cs {
			if c.actor == a && c.entity != nil && c.entity.Kind == KindActor {
				return true
			}
		}
	}
	return false
}

// venueOf is the venue a place chunk names: the place itself, or for a building or
// landmark the lexicon places in a city (the White House, Dolmabahçe Palace) that
// city, the unit analysts compare venues by. The evidence then names the entry too.
func (d *doc) venueOf(c *chunk, ev Evidence) (*Entity, Evidence) {
	e := c.entity.Entry
	if e == nil || e.City == "" || e.Kind != "building" && e.Kind != "landmark" {
		return c.entity, ev
	}
	city := d.lx.Entry(e.City)
	if city == nil {
		return c.entity, ev
	}
	ev.Rule += "+lexicon:" + e.ID
	return d.entityFor(city, ev), ev
}

// venueNegotiation is the negotiation of the venue fact for v in sentence si.
func (d *doc) venueNegotiation(v *Entity, si int) *Negotiation {
	for _, f := range d.facts {
		if f.Relation == RelVenue && f.Object == v && f.Evidence.Sentence == si {
			return f.Negotiation
		}
	}
	if n := d.mainNegotiation(); n != nil {
		return n
	}
	return d.unspecified(Evidence{Sentence: si})
}

func isParty(n *Negotiation, a *Entity) bool {
	for _, p := range n.Parties {
		if p == a {
			return true
		}
	}
	return false
}

// collectPeople turns what the article says of each person into role and
// affiliation facts, falling back on the lexicon for people it knows.
func (d *doc) collectPeople() {
	for _, ent := range d.order {
		if ent.Kind != KindPerson {
			continue
		}
		pf := d.people[ent]
		if pf == nil {
			pf = &personFacts{}
			d.people[ent] = pf
		}
		if pf.hasRole {
			d.addFact(Fact{Relation: RelRole, Subject: ent, Value: pf.role, Evidence: pf.roleEvidence})
		} else if ent.Entry != nil && ent.Entry.Role != "" {
			d.addFact(Fact{Relation: RelRole, Subject: ent, Value: ent.Entry.Role, Evidence: Evidence{Sentence: ent.First.Sentence, Rule: "lexicon:" + ent.Entry.ID, Trigger: ent.First.Trigger}})
		}
		aff := pf.affiliation
		ev := pf.affEvidence
		if aff == nil && ent.Entry != nil {
			// The lexicon's side, unless the article says it is a past one ("former
			// Kenyan president" for a lexicon entry serving Kenya).
			if a := d.lx.Actor(ent.Entry); a != nil && d.entityFor(a, ent.First) != pf.former {
				aff = d.entityFor(a, ent.First)
				ev = Evidence{Sentence: ent.First.Sentence, Rule: "lexicon:" + ent.Entry.ID, Trigger: ent.First.Trigger}
			}
		}
		if aff != nil {
			d.addFact(Fact{Relation: RelAffiliation, Subject: ent, Object: aff, Evidence: ev})
		}
	}
}

// collectLocations lists the places named as places, in order of first mention:
// not a capital speaking for its government ("Moscow rejected", "Kyiv's position"),
// nor a region wider than a country (the Middle East, the Horn of Africa).
func (d *doc) collectLocations() {
	for _, m := range d.matches {
		if m.rule.Relation == "metonym" {
			for _, it := range m.slots['G'] {
				d.actorUse[it.c] = true
			}
		}
	}
	for si := range d.chunks {
		toks := d.sents[si].Tokens
		for _, c := range d.chunks[si] {
			if !c.isPlace() || d.actorUse[c] {
				continue
			}
			e := c.entity.Entry
			if e != nil && e.StandsFor != "" && toks[c.end-1].Possessive {
				continue
			}
			if e != nil && e.Kind == "region" && e.Country == "" {
				continue
			}
			d.addLocation(c.entity)
		}
	}
	for _, f := range d.facts {
		if f.Relation == RelVenue {
			d.addLocation(f.Object)
		}
	}
}

func (d *doc) addLocation(e *Entity) {
	for _, l := range d.locations {
		if l == e {
			return
		}
	}
	d.locations = append(d.locations, e)
}

func (d *doc) result() *Result {
	r := &Result{Lang: d.lang, Src: d.src, Sentences: d.sents, Entities: d.order, Locations: d.locations,
		Facts: d.facts, Mentions: d.mentionEv}
	for _, m := range d.matches {
		mi := Match{Rule: m.rule.ID, Relation: m.rule.Relation, Evidence: d.evidence(m), Slots: map[string][]string{}}
		for s, items := range m.slots {
			for _, it := range items {
				v := d.span(m.si, it.start, it.end)
				if it.c != nil && it.c.actor != nil {
					v += " → " + it.c.actor.Name
				}
				mi.Slots[string(s)] = append(mi.Slots[string(s)], v)
			}
		}
		r.Matches = append(r.Matches, mi)
	}
	for _, n := range d.negOrder {
		used := false
		for _, f := range d.facts {
			if f.Negotiation == n {
				used = true
				break
			}
		}
		if used || n.Main {
			r.Negotiations = append(r.Negotiations, n)
		}
	}
	return r
}
