package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/text"
	"github.com/parleygraph/parley/schema"
)

// Open-world actors: sides and mediators the lexicon does not know, read from the
// shape of the text. A candidate is only a candidate: it becomes a node when a rule
// slot that takes open-world actors ({P+}, {M+} …) binds it in a frame ("between A
// and B", "mediated by X"), never for merely being named. Candidates are:
//   - English capitalised names ("Movement of Democratic Forces of Casamance"), with
//     guards for Title Case headlines, all-capitals text, dates, named documents,
//     places and people;
//   - acronyms an article defines ("… Casamance (MFDC)", "…, or FARC") and their
//     later bare uses;
//   - descriptions of a collective side ("ethnic armed groups", "Ambazonian
//     separatists", «الجماعات المسلحة السودانية», «الفصائل الفلسطينية»);
//   - Arabic names led by a noun of a body («حركة العدل والمساواة», «قوات سوريا
//     الديمقراطية», «حكومة الوحدة الوطنية»).
// Spellings of one name merge through its normalised form; the node is marked open.

// Open-world node kinds (parley:kind of an open node).
const (
	OpenOrganization = "organization" // a named body
	OpenArmedGroup   = "armed_group"  // a named armed body ("… Liberation Army")
	OpenCollective   = "collective"   // a description of a collective side
	OpenName         = "name"         // a capitalised name or acronym of unknown kind
)

// openName is a candidate found at a token of a sentence.
type openName struct {
	start, end int
	name       string // as written, without leading "the" or clitics
	kind       string
	how        string // the rule of the open-world reader that found it
}

// findOpenNames fills d.openAt with the open-world candidates of every sentence.
func (d *doc) findOpenNames() {
	d.openAt = make([]map[int]*chunk, len(d.sents))
	for si := range d.sents {
		if d.noise[si] {
			continue
		}
		if d.lang == "en" && !d.shoutedOrTitleCase(si) {
			d.englishOpenNames(si)
		}
		if d.lang == "ar" {
			d.arabicOpenNames(si)
		}
	}
	d.findAcronyms()
	d.mergeCollectives()
}

// maxCollectives bounds the pairwise comparison of mergeCollectives.
const maxCollectives = 200

// mergeCollectives makes a shorter description of a collective side the longer one
// the article also uses ("the opposition" after "Burundi's opposition", «الفصائل»
// after «الفصائل الفلسطينية»): one side, named as fully as the article names it.
func (d *doc) mergeCollectives() {
	var all []*Entity
	seen := map[*Entity]bool{}
	for _, at := range d.openAt {
		for _, c := range at {
			if c.entity.Open == OpenCollective && !seen[c.entity] {
				seen[c.entity] = true
				all = append(all, c.entity)
			}
		}
	}
	if len(all) > maxCollectives {
		return // a text that lists hundreds of collectives is no news story to tidy
	}
	words := make(map[*Entity]map[string]bool, len(all)) // the words of each node key
	for _, e := range all {
		words[e] = map[string]bool{}
		for _, w := range strings.Split(strings.TrimPrefix(e.Key, KindActor+"/"), "-") {
			words[e][w] = true
		}
	}
	into := map[*Entity]*Entity{}
	for _, short := range all {
		var best *Entity
		for _, long := range all {
			if long == short || len(long.Key) <= len(short.Key) {
				continue
			}
			sub := true
			for w := range words[short] {
				sub = sub && words[long][w]
			}
			if sub && (best == nil || len(long.Key) > len(best.Key)) {
				best = long
			}
		}
		if best != nil {
			into[short] = best
		}
	}
	for _, at := range d.openAt {
		for _, c := range at {
			if long := into[c.entity]; long != nil {
				c.entity, c.actor = long, long
			}
		}
	}
}

