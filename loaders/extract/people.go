package extract

import (
	"strings"
	"unicode/utf8"

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

// side is the state or group served, else the body.
func (a *affiliation) side() *lexicon.Entry {
	if a.state != nil {
		return a.state
	}
	return a.org
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
	var pre affiliation // named before the title
	conj := false
	// English puts the affiliation before the title: "Qatari Prime Minister",
	// "CIA Director", "Turkey's foreign minister", "U.S. Secretary of State". An
	// Arabic nisba before a title agrees with the noun before it: «ترأس الوفد اللبناني
	// السفير السابق سيمون كرم».
	formerSeen := false // "Tanzania's former president": the office is past
	if m, ok := p.mention(i); ok && (!m.Arabic || m.Form != lexicon.FormAdj) && !p.titleEntry(m) && m.Entry() != nil && m.Entry().Class != lexicon.Person {
		k := m.End
		if k < len(p.toks) && !p.toks[k].Arabic && p.d.x.words.has("en", listFormer, p.toks[k].Norm) {
			k++
			formerSeen = true
		}
		if !m.Arabic && !formerSeen {
			k = p.skipOfficeWords(k) // "Chinese foreign ministry spokeswoman"
		}
		if _, ok := p.isTitle(k); ok {
			pre.take(m.Entry())
			conj = m.Conj
			i = k
		} else {
			formerSeen = false
		}
	}
	pronoun, personal := false, false // "his Prime Minister Rui Duarte Barros": the side named before
	if t := p.toks[i]; !t.Arabic && p.d.x.words.has("en", listPossessivePronoun, t.Norm) {
		if _, ok := p.isTitle(i + 1); ok {
			pronoun, personal = true, t.Norm == "his" || t.Norm == "her"
			i++
		}
	}
	tm, ok := p.isTitle(i)
	if !ok || i > 0 && p.toks[i-1].IsPunct("-") && !p.toks[i].SpaceBefore {
		return nil // "the five-member delegation": no title
	}
	if i == start {
		conj = tm.Conj
	}
	title := tm.Entries[0]
	j := tm.End
	var own affiliation // named by the title's own words
	if title.Kind != "honorific" {
		j = p.afterTitle(p.bodyInTitle(tm, &own), &own)
	}
	j = p.skipHonorifics(j)
	j = p.skipModifiers(j)
	// A rank or a second office before the name: «المتحدث باسم الجيش السوداني العميد
	// سامر الخطيب». The first title gives the role; the second may add a body.
	if title.Kind != "honorific" {
		if tm2, ok := p.isTitle(j); ok && tm2.Entries[0].Kind != "honorific" {
			var second affiliation
			k := p.skipModifiers(p.skipHonorifics(p.afterTitle(tm2.End, &second)))
			// «استقبل ملك الأردن وزير خارجية دولة قطر فلان بن فلان»: a second office
			// with a side of its own is another person's.
			other := second.side() != nil && own.side() != nil && second.side() != own.side()
			if n, _ := p.name(k, true); n != nil && !other {
				own.take(second.state)
				own.take(second.org)
				j = k
			}
		}
	}
	if own.side() == nil && pre.side() == nil && (pronoun || tm.Arabic && pronounSuffixed(p.toks[tm.End-1].Text)) {
		// «وزير خارجيتها وليد المعلم», «رئيس وزرائه حسن علي خيري»: "its" foreign
		// minister, of the state or body named just before.
		own.take(p.antecedent(start, personal))
	}
	aff := pre
	switch {
	case pre.side() == nil:
		aff = own
	case tm.Arabic:
		aff.take(own.state) // «مثّل إسرائيل المسؤول في …»
		aff.take(own.org)
	default:
		// "the UN envoy for Yemen" serves the UN; Yemen is the portfolio
	}
	// A one-word name right after "for", "of" or "to" is the portfolio: "Trump's
	// senior adviser for Africa".
	loose := j == 0 || p.toks[j-1].Arabic || !p.d.x.words.has("en", listPortfolio, p.toks[j-1].Norm)
	pastTitle := formerSeen || p.formerBefore(start) // "former" before the title or right after its side
	name, end := p.name(j, loose)
	if j >= 2 && !p.toks[j-1].Arabic && p.toks[j-1].Norm == "the" && p.toks[j-2].Norm == "of" {
		name = nil // "leader of the DUP": a body, not a person's name
	}
	if name == nil {
		// "Norwegian Minister for International Development, Erik Solheim", «وزير
		// الخارجية المغربي، ناصر بوريطة»: the portfolio's words, a comma, the name.
		k := j
		for k < len(p.toks) && k < j+6 && !tm.Arabic && (capWord(p.toks[k]) || p.toks[k].IsPunct("&") || p.toks[k].Norm == "and" || p.toks[k].Norm == "of") && !loose {
			k++
		}
		arabicPortfolio := false
		if tm.Arabic {
			// «الممثل الخاص الأمريكي للمصالحة في أفغانستان، زلماي خليل زاد»: the
			// portfolio's words (up to five, no verb's stop words), a comma, the name.
			for k < len(p.toks) && k < j+5 && p.toks[k].Arabic && p.toks[k].Kind == text.Word && !p.isStop(p.toks[k], false) || k < len(p.toks) && k < j+5 && (p.toks[k].Norm == "في" || p.toks[k].Norm == "فى") {
				k++
				arabicPortfolio = true
			}
		}
		if k < len(p.toks) && p.toks[k].IsPunct(",") {
			// A person the lexicon knows is read on its own, with its side, unless the
			// title is a past one ("former president of Finland, Martti Ahtisaari").
			if n2, e2 := p.name(k+1, true); n2 != nil && e2-n2.start >= 2 && (n2.entry == nil || pastTitle) &&
				(!arabicPortfolio || e2 == len(p.toks) || p.toks[e2].Kind == text.Punct) {
				name, end = n2, e2
				if (title.Kind == "envoy" || title.Kind == "diplomat") && pre.side() == nil && !tm.Arabic {
					aff.state = nil // "the Special Envoy … for Yemen, Hans Grundberg": Yemen is the portfolio
				}
			}
		}
	}
	if name == nil {
		if pastTitle || p.formerIn(tm.Start, j) {
			return nil // "former president of Finland": a past office stands for no side
		}
		return p.office(start, j, title, &aff, conj)
	}
	if name.entry != nil && serves(title) && p.d.leads(name.entry) {
		// "the envoy of President Volodymyr Zelensky", «مساعد الرئيس الروسي فلاديمير
		// بوتين»: a leader after an aide's or envoy's title is whom the office
		// serves, named in passing; the leader is read on their own, and is no
		// participant in talks by being named there.
		p.d.principals[[2]int{p.si, name.end}] = true
		return nil
	}
	var past *affiliation
	if pastTitle || p.formerIn(tm.Start, name.start) {
		// "Former Kenyan President …": Kenya is no longer the side. In Arabic the words
		// before the title are not the office's: «مثّل لبنان السفير السابق».
		was := own
		if !tm.Arabic {
			was, pre = aff, affiliation{}
		}
		past, aff = &was, pre
	}
	if past != nil || aff.side() == nil {
		// A current role in apposition: "Colonel Jean Mbala, an M23 spokesman,";
		// "Former Kenyan President Uhuru Kenyatta, a member of the AU panel,".
		if _, aff2, end2, ok := p.apposition(end); ok && aff2.side() != nil {
			aff, end = aff2, end2
		} else if aff2, end2, ok := p.sideAfterName(end); ok {
			aff, end = aff2, end2 // "Ambassador Johan Verbeke of the UN", «عماد العليمي عن حماس»
		}
	}
	if aff.side() == nil && past == nil && (name.entry == nil || p.d.lx.Actor(name.entry) == nil) {
		aff.take(p.bodyInsideTitle(tm)) // "Chairperson of the African Union Commission"
	}
	c := p.personChunk(start, end, name, title, &aff, "person.title", past)
	c.conj = conj
	return c
}

// serves reports whether a title is an office that serves someone else: an aide's
// (adviser, spokesperson, chief of staff), an envoy's or a diplomat's.
func serves(title *lexicon.Entry) bool {
	switch title.Kind {
	case "aide", "envoy", "diplomat":
		return true
	}
	return false
}

// leads reports whether a person of the lexicon is a head of state or government:
// their role opens with such a title ("President of Russia", «أمير قطر»).
func (d *doc) leads(e *lexicon.Entry) bool {
	if v, ok := d.leaders[e]; ok {
		return v
	}
	toks := text.Tokenize(e.Role)
	lead := false
	if m, ok := d.lx.MatchAt(toks, 0); ok {
		for _, t := range m.Entries {
			lead = lead || t.Class == lexicon.Title && (t.Kind == "head_of_state" || t.Kind == "head_of_government")
		}
	}
	d.leaders[e] = lead
	return lead
}

// bodyInsideTitle returns an organisation a title of several words names inside it
// ("Chairperson of the African Union Commission", «رئيس مفوضية الاتحاد الإفريقي»),
// or nil. Envoys' and diplomats' titles name where they are posted, not whom they
// serve ("Ambassador to the UN").
func (p *personFinder) bodyInsideTitle(tm lexicon.Mention) *lexicon.Entry {
	if tm.End-tm.Start < 3 || tm.Entries[0].Kind == "envoy" || tm.Entries[0].Kind == "diplomat" {
		return nil
	}
	toks := p.toks[tm.Start+1 : tm.End]
	for _, m := range p.d.lx.Match(toks) {
		if e := m.Entry(); e != nil && e.Class == lexicon.Organization {
			return p.parentBody(toks[m.Start:m.End], e)
		}
	}
	return nil
}

// parentBody returns the body a body's name holds, when it names one ("African
// Union Commission", «مفوضية الاتحاد الإفريقي»: the African Union), else e: an
// organ acts for the body it belongs to.
func (p *personFinder) parentBody(toks []text.Token, e *lexicon.Entry) *lexicon.Entry {
	if len(toks) < 2 {
		return e
	}
	for _, part := range [][]text.Token{toks[1:], toks[:len(toks)-1]} {
		for _, m := range p.d.lx.Match(part) {
			if inner := m.Entry(); inner != nil && inner != e && inner.Class == lexicon.Organization && m.End-m.Start == len(part) {
				return inner
			}
		}
	}
	return e
}

// skipOfficeWords passes over up to two English words between a nationality and a
// title that name the office's body ("Chinese foreign ministry spokeswoman",
// "Indonesian Justice & Human Rights Minister"): words that are no stop words and
// no names of their own.
func (p *personFinder) skipOfficeWords(k int) int {
	for n, j := 0, k; n < 4 && j < len(p.toks); n, j = n+1, j+1 {
		if _, ok := p.isTitle(j); ok {
			return j
		}
		t := p.toks[j]
		if _, named := p.mention(j); named || t.Arabic || t.Kind != text.Word && !t.IsPunct("&") || p.d.x.words.has("en", listStop, t.Norm) && !p.d.x.words.has("en", listOfficeWord, t.Norm) {
			return k
		}
	}
	return k
}

func (p *personFinder) skipHonorifics(j int) int {
	for {
		hm, ok := p.honorific(j)
		if !ok {
			return j
		}
		j = hm.End
	}
}

// bodyInTitle reads a body whose name begins with the title's last word and that is
// a side of its own: «قائد الجيش السوداني» is the commander of the Sudanese army (the
// Sudanese Armed Forces), as "Sudanese army chief" is in English, not of Sudan. (A
// state's agency or ministry acts for the state, which the nisba names already.) It
// returns the token after the title and any such body.
func (p *personFinder) bodyInTitle(tm lexicon.Mention, aff *affiliation) int {
	if !tm.Arabic || tm.End-tm.Start < 2 {
		return tm.End
	}
	m, ok := p.d.lx.MatchAt(p.toks, tm.End-1)
	if e := m.Entry(); ok && m.End > tm.End && e != nil && e.Class == lexicon.Organization && p.d.lx.Actor(e) == e {
		aff.take(e)
		return m.End
	}
	return tm.End
}

// formerBefore reports whether the words just before a title say the office is past:
// "former", "ex-".
func (p *personFinder) formerBefore(start int) bool {
	k := start - 1
	if k >= 0 && p.toks[k].IsPunct("-") {
		k--
	}
	return k >= 0 && !p.toks[k].Arabic && p.d.x.words.has("en", listFormer, p.toks[k].Norm)
}

// formerIn reports whether a word between a title and the name says the office is
// past: «الرئيس الكيني السابق».
func (p *personFinder) formerIn(a, b int) bool {
	for k := a; k < b && k < len(p.toks); k++ {
		t := p.toks[k]
		lang := "en"
		if t.Arabic {
			lang = "ar"
		}
		if p.d.x.words.hasStem(lang, listFormer, t) {
			return true
		}
	}
	return false
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
	if side == nil || title.Kind == "honorific" || title.Kind == "envoy" || title.Kind == "mediator" || end <= start {
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
func hasArticle(w string) bool { return text.HasDefinite(w) }

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
			if _, named := p.mention(j + 1); !named {
				break // «المستشار في جهاز الأمن»: what follows is no name the lexicon knows, nor the person's
			}
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
		name, end = p.nameBeforeRole(i)
	}
	if name == nil {
		return nil
	}
	var aff affiliation
	var title *lexicon.Entry
	// Apposition: "Hakan Fidan, Turkey's foreign minister," / "فيدان، وزير الخارجية التركي،"
	if t, a, e, ok := p.apposition(end); ok {
		title, aff, end = t, a, e
	} else if a, e, ok := p.sideAfterName(end); ok && name.entry == nil {
		aff, end = a, e // "Ketumule Masire (Botswana)", «خالد البطش عن الجهاد الإسلامي»
		name.given = true
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
	return p.personChunk(i, end, name, title, &aff, name.how, nil)
}

// nameBeforeRole reads a capitalised English name the lexicon does not know and that
// no known first name leads, when a title in apposition or a side in parentheses
// follows it ("Pancrace Cimpaye, spokesman", "Ketumule Masire (Botswana)").
func (p *personFinder) nameBeforeRole(i int) (*nameSpan, int) {
	t := p.toks[i]
	if t.Arabic || t.Kind != text.Word || !t.Cap || t.Upper || p.d.x.words.has("en", listStop, t.Norm) {
		return nil, i
	}
	end := p.latinName(i)
	if end-i < 2 || end-i > 4 || p.bodyName(i, end) {
		return nil, i
	}
	if _, _, _, ok := p.apposition(end); !ok {
		if _, _, ok := p.sideAfterName(end); !ok || !p.toks[end].IsPunct("(") {
			return nil, i
		}
	}
	return &nameSpan{start: i, end: end, how: "person.name-role"}, end
}

// sideAfterName reads the side named right after a person's name: "(Botswana)", "of
// the UN", «عن حماس». It returns what it says the person serves and the token after it.
func (p *personFinder) sideAfterName(end int) (affiliation, int, bool) {
	var aff affiliation
	if end+1 >= len(p.toks) {
		return aff, end, false
	}
	t := p.toks[end]
	k := end + 1
	switch {
	case t.IsPunct("("):
	case !t.Arabic && (t.Norm == "of" || t.Norm == "from"):
		if p.toks[k].Norm == "the" && k+1 < len(p.toks) {
			k++
		}
		// "from the main nationalist party Sinn Féin": a few words describe the side.
		for n := 0; n < 3 && k+1 < len(p.toks) && p.toks[k].Kind == text.Word && !p.toks[k].Cap && !p.toks[k].Arabic; n++ {
			if _, named := p.mention(k); named {
				break
			}
			k++
		}
	case t.Arabic && (t.Norm == "عن" || t.Norm == "من"):
	default:
		return aff, end, false
	}
	m, ok := p.mention(k)
	e := m.Entry()
	if !ok || e == nil || e.Class != lexicon.Country && e.Class != lexicon.Organization {
		return aff, end, false
	}
	next := m.End
	if t.IsPunct("(") {
		if next >= len(p.toks) || !p.toks[next].IsPunct(")") {
			return aff, end, false
		}
		next++
	}
	aff.take(e)
	return aff, next, true
}

// bodyName reports whether capitalised words [i, end) name a body, not a person:
// their last word heads a body's name ("Crisis Management Initiative", "Democratic
// Unionist Party").
func (p *personFinder) bodyName(i, end int) bool {
	return end > i && p.d.x.words.has("en", listOrgHead, p.toks[end-1].Norm)
}

// apposition reads a title in apposition after a name ending at token end: ",
// [a|an|the] [AFFILIATION] TITLE [affiliation words] [, BODY]" ("Hakan Fidan,
// Turkey's foreign minister", "Jean Mbala, an M23 spokesman", «فيدان، وزير الخارجية
// التركي»). It returns the title, what the words say the person serves, and the token
// after them.
func (p *personFinder) apposition(end int) (*lexicon.Entry, affiliation, int, bool) {
	var aff affiliation
	// ", TITLE" or a spaced dash: "Jane Doe - the senior U.S. envoy to the region -"
	if end >= len(p.toks) || !p.toks[end].IsPunct(",") && !(p.toks[end].IsPunct("-") && p.toks[end].SpaceBefore) {
		return nil, aff, end, false
	}
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
	tm, ok := p.isTitle(k)
	if !ok || tm.Entries[0].Kind == "honorific" || tm.Conj && k == end+1 {
		return nil, aff, end, false // «أبي أحمد، والسفير الأمريكي»: a conjunction starts the next person
	}
	var own affiliation
	end = p.afterTitle(p.bodyInTitle(tm, &own), &own)
	aff = pre
	if pre.side() == nil || tm.Arabic {
		aff.take(own.state)
		aff.take(own.org)
	} // else "the UN envoy to Sudan" serves the UN; Sudan is the portfolio
	// A body named in apposition after the title: "مدير ...، الموساد"
	if end+1 < len(p.toks) && p.toks[end].IsPunct(",") {
		if m, ok := p.mention(end + 1); ok && m.Entry() != nil && m.Entry().Class == lexicon.Organization {
			if m.End == len(p.toks) || p.toks[m.End].Kind == text.Punct {
				aff.org = m.Entry()
				end = m.End
			}
		}
	}
	return tm.Entries[0], aff, end, true
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
			how := "lexicon:" + e.ID
			if m.Form == lexicon.FormShort {
				ent := p.d.entities[p.d.entryKey(e)]
				if ent == nil || !p.d.seen[ent] {
					if !afterTitle && !p.surnameInContext(m) {
						return nil, i // «الرئيس التركي أردوغان»: after a title, a surname is the person
					}
					how = "person.surname-in-context:" + e.ID
				}
			}
			if p.heldAfter(m.End) {
				return nil, i // "Ben Gurion Airport"
			}
			return &nameSpan{entry: e, start: i, end: m.End, conj: m.Conj, how: how}, m.End
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
		maxWords := 2
		if afterTitle {
			maxWords = 3 // «رئيس الوزراء حسن علي خيري»: a title announces a full name
		}
		end = p.arabicName(i, maxWords)
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
	if !t.Arabic && (p.bodyName(i, end) || i > 0 && p.toks[i-1].IsPunct("/") || p.d.x.words.has("en", listFormer, t.Norm)) {
		return nil, i // "the Crisis Management Initiative"; "REUTERS/Mike Segar", a photo credit
	}
	words := 0
	for _, tk := range p.toks[i:end] {
		if tk.Kind == text.Word && !isInitial(tk) {
			words++
		}
		if !tk.Arabic && tk.Cap && p.d.x.words.has("en", listNameHolder, tk.Norm) {
			return nil, i // "Hamad International Airport", "King Fahd Causeway"
		}
	}
	if end <= i || words == 0 || p.heldAfter(end) {
		return nil, i
	}
	first := p.toks[i]
	if first.Arabic {
		first.Norm = firstStem(first.Norm, p.d.lx)
	}
	given := p.d.lx.IsGivenName(first.Norm) || end > i+1 && p.d.lx.IsGivenName(first.Norm+" "+p.toks[i+1].Norm)
	// A lone word is a person only as the surname of someone named before.
	if words == 1 {
		if ent := p.d.surnames[p.toks[end-1].Norm]; ent != nil && p.d.seen[ent] && p.toks[i].Norm == p.toks[end-1].Norm {
			return &nameSpan{entity: ent, start: i, end: end, surname: true, how: "person.surname"}, end
		}
		if first.Arabic && afterTitle && p.loneArabicName(i, end) {
			return &nameSpan{start: i, end: end, how: "person.name-after-title"}, end
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
	} else if first.Arabic && !given && p.commonNounName(i) {
		return nil, i
	}
	return ns, end
}

// commonNounName reports whether an Arabic name the lexicon does not know opens
// with a word no personal name opens with: one with the article («السلام الكامل»,
// «السلام الأوكرانية») or a body's noun («جهاز الأمن», «مجلس السيادة»). A family
// name takes the article, but after a first name («ماجد الأنصاري»).
func (p *personFinder) commonNounName(i int) bool {
	t := p.toks[i]
	w := p.d.x.words
	return hasArticle(t.Norm) || w.hasStem("ar", listNotName, t) || w.hasStem("ar", listBodyNoun, t) || w.hasStem("ar", listNameHolder, t)
}

// surnameInContext reports whether a bare surname of a person the lexicon knows
// (no other person's name holds that word) names that person although the article has not named
// them in full: next to a verb that takes a person ("met Witkoff", «وقال فيدان»,
// "Witkoff said"), with
// a title in apposition («فيدان، وزير الخارجية التركي»), or as a possessive before a
// title ("Trump's senior adviser"); and only when no other name word follows.
func (p *personFinder) surnameInContext(m lexicon.Mention) bool {
	if m.Entry() == nil || m.End-m.Start != 1 || p.d.lx.PeopleNamedWith(text.Key(m.Surface)) != 1 {
		return false // "Qassem" alone: Naim, Hazem or Qassem Soleimani
	}
	t := p.toks[m.Start]
	if m.End < len(p.toks) && !t.Possessive {
		next := p.toks[m.End]
		if !t.Arabic && next.Kind == text.Word && next.Cap {
			return false // "Witkoff Plan", a longer name
		}
		if t.Arabic && next.Kind == text.Word && !p.isStop(next, true) {
			if nm, ok := p.at[m.End]; !ok || !nm.Conj {
				return false // unless the next word starts a new name after و: «حكومة مادورو والمنصة»
			}
		}
	}
	lang := "en"
	if t.Arabic {
		lang = "ar"
	}
	if m.Start > 0 && p.d.x.words.hasStem(lang, listPersonCue, p.toks[m.Start-1]) {
		return true
	}
	if !t.Arabic && !t.Possessive && m.End < len(p.toks) && p.d.x.words.has("en", listPersonCue, p.toks[m.End].Norm) {
		return true // "Witkoff said"
	}
	if _, _, _, ok := p.apposition(m.End); ok {
		return true
	}
	if t.Possessive {
		for k := m.End; k < len(p.toks) && k <= m.End+1; k++ {
			if tm, ok := p.isTitle(k); ok && tm.Entries[0].Kind != "honorific" {
				return true
			}
		}
	}
	return false
}

// heldAfter reports whether an English name ending at token end goes on into the name
// of a place or thing ("Ben Gurion Airport", "the Abraham Accords").
func (p *personFinder) heldAfter(end int) bool {
	if end >= len(p.toks) {
		return false
	}
	t := p.toks[end]
	return !t.Arabic && t.Kind == text.Word && t.Cap && p.d.x.words.has("en", listNameHolder, t.Norm)
}

// heldBefore returns, when the Arabic word before token i names a thing that takes a
// person's name («مطار الملكة علياء», «مؤسسة محمد بن راشد», «شارع الملك فيصل»), the
// token after that name (its title and honorifics included), else i.
func (p *personFinder) heldBefore(i int) int {
	if i == 0 || !p.toks[i].Arabic || !p.d.matcher(p.si).tokenIn("ar", listNameHolder, i-1) {
		return i
	}
	j := i
	for {
		tm, ok := p.isTitle(j)
		if !ok {
			break
		}
		j = tm.End
	}
	if n, end := p.name(j, true); n != nil {
		return end
	}
	if j > i {
		return j
	}
	return i
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
			if nt := p.toks[j]; !nt.Cap && !p.d.x.words.has("en", listParticle, nt.Norm) && j-1 > i && p.toks[j-2].Cap {
				j++ // Cho Myoung-gyon: a Korean given name's second syllable
				lastCap = j
			}
			continue
		}
		break
	}
	return lastCap
}

// arabicName reads up to maxWords name words (two, or three after a title; a definite
// word ends a name of two), each extended through connectors
// (بن، ابن، أبو، عبد، آل) and initials ("ج."), stopping at punctuation, function
// words, verbs and known names of other things.
func (p *personFinder) arabicName(i, maxWords int) int {
	j := i
	words := 0
	patronym := false // the last words were "بن X" or "آل X"
	for j < len(p.toks) {
		t := p.toks[j]
		if t.Kind != text.Word || !t.Arabic {
			break
		}
		if j > i && p.startsMention(j) {
			break
		}
		if p.isStop(t, j == i) && !p.nameAli(j, i) {
			break
		}
		if isInitial(t) || j > i && j+1 < len(p.toks) && p.d.x.words.has("ar", listInitial, t.Norm) && !p.isStop(p.toks[j+1], false) {
			j++
			continue
		}
		if p.d.x.words.has("ar", listConnector, t.Norm) {
			if j+1 < len(p.toks) && p.toks[j+1].Arabic && p.toks[j+1].Kind == text.Word {
				patronym = j > i && p.d.x.words.has("ar", listPatronym, t.Norm)
				j += 2
				if words == 0 {
					words = 1
				}
				continue
			}
			break
		}
		if words >= maxWords || words >= 2 && hasArticle(t.Norm) {
			break
		}
		if patronym && !hasArticle(t.Norm) {
			break // «محمد بن راشد آل مكتوم مساعدات»: a family name takes ال, a next word is no name
		}
		patronym = false
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
	for _, s := range t.Stems() {
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

// personChunk builds the chunk and the person's entity, role and affiliation. past,
// when not nil, is what a title held in the past said the person served ("former
// Kenyan president"): it goes into the role and is no affiliation, nor is the
// lexicon's when it names the same side; aff is then only a current role's.
func (p *personFinder) personChunk(start, end int, name *nameSpan, title *lexicon.Entry, aff *affiliation, how string, past *affiliation) *chunk {
	d := p.d
	ev := Evidence{Sentence: p.si, Rule: how, Trigger: d.span(p.si, start, end)}
	var ent *Entity
	switch {
	case name.entity != nil:
		ent = name.entity
	case name.entry != nil:
		ent = d.entityFor(name.entry, ev)
		d.restoreSpelling(ent, d.span(p.si, name.start, name.end))
	default:
		ent = d.namedEntity(KindPerson, personName(d.span(p.si, name.start, name.end), p.toks[name.start], d.lx), ev)
	}
	if name.entity == nil {
		d.rememberSurname(ent, p.si, name.start, name.end)
	}
	info := &personInfo{title: title}
	if side := aff.side(); side != nil {
		info.affiliation = d.actorOf(side, ev)
	}
	if title != nil && title.Kind != "honorific" {
		info.role = roleText(title, aff)
		if past != nil {
			info.role = "Former " + roleText(title, past)
		}
	}
	if past != nil && info.affiliation == nil {
		if side := past.side(); side != nil {
			info.former = d.actorOf(side, ev)
		}
	}
	c := &chunk{start: start, end: end, entity: ent, form: lexicon.FormName, person: info, how: how, conj: name.conj}
	c.actor = info.affiliation
	if c.actor == nil && name.entry != nil {
		if a := d.actorOf(name.entry, ev); a != info.former && !(opposes(title) && isState(a)) {
			c.actor = a // the lexicon's side, unless it is the one the text says is past
		}
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
	if pf.former == nil {
		pf.former = info.former
	}
	pf.opposition = pf.opposition || opposes(info.title)
}

// personName is the name of a person the lexicon does not know as written, without
// a conjunction glued to its first word («وعماد العليمي» is عماد العليمي).
func personName(written string, first text.Token, lx *lexicon.Lexicon) string {
	if !first.Arabic || firstStem(first.Norm, lx) == first.Norm {
		return written
	}
	return stripConj(written)
}

// pronounSuffixed reports whether an Arabic word as written ends with a possessive
// pronoun (ـها، ـه، ـهم، ـهما), not a ta marbuta.
func pronounSuffixed(w string) bool {
	for _, suf := range []string{"هما", "هم", "ها", "ه"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// antecedent returns the state or body named last before token i of the sentence,
// or in the sentence before: what a possessive pronoun refers to («رئيس وزرائه»,
// "his Prime Minister"). A person named there stands for their side; with person
// set ("his", "her"), only a person is.
func (p *personFinder) antecedent(i int, person bool) *lexicon.Entry {
	sentences := []int{p.si, p.si - 1}
	if !p.toks[i].Arabic {
		sentences = sentences[:1] // English pronouns refer within their sentence here
	}
	for _, si := range sentences {
		if si < 0 {
			break
		}
		var last *lexicon.Entry
		lastEnd := 0
		for _, c := range p.d.chunks[si] {
			if si == p.si && c.start >= i {
				break
			}
			if person && c.person == nil && !strings.HasPrefix(c.how, "office:") {
				continue // "his spokesman": the person (or office: "the Head of State of Chad") named before, not a state
			}
			if c.actor != nil && c.actor.Entry != nil && (c.actor.Entry.Class == lexicon.Country || c.actor.Entry.Class == lexicon.Organization) {
				last, lastEnd = c.actor.Entry, c.end
			}
		}
		if last != nil && si == p.si && p.unknownNameBetween(lastEnd, i) {
			return nil // "The SLF delegation was led by its chief negotiator": a name the lexicon lacks is nearer
		}
		if last != nil {
			return last
		}
	}
	return nil
}

// unknownNameBetween reports whether an English capitalised word no chunk covers
// stands in tokens [a, b), after a sentence's first word.
func (p *personFinder) unknownNameBetween(a, b int) bool {
	for k := max(a, b-30, 1); k < b && k < len(p.toks); k++ {
		t := p.toks[k]
		if !t.Arabic && t.Kind == text.Word && (t.Cap || t.Upper) && !p.d.coveredAt(p.si, k) {
			return true
		}
	}
	return false
}

// nameAli reports whether the word at j, inside a name that starts at i, is the name
// علي (Ali) rather than the preposition على, which folding alef maqsura makes it
// look like: a name word follows it («حسن علي خيري»), not a definite noun or a
// function word («وقع حسن على الاتفاق»).
func (p *personFinder) nameAli(j, i int) bool {
	if j == i && !p.afterTitleAt(i) || p.toks[j].Norm != "علي" || j+1 >= len(p.toks) {
		return false
	}
	next := p.toks[j+1]
	return next.Arabic && next.Kind == text.Word && !hasArticle(next.Norm) && !p.isStop(next, false)
}

// opposes reports whether a title says its holder opposes the government ("opposition
// leader"): the lexicon's state is then not their side.
func opposes(title *lexicon.Entry) bool {
	return title != nil && strings.Contains(strings.ToLower(title.Name()), "opposition")
}

// isState reports whether an entity is a state: a lexicon country.
func isState(a *Entity) bool {
	return a != nil && a.Entry != nil && a.Entry.Class == lexicon.Country
}

// afterTitleAt reports whether a title (with a nisba) ends right before token i:
// «نائب الرئيس السوداني على عثمان», where a name must follow.
func (p *personFinder) afterTitleAt(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if m, ok := p.isTitle(k); ok && m.End <= i {
			return true
		}
	}
	return false
}

// loneArabicName reports whether a single Arabic word after a title is a name
// («رئيس جنوب السودان سيلفاكير،»): no article, no function word, four letters or
// more, and the phrase ends with it (punctuation or a conjunction follows).
func (p *personFinder) loneArabicName(i, end int) bool {
	t := p.toks[i]
	if end != i+1 || hasArticle(t.Norm) || p.isStop(t, true) || utf8.RuneCountInString(t.Norm) < 4 || p.d.lx.IsGivenName(t.Norm) {
		return false
	}
	if end == len(p.toks) {
		return true
	}
	next := p.toks[end]
	return next.Kind == text.Punct || next.Arabic && strings.HasPrefix(next.Norm, "و") && next.Kind == text.Word
}
