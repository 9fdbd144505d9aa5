package extract

import (
	"strings"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/schema"
)

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
			if a := d.lx.Actor(ent.Entry); a != nil && d.entityFor(a, ent.First) != pf.former && !(pf.opposition && a.Class == lexicon.Country) {
				aff = d.entityFor(a, ent.First)
				ev = Evidence{Sentence: ent.First.Sentence, Rule: "lexicon:" + ent.Entry.ID, Trigger: ent.First.Trigger}
			}
		}
		if aff != nil {
			d.addFact(Fact{Relation: RelAffiliation, Subject: ent, Object: aff, Evidence: ev})
		}
	}
}

// collectLocations lists the places named as places, in order of first mention (a
// capital speaking for its government is none: "Moscow rejected", "Kyiv's
// position"), and the countries named as places ("signed in Turkey").
func (d *doc) collectLocations() {
	for _, m := range d.matches {
		if m.rule.Kind == RuleMetonym {
			for _, it := range m.slots[SlotCapital] {
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
			d.addLocation(c.entity)
		}
		for _, c := range d.chunks[si] {
			if d.countryNamedAsPlace(si, c) {
				d.addLocation(d.territory(c.entity, Evidence{Sentence: si, Rule: "place.country", Trigger: d.span(si, c.start, c.end)}))
			}
			if c.person != nil {
				d.portfolioPlaces(si, c)
			}
		}
	}
	for _, f := range d.facts {
		if f.Relation == RelVenue {
			d.addLocation(f.Object)
		}
	}
}

func (d *doc) addLocation(e *Entity) {
	if d.locationSet[e] {
		return
	}
	d.locationSet[e] = true
	d.locations = append(d.locations, e)
}

func (d *doc) result() *Result {
	negs := d.registerOpenInFacts()
	return &Result{Lang: d.lang, Digest: d.x.digest, Src: d.src, Sentences: d.sents, Entities: d.order, Locations: d.locations,
		Negotiations: negs, Facts: d.facts, Mentions: d.mentionEv, matches: d.matches}
}

// Matches are every rule match, kept or not, for explaining the extraction; built
// on request, as a load never asks for them.
func (r *Result) Matches() []Match {
	d := &doc{src: r.Src, sents: r.Sentences}
	var out []Match
	for _, m := range r.matches {
		mi := Match{Rule: m.rule.ID, Relation: string(m.rule.Kind), Evidence: d.evidence(m), Slots: map[string][]string{}}
		for s, items := range m.slots {
			for _, it := range items {
				v := d.span(m.si, it.start, it.end)
				if it.c != nil && it.c.actor != nil {
					v += " → " + it.c.actor.Name
				}
				mi.Slots[string(rune(s))] = append(mi.Slots[string(rune(s))], v)
			}
		}
		out = append(out, mi)
	}
	return out
}

// usedNegotiations are the negotiations some fact is about.
func usedNegotiations(facts []Fact) map[*Negotiation]bool {
	used := map[*Negotiation]bool{}
	for _, f := range facts {
		used[f.Negotiation] = true
	}
	return used
}

// registerOpenInFacts makes nodes of the open-world actors that facts and the
// negotiations they are about name: a frame bound them. It returns those
// negotiations (the main one, and the ones some fact is about), in order.
func (d *doc) registerOpenInFacts() []*Negotiation {
	d.scopeBareCollectives()
	used := usedNegotiations(d.facts)
	var negs []*Negotiation
	for _, n := range d.negOrder {
		if n.Main || used[n] {
			negs = append(negs, n)
			for _, p := range n.Parties {
				d.registerOpen(p, openEvidence(p, n.First))
			}
		}
	}
	for _, f := range d.facts {
		d.registerOpen(f.Object, openEvidence(f.Object, f.Evidence))
		d.registerOpen(f.Subject, openEvidence(f.Subject, f.Evidence))
	}
	return negs
}

// scopeBareCollectives gives a side named by a bare collective noun ("rebels",
// "insurgents", «المعارضة») the state it faces in its negotiation: "rebels" in
// an article on Mali and in one on Colombia are different sides, so their nodes are
// "rebels" of Mali and of Colombia (the name stays as written).
func (d *doc) scopeBareCollectives() {
	for _, n := range d.negOrder {
		var state *Entity
		for _, p := range n.Parties {
			if isState(p) {
				state = p
			}
		}
		if state == nil {
			continue
		}
		for _, p := range n.Parties {
			if p.Open == OpenCollective && !strings.Contains(strings.TrimSpace(p.Name), " ") && d.entities[p.Key] != p && !schema.IsQualified(p.Key) {
				delete(d.openEnts, p.Key)
				p.Key = schema.QualifiedKey(p.Key, state.Entry.Name())
				d.openEnts[p.Key] = p
			}
		}
	}
}

// openEvidence is the evidence of an open-world node: the frame that bound it,
// and the reader that found the name.
func openEvidence(e *Entity, frame Evidence) Evidence {
	if e != nil && e.Open != "" {
		frame.Rule += "+" + e.First.Rule
	}
	return frame
}

// countryNamedAsPlace reports whether chunk c of sentence si names a country as a
// place: its name after "in", "inside", "across" (a word of the place_prep list), or
// with a glued Arabic ب or after في, إلى.
func (d *doc) countryNamedAsPlace(si int, c *chunk) bool {
	if c.entity == nil || c.entity.Entry == nil || c.entity.Entry.Class != lexicon.Country || c.form != lexicon.FormName || c.person != nil {
		return false
	}
	toks := d.sents[si].Tokens
	t := toks[c.start]
	if t.Arabic && c.prep && strings.HasPrefix(strings.TrimPrefix(t.Norm, "و"), "ب") {
		return true // «بتركيا»
	}
	if c.start == 0 {
		return false
	}
	prev := toks[c.start-1]
	if prev.Arabic {
		return d.x.words.hasStem("ar", listPlacePrep, prev)
	}
	k := c.start - 1
	if prev.Norm == "the" && k > 0 {
		prev = toks[k-1]
	}
	return d.x.words.has("en", listPlacePrep, prev.Norm)
}

// portfolioPlaces lists a country the title inside a person's chunk names as a
// place («الممثل الخاص للمصالحة في أفغانستان، …», "the UN envoy in Libya, …").
func (d *doc) portfolioPlaces(si int, c *chunk) {
	toks := d.sents[si].Tokens
	for _, m := range d.mentions[si] {
		e := m.Entry()
		if m.Start <= c.start || m.End > c.end || e == nil || e.Class != lexicon.Country || m.Form != lexicon.FormName {
			continue
		}
		prev := toks[m.Start-1]
		if prev.Arabic && d.x.words.hasStem("ar", listPlacePrep, prev) || !prev.Arabic && d.x.words.has("en", listPlacePrep, prev.Norm) {
			country := d.entityFor(e, Evidence{Sentence: si, Rule: "lexicon:" + e.ID, Trigger: d.span(si, m.Start, m.End)})
			d.addLocation(d.territory(country, Evidence{Sentence: si, Rule: "place.country", Trigger: d.span(si, m.Start, m.End)}))
		}
	}
}

// territory is the place node of a country named as a place ("signed in Turkey",
// «وصل إلى قطر»): a place apart from the country's actor node, which stays a hub of
// the facts about the state.
func (d *doc) territory(country *Entity, ev Evidence) *Entity {
	key := lexicon.NodeKey(lexicon.Place, country.Entry.Name())
	if e := d.entities[key]; e != nil {
		return e
	}
	e := &Entity{Key: key, Kind: KindPlace, Name: country.Name, Names: map[string][]string{}, First: ev, Territory: country.Entry}
	for lang, ns := range country.Names {
		e.Names[lang] = append([]string(nil), ns...)
	}
	d.entities[key] = e
	d.order = append(d.order, e)
	d.mentionEv = append(d.mentionEv, MentionEvidence{Entity: e, Evidence: ev})
	return e
}
