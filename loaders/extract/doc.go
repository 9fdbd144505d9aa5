package extract

import (
	"context"
	"slices"
	"strings"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/text"
	"github.com/parleygraph/parley/schema"
)

// chunk is a stretch of a sentence that names something: an actor, a place or a
// person (with the title and affiliation words that introduce them).
type chunk struct {
	start, end int // token indices, end exclusive
	entity     *Entity
	actor      *Entity // the side it stands for: itself, a person's affiliation, a capital's state
	form       lexicon.Form
	conj       bool // starts with a conjunction: continues a list
	prep       bool // starts with a glued preposition (Arabic ب، ل، ك)
	person     *personInfo
	how        string // rule or lexicon entry that found it
	open       bool   // an open-world candidate (open.go): only slots that take them bind it
}

func (c *chunk) isPlace() bool { return c.entity != nil && c.entity.Kind == KindPlace }

// personInfo is what the words around a person's name say about them.
type personInfo struct {
	title       *lexicon.Entry // the title that introduced the person, if any
	role        string
	affiliation *Entity
	former      *Entity // the side of a past office the person was named by: not theirs now
}

// venueAt is a venue named in a sentence.
type venueAt struct {
	venue *Entity
	si    int
}

// doc is the working state of one extraction.
type doc struct {
	ctx   context.Context // stops the sentence loops (see stopped)
	x     *Extractor
	lx    *lexicon.Lexicon
	src   string
	lang  string
	sents []text.Sentence

	noise           []bool                          // sentences that are page furniture, not the article
	matchers        []*matcher                      // per sentence, built on first use
	ruleScratch     ruleScratch                     // the matchers' working space (ruleIndex.satisfied)
	indexedSents    []indexedSentence               // per sentence, what the rule index says of it (matcher.indexed)
	mentions        [][]lexicon.Mention             // lexicon matches per sentence
	chunks          [][]*chunk                      // per sentence, in token order
	chunkAt         []map[int]*chunk                // per sentence: chunk starting at a token
	openAt          []map[int]*chunk                // per sentence: open-world candidate starting at a token
	openEnts        map[string]*Entity              // open-world actors by key, registered when a frame binds them
	descriptorState map[string]*lexicon.Entry       // stateNamed, by descriptor word
	leaders         map[*lexicon.Entry]bool         // leads, by person
	principals      map[[2]int]bool                 // {sentence, end token} of a leader an office serves
	groups          map[*lexicon.Entry]*namedGroups // groupMentions, by country
	// latestYear is the latest year the article names (0: not computed, -1: none).
	latestYear int

	entities  map[string]*Entity
	entryKeys map[*lexicon.Entry]string // entryKey
	order     []*Entity
	seen      map[*Entity]bool // entities mentioned so far, for surname references
	surnames  map[string]*Entity

	matches      []ruleMatch
	matchesIn    [][]int                  // per sentence, indices into matches (indexMatches)
	partyKeys    []*string                // per match, its parties' negotiation key once asked (partyKey)
	clauses      [][]int                  // per sentence, the token indices of its semicolons (clauseOf)
	notMed       map[int]map[*Entity]bool // actors named as no mediator, per sentence
	medIn        map[int]map[*Entity]bool // mediatorsInSentence, once per sentence
	negotiations map[string]*Negotiation
	negOrder     []*Negotiation
	pairsIn      map[int][]namedPair    // the sets of parties named, by sentence (for "the two sides")
	pairSents    map[*Negotiation][]int // up to two sentences that name a negotiation's pair
	facts        []Fact
	factSet      map[Fact]bool
	venueNeg     map[venueAt]*Negotiation // the negotiation of the first venue fact of a place in a sentence
	mentionEv    []MentionEvidence
	actorUse     map[*chunk]bool // places used as governments in an actor slot
	locations    []*Entity
	locationSet  map[*Entity]bool
	people       map[*Entity]*personFacts
}

type personFacts struct {
	role                      string
	affiliation               *Entity
	roleEvidence, affEvidence Evidence
	hasRole, hasAffiliation   bool
	former                    *Entity // the side of a past office (see personInfo)
	opposition                bool    // named as an opposition leader: no state of the lexicon's is theirs
}

