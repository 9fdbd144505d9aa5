package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/text"
)

// Open-world places: places the lexicon does not know, named where the text says
// they are places: after a noun of place ("the town of Mont-Tremblant", «مدينة
// الشدادي»), with a head word of a place's name ("Yunnan Province", "Thorbjornrud
// Hotel", "Mount Kumgang"), after "in"/"at" ("talks in Jevnakar"), or as a
// dateline ("CRANS-MONTANA, Switzerland (Reuters) -"). Unlike open-world actors
// they are chunks at once: the cue is their frame.

// Kinds of open-world places (Entity.Open); venueKind takes cities and buildings.
const (
	OpenCity     = "city"
	OpenRegion   = "region"
	OpenBuilding = "building"
	OpenLandmark = "landmark"
)

// findOpenPlaces adds the chunks of open-world places of sentence si.
func (d *doc) findOpenPlaces(si int) {
	if d.noise[si] {
		return
	}
	toks := d.sents[si].Tokens
	covered := d.coveredBy(si)
	var found []openName
	shouted := d.lang == "en" && d.shoutedOrTitleCase(si)
	for i := 0; i < len(toks); i++ {
		if covered[i] != nil {
			continue
		}
		n, ok := d.datelinePlace(si, i, covered)
		switch {
		case ok:
		case d.lang == "ar":
			n, ok = d.arabicPlace(si, i, covered)
		case !shouted:
			n, ok = d.englishPlace(si, i, covered)
		}
		if ok {
			found = append(found, n)
			i = n.end - 1
		}
	}
	for _, n := range found {
		ev := Evidence{Sentence: si, Rule: n.how, Trigger: d.span(si, n.start, n.end)}
		ent := d.namedEntity(KindPlace, n.name, ev)
		if ent.Open == "" {
			ent.Open = n.kind
		}
		d.addChunk(si, &chunk{start: n.start, end: n.end, entity: ent, form: lexicon.FormName, how: n.how,
			prep: toks[n.start].Arabic && strings.HasPrefix(strings.TrimPrefix(toks[n.start].Norm, "و"), "ب")})
	}
	if len(found) > 0 {
		d.sortChunks(si)
	}
}

// sortChunks keeps a sentence's chunks in token order.
func (d *doc) sortChunks(si int) {
	sort.SliceStable(d.chunks[si], func(a, b int) bool { return d.chunks[si][a].start < d.chunks[si][b].start })
}

// englishPlace reads an English place name at token i: a capitalised name after a
// noun of place ("the town of X"), a name ending or starting with a word of place
// ("Yunnan Province", "Mount Kumgang"), or a capitalised name after "in", "at" or
// "near".
func (d *doc) englishPlace(si, i int, covered []*chunk) (openName, bool) {
	toks := d.sents[si].Tokens
	w := d.x.words
	if !capWord(toks[i]) || toks[i].Upper && toks[i].Possessive {
		return openName{}, false
	}
	end := d.placeNameEnd(si, i, covered)
	if end <= i {
		return openName{}, false
	}
	first, last := toks[i].Norm, toks[end-1].Norm
	if d.titleAt(si, i) || w.has("en", listOrgHead, first) || w.has("en", listStateBody, first) {
		return openName{}, false // "Head of State", "Ministry of Foreign Affairs": an office or a body
	}
	var kind string
	switch {
	case w.has("en", listPlaceHeadCity, last) && end-i > 1:
		kind = OpenCity
	case w.has("en", listPlaceHeadRegion, last) && end-i > 1 && !(last == "state" && hasJoin(toks[i:end])):
		kind = OpenRegion
	case w.has("en", listPlaceHeadBuilding, last) && end-i > 1:
		kind = OpenBuilding
	case w.has("en", listPlaceHeadLandmark, last) && end-i > 1 || w.has("en", listPlacePrefix, first) && end-i > 1:
		kind = OpenLandmark
	}
	// "X state" (the Shan state), "the InterContinental hotel": a head in lower case.
	if kind == "" && end < len(toks) && !toks[end].Cap {
		switch next := toks[end].Norm; {
		case w.has("en", listPlaceHeadRegion, next) && next != "region":
			end, kind = end+1, OpenRegion
		case w.has("en", listPlaceHeadBuilding, next):
			kind = OpenBuilding
		}
	}
	cue := d.placeCueBefore(si, i)
	if kind == "" {
		switch {
		case cue == "of":
			kind = OpenCity
		case cue == "in" && !w.has("en", listNotPlace, first) && !w.has("en", listOrgHead, last) && !w.has("en", listNotActorHead, last) && !d.x.lx.IsGivenName(first):
			kind = OpenCity
		default:
			return openName{}, false
		}
		if covered[i] == nil && d.personShaped(toks[i:end]) {
			return openName{}, false
		}
	}
	return openName{start: i, end: end, name: spanText(d, si, i, end), kind: kind, how: "open.place"}, true
}

