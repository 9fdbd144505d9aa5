package extract

import (
	"strings"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/text"
)

// personFinder recognises people in one sentence: a title with the affiliation
// words around it and a name ("وزير الخارجية التركي هاكان فيدان", "CIA Director
// William J. Burns"), a name with a title in apposition ("Hakan Fidan, Turkey's
// foreign minister"), a person the lexicon knows, a full name led by a known first
// name, and a bare surname of someone the article already named.
type personFinder struct {
	d    *doc
	si   int
	toks []text.Token
	at   map[int]lexicon.Mention
}

func (p *personFinder) mention(i int) (lexicon.Mention, bool) {
	m, ok := p.at[i]
	return m, ok
}

func (p *personFinder) isTitle(i int) (lexicon.Mention, bool) {
	m, ok := p.at[i]
	if !ok || len(m.Entries) == 0 || m.Entries[0].Class != lexicon.Title {
		return m, false
	}
	return m, true
}

func (p *personFinder) honorific(i int) (lexicon.Mention, bool) {
	m, ok := p.isTitle(i)
	return m, ok && m.Entries[0].Kind == "honorific"
}

// personAt returns the person chunk starting at token i, if any.
func (p *personFinder) personAt(i int) *chunk {
	if c := p.titled(i); c != nil {
		return c
	}
	if c := p.named(i); c != nil {
		return c
	}
	return nil
}

// affiliation is what the words around a title say about whom the person serves.
type affiliation struct {
	org   *lexicon.Entry // the body in the role ("Director of the CIA")
	state *lexicon.Entry // the state or group they serve
}

func (a *affiliation) take(e *lexicon.Entry) {
	if e == nil {
		return
	}
	switch e.Class {
	case lexicon.Country:
		if a.state == nil {
			a.state = e
		}
	case lexicon.Organization:
		if a.org == nil {
			a.org = e
		}
	case lexicon.Place:
		if e.StandsFor != "" && a.state == nil {
			a.state = e
		}
	}
}

// titled recognises [affiliation] TITLE [affiliation] [honorific] NAME.
func (p *personFinder) titled(i int) *chunk {
	start := i
	var aff affiliation
	conj := false
	// English puts the affiliation before the title: "Qatari Prime Minister",
	// "CIA Director", "Turkey's foreign minister", "U.S. Secretary of State".
	if m, ok := p.mention(i); ok && !p.titleEntry(m) && m.Entry() != nil && m.Entry().Class != lexicon.Person {
		if _, ok := p.isTitle(m.End); ok {
			aff.take(m.Entry())
			conj = m.Conj
			i = m.End
		}
	}
	tm, ok := p.isTitle(i)
	if !ok {
		return nil
	}
	if i == start {
		conj = tm.Conj
	}
	title := tm.Entries[0]
	j := tm.End
	if title.Kind != "honorific" {
		pre := aff
		j = p.afterTitle(j, &aff)
		if (pre.org != nil || pre.state != nil) && !tm.Arabic {
			aff = pre // "the UN envoy for Yemen" serves the UN; Yemen is the portfolio
		}
	}
	for {
		if hm, ok := p.honorific(j); ok {
			j = hm.End
			continue
		}
		break
	}
	j = p.skipModifiers(j)
	name, end := p.name(j, true)
	if name == nil {
		return p.office(start, j, title, &aff, conj)
	}
	c := p.personChunk(start, end, name, title, &aff, "person.title")
	c.conj = conj
	return c
}

// office is a title that names no person but says whom it serves ("أمير قطر",
// "the UN envoy for Yemen"): it stands for that side, as a capital does.
func (p *personFinder) office(start, end int, title *lexicon.Entry, aff *affiliation, conj bool) *chunk {
	side := aff.state
	if side == nil {
		side = aff.org
	}
	// Envoys and mediators are left to the rules that read them («الوسيط القطري»,
	// "mediator Qatar"): an office chunk would hide the word the rules look for.
	if side == nil || title.Kind == "honorific" || title.Kind == "envoy" || end <= start {
		return nil
	}
	ev := Evidence{Sentence: p.si, Rule: "office:" + title.ID, Trigger: p.d.span(p.si, start, end)}
	actor := p.d.actorOf(side, ev)
	if actor == nil {
		return nil
	}
	return &chunk{start: start, end: end, entity: actor, actor: actor, form: lexicon.FormName, conj: conj, how: ev.Rule}
}

