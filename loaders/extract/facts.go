package extract

import (
	"slices"
	"strconv"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/text"
)

// applyRules runs every rule of the article's language over every sentence.
func (d *doc) applyRules() {
	for si := range d.sents {
		if d.stopped() {
			return
		}
		if d.noise[si] {
			continue
		}
		m := d.matcher(si)
		for _, r := range d.x.rules {
			if r.Lang != d.lang || r.Kind == RuleNoise {
				continue
			}
			d.matches = append(d.matches, m.run(r)...)
		}
		// The few later questions about a sentence build its matcher again; held
		// for every sentence, matchers would be most of a long text's memory.
		d.matchers[si] = nil
	}
	d.matches = append(d.matches, d.titledMediators()...)
	d.indexMatches()
}

// indexMatches lists each sentence's matches, so that what looks at the other
// matches of a sentence costs that sentence's matches, not the article's.
func (d *doc) indexMatches() {
	d.matchesIn = make([][]int, len(d.sents))
	for i, m := range d.matches {
		d.matchesIn[m.si] = append(d.matchesIn[m.si], i)
	}
}

// sentenceMatches calls f for each match of sentence si, in match order.
func (d *doc) sentenceMatches(si int, f func(ruleMatch)) {
	if si < 0 || si >= len(d.matchesIn) {
		return
	}
	for _, i := range d.matchesIn[si] {
		f(d.matches[i])
	}
}

// titledMediators are mediation matches for people whose title says they mediate
// ("U.N. mediator Espen Barth Eide", «الوسيط المشترك …»): their side mediates, in
// the negotiation of their clause or the article's main one.
func (d *doc) titledMediators() []ruleMatch {
	var out []ruleMatch
	for si, cs := range d.chunks {
		for _, c := range cs {
			if c.person == nil || c.person.title == nil || c.person.title.Kind != "mediator" || c.actor == nil || d.noise[si] {
				continue
			}
			out = append(out, ruleMatch{rule: d.x.titleRule, si: si, start: c.start, end: c.end,
				slots: map[Slot][]slotItem{SlotMediator: {{c: c, start: c.start, end: c.end}}}})
		}
	}
	return out
}

// clauseOf returns the clause index of token ti in sentence si: clauses are split
// at semicolons, which in news Arabic separate the items of a list of processes.
func (d *doc) clauseOf(si, ti int) int {
	if d.clauses == nil {
		d.clauses = make([][]int, len(d.sents))
		for s, sent := range d.sents {
			for i, t := range sent.Tokens {
				if t.Kind == text.Punct && t.Norm == ";" {
					d.clauses[s] = append(d.clauses[s], i)
				}
			}
		}
	}
	n, _ := slices.BinarySearch(d.clauses[si], ti)
	return n
}

func (d *doc) evidence(m ruleMatch) Evidence {
	return Evidence{Sentence: m.si, Rule: m.rule.ID, Trigger: d.span(m.si, m.start, m.end)}
}

// actors returns the distinct actors a list slot bound.
func (d *doc) actors(m ruleMatch, slot Slot) []*Entity {
	var out []*Entity
	seen := map[*Entity]bool{}
	for _, it := range m.slots[slot] {
		a := actorOrPerson(it.c, slot)
		if a == nil || seen[a] {
			continue
		}
		seen[a] = true
		out = append(out, a)
	}
	return out
}

// actorOrPerson is the actor a list item stands for; in a mediator's slot, a person
// who serves no side now (a former president, a former diplomat: "Tanzania's former
// president Benjamin Mkapa was named facilitator") mediates in their own name.
func actorOrPerson(c *chunk, slot Slot) *Entity {
	if c == nil {
		return nil
	}
	if personalCapacity(c) && (slot == SlotMediator || slot == SlotPersonMediator) {
		return c.entity
	}
	return c.actor
}

// personalCapacity reports whether a person chunk names someone by a past office
// only, with no side they serve now.
func personalCapacity(c *chunk) bool {
	return c.person != nil && c.actor == nil && c.person.former != nil && c.entity != nil
}

// useAsActors records that the places a slot bound stood for governments there
// ("between Riyadh and Sanaa"), so they are not listed as locations for it.
func (d *doc) useAsActors(m ruleMatch, slot Slot) {
	for _, it := range m.slots[slot] {
		if it.c != nil && it.c.entity != nil && it.c.entity.Kind == KindPlace {
			d.actorUse[it.c] = true
		}
	}
}