func newDoc(x *Extractor, src string) *doc {
	return &doc{
		x: x, lx: x.lx, src: src, lang: language(src),
		sents:           text.Sentences(src),
		entities:        map[string]*Entity{},
		seen:            map[*Entity]bool{},
		openEnts:        map[string]*Entity{},
		surnames:        map[string]*Entity{},
		negotiations:    map[string]*Negotiation{},
		actorUse:        map[*chunk]bool{},
		people:          map[*Entity]*personFacts{},
		pairsIn:         map[int][]namedPair{},
		medIn:           map[int]map[*Entity]bool{},
		descriptorState: map[string]*lexicon.Entry{},
		leaders:         map[*lexicon.Entry]bool{},
		principals:      map[[2]int]bool{},
		groups:          map[*lexicon.Entry]*namedGroups{},
		pairSents:       map[*Negotiation][]int{},
		factSet:         map[Fact]bool{},
		venueNeg:        map[venueAt]*Negotiation{},
		locationSet:     map[*Entity]bool{},
	}
}

// entityFor returns the node of a lexicon entry, creating it on first use.
func (d *doc) entityFor(e *lexicon.Entry, ev Evidence) *Entity {
	key := d.entryKey(e)
	if ent := d.entities[key]; ent != nil {
		return ent
	}
	ent := &Entity{Key: key, Kind: kindOf(e), Entry: e, Name: e.Name(), Names: map[string][]string{}, First: ev}
	if len(e.En) > 0 {
		ent.Names["en"] = []string{e.En[0]}
	}
	if len(e.Ar) > 0 {
		ent.Names["ar"] = []string{e.Ar[0]}
	}
	d.entities[key] = ent
	d.order = append(d.order, ent)
	return ent
}

// entryKey is entityKey(e), made once a document: an entry is named again and
// again, and its key is a new string each time it is made.
func (d *doc) entryKey(e *lexicon.Entry) string {
	key, ok := d.entryKeys[e]
	if !ok {
		if d.entryKeys == nil {
			d.entryKeys = map[*lexicon.Entry]string{}
		}
		key = entityKey(e)
		d.entryKeys[e] = key
	}
	return key
}

// namedEntity returns the node of something the lexicon does not know, by name.
func (d *doc) namedEntity(kind, name string, ev Evidence) *Entity {
	key := schema.NodeKey(kind, name)
	if ent := d.entities[key]; ent != nil {
		return ent
	}
	lang := "en"
	if text.HasArabic(name) {
		lang = "ar"
	}
	ent := &Entity{Key: key, Kind: kind, Name: name, Names: map[string][]string{lang: {name}}, First: ev}
	d.entities[key] = ent
	d.order = append(d.order, ent)
	return ent
}

// actorOf returns the node of the side an entry acts for, or nil.
func (d *doc) actorOf(e *lexicon.Entry, ev Evidence) *Entity {
	if a := d.lx.Actor(e); a != nil {
		return d.entityFor(a, ev)
	}
	return nil
}

// annotate finds the lexicon mentions of every sentence, resolves ambiguous ones
// from the rest of the article, and builds chunks: people with their titles first,
// then the remaining names.
func (d *doc) annotate() {
	d.chunks = make([][]*chunk, len(d.sents))
	d.chunkAt = make([]map[int]*chunk, len(d.sents))
	d.noise = make([]bool, len(d.sents))
	d.mentions = make([][]lexicon.Mention, len(d.sents))
	links := make([]bool, len(d.sents)) // headlines linked under a cue
	for i, s := range d.sents {
		if d.stopped() {
			return
		}
		// A bare cue ("Read more:", «اقرأ أيضا») announces linked headlines on the
		// lines that follow it: noise too, up to a blank line or a full sentence.
		cued := i > 0 && d.noise[i-1] && (d.bareCue(i-1) || links[i-1])
		links[i] = cued && d.linkLine(i)
		d.noise[i] = links[i] || d.isNoise(i)
		if d.matchers != nil {
			d.matchers[i] = nil // built again when the rules run (see applyRules)
		}
		if !d.noise[i] {
			d.mentions[i] = d.lx.Match(s.Tokens)
		}
	}
	d.resolveAmbiguous()
	for i := range d.sents {
		if d.stopped() {
			return
		}
		d.chunkSentence(i)
		d.findOpenPlaces(i)
	}
	d.findOpenNames()
}

// stopped reports whether the caller's context is done: the long loops check it
// once a sentence, and ExtractContext returns the context's error.
func (d *doc) stopped() bool { return d.ctx != nil && d.ctx.Err() != nil }