// skipModifiers passes over up to two Arabic words with the article after a title,
// before the name: "المبعوث الخاص ستيف ويتكوف", "رئيس وفد الحكومة أوتي باتينيو",
// "بالوكالة", "للإصلاح". Arabic first names do not take the article, so such words
// describe the office.
func (p *personFinder) skipModifiers(j int) int {
	for n := 0; n < 2 && j+1 < len(p.toks); n++ {
		t := p.toks[j]
		if !t.Arabic || t.Kind != text.Word || len([]rune(t.Norm)) < 4 || !hasArticle(t.Norm) {
			break
		}
		if _, ok := p.mention(j); ok || p.d.lx.IsGivenName(t.Norm) || p.d.x.words.has("ar", listConnector, t.Norm) {
			break
		}
		next := p.toks[j+1]
		if next.Kind != text.Word || !next.Arabic {
			break
		}
		j++
	}
	return j
}

// hasArticle reports whether a folded Arabic word carries ال after its clitics.
func hasArticle(w string) bool {
	for _, s := range text.Stems(w) {
		if s.Definite {
			return true
		}
	}
	return false
}

func (p *personFinder) titleEntry(m lexicon.Mention) bool {
	return len(m.Entries) > 0 && m.Entries[0].Class == lexicon.Title
}

// afterTitle reads the words after a title that say whom it serves: a nisba
// ("القطري"), a body in construct ("مدير وكالة المخابرات المركزية", "وزير خارجية
// قطر"), "of/for [the] X", "باسم حماس". It returns the token after them.
func (p *personFinder) afterTitle(j int, aff *affiliation) int {
	for steps := 0; steps < 4 && j < len(p.toks); steps++ {
		t := p.toks[j]
		if !t.Arabic && t.Kind == text.Word && (t.Norm == "of" || t.Norm == "for" || t.Norm == "the" || t.Norm == "to") {
			j++
			continue
		}
		if t.Arabic && (t.Norm == "باسم" || t.Norm == "لدى" || t.Norm == "في") {
			j++
			continue
		}
		m, ok := p.mention(j)
		if !ok && t.Arabic && t.Kind == text.Word && !p.isStop(t, true) && aff.org == nil && aff.state == nil {
			// A body the lexicon does not know, in construct: "مدير وكالة الاستخبارات
			// الخارجية الإسرائيلية": read on to its nisba.
			if k := p.nextMention(j, 3); k > j {
				j = k
				continue
			}
		}
		if !ok || p.titleEntry(m) || m.Entry() == nil || m.Entry().Class == lexicon.Person {
			break
		}
		aff.take(m.Entry())
		j = m.End
	}
	return j
}

// nextMention returns the start of a non-title mention within n plain Arabic words
// after j, or j if there is none.
func (p *personFinder) nextMention(j, n int) int {
	for k := j; k < len(p.toks) && k <= j+n; k++ {
		t := p.toks[k]
		if m, ok := p.mention(k); ok {
			if p.titleEntry(m) || m.Entry() == nil || m.Entry().Class == lexicon.Person {
				return j
			}
			return k
		}
		if t.Kind != text.Word || !t.Arabic || p.isStop(t, true) {
			return j
		}
	}
	return j
}