// findAcronyms reads the acronyms an article defines after a name ("the Movement of
// Democratic Forces of Casamance (MFDC)", "…, or FARC,", «قوات سوريا الديمقراطية
// (قسد)») and makes their later bare uses name the same actor: a chunk when the
// lexicon knows the name, an open-world candidate otherwise.
func (d *doc) findAcronyms() {
	acr := map[string]*chunk{} // folded acronym → the chunk of the name it stands for
	for si := range d.sents {
		toks := d.sents[si].Tokens
		for k := 1; k+1 < len(toks); k++ {
			a := k + 1 // the acronym's token
			switch {
			case toks[k].IsPunct("(") && a+1 < len(toks) && toks[a+1].IsPunct(")"):
			case toks[k].IsPunct(",") && toks[a].Norm == "or" && a+2 < len(toks) && !toks[a].Arabic && toks[a+2].Kind == text.Punct:
				a++
			default:
				continue
			}
			if !d.acronymShape(toks[a]) || d.chunkAt[si][a] != nil {
				continue
			}
			if _, known := d.mentionAt(si, a); known {
				continue
			}
			name := d.nameEndingAt(si, k)
			if name == nil {
				continue
			}
			if _, dup := acr[toks[a].Norm]; !dup {
				acr[toks[a].Norm] = name
			}
		}
	}
	if len(acr) == 0 {
		return
	}
	for si := range d.sents {
		toks := d.sents[si].Tokens
		added := false
		covered := d.coveredBy(si)
		for i, t := range toks {
			name, ok := acr[t.Norm]
			if !ok || !d.acronymShape(t) || covered[i] != nil {
				continue
			}
			ev := Evidence{Sentence: si, Rule: "open.acronym", Trigger: t.Text}
			c := &chunk{start: i, end: i + 1, entity: name.entity, actor: name.actor, form: lexicon.FormName, how: ev.Rule}
			if name.open {
				c.open = true
				if d.openAt[si] == nil {
					d.openAt[si] = map[int]*chunk{}
				}
				if old := d.openAt[si][i]; old == nil || old.end <= c.end {
					d.openAt[si][i] = c // the defined acronym names the defined actor
				}
				continue
			}
			d.addChunk(si, c)
			added = true
		}
		if added {
			d.sortChunks(si)
		}
	}
}

// acronymShape reports whether a token can be an acronym: a Latin word in capitals
// (digits allowed: "M23") of at most eight letters, or an Arabic word of at most
// five letters.
func (d *doc) acronymShape(t text.Token) bool {
	if t.Kind != text.Word {
		return false
	}
	n := utf8.RuneCountInString(t.Norm)
	if t.Arabic {
		return n >= 3 && n <= 5 && !d.x.words.hasStem("ar", listStop, t)
	}
	return t.Upper && n <= 8
}

// nameEndingAt returns the chunk or open-world candidate that ends at token k of
// sentence si (a name before its acronym), or nil.
func (d *doc) nameEndingAt(si, k int) *chunk {
	var best *chunk
	for _, c := range d.chunks[si] {
		if c.end == k && c.person == nil && c.actor != nil && c.entity != nil && c.entity.Kind == KindActor {
			best = c
		}
	}
	for _, c := range d.openAt[si] {
		if c.end == k && (best == nil || c.start < best.start) {
			best = c
		}
	}
	return best
}

// coveredAt reports whether a chunk covers token i of sentence si.
func (d *doc) coveredAt(si, i int) bool {
	for _, c := range d.chunks[si] {
		if c.start <= i && i < c.end {
			return true
		}
	}
	return false
}

// addOpen records a candidate unless a longer one already starts there.
func (d *doc) addOpen(si int, n openName) {
	if n.end <= n.start || strings.TrimSpace(n.name) == "" {
		return
	}
	if d.openAt[si] == nil {
		d.openAt[si] = map[int]*chunk{}
	}
	if old := d.openAt[si][n.start]; old != nil && old.end >= n.end {
		return
	}
	ent := d.openEntity(n.name, n.kind, Evidence{Sentence: si, Rule: n.how, Trigger: d.span(si, n.start, n.end)})
	t := d.sents[si].Tokens[n.start]
	d.openAt[si][n.start] = &chunk{start: n.start, end: n.end, entity: ent, actor: ent, form: lexicon.FormName,
		conj: t.Arabic && strings.HasPrefix(t.Norm, "و") && !strings.HasPrefix(text.Fold(n.name), "و"), how: n.how, open: true}
}