// matcher returns the rule matcher of sentence si. It reads chunks as rules run, so
// one serves before and after chunking.
func (d *doc) matcher(si int) *matcher {
	if d.matchers == nil {
		d.matchers = make([]*matcher, len(d.sents))
	}
	if d.matchers[si] == nil {
		d.matchers[si] = newMatcher(d, si)
	}
	return d.matchers[si]
}

// isNoise reports whether a "noise" rule matches sentence si.
func (d *doc) isNoise(si int) bool {
	m := d.matcher(si)
	for _, r := range d.x.rules {
		if r.Kind == RuleNoise && r.Lang == d.lang && len(m.run(r)) > 0 {
			return true
		}
	}
	return false
}

// bareCue reports whether noise sentence si is only its cue: a few words, or words
// ending in a colon.
func (d *doc) bareCue(si int) bool {
	toks := d.sents[si].Tokens
	words := 0
	for _, t := range toks {
		if t.Kind == text.Word {
			words++
		}
	}
	return words <= 3 || toks[len(toks)-1].IsPunct(":")
}

// linkLine reports whether sentence si reads as a linked headline right under the
// line before: its own line, no blank line before it, no full stop at its end.
func (d *doc) linkLine(si int) bool {
	s, prev := d.sents[si], d.sents[si-1]
	if !s.Tokens[0].LineBefore || strings.Count(d.src[prev.End:s.Start], "\n") > 1 {
		return false
	}
	last := s.Tokens[len(s.Tokens)-1]
	return !last.IsPunct(".") && !last.IsPunct("!")
}

// resolveAmbiguous picks, for a name that could be several entries (عمان: Oman or
// Amman), the one the article speaks of elsewhere without ambiguity, directly or
// through a related entry (Muscat for Oman, Jordan for Amman). Names left
// unresolved are dropped: a wrong actor is worse than a missing one.
func (d *doc) resolveAmbiguous() {
	sure := map[*lexicon.Entry]bool{}
	for _, ms := range d.mentions {
		for _, m := range ms {
			if e := m.Entry(); e != nil && m.Form != lexicon.FormShort {
				sure[e] = true
			}
		}
	}
	scores := map[*lexicon.Entry]int{}
	related := func(e *lexicon.Entry) int {
		if s, ok := scores[e]; ok {
			return s
		}
		score := 0
		if sure[e] {
			score += 2
		}
		for _, ref := range []string{e.Country, e.StandsFor, e.Capital} {
			if r := d.lx.Entry(ref); r != nil && sure[r] {
				score++
			}
		}
		sibling := false
		for s := range sure {
			if s.Capital == e.ID || s.StandsFor == e.ID || s.Country == e.ID && e.Class == lexicon.Country {
				score++ // Muscat or an Omani group speaks for Oman
			}
			if !sibling && e.Country != "" && s != e && s.Country == e.Country && s.Class == lexicon.Organization {
				// the Libyan National Army makes "the Government of National Unity" Libya's
				sibling = true
				score++
			}
		}
		scores[e] = score
		return score
	}
	for si, ms := range d.mentions {
		out := ms[:0]
		for _, m := range ms {
			if !m.Ambiguous {
				out = append(out, m)
				continue
			}
			var best *lexicon.Entry
			bestScore, tie := 0, false
			for _, e := range m.Entries {
				s := related(e)
				if e.Generated && !sure[e] {
					// A gazetteer's ambiguous name (a city called like a word or a
					// person) needs more than its country in the article: the
					// place named plainly elsewhere, or a locative before it.
					s = 0
				}
				switch {
				case s > bestScore:
					best, bestScore, tie = e, s, false
				case s == bestScore && s > 0:
					tie = true
				}
			}
			if best == nil && len(m.Entries) == 1 && d.locative(si, m) {
				best, tie = m.Entries[0], false
			}
			if best != nil && !tie {
				m.Entries, m.Ambiguous = []*lexicon.Entry{best}, false
				out = append(out, m)
			}
		}
		d.mentions[si] = out
	}
}