// named recognises a person the lexicon knows, a name led by a known first name, or
// a surname of someone named before, each optionally followed by ", TITLE ...".
func (p *personFinder) named(i int) *chunk {
	name, end := p.name(i, false)
	if name == nil {
		return nil
	}
	var aff affiliation
	var title *lexicon.Entry
	// Apposition: "Hakan Fidan, Turkey's foreign minister," / "فيدان، وزير الخارجية التركي،"
	if end < len(p.toks) && p.toks[end].IsPunct(",") {
		k := end + 1
		for k < len(p.toks) && !p.toks[k].Arabic && (p.toks[k].Norm == "a" || p.toks[k].Norm == "an" || p.toks[k].Norm == "the") {
			k++
		}
		var pre affiliation
		if m, ok := p.mention(k); ok && !p.titleEntry(m) && m.Entry() != nil && m.Entry().Class != lexicon.Person {
			if _, ok := p.isTitle(m.End); ok {
				pre.take(m.Entry())
				k = m.End
			}
		}
		if tm, ok := p.isTitle(k); ok && tm.Entries[0].Kind != "honorific" {
			title = tm.Entries[0]
			aff = pre
			end = p.afterTitle(tm.End, &aff)
			// A body named in apposition after the title: "مدير ...، الموساد"
			if end+1 < len(p.toks) && p.toks[end].IsPunct(",") {
				if m, ok := p.mention(end + 1); ok && m.Entry() != nil && m.Entry().Class == lexicon.Organization {
					if m.End == len(p.toks) || p.toks[m.End].Kind == text.Punct {
						aff.org = m.Entry()
						end = m.End
					}
				}
			}
		}
	}
	if name.entry == nil && !name.given && title == nil && !name.surname {
		return nil
	}
	if title == nil && p.toks[i].Arabic {
		// "وسيط الاتحاد الإفريقي أولوسيغون أوباسانجو": a body named right before a
		// name is the side the person speaks for.
		if org := p.organizationEndingAt(i); org != nil {
			aff.org = org
		}
	}
	return p.personChunk(i, end, name, title, &aff, name.how)
}

// organizationEndingAt returns the organisation a mention ending at token i names.
func (p *personFinder) organizationEndingAt(i int) *lexicon.Entry {
	for _, m := range p.at {
		if m.End == i {
			if e := m.Entry(); e != nil && e.Class == lexicon.Organization {
				return e
			}
		}
	}
	return nil
}

// nameSpan is a person's name found in the text.
type nameSpan struct {
	entry   *lexicon.Entry // the lexicon's person, if known
	entity  *Entity        // an earlier person the surname refers to
	start   int
	end     int
	given   bool // led by a known first name
	surname bool
	conj    bool
	how     string
}

// name reads a person's name at token i. afterTitle allows names the lexicon does
// not know and that have no known first name: a title is evidence enough.
func (p *personFinder) name(i int, afterTitle bool) (*nameSpan, int) {
	if i >= len(p.toks) {
		return nil, i
	}
	if m, ok := p.mention(i); ok {
		e := m.Entry()
		if e != nil && e.Class == lexicon.Person {
			if m.Form == lexicon.FormShort {
				ent := p.d.entities[entityKey(e)]
				if ent == nil || !p.d.seen[ent] {
					return nil, i
				}
			}
			return &nameSpan{entry: e, start: i, end: m.End, conj: m.Conj, how: "lexicon:" + e.ID}, m.End
		}
		if e != nil || len(m.Entries) > 0 {
			return nil, i // a country, organisation, place or title is not a name
		}
	}
	t := p.toks[i]
	if t.Kind != text.Word {
		return nil, i
	}
	var end int
	if t.Arabic {
		end = p.arabicName(i)
	} else {
		end = p.latinName(i)
		// "Assistant Secretary of State for African Affairs Molly Phee": a run of
		// capitalised words whose later word is a first name starts the name there.
		if !p.d.lx.IsGivenName(t.Norm) {
			for k := i + 1; k < end-1; k++ {
				if p.d.lx.IsGivenName(p.toks[k].Norm) && p.toks[k].Cap {
					return p.name(k, afterTitle)
				}
			}
		}
	}
	words := 0
	for _, tk := range p.toks[i:end] {
		if tk.Kind == text.Word && !isInitial(tk) {
			words++
		}
	}
	if end <= i || words == 0 {
		return nil, i
	}
	first := p.toks[i]
	if first.Arabic {
		first.Norm = firstStem(first.Norm, p.d.lx)
	}
	given := p.d.lx.IsGivenName(first.Norm)
	// A lone word is a person only as the surname of someone named before.
	if words == 1 {
		if ent := p.d.surnames[p.toks[end-1].Norm]; ent != nil && p.d.seen[ent] && p.toks[i].Norm == p.toks[end-1].Norm {
			return &nameSpan{entity: ent, start: i, end: end, surname: true, how: "person.surname"}, end
		}
		if !afterTitle || first.Arabic {
			return nil, i
		}
		if end < len(p.toks) && p.toks[end].Cap && p.toks[end].Kind == text.Word {
			return nil, i // "General Border Committee": part of a longer name
		}
	}
	if !afterTitle && !given {
		return nil, i
	}
	ns := &nameSpan{start: i, end: end, given: given, how: "person.name"}
	if e := p.d.lx.FindPerson(p.toks[i:end]); e != nil {
		ns.entry, ns.how = e, "lexicon:"+e.ID
	}
	return ns, end
}