// openKey is the node key of an open-world actor: its name folded, without the
// article, so "the MFDC" and "MFDC", «الفصائل الفلسطينية» and «فصائل فلسطينية» are one.
func openKey(name string) string {
	var words []string
	for _, w := range strings.Fields(text.Key(name)) {
		if w == "the" {
			continue
		}
		if r := []rune(w); len(r) > 3 && strings.HasPrefix(w, "ال") {
			w = string(r[2:])
		}
		words = append(words, w)
	}
	return schema.NodeKey(KindActor, strings.Join(words, " "))
}

// openEntity returns the (not yet registered) node of an open-world actor.
func (d *doc) openEntity(name, kind string, ev Evidence) *Entity {
	key := openKey(name)
	if e := d.entities[key]; e != nil {
		return e // a lexicon or earlier node with this very name
	}
	if e := d.openEnts[key]; e != nil {
		return e
	}
	lang := "en"
	if text.HasArabic(name) {
		lang = "ar"
	}
	e := &Entity{Key: key, Kind: KindActor, Name: name, Names: map[string][]string{lang: {name}}, First: ev, Open: kind}
	d.openEnts[key] = e
	return e
}

// registerOpen makes an open-world actor a node of the article, with the evidence
// of the frame that bound it.
func (d *doc) registerOpen(e *Entity, ev Evidence) {
	if e == nil || e.Open == "" || d.entities[e.Key] == e {
		return
	}
	d.entities[e.Key] = e
	d.order = append(d.order, e)
	e.First = ev
	d.mentionEv = append(d.mentionEv, MentionEvidence{Entity: e, Evidence: ev})
}

