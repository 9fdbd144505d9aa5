package extract

import (
	"slices"
	"strings"

	"github.com/parleygraph/parley/loaders/lexicon"

	"github.com/parleygraph/parley/loaders/text"
)

// ruleMatch is one place a rule matched.
type ruleMatch struct {
	rule       *Rule
	si         int
	start, end int
	slots      map[Slot][]slotItem
}

// slotItem is one thing a slot bound: a chunk, or for {N} a span of tokens.
type slotItem struct {
	c          *chunk
	start, end int
}

// matcher runs rules over one sentence.
type matcher struct {
	d    *doc
	si   int
	toks []text.Token
	// formList holds every token's folded forms a literal may match, token after
	// token; token i's are formList[formAt[i]:formAt[i+1]] (see form). Two flat
	// slices, not a slice per token: the matcher is set up again and again.
	formList []string
	formAt   []int32
	// sideNoun marks Arabic nouns before a nisba that names a side.
	sideNoun []bool
	requires []int8 // per word list rules require (ruleIndex.requires): 1 held, -1 not, 0 not known yet
	blocks   []int8 // per token, blocksGap once known: 1 blocks, -1 does not
	lead     int    // the punctuation tokens the sentence opens with (see eStart)
	// may has a bit per rule whose required literals all have a word in the sentence
	// (see ruleIndex); nil until a rule first asks.
	may []uint64
	// ruleWord marks the tokens with a word that starts some rule's required literal:
	// the only tokens where a pattern opening with such a literal may start.
	ruleWord []bool
	every    []int // 0, 1, … len(toks)-1 (see startsOf)
	// indexedRule is set while a rule the index holds runs (see run, mayStart).
	indexedRule bool
}

// newMatcher sets up the rule matcher of sentence si. A document builds one for
// each sentence, and again when a later question needs one, so it allocates little:
// the tokens' forms share one backing array, and the sentence's words are looked up
// in the rule index rather than gathered in a map.
func newMatcher(d *doc, si int) *matcher {
	toks := d.sents[si].Tokens
	m := &matcher{d: d, si: si, toks: toks, formAt: make([]int32, len(toks)+1),
		sideNoun: make([]bool, len(toks)), blocks: make([]int8, len(toks))}
	for m.lead < len(toks) && toks[m.lead].Kind == text.Punct {
		m.lead++
	}
	n := len(toks) // the forms' exact count: the slice is the matcher's largest
	for _, t := range toks {
		if t.Arabic {
			for _, s := range t.Stems() {
				n++
				if s.Definite {
					n++
				}
			}
		}
	}
	m.formList = make([]string, 0, n)
	for i, t := range toks {
		m.formList = append(m.formList, t.Norm)
		if t.Arabic {
			for _, s := range t.Stems() {
				m.formList = append(m.formList, s.Form)
				if s.Definite {
					m.formList = append(m.formList, s.Bare())
				}
			}
		}
		m.formAt[i+1] = int32(len(m.formList))
		if t.Arabic {
			m.sideNoun[i] = m.tokenIn("ar", listSideNoun, i) // wordLists.hasStem, from the forms
		}
	}
	return m
}

// form returns the folded forms of token i a literal may match: its Norm, then for
// an Arabic word its readings without clitics (text.Stems), with and without ال.
func (m *matcher) form(i int) []string { return m.formList[m.formAt[i]:m.formAt[i+1]] }

// run returns the non-overlapping matches of r, leftmost first.
func (m *matcher) run(r *Rule) []ruleMatch {
	if !m.mayMatch(r) {
		return nil
	}
	// The rule's required literals are in the index: such a literal's first words
	// stand only on the tokens marked ruleWord (see mayStart).
	defer func(saved bool) { m.indexedRule = saved }(m.indexedRule)
	m.indexedRule = m.ruleWord != nil && r != m.d.x.titleRule && !m.d.x.index.loose[r.index]
	var out []ruleMatch
	slots := map[Slot][]slotItem{}
	// A pattern that opens with a slot and a gap ("{M} ~4 as mediators") prefers the
	// list nearest the words that follow: "talks in Mexico City with Norway and Cuba as
	// guarantors" names Norway and Cuba, not Mexico City.
	nearest := len(r.elems) > 1 && r.elems[0].kind == eSlot && r.elems[1].kind == eGap
	floor := 0 // matches do not overlap
	for _, start := range m.startsOf(r.elems[0]) {
		if start < floor {
			continue
		}
		clear(slots)
		end, ok := m.match(r.elems, 0, start, slots)
		if !ok || end == start {
			continue
		}
		for later := start + 1; nearest && later < end; later++ {
			if m.relativeAfter(listEnd(slots, r)) {
				break // «عمان التي تحد اليمن والسعودية وتتحرك كوسيط»: the relative clause's head acts
			}
			trial := map[Slot][]slotItem{}
			if e2, ok := m.match(r.elems, 0, later, trial); ok && e2 == end && listEnd(trial, r) > listEnd(slots, r) {
				start, slots = later, trial // a shorter gap: a nearer list
			}
		}
		kept := make(map[Slot][]slotItem, len(slots))
		for k, v := range slots {
			kept[k] = v
		}
		out = append(out, ruleMatch{rule: r, si: m.si, start: start, end: end, slots: kept})
		floor = end
	}
	return out
}