// locative reports whether an Arabic place name that is also a common word (مسقط,
// جدة) stands after a word of the "locative" list ("في", "إلى", "من", «منبر»,
// «جولتي») or a verb of hosting, where the word reading is unlikely; "مسقط رأسه"
// (his birthplace) is the idiom that still is not a place.
//
// For a generated place, English locatives count too ("in Nice", "near Reading"),
// and the name must not be a possessive ("in Jackson's view").
func (d *doc) locative(si int, m lexicon.Mention) bool {
	toks := d.sents[si].Tokens
	e := m.Entries[0]
	if e.Class != lexicon.Place || m.Start == 0 {
		return false
	}
	if !m.Arabic {
		return e.Generated && d.x.words.has("en", listLocative, toks[m.Start-1].Norm) && !toks[m.End-1].Possessive
	}
	switch prev := toks[m.Start-1]; {
	case d.x.words.hasStem("ar", listLocative, prev):
	case strings.Contains(prev.Norm, "ستضاف") || strings.Contains(prev.Norm, "ستضيف"): // استضافتها مسقط
	default:
		return false
	}
	return m.End >= len(toks) || !strings.HasPrefix(toks[m.End].Norm, "راس")
}

func (d *doc) addChunk(si int, c *chunk) {
	d.chunks[si] = append(d.chunks[si], c)
	if d.chunkAt[si] == nil {
		// Chunks are mostly the sentence's lexicon mentions: sized for them, the map
		// of a sentence of names is not grown and copied chunk by chunk.
		d.chunkAt[si] = make(map[int]*chunk, len(d.mentions[si]))
	}
	d.chunkAt[si][c.start] = c
	if c.entity != nil {
		d.mentionEv = append(d.mentionEv, MentionEvidence{Entity: c.entity, Evidence: Evidence{Sentence: si, Rule: c.how, Trigger: d.span(si, c.start, c.end)}})
		d.seen[c.entity] = true
	}
}

// span returns the source text of tokens [a, b) of sentence si.
func (d *doc) span(si, a, b int) string {
	toks := d.sents[si].Tokens
	if a >= b || a < 0 || b > len(toks) {
		return ""
	}
	return d.src[toks[a].Start:toks[b-1].End]
}

// chunkSentence turns a sentence's mentions into chunks.
func (d *doc) chunkSentence(si int) {
	toks := d.sents[si].Tokens
	ms := d.mentions[si]
	at := make(map[int]lexicon.Mention, len(ms)) // sized: a sentence of names grows no map
	for _, m := range ms {
		at[m.Start] = m
	}
	p := &personFinder{d: d, si: si, toks: toks, at: at}
	for i := 0; i < len(toks); {
		if j := p.heldBefore(i); j > i {
			i = j // a name inside the name of an airport, a foundation, a street
			continue
		}
		if c := p.personAt(i); c != nil {
			d.addChunk(si, c)
			i = c.end
			continue
		}
		if c := d.capitalDescriptor(si, i); c != nil {
			d.addChunk(si, c)
			i = c.end
			continue
		}
		m, ok := at[i]
		if c := d.compassRegion(si, i, at); !ok && c != nil {
			d.addChunk(si, c)
			i = c.end
			continue
		}
		if !ok {
			if c := d.descriptorChunk(si, i); c != nil {
				d.addChunk(si, c)
				i = c.end
				continue
			}
			i++
			continue
		}
		if c := d.mentionChunk(si, m); c != nil {
			d.addChunk(si, c)
		}
		i = m.End
	}
}

// compassRegion reads a region named by a compass word and a country ("Northern
// Uganda", "Eastern DRC", «شرق الكونغو») as a place of its own, not the country:
// the lexicon names countries, and "North Korea" or "South Sudan" as wholes.
func (d *doc) compassRegion(si, i int, at map[int]lexicon.Mention) *chunk {
	toks := d.sents[si].Tokens
	if i+1 >= len(toks) {
		return nil
	}
	if t := toks[i]; t.Arabic && !d.x.words.hasStem("ar", listCompass, t) || !t.Arabic && (!capWord(t) || t.Possessive || !d.x.words.has("en", listCompass, t.Norm)) {
		return nil
	}
	m, ok := at[i+1]
	if !ok || m.Form != lexicon.FormName || m.Entry() == nil || m.Entry().Class != lexicon.Country {
		return nil
	}
	written := d.span(si, i, m.End)
	ev := Evidence{Sentence: si, Rule: "place.compass-region", Trigger: written}
	// One node in both languages: the English compass word and the country's name.
	compass := toks[i].Text
	if toks[i].Arabic {
		compass = arabicCompass(toks[i])
	}
	ent := d.namedEntity(KindPlace, compass+" "+m.Entry().Name(), ev)
	if ent.Open == "" {
		ent.Open = OpenRegion
	}
	lang := "en"
	if toks[i].Arabic {
		lang, written = "ar", stripConj(written)
	}
	if !slices.Contains(ent.Names[lang], written) {
		ent.Names[lang] = append(ent.Names[lang], written)
	}
	return &chunk{start: i, end: m.End, entity: ent, form: lexicon.FormName, how: ev.Rule}
}

