package extract

import (
	"slices"
	"sort"
	"strconv"
)

// buildNegotiations gathers the sets of parties the article speaks of and picks the
// main one: the set named most ("between A and B" counts twice as much as other
// hints; the headline four times and the lead twice as much as later sentences). Hints (sides named together) that include an actor the article calls a
// mediator, or that only name observers, are not parties. With no set at all, the two sides the
// article names most, mediators and observers aside, are taken.
func (d *doc) buildNegotiations() {
	mediators, observers := d.roles()
	for _, m := range d.matches {
		rel := m.rule.Kind
		if len(m.slots[SlotParty]) == 0 || rel == RuleBorder {
			continue
		}
		parties := d.actors(m, SlotParty)
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
		if rel == RulePartiesHint && allObservers {
			skip = true // "Egypt and the UAE welcomed the talks"
		}
		if rel == RulePartiesHint && d.envoysOf(m) {
			skip = true // "the ambassadors of France and Britain": third states' envoys, not the sides
		}
		if skip {
			continue
		}
		d.useAsActors(m, SlotParty)
		n := d.negotiation(parties, d.evidence(m))
		p := namedPair{si: m.si, start: m.start, neg: n, between: rel == RuleParties}
		d.pairsIn[m.si] = append(d.pairsIn[m.si], p)
		if ss := d.pairSents[n]; len(ss) < 2 && !slices.Contains(ss, m.si) {
			d.pairSents[n] = append(ss, m.si)
		}
		w := 2
		if rel == RulePartiesHint || allCapitals(m) {
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
	for _, it := range m.slots[SlotParty] {
		if it.c == nil || it.c.entity == nil || it.c.entity.Kind != KindPlace {
			return false
		}
	}
	return true
}

// roles returns the actors the article calls mediators and observers anywhere.
func (d *doc) roles() (mediators, observers map[*Entity]bool) {
	mediators, observers = map[*Entity]bool{}, map[*Entity]bool{}
	for _, m := range d.matches {
		switch m.rule.Kind {
		case RuleMediation, RuleLead, RuleHost:
			for _, a := range d.mediatorsOf(m) {
				if !d.vetoed(m.si, a) {
					mediators[a] = true // not where the same sentence says it is none
				}
			}
		case RuleNotMediator:
			for _, a := range d.actors(m, SlotNotMediator) {
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
	// A person mediating in their own name comes from no side: the state of their
	// past office ("Tanzania's former president Benjamin Mkapa") is none either.
	for m := range mediators {
		if pf := d.people[m]; m.Kind == KindPerson && pf != nil && pf.former != nil {
			mediators[pf.former] = true
		}
	}
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
		// Collective sides the lexicon does not know count once a mention: "the
		// armed groups" of an article about a government and its rebels.
		for i := 0; i < len(d.sents[si].Tokens); i++ {
			c := d.openAt[si][i]
			if c == nil || c.entity.Open != OpenCollective && c.entity.Open != OpenArmedGroup || mediators[c.entity] || observers[c.entity] {
				continue
			}
			if count[c.entity] == 0 {
				order = append(order, c.entity)
			}
			count[c.entity]++
			i = c.end - 1
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
	case "state", "armed_group", "movement", "military", "government", "party", "community":
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
	if ps := d.actors(m, SlotParty); len(ps) >= 2 {
		return d.negotiation(ps, d.evidence(m)), ""
	}
	if as := m.slots[SlotSides]; len(as) > 0 {
		return d.anaphorNegotiation(m.si, as[0])
	}
	clause := d.clauseOf(m.si, m.start)
	var best *Negotiation
	for _, i := range d.matchesIn[m.si] {
		o := d.matches[i]
		if o.rule.Kind != RuleParties || d.clauseOf(o.si, o.start) != clause {
			continue
		}
		if key, ok := d.partyKey(i); ok {
			n := d.negotiations[key]
			if n != nil && (best == nil || n.Weight > best.Weight) {
				best = n
			}
		}
	}
	if best != nil {
		return best, ""
	}
	for _, i := range d.matchesIn[m.si] {
		o := d.matches[i]
		if o.rule.Kind != RulePartiesAnaph || d.clauseOf(o.si, o.start) != clause || len(o.slots[SlotSides]) == 0 {
			continue
		}
		if n, via := d.anaphorNegotiation(o.si, o.slots[SlotSides][0]); n != nil {
			return n, "+" + o.rule.ID + via
		}
	}
	return d.mainNegotiation(), ""
}

// partyKey returns the negotiation key of the parties match i names, and whether it
// names two or more. Every match of a sentence asks it of the others in its clause,
// so it is computed once a match: a long sentence of many matches stays linear.
func (d *doc) partyKey(i int) (string, bool) {
	if len(d.partyKeys) < len(d.matches) {
		d.partyKeys = append(d.partyKeys, make([]*string, len(d.matches)-len(d.partyKeys))...)
	}
	if k := d.partyKeys[i]; k != nil {
		return *k, *k != noParties
	}
	key := noParties
	if ps := d.actors(d.matches[i], SlotParty); len(ps) >= 2 {
		key = negotiationKey(ps) // it sorts the keys: the parties' order does not matter
	}
	d.partyKeys[i] = &key
	return key, key != noParties
}

// noParties is partyKey's key of a match with fewer than two parties (no key is
// "-": keys are kind/slug joined by "+").
const noParties = "-"

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
	for _, si := range d.pairSents[p.neg] {
		if si != p.si {
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
	for _, p := range d.pairsIn[si] {
		if p.start >= it.end && p.start <= it.end+2 && len(p.neg.Parties) == 2 {
			// an apposition names its pair, once is enough
			found, via = p.neg, "+antecedent:apposition" // "the two sides, Israel and Hamas"
		}
	}
	for s := si; s >= 0 && s >= si-anaphorWindow && found == nil; s-- {
		var cands []*Negotiation
		for _, p := range d.pairsIn[s] {
			if s == si && p.start >= it.start || !d.antecedent(p) {
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

// envoysOf reports whether the parties a match names are introduced as the envoys of
// states ("the ambassadors of France and Britain", «سفراء فرنسا وبريطانيا»).
func (d *doc) envoysOf(m ruleMatch) bool {
	items := m.slots[SlotParty]
	if len(items) == 0 {
		return false
	}
	toks := d.sents[m.si].Tokens
	k := items[0].start - 1
	if k >= 0 && !toks[k].Arabic && toks[k].Norm == "of" {
		k--
	}
	if k < 0 {
		return false
	}
	lang := "en"
	if toks[k].Arabic {
		lang = "ar"
	}
	return d.x.words.hasStem(lang, listEnvoyNoun, toks[k])
}