// mediatorsInSentence are the actors some mediation rule names in sentence si.
func (d *doc) mediatorsInSentence(si int) map[*Entity]bool {
	if out, ok := d.medIn[si]; ok {
		return out
	}
	out := map[*Entity]bool{}
	d.medIn[si] = out
	d.sentenceMatches(si, func(m ruleMatch) {
		for _, a := range d.mediatorsOf(m) {
			if !d.vetoed(si, a) {
				out[a] = true
			}
		}
	})
	return out
}

// mediatorsOf are the actors a mediation, lead or host match names as mediators,
// less any it also names as a side ("Netanyahu hosted Israeli and U.S. officials").
func (d *doc) mediatorsOf(m ruleMatch) []*Entity {
	var ms []*Entity
	switch m.rule.Kind {
	case RuleMediation, RuleLead:
		ms = append(d.actors(m, SlotMediator), d.actors(m, SlotPersonMediator)...)
	case RuleHost:
		ms = d.actors(m, SlotHost)
	}
	if len(ms) == 0 || len(m.slots[SlotParty]) == 0 {
		return ms
	}
	sides := d.actors(m, SlotParty)
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
		si := m.si
		switch m.rule.Kind {
		case RuleHostOnly:
			si = allSentences // "X's role is limited to hosting": in no sentence a mediator
		case RuleNotMediator, RuleAddressee:
		default:
			continue
		}
		if d.notMed[si] == nil {
			d.notMed[si] = map[*Entity]bool{}
		}
		for _, a := range d.actors(m, SlotNotMediator) {
			d.notMed[si][a] = true
		}
	}
	return d.notMed
}

// allSentences keys, in notMediators, the actors no sentence may make mediators.
const allSentences = -1

// vetoed reports whether actor a may not be a mediator in sentence si: a
// not_mediator rule names it there, or a host_only rule anywhere.
func (d *doc) vetoed(si int, a *Entity) bool {
	not := d.notMediators()
	return not[si][a] || not[allSentences][a]
}

func (d *doc) addFact(f Fact) {
	if d.factSet[f] {
		return
	}
	d.factSet[f] = true
	d.facts = append(d.facts, f)
	if k := (venueAt{f.Object, f.Evidence.Sentence}); f.Relation == RelVenue && d.venueNeg[k] == nil {
		d.venueNeg[k] = f.Negotiation
	}
}