// placeNameEnd returns the end of a capitalised place name at i: capitalised words,
// unspaced hyphens, "of"/"de"/"al" inside, up to five words; stops at known names.
func (d *doc) placeNameEnd(si, i int, covered []*chunk) int {
	toks := d.sents[si].Tokens
	w := d.x.words
	end := i
	for j := i; j < len(toks) && j < i+6; j++ {
		t := toks[j]
		if covered[j] != nil {
			break
		}
		if capWord(t) && !w.has("en", listCalendar, t.Norm) {
			end = j + 1
			if t.Possessive {
				break
			}
			continue
		}
		if j > i && j+1 < len(toks) && capWord(toks[j+1]) && covered[j+1] == nil &&
			(t.IsPunct("-") && !t.SpaceBefore && !toks[j+1].SpaceBefore || t.Kind == text.Word && !t.Cap && w.has("en", listNameJoin, t.Norm) && t.Norm != "and") {
			continue
		}
		break
	}
	return end
}

// placeCueBefore returns "of" when a noun of place comes before token i ("the town
// of", "the Swiss Alpine resort of"), "in" after "in"/"at"/"near" (and "the"), else "".
func (d *doc) placeCueBefore(si, i int) string {
	toks := d.sents[si].Tokens
	w := d.x.words
	k := i - 1
	if k >= 0 && toks[k].Norm == "the" {
		k--
	}
	if k < 0 {
		return ""
	}
	if toks[k].Norm == "of" && k > 0 && w.has("en", listPlaceNoun, toks[k-1].Norm) {
		return "of"
	}
	if w.has("en", listPlaceNoun, toks[k].Norm) && !toks[k].Cap && (toks[i-1].Norm != "the") {
		return "of" // "the border village Panmunjom"
	}
	if (toks[k].Norm == "in" || toks[k].Norm == "at" || toks[k].Norm == "near") && !toks[k].Cap {
		return "in"
	}
	return ""
}

// personShaped reports whether capitalised words look like a person's name (two or
// three words, none in capitals), which "in" alone does not make a place.
func (d *doc) personShaped(toks []text.Token) bool {
	if len(toks) < 2 || len(toks) > 3 {
		return false
	}
	for _, t := range toks {
		if t.Upper || t.Kind != text.Word {
			return false
		}
	}
	return true
}

// datelinePlace reads an unknown city of a dateline at the start of one of the first
// sentences: words in capitals followed by ", Country", "(Agency)" or a dash.
func (d *doc) datelinePlace(si, i int, covered []*chunk) (openName, bool) {
	toks := d.sents[si].Tokens
	if si > 4 || i != 0 || !toks[0].Upper {
		return openName{}, false
	}
	end := i
	for j := i; j < len(toks) && j < i+5; j++ {
		t := toks[j]
		if covered[j] != nil {
			break
		}
		if t.Kind == text.Word && t.Upper {
			end = j + 1
			continue
		}
		if t.IsPunct("-") && !t.SpaceBefore && j+1 < len(toks) && !toks[j+1].SpaceBefore && toks[j+1].Upper {
			continue
		}
		break
	}
	if end == i || end >= len(toks) {
		return openName{}, false
	}
	next := toks[end]
	dateline := next.IsPunct("(") || next.IsPunct("-") && next.SpaceBefore
	if next.IsPunct(",") && end+1 < len(toks) {
		if c := covered[end+1]; c != nil && isState(c.entity) {
			dateline = true
		}
	}
	if !dateline || d.x.words.has("en", listNotPlace, toks[i].Norm) {
		return openName{}, false
	}
	return openName{start: i, end: end, name: titleCase(d.span(si, i, end)), kind: OpenCity, how: "open.dateline"}, true
}