// shoutedOrTitleCase reports whether most words of sentence si are written in
// capitals or start with one (an all-capitals line, a Title Case headline), where
// capitals say nothing about names.
func (d *doc) shoutedOrTitleCase(si int) bool {
	words, caps := 0, 0
	for _, t := range d.sents[si].Tokens {
		if t.Kind != text.Word || t.Arabic {
			continue
		}
		words++
		if t.Cap || t.Upper {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*7
}

// englishOpenNames finds the capitalised names, acronyms and collective
// descriptions of an English sentence that no chunk already covers.
func (d *doc) englishOpenNames(si int) {
	toks := d.sents[si].Tokens
	covered := d.coveredBy(si)
	for i := 0; i < len(toks); i++ {
		if n, ok := d.collectiveEN(si, i, covered); ok {
			d.addOpen(si, n)
		}
		if n, ok := d.capitalisedName(si, i, covered); ok {
			d.addOpen(si, n)
		}
	}
}

// coveredBy marks, per token, the chunk covering it.
func (d *doc) coveredBy(si int) []*chunk {
	cov := make([]*chunk, len(d.sents[si].Tokens))
	for _, c := range d.chunks[si] {
		for k := c.start; k < c.end && k < len(cov); k++ {
			cov[k] = c
		}
	}
	return cov
}

// absorbable reports whether a chunk may be part of a longer open-world name: a
// country or place ("Free Aceh Movement", "Revolutionary Armed Forces of Colombia").
func absorbable(c *chunk) bool {
	if c == nil || c.open {
		return true
	}
	if c.person != nil || c.entity == nil {
		return false
	}
	if c.entity.Kind == KindPlace {
		return true
	}
	e := c.entity.Entry
	return e != nil && e.Class == lexicon.Country && c.form == lexicon.FormName
}

// bodyBeforeOf reports whether a body's noun comes before the first "of" or "for"
// of a name: "National Council for the Restoration of the Arusha Agreement" is a
// council, whatever document ends it.
func (d *doc) bodyBeforeOf(toks []text.Token) bool {
	for _, t := range toks {
		if t.Norm == "of" || t.Norm == "for" {
			return false
		}
		if t.Cap && d.x.words.has("en", listOrgHead, t.Norm) {
			return true
		}
	}
	return false
}

// capitalisedName reads an English name the lexicon does not know at token i: capitalised
// words joined by of/for/the/and/de/&/'s or unspaced hyphens. A name of one word must not
// open the sentence (unless written in capitals), and a name must not be a person's
// (a known first name or title), a date, or a named document, event or place.
func (d *doc) capitalisedName(si, i int, covered []*chunk) (openName, bool) {
	toks := d.sents[si].Tokens
	w := d.x.words
	start := i
	if !capWord(toks[i]) || covered[i] != nil && !absorbable(covered[i]) {
		return openName{}, false
	}
	if w.has("en", listStop, toks[i].Norm) && !toks[i].Upper || d.x.lx.IsGivenName(toks[i].Norm) {
		return openName{}, false
	}
	end, words, absorbed := i, 0, 0
	for j := i; j < len(toks) && j < i+9; j++ {
		t := toks[j]
		if covered[j] != nil && !absorbable(covered[j]) {
			break
		}
		if capWord(t) {
			if w.has("en", listCalendar, t.Norm) || t.Kind == text.Word && d.titleAt(si, j) {
				break
			}
			if covered[j] != nil {
				absorbed++
			}
			words++
			end = j + 1
			if t.Possessive && !(j+1 < len(toks) && capWord(toks[j+1])) {
				break
			}
			continue
		}
		if j > i && j+2 < len(toks) && (t.Norm == "of" || t.Norm == "for") && toks[j+1].Norm == "the" && !toks[j+1].Cap && capWord(toks[j+2]) && d.bodyBeforeOf(toks[i:j]) {
			j++ // "Council for the Restoration of …": a body's name goes on past "for the"
			continue
		}
		if j > i && j+1 < len(toks) && capWord(toks[j+1]) && (w.has("en", listNameJoin, t.Norm) && !t.Cap || t.IsPunct("&") || t.IsPunct("-") && !t.SpaceBefore && !toks[j+1].SpaceBefore) {
			if t.Norm == "and" && !w.has("en", listOrgHead, lastWordOf(toks, j+1, 4)) {
				break // "Israel and Hamas": two names, unless one body's name goes on ("Justice and Equality Movement")
			}
			continue
		}
		break
	}
	if words == 0 || absorbed == words {
		return openName{}, false // all of it is known already
	}
	head := toks[end-1].Norm
	if w.has("en", listNotActorHead, head) && !d.bodyBeforeOf(toks[start:end]) || w.has("en", listCalendar, head) {
		return openName{}, false
	}
	if words == 1 && !toks[start].Upper && (start == 0 || toks[start].LineBefore || isOpeningPunct(toks[start-1])) {
		return openName{}, false // "Meanwhile", "Talks": any word opens a sentence with a capital
	}
	if words == 1 && !toks[start].Upper && (w.has("en", listNegotiation, toks[start].Norm) || w.has("en", listTalks, toks[start].Norm)) {
		return openName{}, false
	}
	kind := OpenName
	first := toks[start].Norm // "Movement of Democratic Forces of Casamance": the head may come first
	switch {
	case w.has("en", listArmedHead, head) || w.has("en", listArmedHead, first) && end-start > 2 || hasWord(toks[start:end], w, "en", listArmedWord):
		kind = OpenArmedGroup
	case w.has("en", listOrgHead, head) || w.has("en", listOrgHead, first) && end-start > 2:
		kind = OpenOrganization
	}
	if kind == OpenName && words >= 2 && absorbed == 0 && !hasUpper(toks[start:end]) && !hasWord(toks[start:end], w, "en", listNameJoin) {
		return openName{}, false // "Téte António", "Mario Raffaelli": two or three plain capitalised words are a person's name
	}
	return openName{start: start, end: end, name: spanText(d, si, start, end), kind: kind, how: "open.name"}, true
}

func hasUpper(toks []text.Token) bool {
	for _, t := range toks {
		if t.Upper {
			return true
		}
	}
	return false
}

// collectiveEN reads a description of a collective side at token i: up to four
// modifiers (lower-case words, demonyms) and a collective noun ("ethnic armed groups",
// "Ambazonian separatists", "the armed opposition", "ethnic minority armed groups'
// alliance").
func (d *doc) collectiveEN(si, i int, covered []*chunk) (openName, bool) {
	toks := d.sents[si].Tokens
	w := d.x.words
	if i > 0 && (toks[i-1].Kind == text.Word && !w.has("en", listStop, toks[i-1].Norm) && !toks[i-1].Cap) {
		return openName{}, false // the description starts earlier
	}
	end := -1
	for j := i; j < len(toks) && j <= i+5; j++ {
		t := toks[j]
		if t.Kind != text.Word {
			if t.IsPunct("-") && !t.SpaceBefore && j+1 < len(toks) && !toks[j+1].SpaceBefore {
				continue // "pro-government", "Tigray-based"
			}
			break
		}
		if c := covered[j]; c != nil {
			nation := isState(c.entity)
			if !nation || c.form != lexicon.FormAdj && !(j == i && toks[c.end-1].Possessive) {
				break // only a demonym may stand inside ("Sudanese armed groups"), or a country's possessive first ("Burundi's opposition")
			}
			j = c.end - 1
			continue
		}
		if w.has("en", listCollectiveHead, t.Norm) && !t.Cap {
			end = j + 1
			if t.Possessive && j+1 < len(toks) && w.has("en", listCollectiveHead, toks[j+1].Norm) {
				continue // "armed groups' alliance"
			}
			break
		}
		if t.Cap && covered[j] == nil || w.has("en", listStop, t.Norm) || w.has("en", listNegotiation, t.Norm) || t.Possessive {
			break
		}
	}
	if end < 0 || end-i == 1 && !w.has("en", listCollectiveAlone, toks[i].Norm) {
		return openName{}, false // "groups" alone names no side; "the opposition", "insurgents" do
	}
	return openName{start: i, end: end, name: spanText(d, si, i, end), kind: OpenCollective, how: "open.collective"}, true
}

// arabicOpenNames finds the Arabic names of bodies and collective descriptions no
// chunk covers: a noun of a body («حركة»، «قوات»، «الجماعات») and the words of its
// name after it.
func (d *doc) arabicOpenNames(si int) {
	toks := d.sents[si].Tokens
	covered := d.coveredBy(si)
	w := d.x.words
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.Arabic || covered[i] != nil || !w.hasStem("ar", listBodyNoun, t) {
			continue
		}
		end, words := i+1, 0
		split := false // after «منشق عن»: the body split from belongs to the name
		head := i      // the noun that leads the name (after «منشق عن», the body split from)
		for j := i + 1; j < len(toks) && j <= i+9; j++ {
			u := toks[j]
			if c := covered[j]; c != nil {
				if split && c.person == nil && c.entity != nil && c.entity.Kind == KindActor {
					end, words, split = c.end, words+1, false
					j = c.end - 1
					continue
				}
				if j == i+1 && c.person == nil && c.entity != nil && c.entity.Entry != nil && c.entity.Entry.Class == lexicon.Organization && c.form == lexicon.FormName {
					words = -1 // «جماعة الحوثيين», «حركة حماس»: the noun describes a body the lexicon knows
					break
				}
				if c.person == nil && c.entity != nil && c.entity.Kind != KindPerson && (c.form == lexicon.FormAdj || c.entity.Kind == KindPlace || isState(c.entity)) {
					end, words = c.end, words+1 // «الجماعات المسلحة السودانية»، «قوات سوريا الديمقراطية»
					j = c.end - 1
					if c.form == lexicon.FormAdj {
						break // a nisba closes the name
					}
					continue
				}
				break
			}
			if u.Arabic && w.hasStem("ar", listSplitFrom, u) && j+1 < len(toks) && (toks[j+1].Norm == "عن" || toks[j+1].Norm == "من") {
				end, words, split = j+2, words+1, true // «فصيل منشق عن حركة العدل والمساواة»: the name goes on with the body split from
				j++
				continue
			}
			if split && w.hasStem("ar", listBodyNoun, u) && !strings.HasPrefix(u.Norm, "و") {
				end, words, split, head = j+1, words+1, false, j // a body the lexicon does not know: «منشق عن حركة تحرير …»
				continue
			}
			if !u.Arabic || u.Kind != text.Word || w.hasStem("ar", listTalks, u) || w.hasStem("ar", listDocument, u) || w.hasStem("ar", listRelative, u) || w.hasStem("ar", listBackedBy, u) || w.hasStem("ar", listStop, u) && !hasArticle(u.Norm) || w.hasStem("ar", listBarrier, u) || w.hasStem("ar", listBodyNoun, u) && strings.HasPrefix(u.Norm, "و") {
				break // a definite noun of the stop list may name a body: «لجنة الوساطة الإفريقية»
			}
			if strings.HasPrefix(u.Norm, "و") && !hasArticle(u.Norm) || strings.HasPrefix(u.Norm, "و") && j+1 < len(toks) && hasArticle(toks[j+1].Norm) {
				break // a conjunction starts a new item, unless it joins the name's last word («العدل والمساواة»)
			}
			if !hasArticle(u.Norm) && (j > head+1 || hasArticle(toks[head].Norm)) && !d.foreignNameWord(si, j) {
				break // a definite noun takes definite adjectives; after its first word a name goes on with definite words, or a foreign name («جبهة تحرير أورومو»)
			}
			end, words = j+1, words+1
		}
		if words < 0 || words == 0 && !w.hasStem("ar", listCollectiveAlone, t) {
			continue
		}
		if c := covered[i+1]; words == 1 && c != nil && c.end == end && c.form == lexicon.FormName && isState(c.entity) {
			continue // «حكومة السودان»: the state, read as such elsewhere
		}
		if words > 0 && hasArticle(t.Norm) && !d.namesNation(si, i+1, end, covered) && !hasWordStem(toks[i+1:end], w, "ar", listSideAdj) {
			continue // «القوات الإضافية»: a definite noun and its adjectives describe, they do not name, unless a nationality or a side's adjective («المسلحة»، «الحاكم») says whose
		}
		name := stripConj(d.span(si, i, end))
		d.addOpen(si, openName{start: i, end: end, name: name, kind: arabicOpenKind(w, t), how: "open.ar-body"})
	}
}

// arabicOpenKind types an Arabic open name by its leading noun.
func arabicOpenKind(w wordLists, t text.Token) string {
	switch {
	case w.hasStem("ar", listArmedWord, t):
		return OpenArmedGroup
	case w.hasStem("ar", listCollectiveAlone, t):
		return OpenCollective
	}
	return OpenOrganization
}

// stripConj drops a leading و/ف glued to an Arabic name.
func stripConj(s string) string {
	for _, c := range []string{"و", "ف"} {
		if rest := strings.TrimPrefix(s, c); rest != s && len([]rune(rest)) > 2 {
			return rest
		}
	}
	return s
}

func capWord(t text.Token) bool {
	return t.Kind == text.Word && !t.Arabic && (t.Cap || t.Upper)
}

func isOpeningPunct(t text.Token) bool {
	return t.Kind == text.Punct && (t.Norm == "\"" || t.Norm == "(" || t.Norm == "-" || t.Norm == ":" || t.Norm == "'")
}

// lastWordOf returns the last capitalised word of the run starting at k (at most n words).
func lastWordOf(toks []text.Token, k, n int) string {
	last := ""
	for j := k; j < len(toks) && j < k+n; j++ {
		if !capWord(toks[j]) {
			break
		}
		last = toks[j].Norm
	}
	return last
}

func hasWord(toks []text.Token, w wordLists, lang, list string) bool {
	for _, t := range toks {
		if w.has(lang, list, t.Norm) {
			return true
		}
	}
	return false
}

// titleAt reports whether a lexicon title starts at token j of sentence si.
func (d *doc) titleAt(si, j int) bool {
	m, ok := d.mentionAt(si, j)
	return ok && len(m.Entries) > 0 && m.Entries[0].Class == lexicon.Title
}

// spanText is the source text of tokens [a, b), without an English possessive.
func spanText(d *doc, si, a, b int) string {
	s := d.span(si, a, b)
	for _, suf := range []string{"'s", "’s"} {
		s = strings.TrimSuffix(s, suf)
	}
	return strings.TrimSuffix(s, "'")
}

// namesNation reports whether tokens [a, b) of sentence si hold a nisba, a country or
// a place: «الجماعات المسلحة السودانية», «الفصائل الفلسطينية».
func (d *doc) namesNation(si, a, b int, covered []*chunk) bool {
	for k := a; k < b; k++ {
		if c := covered[k]; c != nil && c.entity != nil && (c.entity.Kind == KindPlace || isState(c.entity)) {
			return true
		}
	}
	return false
}

func hasWordStem(toks []text.Token, w wordLists, lang, list string) bool {
	for _, t := range toks {
		if w.hasStem(lang, list, t) {
			return true
		}
	}
	return false
}

// foreignNameWord reports whether the indefinite Arabic word at j ends a construct
// name as a foreign proper noun («جبهة تحرير أورومو»): not a function word, no word
// of negotiation or talks, no accusative ending (اتفاقا), after an indefinite word.
func (d *doc) foreignNameWord(si, j int) bool {
	toks := d.sents[si].Tokens
	t, w := toks[j], d.x.words
	if j == 0 || hasArticle(toks[j-1].Norm) || strings.HasPrefix(t.Norm, "و") || strings.HasSuffix(t.Norm, "ا") {
		return false
	}
	return !w.hasStem("ar", listStop, t) && !w.hasStem("ar", listNegotiation, t) && !w.hasStem("ar", listTalks, t) && !w.hasStem("ar", listBarrier, t)
}

// affiliateOpenBodies gives a person with no side the body an English apposition
// or a leader's possessive names, open-world or the lexicon's, read once the
// open-world names are known (the person finder runs before them): "Peter Smith,
// the leader of the Unionist Party,", "Jane Doe, spokeswoman, National Council for
// Democracy (NCD)", "Odinga's Orange Democratic Movement". The apposition is the
// frame that makes an open-world body a node.
func (d *doc) affiliateOpenBodies() {
	if d.lang != "en" {
		return
	}
	for si := range d.sents {
		if len(d.openAt[si]) == 0 {
			continue
		}
		for _, c := range d.chunks[si] {
			if c.person == nil || c.entity == nil || c.entity.Kind != KindPerson {
				continue
			}
			pf := d.people[c.entity]
			if pf != nil && pf.hasAffiliation || c.entity.Entry != nil && d.lx.Actor(c.entity.Entry) != nil && (pf == nil || !pf.opposition) {
				continue // a side already, unless the lexicon's state is the one an opposition leader opposes
			}
			body, end := d.bodyInApposition(si, c.end)
			if toks := d.sents[si].Tokens; body == nil && c.end+1 < len(toks) && toks[c.end].IsPunct(",") && d.titleEndsAt(si, c.end) {
				// "Jane Doe, spokeswoman, National Council for Democracy (NCD)": the
				// person's chunk holds the title, the body follows.
				if b, e := d.openBodyAt(si, c.end+1); b != nil && (e == len(toks) || toks[e].Kind == text.Punct) {
					body, end = b, e
				}
			}
			if toks := d.sents[si].Tokens; body == nil && toks[c.end-1].Possessive {
				// "Odinga's Orange Democratic Movement": the body the person leads.
				if b := d.bodyAt(si, c.end); b != nil {
					body, end = b, b.end
				}
			}
			if body != nil {
				ev := Evidence{Sentence: si, Rule: "person.open-body", Trigger: d.span(si, c.start, end)}
				d.notePerson(c.entity, &personInfo{affiliation: body.entity}, ev, nil)
			}
		}
	}
}

// titleEndsAt reports whether a title of the lexicon ends at token i of sentence si.
func (d *doc) titleEndsAt(si, i int) bool {
	for _, m := range d.mentions[si] {
		if m.End == i && len(m.Entries) > 0 && m.Entries[0].Class == lexicon.Title {
			return true
		}
	}
	return false
}

// bodyInApposition reads ", [a|the] [words] TITLE of|for [the] BODY" or
// ", TITLE, BODY" after a person's name ending at token i, where BODY is an
// open-world organisation or armed group, and returns its chunk and the end.
func (d *doc) bodyInApposition(si, i int) (*chunk, int) {
	toks := d.sents[si].Tokens
	if i > 0 && i < len(toks) && (toks[i-1].Norm == "of" || toks[i-1].Norm == "the") {
		return d.openBodyAt(si, i) // the person's chunk took in its apposition: "John Smith, the leader of the"
	}
	if i >= len(toks) || !toks[i].IsPunct(",") {
		return nil, i
	}
	k := i + 1
	for steps := 0; k < len(toks) && steps < 5; steps++ {
		if m, ok := d.mentionAt(si, k); ok && len(m.Entries) > 0 && m.Entries[0].Class == lexicon.Title {
			k = m.End
			break
		}
		if toks[k].Kind != text.Word || capWord(toks[k]) && d.openAt[si][k] != nil {
			return nil, i
		}
		k++
	}
	if k > len(toks) || k == i+1 {
		return nil, i
	}
	switch {
	case k < len(toks) && (toks[k].Norm == "of" || toks[k].Norm == "for"):
		k++
	case k < len(toks) && toks[k].IsPunct(","):
		k++
	default:
		return nil, i
	}
	return d.openBodyAt(si, k)
}

// openBodyAt returns the body at token k, past "the" and a possessive leader
// ("Odinga's Orange Democratic Movement"), and its end: an open-world organisation
// or armed group, or an organisation of the lexicon.
func (d *doc) openBodyAt(si, k int) (*chunk, int) {
	toks := d.sents[si].Tokens
	if k < len(toks) && toks[k].Norm == "the" {
		k++
	}
	if k < len(toks) {
		lead := d.chunkAt[si][k]
		if lead == nil || lead.person == nil {
			lead = d.openAt[si][k] // a leader the article has not named in full: "Mwangi's …"
		}
		if lead != nil && toks[lead.end-1].Possessive && d.bodyAt(si, lead.end) != nil {
			k = lead.end
		}
	}
	b := d.bodyAt(si, k)
	if b == nil {
		return nil, k
	}
	return b, b.end
}

// bodyAt returns the chunk of a body at token k: open-world (not a collective
// description) or the lexicon's organisation.
func (d *doc) bodyAt(si, k int) *chunk {
	if k >= len(d.sents[si].Tokens) {
		return nil
	}
	if o := d.openAt[si][k]; o != nil && o.entity.Open != OpenCollective {
		return o
	}
	if c := d.chunkAt[si][k]; c != nil && c.person == nil && c.entity != nil && c.entity.Entry != nil && c.entity.Entry.Class == lexicon.Organization {
		return c
	}
	return nil
}