// firstStem strips a conjunction from an Arabic first name ("وهاكان" → "هاكان").
// Only a conjunction: a first name takes neither the article nor a preposition, so
// "السلام" is not "سلام" and "بيان" is not "يان".
func firstStem(w string, lx *lexicon.Lexicon) string {
	if lx.IsGivenName(w) {
		return w
	}
	for _, c := range []string{"و", "ف"} {
		if rest := strings.TrimPrefix(w, c); rest != w && lx.IsGivenName(rest) {
			return rest
		}
	}
	return w
}

func isInitial(t text.Token) bool {
	return t.Kind == text.Word && strings.HasSuffix(t.Text, ".") && len([]rune(t.Text)) <= 3
}

// latinName reads capitalised words, initials and name particles ("bin", "al-").
func (p *personFinder) latinName(i int) int {
	j := i
	lastCap := i
	for j < len(p.toks) && j-i < 7 {
		t := p.toks[j]
		if j > i && p.startsMention(j) {
			break
		}
		switch {
		case t.Kind == text.Word && !t.Arabic && t.Cap && !p.d.x.words.has("en", listStop, t.Norm):
			j++
			lastCap = j
			if t.Possessive {
				return lastCap
			}
			continue
		case t.Kind == text.Word && !t.Arabic && j > i && p.d.x.words.has("en", listParticle, t.Norm):
			j++
			continue
		case t.IsPunct("-") && j > i && !t.SpaceBefore && j+1 < len(p.toks) && !p.toks[j+1].SpaceBefore && p.toks[j+1].Kind == text.Word:
			j++ // al-Ansari, Abdel-Fattah
			continue
		}
		break
	}
	return lastCap
}

// arabicName reads up to two name words, each extended through connectors
// (بن، ابن، أبو، عبد، آل) and initials ("ج."), stopping at punctuation, function
// words, verbs and known names of other things.
func (p *personFinder) arabicName(i int) int {
	j := i
	words := 0
	for j < len(p.toks) {
		t := p.toks[j]
		if t.Kind != text.Word || !t.Arabic {
			break
		}
		if j > i && p.startsMention(j) {
			break
		}
		if p.isStop(t, j == i) {
			break
		}
		if isInitial(t) || j > i && j+1 < len(p.toks) && p.d.x.words.has("ar", listInitial, t.Norm) && !p.isStop(p.toks[j+1], false) {
			j++
			continue
		}
		if p.d.x.words.has("ar", listConnector, t.Norm) {
			if j+1 < len(p.toks) && p.toks[j+1].Arabic && p.toks[j+1].Kind == text.Word {
				j += 2
				if words == 0 {
					words = 1
				}
				continue
			}
			break
		}
		if words >= 2 {
			break
		}
		words++
		j++
		if j < len(p.toks) && p.toks[j].Norm == "الله" {
			j++ // رحمة الله، نصر الله: one name
		}
	}
	return j
}

// isStop reports whether an Arabic word cannot be part of a name: a function word
// or common verb, with or without its clitics.
func (p *personFinder) isStop(t text.Token, first bool) bool {
	for _, s := range text.Stems(t.Norm) {
		if !first && (s.Conj || s.Prep) {
			continue // "وزير" inside a name would be a new phrase, caught below
		}
		if p.d.x.words.has("ar", listStop, s.Form) {
			return true
		}
	}
	if !first && len(t.Norm) > 0 && (strings.HasPrefix(t.Norm, "و") && p.d.lx.IsGivenName(strings.TrimPrefix(t.Norm, "و"))) {
		return true // "وجوليان": a new name in a list
	}
	return false
}