// titleCase writes "CRANS-MONTANA" as "Crans-Montana".
func titleCase(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if unicode.IsLetter(r) {
			if up {
				b.WriteRune(unicode.ToUpper(r))
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			up = false
			continue
		}
		up = true
		b.WriteRune(r)
	}
	return b.String()
}

// arabicPlace reads an Arabic place after a noun of place: «مدينة الشدادي», «بلدة
// X», «إقليم X», «مطار X», «قصر X».
func (d *doc) arabicPlace(si, i int, covered []*chunk) (openName, bool) {
	toks := d.sents[si].Tokens
	w := d.x.words
	t := toks[i]
	if !t.Arabic || i+1 >= len(toks) {
		return openName{}, false
	}
	if hasArticle(t.Norm) {
		return openName{}, false // «المنطقة الحدودية»: a definite noun takes an adjective, not a name
	}
	var kind string
	maxWords := 1
	switch {
	case w.hasStem("ar", listArPlaceCity, t):
		kind = OpenCity
	case w.hasStem("ar", listArPlaceRegion, t):
		kind = OpenRegion
	case w.hasStem("ar", listArPlaceBuilding, t):
		kind, maxWords = OpenBuilding, 3
	default:
		return openName{}, false
	}
	start := i + 1
	end := start
	if kind == OpenCity && w.hasStem("ar", listArPlacePrefix, toks[start]) {
		maxWords = 2 // «أم جرس», «عين العرب», «رأس العين»
	}
	for j := start; j < len(toks) && j < start+maxWords; j++ {
		u := toks[j]
		if covered[j] != nil || !u.Arabic || u.Kind != text.Word || w.hasStem("ar", listStop, u) || w.hasStem("ar", listBarrier, u) || d.x.words.hasStem("ar", listBodyNoun, u) {
			break
		}
		if j > start && strings.HasPrefix(u.Norm, "و") {
			break
		}
		if w.hasStem("ar", listArPlaceCity, u) || w.hasStem("ar", listArPlaceRegion, u) || w.hasStem("ar", listArPlaceBuilding, u) {
			break // «مدن الإقليم»: a noun of place is no name
		}
		if j > start && !hasArticle(u.Norm) && !w.hasStem("ar", listArPlacePrefix, toks[start]) {
			break // «مطار إيسنبوغا برفقة»: after its first word, a name goes on with definite words only
		}
		if j == start && !hasArticle(u.Norm) && strings.HasSuffix(u.Norm, "ه") && kind != OpenBuilding {
			break // «منطقة عازلة»: an adjective agreeing with the noun, no name
		}
		if _, ok := d.mentionAt(si, j); ok {
			break
		}
		end = j + 1
	}
	if end == start {
		return openName{}, false
	}
	name := d.span(si, start, end)
	if kind == OpenBuilding {
		name = d.stripProclitics(d.span(si, i, end), listArPlaceBuilding) // «مطار حمد الدولي», «قصر زعبيل»: the noun is part of the name
		start = i
	} else if utf8.RuneCountInString(name) < 3 {
		return openName{}, false
	}
	return openName{start: start, end: end, name: name, kind: kind, how: "open.ar-place"}, true
}

// stripProclitics drops the glued و ف ب ل ك in front of an Arabic building name
// («بمطار حمد الدولي» → «مطار حمد الدولي»), as long as what is left is a noun of the
// list.
func (d *doc) stripProclitics(name, list string) string {
	words := strings.SplitN(name, " ", 2)
	first := []rune(words[0])
	for n := 0; n < 2 && len(first) > 3 && strings.ContainsRune("وفبلك", first[0]); n++ {
		if !d.x.words.has("ar", list, text.Fold(string(first[1:]))) {
			break
		}
		first = first[1:]
	}
	words[0] = string(first)
	return strings.Join(words, " ")
}

// hasJoin reports whether capitalised words hold a lower-case joining word ("Head of
// State"): "X of State" is an office, "Shan State" a region.
func hasJoin(toks []text.Token) bool {
	for _, t := range toks {
		if t.Kind == text.Word && !t.Cap && !t.Upper {
			return true
		}
	}
	return false
}