// arabicCompass is the English compass word of an Arabic one («شمال», «الشرقي»).
func arabicCompass(t text.Token) string {
	for _, s := range t.Stems() {
		w := strings.TrimPrefix(s.Form, "ال")
		switch {
		case strings.HasPrefix(w, "شمال"):
			return "Northern"
		case strings.HasPrefix(w, "جنوب"):
			return "Southern"
		case strings.HasPrefix(w, "شرق"):
			return "Eastern"
		case strings.HasPrefix(w, "غرب"):
			return "Western"
		case strings.HasPrefix(w, "وسط"):
			return "Central"
		}
	}
	return "Central"
}

// mentionAt returns the lexicon mention starting at token i of sentence si.
func (d *doc) mentionAt(si, i int) (lexicon.Mention, bool) {
	for _, m := range d.mentions[si] {
		if m.Start == i {
			return m, true
		}
	}
	return lexicon.Mention{}, false
}

// mentionChunk makes the chunk of a plain lexicon mention; nil for titles and for
// surnames of people the article has not named in full.
func (d *doc) mentionChunk(si int, m lexicon.Mention) *chunk {
	e := m.Entry()
	if e == nil || e.Class == lexicon.Title {
		return nil
	}
	ev := Evidence{Sentence: si, Rule: "lexicon:" + e.ID, Trigger: d.span(si, m.Start, m.End)}
	if m.Form == lexicon.FormShort && !d.seen[d.entities[d.entryKey(e)]] {
		return nil
	}
	ent := d.entityFor(e, ev)
	d.addName(ent, d.span(si, m.Start, m.End), m)
	d.restoreSpelling(ent, d.span(si, m.Start, m.End))
	c := &chunk{start: m.Start, end: m.End, entity: ent, form: m.Form, conj: m.Conj, prep: m.Prep, how: ev.Rule}
	switch ent.Kind {
	case KindActor:
		c.actor = d.actorOf(e, ev)
	case KindPlace:
		c.actor = d.actorOf(e, ev)
	case KindPerson:
		c.actor = d.actorOf(e, ev)
		c.person = &personInfo{}
		d.rememberSurname(ent, si, m.Start, m.End)
	}
	return c
}

// restoreSpelling shows a person the generated gazetteer knows under the name as
// the article writes it when the two differ only in accents and hyphens: Phoenix
// writes names in plain ASCII ("Faustin Archange Touadera" for
// "Faustin-Archange Touadéra"). The node stays the entry's.
func (d *doc) restoreSpelling(ent *Entity, written string) {
	e := ent.Entry
	if e == nil || !e.Generated || ent.Kind != KindPerson || ent.Name != e.Name() || written == ent.Name {
		return
	}
	if lexicon.NameKey(strings.ReplaceAll(written, "-", " ")) == lexicon.NameKey(ent.Name) {
		ent.Name = written
	}
}

// addName records the name as written when it is a name (not an adjective).
func (d *doc) addName(ent *Entity, written string, m lexicon.Mention) {
	if m.Form != lexicon.FormName || ent.Entry != nil {
		return
	}
	lang := "en"
	if m.Arabic {
		lang = "ar"
	}
	for _, n := range ent.Names[lang] {
		if n == written {
			return
		}
	}
	ent.Names[lang] = append(ent.Names[lang], written)
}

// rememberSurname lets a later bare surname refer to a person named in full.
func (d *doc) rememberSurname(ent *Entity, si, a, b int) {
	toks := d.sents[si].Tokens[a:b]
	words := 0
	for _, t := range toks {
		if t.Kind == text.Word && !strings.HasSuffix(t.Text, ".") {
			words++
		}
	}
	if words < 2 {
		return
	}
	last := toks[len(toks)-1]
	if last.Kind == text.Word && len([]rune(last.Norm)) > 2 && !d.x.words.has(d.lang, listStop, last.Norm) {
		if prev, ok := d.surnames[last.Norm]; ok && prev != ent {
			d.surnames[last.Norm] = nil // two people share it: use neither
			return
		}
		d.surnames[last.Norm] = ent
	}
}