// startsOf returns the tokens where a pattern opening with e may start, in order:
// for a required literal, where one of its first words stands (most rules' first
// word stands nowhere or once in a sentence), else every token.
func (m *matcher) startsOf(e elem) []int {
	if e.kind != eLit || e.optional || len(e.firstPrefix) > 0 {
		if m.every == nil {
			m.every = make([]int, len(m.toks))
			for i := range m.every {
				m.every[i] = i
			}
		}
		return m.every
	}
	// Such a literal is a required one of the rule index (newRuleIndex), so its
	// first words stand only on tokens marked ruleWord.
	m.indexed()
	var out []int
	for i := range m.toks {
		if !m.ruleWord[i] {
			continue
		}
		for _, f := range m.form(i) {
			if e.first[f] {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// dateline reports whether a name at the start of a sentence is a dateline: a dash or
// an agency in parentheses follows it within a few tokens.
func (m *matcher) dateline(start, end int) bool {
	if start != 0 {
		return false
	}
	for k := end; k < len(m.toks) && k < end+4; k++ {
		t := m.toks[k]
		if t.IsPunct("(") || t.IsPunct("-") && t.SpaceBefore {
			return true
		}
		if t.Kind == text.Word && !t.Upper {
			return false
		}
	}
	return false
}

// relativeAfter reports whether a relative clause opens right after token k ("Oman,
// which borders Yemen and Saudi Arabia and acts as a mediator", «عمان التي تحد
// اليمن»): the names inside it are its objects, the head before it its subject.
func (m *matcher) relativeAfter(k int) bool {
	if k < 0 {
		return false
	}
	if k < len(m.toks) && m.toks[k].IsPunct(",") {
		k++
	}
	if k >= len(m.toks) {
		return false
	}
	t := m.toks[k]
	if t.Arabic {
		return m.tokenIn("ar", listRelative, k)
	}
	return t.Norm == "which" || t.Norm == "who" || t.Norm == "that"
}

// listEnd is where the list bound by the rule's first slot ends.
func listEnd(slots map[Slot][]slotItem, r *Rule) int {
	items := slots[r.elems[0].slot]
	if len(items) == 0 {
		return -1
	}
	return items[len(items)-1].end
}

// mayMatch is a quick test that the sentence holds the rule's required word list
// and, for each literal the rule cannot do without, one of its words: most rules
// fail it, and so never try every start position.
func (m *matcher) mayMatch(r *Rule) bool {
	ix := m.d.x.index
	slow := r == m.d.x.titleRule || ix.loose[r.index]
	if !slow {
		m.indexed()
		if m.may[r.index/64]&(1<<(r.index%64)) == 0 {
			return false
		}
	}
	if r.Requires != "" {
		id := ix.requires[r.index]
		if m.requires == nil {
			m.indexed() // the memo is the sentence's, kept with the index's answers
			if m.requires == nil {
				m.requires = make([]int8, len(ix.requireNames))
				m.d.indexedSents[m.si].requires = m.requires
			}
		}
		if m.requires[id] == 0 {
			m.requires[id] = -1
			if m.sentenceHas(r.Lang, strings.TrimPrefix(r.Requires, "@")) {
				m.requires[id] = 1
			}
		}
		if m.requires[id] < 0 {
			return false
		}
	}
	if slow {
		return m.mayMatchSlowly(r)
	}
	return true
}

// indexed looks the sentence's words up in the rule index (see may, ruleWord) once
// a document: a sentence's matcher is built again for later questions, and what the
// index says of its words does not change.
func (m *matcher) indexed() {
	if m.may != nil {
		return
	}
	d := m.d
	if d.indexedSents == nil {
		d.indexedSents = make([]indexedSentence, len(d.sents))
	}
	is := &d.indexedSents[m.si]
	if is.may == nil {
		is.may = d.x.index.satisfied(m, &d.ruleScratch)
		is.ruleWord = m.ruleWord
	}
	m.may, m.ruleWord, m.requires = is.may, is.ruleWord, is.requires
}

// indexedSentence is what the rule index says of a sentence's words (matcher.may,
// matcher.ruleWord), and which word lists rules require it holds (matcher.requires).
type indexedSentence struct {
	may      []uint64
	ruleWord []bool
	requires []int8
}

// mayMatchSlowly is mayMatch's literal test rule by rule, for rules the index
// does not hold.
func (m *matcher) mayMatchSlowly(r *Rule) bool {
	for _, e := range r.elems {
		if e.kind != eLit || e.optional {
			continue
		}
		found := false
		for _, alt := range e.alts {
			if l := alt[0]; l.prefix || m.hasForm(l.word) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// hasForm reports whether some token of the sentence has the form w.
func (m *matcher) hasForm(w string) bool {
	for i := range m.toks {
		if slices.Contains(m.form(i), w) {
			return true
		}
	}
	return false
}

// tokenIn reports whether token k, or an Arabic token without its clitics, is in a
// word list (as wordLists.hasStem, from the forms the matcher keeps).
func (m *matcher) tokenIn(lang, list string, k int) bool {
	l := m.d.x.words[lang][list]
	for _, f := range m.form(k) {
		if l[f] {
			return true
		}
	}
	return false
}

func (m *matcher) sentenceHas(lang, list string) bool {
	for k := range m.toks {
		if m.tokenIn(lang, list, k) {
			return true
		}
	}
	return false
}

// match tries elems[ei:] at token ti; on success slots holds the bindings.
func (m *matcher) match(elems []elem, ei, ti int, slots map[Slot][]slotItem) (int, bool) {
	if ei == len(elems) {
		return ti, true
	}
	e := elems[ei]
	switch e.kind {
	case eStart:
		// The start of the sentence, past the bullets, dashes and quotes a page puts
		// before a line ("• Read more:", «- اقرأ أيضا»).
		if ti > m.lead {
			return 0, false
		}
		return m.match(elems, ei+1, ti, slots)
	case eLit:
		if m.mayStart(e, ti) {
			for _, alt := range e.alts {
				if end, ok := m.literal(alt, ti); ok {
					if end2, ok := m.match(elems, ei+1, end, slots); ok {
						return end2, true
					}
				}
			}
		}
		if e.optional {
			return m.match(elems, ei+1, ti, slots)
		}
		return 0, false
	case eGap:
		// A name the lexicon or a title found counts as one word: "اجتمعت لجنة مراقبة
		// وقف إطلاق النار في الناقورة" skips one committee, not five words.
		// (blocksGap still sees every token of it.)
		p := ti
		for n := 0; n <= e.max && p <= len(m.toks); n++ {
			if end, ok := m.match(elems, ei+1, p, slots); ok {
				return end, true
			}
			if p == len(m.toks) {
				break
			}
			next := p + 1
			if c := m.d.chunkAt[m.si][p]; c != nil && c.end > next {
				next = c.end
			} else if q := m.skipParenthesis(p); q > next {
				next = q // and so does an aside in parentheses: "(5+5)", "(SAF)"
			}
			for k := p; k < next; k++ {
				if m.blocksGap(k) {
					return 0, false
				}
			}
			p = next
		}
		return 0, false
	case eSlot:
		for _, cand := range m.slot(e.slot, ti, e.open) {
			if e.adjOnly && !m.adjectival(cand.items) {
				continue
			}
			saved := slots[e.slot]
			slots[e.slot] = append(append([]slotItem(nil), saved...), cand.items...)
			if end, ok := m.match(elems, ei+1, cand.end, slots); ok {
				return end, true
			}
			slots[e.slot] = saved
		}
		return 0, false
	}
	return 0, false
}

// mayStart reports whether some alternative of a literal element can start at token
// ti: one of the token's forms is a first word, or starts with a first prefix.
func (m *matcher) mayStart(e elem, ti int) bool {
	if ti >= len(m.toks) {
		return false
	}
	if m.indexedRule && !e.optional && len(e.firstPrefix) == 0 && !m.ruleWord[ti] {
		return false // a required literal of the rule index: no first word of it here
	}
	for _, f := range m.form(ti) {
		if e.first[f] {
			return true
		}
		for _, p := range e.firstPrefix {
			if strings.HasPrefix(f, p) {
				return true
			}
		}
	}
	return false
}

// literal matches a sequence of literal tokens at ti.
func (m *matcher) literal(seq []lit, ti int) (int, bool) {
	for k, l := range seq {
		i := ti + k
		if i >= len(m.toks) || !m.litAt(l, i) {
			return 0, false
		}
	}
	return ti + len(seq), true
}

func (m *matcher) litAt(l lit, i int) bool {
	for _, f := range m.form(i) {
		if f == l.word || l.prefix && strings.HasPrefix(f, l.word) {
			return true
		}
	}
	return false
}

// blocksGap reports whether token i may not be skipped by a gap: the end of a
// clause or a barrier word (war, fighting...) that changes the subject.
func (m *matcher) blocksGap(i int) bool {
	if b := m.blocks[i]; b != 0 {
		return b > 0
	}
	t := m.toks[i]
	block := false
	if t.Kind == text.Punct {
		switch t.Norm {
		case ".", ";", "?", "!", ":":
			block = true
		}
	} else {
		lang := "en"
		if t.Arabic {
			lang = "ar"
		}
		block = m.tokenIn(lang, listBarrier, i)
	}
	m.blocks[i] = -1
	if block {
		m.blocks[i] = 1
	}
	return block
}

// slotCandidate is one way a slot can bind at a position.
type slotCandidate struct {
	items []slotItem
	end   int
}

// slot returns the ways slot s can bind at ti, longest first.
func (m *matcher) slot(s Slot, ti int, open bool) []slotCandidate {
	switch s {
	case SlotMediator, SlotParty, SlotNotMediator, SlotParticipant:
		return m.list(ti, func(c *chunk) bool {
			if s == SlotMediator && personalCapacity(c) {
				return true // a former president mediating in his own name
			}
			if s == SlotParticipant && c.entity != nil && c.entity.Kind == KindPerson {
				return true
			}
			if s == SlotNotMediator && c.isPlace() {
				return false // "talks in Doha, mediated by Qatar": the city is no observer
			}
			if s == SlotParty && m.modifier(c) {
				return false // "the Rwanda-backed rebels": Rwanda is not a side here
			}
			return c.actor != nil && (c.entity.Kind != KindPlace || c.entity.Entry != nil && c.entity.Entry.StandsFor != "")
		}, s, open)
	case SlotPersonMediator:
		return m.list(ti, func(c *chunk) bool { return c.person != nil && (c.actor != nil || personalCapacity(c)) }, s, false)
	case SlotVenue, SlotVenueGlued:
		if s == SlotVenueGlued {
			// A venue written with the Arabic preposition glued on: "بكوه كونغ", "بالدوحة".
			if c := m.d.chunkAt[m.si][ti]; c == nil || !c.prep || !strings.HasPrefix(strings.TrimPrefix(m.toks[ti].Norm, "و"), "ب") {
				return nil
			}
		}
		return m.list(ti, func(c *chunk) bool {
			return c.isPlace() && venueKind(c) || m.d.countryNamedAsPlace(m.si, c) // "signed in Turkey": a country when no city is named
		}, s, false)
	case SlotHost:
		return m.list(ti, func(c *chunk) bool { return c.actor != nil || c.isPlace() && venueKind(c) }, s, false)
	case SlotName:
		return m.rawName(ti)
	case SlotSides:
		if end := m.anaphor(ti); end > ti {
			return []slotCandidate{{items: []slotItem{{start: ti, end: end}}, end: end}}
		}
		return nil
	case SlotCapital:
		return m.list(ti, func(c *chunk) bool {
			if c.prep && strings.HasPrefix(strings.TrimPrefix(m.toks[c.start].Norm, "و"), "ب") {
				return false // "بواشنطن" is "in Washington": a place
			}
			return c.isPlace() && c.entity.Entry != nil && c.entity.Entry.StandsFor != ""
		}, s, false)
	}
	return nil
}

// adjectival reports whether every item that names a state or a place is written as
// an adjective or a possessive ("Qatari", "Qatar's", «القطرية»; "UN" and "IGAD" as
// they are): "Kenya mediation" is mediation in Kenya.
func (m *matcher) adjectival(items []slotItem) bool {
	for _, it := range items {
		if it.c == nil {
			return false
		}
		e := it.c.entity
		state := e == nil || e.Kind == KindPlace || isState(e)
		if state && it.c.form != lexicon.FormAdj && !m.toks[it.c.end-1].Possessive {
			return false
		}
	}
	return true
}

// modifier reports whether a chunk is the first half of an English compound
// adjective ("Rwanda-backed", "Hamas-led").
func (m *matcher) modifier(c *chunk) bool {
	k := c.end
	return k+1 < len(m.toks) && m.toks[k].IsPunct("-") && !m.toks[k].SpaceBefore && !m.toks[k+1].SpaceBefore &&
		m.toks[k+1].Kind == text.Word && !m.toks[k+1].Arabic && !m.toks[k+1].Cap
}

// venueKind reports whether a place can be where talks are held: a city, a crossing,
// or a building or landmark that stands for a government (the Kremlin) or that the
// lexicon places in a city (the White House, Dolmabahçe Palace): hotels and palaces
// are where in the city, and the city is the venue analysts compare (see venueOf).
func venueKind(c *chunk) bool {
	e := c.entity.Entry
	if e == nil {
		// An open-world town or mountain resort; a building is where in a city, and
		// the city is the venue analysts compare.
		return c.entity.Open == OpenCity || c.entity.Open == OpenLandmark
	}
	switch e.Kind {
	case "city", "crossing":
		return true
	case "building", "landmark":
		return e.StandsFor != "" || e.City != ""
	}
	return false
}

// list reads a list of chunks joined by commas, "and", "و" (written alone or
// glued), hyphens ("Israel-Lebanon"), or nothing between nisba adjectives
// ("المصرية القطرية"). Quotes around items and a parenthesis after one ("the Sudanese
// Armed Forces (SAF)") are skipped. English items may start with "the".
func (m *matcher) list(ti int, ok func(*chunk) bool, slot Slot, open bool) []slotCandidate {
	actors := slot.holdsActors()
	var items []slotItem
	var cands []slotCandidate
	usedConj := false
	i := ti
	for {
		j, c := m.item(m.skipQuotes(i), ok, actors, open)
		if c == nil && (slot == SlotMediator || slot == SlotPersonMediator) {
			j, c = m.pastOfficeHolder(m.skipDeterminer(m.skipQuotes(i)))
		}
		if c == nil || !ok(c) {
			break
		}
		if actors && len(items) == 0 && (c.isPlace() && m.placeNamed(j) || m.portfolioOf(j)) {
			break // «في روما», «مسار أستانا»: a place, not its government; "the envoy for Syria"
		}
		if (slot == SlotMediator || slot == SlotNotMediator) && len(items) == 0 && m.afterBetween(j) {
			break // "between A and B": the sides, never the mediators
		}
		if actors && len(items) == 0 && m.dateline(j, c.end) {
			break // «لبنان - (أ ش أ) -», "BEIRUT (Reuters) -": where the report was filed, no actor
		}
		start := c.start
		if c.person != nil && c.end < len(m.toks) && m.toks[c.end-1].Possessive {
			// "Khalifa Haftar's Libyan National Army": the body the person leads.
			if next := m.d.chunkAt[m.si][c.end]; next != nil && next.person == nil && ok(next) {
				c = next
			}
		}
		items = append(items, slotItem{c: c, start: start, end: c.end})
		end := c.end
		if (c.form == lexicon.FormAdj || c.person != nil && m.toks[end-1].Possessive) && end < len(m.toks) && !m.toks[end].Arabic && m.d.x.words.has("en", listSideNoun, m.toks[end].Norm) {
			end++ // "the Congolese government", "Nicolás Maduro's government"
		}
		end = m.skipParenthesis(m.skipQuotes(end))
		end = m.skipArabicAdjectives(end)
		if actors {
			end = m.skipBackedBy(end, ok)
		}
		// The candidates share items' array: each holds the items so far, capped so
		// that nothing appends into it, and items only grows past them (a copy
		// each would make a long list quadratic).
		n := len(items)
		cands = append(cands, slotCandidate{items: items[:n:n], end: c.end})
		if end > c.end {
			cands = append(cands, slotCandidate{items: items[:n:n], end: end})
		}
		// What joins the next item?
		k := end
		for k < len(m.toks) && m.isListSep(k) {
			k++
		}
		k = m.skipQuotes(k)
		nk, next := m.item(k, ok, actors, open)
		if next == nil {
			break
		}
		if m.commaOnly(end, k) && next.person == nil && next.end < len(m.toks) && !m.toks[next.end].Arabic && m.d.x.words.has("en", listOfficeNoun, m.toks[next.end].Norm) {
			break // "Malaysia, the ASEAN chair": an office of the item before, not a new item
		}
		conj := next.conj || nk > k && m.toks[k].Arabic && strings.HasPrefix(m.toks[k].Norm, "و")
		joined := k > end || conj || (c.form == next.form && c.form != 0 && k == end)
		if m.commaOnly(end, k) && c.form != next.form && !conj {
			joined = false // "in Khartoum, Saudi and American diplomats": a new phrase
		}
		if m.commaOnly(end, k) && usedConj && !conj && m.toks[k].Arabic {
			joined = false // «مصر وقطر والولايات المتحدة، إسرائيل وحماس»: the list closed
		}
		usedConj = usedConj || conj || k > end && !m.commaOnly(end, k)
		if !joined {
			break
		}
		i = k
	}
	// Longest first.
	for a, b := 0, len(cands)-1; a < b; a, b = a+1, b-1 {
		cands[a], cands[b] = cands[b], cands[a]
	}
	return cands
}

// pastOfficeHolder returns the person after "former" at token j ("mediated by
// former Finnish president Martti Ahtisaari"): the person finder has read the
// office as past, so the person mediates in their own name (see actorOrPerson).
func (m *matcher) pastOfficeHolder(j int) (int, *chunk) {
	if j+1 < len(m.toks) && !m.toks[j].Arabic && m.d.x.words.has("en", listFormer, m.toks[j].Norm) {
		if p := m.d.chunkAt[m.si][j+1]; p != nil && p.person != nil {
			return j + 1, p
		}
	}
	return j, nil
}

// item returns where the list item at token i starts and its chunk, past a
// determiner and the words around a name that say which of a side's bodies speaks
// («وفد الفصائل», "the government of Colombia", "the State of Senegal").
func (m *matcher) item(i int, ok func(*chunk) bool, actors, open bool) (int, *chunk) {
	j := m.skipSideNoun(m.skipDeterminer(i), open)
	c := m.itemAt(j, open)
	if actors {
		if k := m.skipStateBody(j); k > j {
			if c2 := m.itemAt(k, false); c2 != nil && ok(c2) {
				return k, c2
			}
		}
	}
	return j, c
}

// itemAt returns the chunk a list item at token j is: the lexicon's, or where open
// is set and an open-world candidate there is longer ("Sudan People's Liberation
// Movement" over "Sudan"), the candidate.
func (m *matcher) itemAt(j int, open bool) *chunk {
	c := m.d.chunkAt[m.si][j]
	if open {
		if o := m.d.openAt[m.si][j]; o != nil && (c == nil || o.end > c.end) {
			return o
		}
	}
	return c
}

// skipStateBody passes over English words that name a state's body before the state
// ("the government of Colombia", "the State of Senegal", "the Ministry of Foreign
// Affairs of Russia"): up to five words led by a word of the state_body list, then
// "of [the]". It returns i when there are none.
func (m *matcher) skipStateBody(i int) int {
	w := m.d.x.words
	k := i
	if k < len(m.toks) && m.toks[k].Norm == "the" && !m.toks[k].Arabic {
		k++
	}
	if k >= len(m.toks) || m.toks[k].Arabic || !w.has("en", listStateBody, m.toks[k].Norm) {
		return i
	}
	for n := 0; n < 6 && k < len(m.toks); n, k = n+1, k+1 {
		t := m.toks[k]
		if t.Kind != text.Word || t.Arabic {
			return i
		}
		if t.Norm == "of" && n > 0 {
			j := k + 1
			if j < len(m.toks) && m.toks[j].Norm == "the" {
				j++
			}
			if c := m.d.chunkAt[m.si][j]; c != nil && isState(c.actor) {
				return j
			}
			continue // "Ministry of Foreign Affairs of Russia": read on to the next "of"
		}
	}
	return i
}

// skipBackedBy passes over a phrase naming the backers of the list item that ends
// at end ("the ruling coalition, backed by the United States", «حزب الله المدعوم من
// سوريا وإيران»): the backers are no item of the list. It returns end when there is none.
func (m *matcher) skipBackedBy(end int, ok func(*chunk) bool) int {
	k, found := m.backedBy(end)
	if !found {
		return end
	}
	k = m.skipDeterminer(k)
	if c := m.d.chunkAt[m.si][k]; c == nil || !ok(c) {
		return end
	}
	// The longest list of backers, unless its last item has backers of its own: it
	// is then the next item of the outer list («التحالف الحاكم المدعوم من الولايات
	// المتحدة وحزب الله المدعوم من سوريا»).
	for _, cand := range m.list(k, ok, SlotNotMediator, false) {
		if !m.someBacked(cand.items[1:]) {
			return cand.end
		}
	}
	return end
}

// someBacked reports whether one of the items is followed by its own backers.
func (m *matcher) someBacked(items []slotItem) bool {
	for _, it := range items {
		if _, found := m.backedBy(it.end); found {
			return true
		}
	}
	return false
}

// skipArabicAdjectives passes over up to two Arabic definite adjectives after a list
// item when the next item follows with و («الحكومة اليمنية الشرعية والحوثيين»).
func (m *matcher) skipArabicAdjectives(end int) int {
	k := end
	for n := 0; n < 2 && k < len(m.toks); n++ {
		t := m.toks[k]
		if !t.Arabic || t.Kind != text.Word || m.d.chunkAt[m.si][k] != nil || !hasArticle(t.Norm) || strings.HasPrefix(t.Norm, "و") || m.d.x.words.hasStem("ar", listStop, t) || m.d.x.words.hasStem("ar", listBackedBy, t) {
			break
		}
		k++
	}
	if k > end && k < len(m.toks) && strings.HasPrefix(m.toks[k].Norm, "و") && m.d.chunkAt[m.si][k] != nil {
		return k
	}
	return end
}

// backedBy reports whether a backed-by phrase ("backed by", «المدعوم من») starts at
// token k, after an optional comma, and returns the token after it.
func (m *matcher) backedBy(k int) (int, bool) {
	if k < len(m.toks) && m.toks[k].IsPunct(",") {
		k++
	}
	if k+1 >= len(m.toks) {
		return k, false
	}
	t := m.toks[k]
	if t.Arabic {
		return k + 2, m.tokenIn("ar", listBackedBy, k) && m.toks[k+1].Norm == "من"
	}
	return k + 2, m.d.x.words.has("en", listBackedBy, t.Norm) && m.toks[k+1].Norm == "by"
}

// skipDeterminer passes over an English "the" and up to two lower-case words after
// it ("the paramilitary Rapid Support Forces", "the rebel M23") when a name follows.
func (m *matcher) skipDeterminer(i int) int {
	if i >= len(m.toks) || m.toks[i].Arabic || m.toks[i].Norm != "the" || m.d.chunkAt[m.si][i] != nil {
		return i
	}
	for k := i + 1; k < len(m.toks) && k <= i+3; k++ {
		if m.d.chunkAt[m.si][k] != nil {
			return k
		}
		t := m.toks[k]
		if t.Kind != text.Word || t.Cap || m.d.x.words.has("en", listStop, t.Norm) {
			break
		}
	}
	return i + 1
}

// skipSideNoun passes over the Arabic noun before a nisba or a name that names a
// side ("الحكومة الكولومبية", "والجيش السوداني", «حكومة جنوب السودان», «حكومة
// مادورو»).
func (m *matcher) skipSideNoun(i int, open bool) int {
	// Up to two nouns: «وممثلي الجانب الإسرائيلي».
	for k := i; k < i+2; k++ {
		if k+1 >= len(m.toks) || !m.sideNoun[k] || m.d.chunkAt[m.si][k] != nil {
			return i
		}
		if c := m.itemAt(k+1, open); c != nil && (c.form == lexicon.FormAdj || c.open || !c.isPlace() && isState(c.actor)) {
			return k + 1 // «وفد الفصائل الفلسطيني» with open-world names too
		}
	}
	return i
}

// portfolioOf reports whether the English name at token j is an office's portfolio
// ("the UN envoy for Syria", "the special representative to Libya"), not an actor.
func (m *matcher) portfolioOf(j int) bool {
	if j < 2 || m.toks[j-1].Arabic || m.toks[j-2].Arabic {
		return false
	}
	w := m.d.x.words
	// "of" names whom the office serves: "representatives of Egypt" are Egypt's.
	return m.toks[j-1].Norm != "of" && w.has("en", listPortfolio, m.toks[j-1].Norm) && w.has("en", listPortfolioTitle, m.toks[j-2].Norm)
}

// afterBetween reports whether the list item at token j follows "between" /
// «بين», itself or after other items of its list ("between A and B", «بين طهران
// وواشنطن»): the sides, never the mediators.
func (m *matcher) afterBetween(j int) bool {
	k := j
	for steps := 0; k > 0 && steps < 12; steps++ {
		if m.isListSep(k-1) && !m.toks[k-1].IsPunct(",") {
			k-- // a comma may close the sides' list: "between Israel and Hamas, Qatar said"
			continue
		}
		moved := false
		for _, c := range m.d.chunks[m.si] {
			if c.end == k && c.start < k {
				k, moved = c.start, true
				break
			}
		}
		if !moved {
			break
		}
	}
	if k == 0 {
		return false
	}
	prev := m.toks[k-1]
	if prev.Arabic {
		return prev.Norm == "بين" || k > 1 && m.toks[k-2].Norm == "بين" && m.sideNoun[k-1]
	}
	return prev.Norm == "between" || k > 1 && prev.Norm == "the" && m.toks[k-2].Norm == "between"
}

// placeNamed reports whether the Arabic place named at token j is named as a place:
// after a preposition of place («في روما») or the noun of a process named after it
// («مسار أستانا», «منبر جدة»). (English "in Cairo as mediators" may well mean Egypt.)
func (m *matcher) placeNamed(j int) bool {
	if j == 0 {
		return false
	}
	return m.toks[j-1].Arabic && m.tokenIn("ar", listPlaceCue, j-1)
}

// skipQuotes returns the first token at or after i that is not a quotation mark.
func (m *matcher) skipQuotes(i int) int {
	for i < len(m.toks) && m.toks[i].Kind == text.Punct && (m.toks[i].Norm == "\"" || m.toks[i].Norm == "'") {
		i++
	}
	return i
}

// skipParenthesis skips "( … )" of at most five tokens at i.
func (m *matcher) skipParenthesis(i int) int {
	if i >= len(m.toks) || !m.toks[i].IsPunct("(") {
		return i
	}
	for k := i + 1; k < len(m.toks) && k <= i+6; k++ {
		if m.toks[k].IsPunct(")") {
			return k + 1
		}
	}
	return i
}

// commaOnly reports whether tokens [a, b) are just commas.
func (m *matcher) commaOnly(a, b int) bool {
	if a >= b {
		return false
	}
	for i := a; i < b; i++ {
		if !m.toks[i].IsPunct(",") {
			return false
		}
	}
	return true
}

func (m *matcher) isListSep(k int) bool {
	t := m.toks[k]
	switch {
	case t.Kind == text.Punct && t.Norm == "-":
		// "Israel-Lebanon" joins, and so does a suspended hyphen ("Egyptian- and
		// German-brokered"); a spaced dash ("DOHA — The …") ends a dateline.
		if t.SpaceBefore || k+1 >= len(m.toks) {
			return false
		}
		next := m.toks[k+1]
		return !next.SpaceBefore || !next.Arabic && (next.Norm == "and" || next.Norm == "or")
	case t.Kind == text.Punct:
		return t.Norm == "," || t.Norm == "&" || t.Norm == "/"
	case t.Arabic:
		return t.Norm == "و" || t.Norm == "او"
	default:
		return t.Norm == "and" || t.Norm == "or"
	}
}

// rawName reads the name of a person the lexicon may not know: capitalised words
// in English, up to four non-function words in Arabic; longest first.
func (m *matcher) rawName(ti int) []slotCandidate {
	var cands []slotCandidate
	for end := ti + 1; end <= len(m.toks) && end <= ti+4; end++ {
		t := m.toks[end-1]
		if t.Kind != text.Word || m.d.chunkAt[m.si][end-1] != nil {
			break
		}
		if t.Arabic {
			if m.d.x.words.has("ar", listInitial, t.Norm) && end > ti+1 && end < len(m.toks) {
				continue // "جوليان إي بارنز": an initial inside a name
			}
			if m.d.x.words.hasStem("ar", listStop, t) {
				break
			}
		} else if !t.Cap && !m.d.x.words.has("en", listParticle, t.Norm) {
			break
		}
		if !t.Arabic && !t.Cap {
			continue // a particle cannot end a name
		}
		cands = append(cands, slotCandidate{items: []slotItem{{start: ti, end: end}}, end: end})
	}
	for a, b := 0, len(cands)-1; a < b; a, b = a+1, b-1 {
		cands[a], cands[b] = cands[b], cands[a]
	}
	return cands
}

// anaphor returns the end of a collective reference to the two sides of the talks at
// ti ("the two sides", "both countries", "the two warring parties", «الطرفين»,
// «للبلدين», «طرفي النزاع»), or ti when there is none. English wants "both" or "the"
// and a qualifier (two, warring, rival …): "between countries" or "the parties" alone
// are not references to one pair. Arabic «البلدان» is also the plural "countries":
// followed by a singular adjective («البلدان العربية») it is not a reference.
func (m *matcher) anaphor(ti int) int {
	if ti >= len(m.toks) {
		return ti
	}
	w := m.d.x.words
	t := m.toks[ti]
	if t.Arabic {
		if w.hasStem("ar", listAnaphor, t) {
			if ti+1 < len(m.toks) && m.toks[ti+1].Arabic && m.tokenIn("ar", listAnaphorState, ti) && strings.HasSuffix(t.Norm, "البلدان") {
				next := m.toks[ti+1].Norm
				if strings.HasPrefix(next, "ال") && !strings.HasSuffix(next, "ان") && !strings.HasSuffix(next, "ين") {
					return ti
				}
			}
			return ti + 1
		}
		if w.hasStem("ar", listAnaphorConstruct, t) && ti+1 < len(m.toks) && w.hasStem("ar", listAnaphorConflict, m.toks[ti+1]) {
			return ti + 2
		}
		return ti
	}
	k := ti
	switch t.Norm {
	case "both":
		k++
	case "the":
		k++
		n := 0
		for k < len(m.toks) && n < 2 && w.has("en", listAnaphorQual, m.toks[k].Norm) && m.toks[k].Norm != "both" {
			k++
			n++
		}
		if n == 0 {
			return ti
		}
	default:
		return ti
	}
	if k < len(m.toks) && w.has("en", listAnaphorNoun, m.toks[k].Norm) {
		return k + 1
	}
	return ti
}