// assignFacts turns rule matches into facts.
func (d *doc) assignFacts() {
	// Places named as no venue: "the war in Khartoum", "ready to host talks in Istanbul".
	notVenue := map[*chunk]bool{}
	for _, m := range d.matches {
		if m.rule.Kind == RuleNotVenue {
			for _, it := range m.slots[SlotVenue] {
				notVenue[it.c] = true
			}
		}
	}
	venues := map[int][]*Entity{} // venues named per sentence
	for _, m := range d.matches {
		ev := d.evidence(m)
		switch m.rule.Kind {
		case RuleMediation, RuleLead, RuleHost:
			slot := SlotMediator
			if m.rule.Kind == RuleHost {
				slot = SlotHost
			}
			neg, via := d.negotiationVia(m)
			if neg == nil || neg.Key == "" {
				continue
			}
			ev.Rule += via
			if len(m.slots[SlotPersonMediator]) > 0 {
				slot = SlotPersonMediator
			}
			for _, a := range d.actors(m, slot) {
				if st := d.stateOfMilitary(a); st != nil {
					a = st // a state's army or its officers mediate for the state
				}
				if d.vetoed(m.si, a) || isParty(neg, a) {
					continue
				}
				d.addFact(Fact{Relation: RelMediator, Negotiation: neg, Object: a, Evidence: ev})
			}
			if m.rule.Kind != RuleHost {
				d.useAsActors(m, slot)
			}
			if m.rule.Kind == RuleHost {
				for _, it := range m.slots[SlotHost] {
					if it.c.isPlace() && venueKind(it.c) && !notVenue[it.c] {
						v, vev := d.venueOf(it.c, ev)
						d.addFact(Fact{Relation: RelVenue, Negotiation: neg, Object: v, Evidence: vev})
						venues[m.si] = append(venues[m.si], v)
					}
				}
			}
		case RuleVenue:
			neg := d.negotiationFor(m)
			if neg == nil {
				neg = d.unspecified(ev)
			}
			if d.historical(m.si, m.start, m.end) {
				continue // "the peace agreement signed in Arusha in 2000": another, earlier process
			}
			for _, it := range append(m.slots[SlotVenue], m.slots[SlotVenueGlued]...) {
				if notVenue[it.c] || d.sideByCapital(m.si, it.c, neg) || d.possessiveAttribute(m.si, it.c) {
					continue
				}
				v, vev := d.venueOf(it.c, ev)
				d.addFact(Fact{Relation: RelVenue, Negotiation: neg, Object: v, Evidence: vev})
				venues[m.si] = append(venues[m.si], v)
			}
		case RuleIssue:
			neg := d.negotiationFor(m)
			if neg == nil {
				neg = d.unspecified(ev)
			}
			d.addFact(Fact{Relation: RelIssue, Negotiation: neg, Value: m.rule.Issue, Evidence: ev})
		case RuleMember:
			sides := d.actors(m, SlotParty)
			if len(sides) != 1 {
				continue
			}
			for _, it := range m.slots[SlotParticipant] {
				if it.c == nil || it.c.person == nil || it.c.entity == nil || it.c.entity.Kind != KindPerson {
					continue
				}
				d.notePerson(it.c.entity, &personInfo{affiliation: sides[0]}, ev, nil)
			}
		case RuleContributor:
			for _, it := range m.slots[SlotName] {
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
		case RuleBorder:
			ps := d.actors(m, SlotParty)
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
	d.dropCountryVenues(venues)
	// Leaders and participants belong to the talks of their sentence.
	for _, m := range d.matches {
		ev := d.evidence(m)
		switch m.rule.Kind {
		case RuleLead:
			for _, v := range venues[m.si] {
				for _, a := range d.actors(m, SlotMediator) {
					d.addFact(Fact{Relation: RelLedBy, Negotiation: d.venueNegotiation(v, m.si), Venue: v, Object: a, Evidence: ev})
				}
			}
		case RuleParties:
			// "the Aqaba summit between the Palestinian, Israeli, Egyptian, Jordanian
			// and American sides": every side named in a sentence about talks at a
			// venue took part, beyond the pair the negotiation keeps.
			for _, v := range venues[m.si] {
				for _, a := range d.actors(m, SlotParty) {
					d.addFact(Fact{Relation: RelParticipant, Negotiation: d.venueNegotiation(v, m.si), Venue: v, Object: a, Evidence: ev})
				}
			}
		case RuleParticipant, RuleVenue:
			vs := venues[m.si]
			if m.rule.Kind == RuleParticipant && len(vs) == 0 {
				vs = recentVenues(venues, m.si) // "… signed in Juba. Representatives of Egypt and Qatar attended."
			}
			for _, v := range vs {
				for _, it := range m.slots[SlotParticipant] {
					if it.c.entity.Kind == KindPerson {
						d.addFact(Fact{Relation: RelParticipant, Negotiation: d.venueNegotiation(v, m.si), Venue: v, Object: it.c.entity, Evidence: ev})
					} else if it.c.actor != nil {
						d.addFact(Fact{Relation: RelParticipant, Negotiation: d.venueNegotiation(v, m.si), Venue: v, Object: it.c.actor, Evidence: ev})
					}
				}
			}
		}
	}
	// People named in a sentence about talks at a venue took part in them (sentence
	// by sentence: the first evidence of a fact is the one it keeps).
	for si := range d.sents {
		vs := venues[si]
		for _, c := range d.chunks[si] {
			if c.person == nil || c.entity == nil || d.principal(si, c) {
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

// possessiveAttribute reports whether a place names whose something is, not
// where: "mediation in Kenya's disputed election". "Sudan's capital",
// "Ethiopia's border town" and "Doha's Sheraton hotel" still name a place.
func (d *doc) possessiveAttribute(si int, c *chunk) bool {
	toks := d.sents[si].Tokens
	if !toks[c.end-1].Possessive || toks[c.end-1].Arabic {
		return false
	}
	if c.end < len(toks) && capWord(toks[c.end]) {
		return false
	}
	for k := c.end; k < len(toks) && k < c.end+3; k++ {
		if d.x.words.has("en", listPlaceNoun, toks[k].Norm) {
			return false
		}
	}
	return true
}

// principal reports whether a person chunk names whom another's office serves,
// not someone at the talks: a leader after an aide's or envoy's title (see
// titled), or a possessive before a title ("Putin's aide …").
func (d *doc) principal(si int, c *chunk) bool {
	if d.principals[[2]int{si, c.end}] {
		return true
	}
	toks := d.sents[si].Tokens
	if !toks[c.end-1].Possessive || c.end >= len(toks) {
		return false
	}
	m, ok := d.lx.MatchAt(toks, c.end)
	if !ok {
		return false
	}
	for _, t := range m.Entries {
		if t.Class == lexicon.Title && serves(t) {
			return true
		}
	}
	return false
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
		if !dash || !d.matcher(si).sentenceHas(d.lang, listTalks) {
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
	found := false
	d.sentenceMatches(si, func(o ruleMatch) {
		if o.rule.Kind != RuleParties {
			return
		}
		for _, it := range o.slots[SlotParty] {
			found = found || it.c == c
		}
	})
	return found
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
	if c.entity.Kind == KindActor && e != nil && e.Class == lexicon.Country {
		return d.territory(c.entity, ev), ev // "signed in Turkey": the country's place node
	}
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

// dropCountryVenues keeps a country as the venue of talks only when the article
// names no city or town as a venue of that negotiation: "talks in Turkey … in
// Istanbul" were held in Istanbul.
func (d *doc) dropCountryVenues(venues map[int][]*Entity) {
	hasCity := map[*Negotiation]bool{}
	for _, f := range d.facts {
		if f.Relation == RelVenue && f.Object.Territory == nil {
			hasCity[f.Negotiation] = true
		}
	}
	kept := d.facts[:0]
	for _, f := range d.facts {
		if f.Relation == RelVenue && f.Object.Territory != nil && hasCity[f.Negotiation] {
			si := f.Evidence.Sentence
			vs := venues[si][:0]
			for _, v := range venues[si] {
				if v != f.Object {
					vs = append(vs, v)
				}
			}
			venues[si] = vs
			delete(d.factSet, f)
			continue
		}
		kept = append(kept, f)
	}
	d.facts = kept
	clear(d.venueNeg)
	for _, f := range d.facts {
		if k := (venueAt{f.Object, f.Evidence.Sentence}); f.Relation == RelVenue && d.venueNeg[k] == nil {
			d.venueNeg[k] = f.Negotiation
		}
	}
}

// historicalGap is how many years before the latest year an article names a
// sentence's years must all lie for the sentence to speak of past events.
const historicalGap = 4

// historical reports whether the words of sentence si around tokens [start, end)
// date what they say to years well before the latest year the article names
// ("signed in Arusha in 2000" in an article of 2016): talks there are history, not
// this negotiation's venue.
func (d *doc) historical(si, start, end int) bool {
	if d.latestYear == 0 {
		for s := range d.sents {
			for _, y := range d.years(s, 0, len(d.sents[s].Tokens)) {
				d.latestYear = max(d.latestYear, y)
			}
		}
		if d.latestYear == 0 {
			d.latestYear = -1
		}
	}
	ys := d.years(si, start-4, end+4)
	if len(ys) == 0 || d.latestYear < 0 {
		return false
	}
	for _, y := range ys {
		if y > d.latestYear-historicalGap {
			return false
		}
	}
	return true
}

// years are the four-digit years (1900–2099) sentence si names in tokens [a, b).
func (d *doc) years(si, a, b int) []int {
	var out []int
	toks := d.sents[si].Tokens
	for _, t := range toks[max(a, 0):min(b, len(toks))] {
		if t.Kind != text.Number || len(t.Norm) != 4 {
			continue
		}
		if y, err := strconv.Atoi(t.Norm); err == nil && y >= 1900 && y < 2100 {
			out = append(out, y)
		}
	}
	return out
}

// venueNegotiation is the negotiation of the venue fact for v in sentence si.
func (d *doc) venueNegotiation(v *Entity, si int) *Negotiation {
	if n := d.venueNeg[venueAt{v, si}]; n != nil {
		return n
	}
	if n := d.mainNegotiation(); n != nil {
		return n
	}
	return d.unspecified(Evidence{Sentence: si})
}

// recentVenues returns the venues of the nearest of the two sentences before si
// that names one: who attended, in a sentence naming no place, attended there.
func recentVenues(venues map[int][]*Entity, si int) []*Entity {
	for k := si - 1; k >= 0 && k >= si-2; k-- {
		if vs := venues[k]; len(vs) > 0 {
			return vs
		}
	}
	return nil
}

func isParty(n *Negotiation, a *Entity) bool {
	for _, p := range n.Parties {
		if p == a {
			return true
		}
	}
	return false
}