func (p *personFinder) startsMention(j int) bool {
	m, ok := p.at[j]
	if !ok {
		return false
	}
	e := m.Entry()
	return e == nil || e.Class != lexicon.Person
}

// personChunk builds the chunk and the person's entity, role and affiliation.
func (p *personFinder) personChunk(start, end int, name *nameSpan, title *lexicon.Entry, aff *affiliation, how string) *chunk {
	d := p.d
	ev := Evidence{Sentence: p.si, Rule: how, Trigger: d.span(p.si, start, end)}
	var ent *Entity
	switch {
	case name.entity != nil:
		ent = name.entity
	case name.entry != nil:
		ent = d.entityFor(name.entry, ev)
	default:
		ent = d.namedEntity(KindPerson, d.span(p.si, name.start, name.end), ev)
	}
	if name.entity == nil {
		d.rememberSurname(ent, p.si, name.start, name.end)
	}
	info := &personInfo{}
	side := aff.state
	if side == nil && aff.org != nil {
		side = aff.org
	}
	if side != nil {
		info.affiliation = d.actorOf(side, ev)
	}
	if title != nil && title.Kind != "honorific" {
		info.role = roleText(title, aff)
	}
	c := &chunk{start: start, end: end, entity: ent, form: lexicon.FormName, person: info, how: how, conj: name.conj}
	c.actor = info.affiliation
	if c.actor == nil && name.entry != nil {
		c.actor = d.actorOf(name.entry, ev)
	}
	if c.actor == nil && name.entity != nil {
		if pf := d.people[name.entity]; pf != nil {
			c.actor = pf.affiliation
		}
	}
	d.notePerson(ent, info, ev, name.entry)
	return c
}

// roleText writes a role in English: "Prime Minister of Qatar", "Director of the CIA".
func roleText(title *lexicon.Entry, aff *affiliation) string {
	role := title.Name()
	if len(role) > 0 {
		role = strings.ToUpper(role[:1]) + role[1:]
	}
	switch {
	case aff.org != nil:
		return role + " of " + withArticle(aff.org)
	case aff.state != nil:
		return role + " of " + aff.state.Name()
	}
	return role
}

// withArticle puts "the" before organisation names that take it in English.
func withArticle(e *lexicon.Entry) string {
	n := e.Name()
	for _, alt := range e.En[min(1, len(e.En)):] {
		if isAcronymName(alt) && len(alt) <= 5 && !isAcronymName(n) {
			n = alt // "the CIA" reads better than "the Central Intelligence Agency"
			break
		}
	}
	if isAcronymName(n) {
		return "the " + n
	}
	for _, w := range []string{"Agency", "Council", "Union", "Nations", "Forces", "League", "Front", "Movement", "Army", "Authority", "Organization", "Organisation", "Committee", "Court", "Ministry", "Department", "Service", "Office", "Directorate", "Guard", "Commission", "Group", "Bank", "Fund", "Party"} {
		if strings.Contains(n, w) && !strings.HasPrefix(n, "the ") {
			return "the " + n
		}
	}
	return n
}

func isAcronymName(s string) bool {
	if len(s) < 2 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.') {
			return false
		}
	}
	return true
}

// notePerson keeps the first role and affiliation the article gives a person.
func (d *doc) notePerson(ent *Entity, info *personInfo, ev Evidence, entry *lexicon.Entry) {
	pf := d.people[ent]
	if pf == nil {
		pf = &personFacts{}
		d.people[ent] = pf
	}
	if info.role != "" && !pf.hasRole {
		pf.role, pf.roleEvidence, pf.hasRole = info.role, ev, true
	}
	if info.affiliation != nil && !pf.hasAffiliation {
		pf.affiliation, pf.affEvidence, pf.hasAffiliation = info.affiliation, ev, true
	}
}
