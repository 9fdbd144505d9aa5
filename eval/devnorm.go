package eval

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The tables below mirror the devset's reference scorer (../shared/devset/score.py:
// TAXONOMY, SYNONYMS, COUNTRIES). They are the scorer's own data, not article text;
// keep them in step with score.py so both report the same counts.

// devTaxonomy is the fixed issue vocabulary (score.py TAXONOMY).
var devTaxonomy = setOf(
	"ceasefire", "truce duration", "permanent end of war", "hostage release",
	"prisoner exchange", "troop withdrawal", "freedom of movement", "humanitarian aid",
	"phased agreement", "post-war governance", "normalization", "disarmament",
	"reconstruction", "border security", "peace agreement", "sanctions",
	"nuclear program", "territorial control", "international force",
)

// devSynonyms are other names of a canonical name (score.py SYNONYMS).
var devSynonyms = map[string][]string{
	"United States":         {"US", "U.S.", "USA", "United States of America", "America", "the US"},
	"United Kingdom":        {"UK", "Britain", "Great Britain"},
	"United Nations":        {"UN", "U.N."},
	"African Union":         {"AU"},
	"Rapid Support Forces":  {"RSF"},
	"Sudanese Armed Forces": {"SAF", "Sudanese army", "Sudan Armed Forces"},
	"Intergovernmental Authority on Development": {"IGAD"},
	"Democratic Republic of the Congo":           {"DRC", "DR Congo", "Congo", "Democratic Republic of Congo", "Congo-Kinshasa"},
	"M23":                                        {"AFC/M23", "March 23 Movement", "M23 rebels", "AFC"},
	"Houthis":                                    {"Houthi", "Ansar Allah", "Houthi movement", "Ansarullah"},
	"Tigray People's Liberation Front":           {"TPLF"},
	"National Liberation Army":                   {"ELN"},
	"Turkey":                                     {"Türkiye", "Turkiye"},
	"Sharm el-Sheikh":                            {"Sharm El Sheikh", "Sharm al-Sheikh", "Sharm el Sheikh"},
	"Mohammed bin Abdulrahman Al Thani": {
		"Mohammed bin Abdulrahman bin Jassim Al Thani", "Sheikh Mohammed bin Abdulrahman Al Thani",
		"Mohammed bin Abdulrahman Al-Thani", "Mohammed bin Abdul Rahman Al Thani"},
	"William J. Burns":  {"William Burns", "Bill Burns"},
	"Israel":            {"State of Israel"},
	"Iran":              {"Islamic Republic of Iran"},
	"Russia":            {"Russian Federation"},
	"Gaza":              {"Gaza Strip"},
	"Yemeni government": {"Government of Yemen", "Yemen government"},
}

// devCountries are the names the "place" category leaves out (score.py COUNTRIES).
var devCountries = setOf(
	"Armenia", "Azerbaijan", "Barbados", "Belarus", "Cambodia", "Chad", "Colombia",
	"Democratic Republic of the Congo", "Ethiopia", "Germany", "Kazakhstan", "Kosovo", "Lebanon",
	"Libya", "Malaysia", "Mali", "Mexico", "Oman", "Pakistan", "Philippines", "Russia",
	"Saudi Arabia", "Somalia", "Somaliland", "South Africa", "South Sudan", "Sudan", "Switzerland",
	"Turkey", "Ukraine", "United States", "Yemen", "Qatar", "Egypt", "Israel", "Iran", "Syria",
	"Afghanistan", "Thailand", "Venezuela", "Cuba", "Norway", "Rwanda", "Kenya", "Algeria",
	"Mauritania", "Morocco", "France", "United Kingdom", "China", "India", "Jordan", "Iraq",
	"Burundi", "Cameroon", "Canada", "Central African Republic", "Cyprus", "Djibouti", "Eritrea",
	"Finland", "Gambia", "Kuwait", "Malawi", "Myanmar", "Sweden", "United Arab Emirates", "Uganda",
	"Greece", "Georgia", "Senegal", "Guinea-Bissau", "Angola", "Mozambique", "Sri Lanka", "Indonesia",
	"North Korea", "South Korea", "Bahrain", "Saudi-Arabia", "Palestine", "Tunisia",
)

// devFold is score.py's character table: Arabic alef and yeh forms, teh marbuta,
// and the Turkish and Latin letters the devset spells both ways.
var devFold = strings.NewReplacer(
	"أ", "ا", "إ", "ا", "آ", "ا", "ٱ", "ا", "ى", "ي", "ة", "ه",
	"ç", "c", "ı", "i", "ğ", "g", "ş", "s", "ö", "o", "ü", "u", "â", "a",
)

// devNorm folds a name as score.py's norm does: NFKC, lower case, no Arabic
// diacritics or tatweel, devFold, punctuation as spaces, no "the", and no Arabic
// article "ال" on a word of more than three letters.
func devNorm(s string) string {
	s = pyLower(norm.NFKC.String(s))
	s = strings.Map(dropArabicMarks, s)
	s = devFold.Replace(s)
	s = strings.Map(punctToSpace, s)
	var toks []string
	for _, t := range strings.FieldsFunc(s, pyIsSpace) {
		if t == "the" {
			continue
		}
		if utf8.RuneCountInString(t) > 3 && strings.HasPrefix(t, "ال") {
			t = strings.TrimPrefix(t, "ال")
		}
		toks = append(toks, t)
	}
	return strings.Join(toks, " ")
}

// pyLower is Python's str.lower: Go's simple mapping, except where Python applies
// Unicode SpecialCasing: İ becomes "i̇", and a capital sigma ending a word "ς".
func pyLower(s string) string {
	if !strings.ContainsAny(s, "İΣ") {
		return strings.ToLower(s)
	}
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		switch {
		case r == 'İ':
			b.WriteString("i\u0307")
		case r == 'Σ' && finalSigma(rs, i):
			b.WriteRune('ς')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma is Unicode's Final_Sigma condition, as CPython tests it: a cased
// letter before rs[i] and none after it, case-ignorable characters skipped.
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && caseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !cased(rs[j]) {
		return false
	}
	k := i + 1
	for k < len(rs) && caseIgnorable(rs[k]) {
		k++
	}
	return k == len(rs) || !cased(rs[k])
}

func cased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.Is(unicode.Other_Lowercase, r) || unicode.Is(unicode.Other_Uppercase, r)
}

// caseIgnorable is Unicode's Case_Ignorable: marks, format characters, modifiers,
// and the word-internal punctuation of Word_Break MidLetter, MidNumLet and
// Single_Quote.
func caseIgnorable(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk) ||
		strings.ContainsRune("'.:·\u0387\u055f\u05f4\u2018\u2019\u2024\u2027\ufe13\ufe52\ufe55\uff07\uff0e\uff1a", r)
}

// dropArabicMarks removes what score.py's AR_DIACRITICS matches.
func dropArabicMarks(r rune) rune {
	if (r >= 0x0610 && r <= 0x061a) || (r >= 0x064b && r <= 0x065f) || r == 0x0670 || r == 0x0640 {
		return -1
	}
	return r
}

// punctToSpace turns what score.py's PUNCT matches into a space (runs of them
// collapse when the string is split).
func punctToSpace(r rune) rune {
	if strings.ContainsRune(".,'\"’‘“”«»()-–—/:;", r) {
		return ' '
	}
	return r
}

// pyIsSpace is Python's str.isspace, which str.split() splits on: Unicode
// White_Space plus the separators U+001C–U+001F.
func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// devResolver maps predicted names to one gold file's canonical names (score.py
// class Gold).
type devResolver struct {
	forms   map[string]map[string]bool // canonical name → its folded forms
	canons  []string                   // the keys of forms, sorted
	persons []string                   // gold person names, sorted
}

func newDevResolver(g *DevGold) *devResolver {
	names := map[string]bool{}
	for n := range g.Aliases {
		names[n] = true
	}
	for _, m := range g.Mediations {
		names[m.Mediator] = true
		for _, p := range m.Parties {
			names[p] = true
		}
	}
	for _, t := range g.Talks {
		names[t.Location] = true
		for _, p := range t.Participants {
			names[p] = true
		}
	}
	persons := map[string]bool{}
	for _, p := range g.Persons {
		names[p.Name] = true
		persons[p.Name] = true
		if p.Affiliation != "" {
			names[p.Affiliation] = true
		}
	}
	for _, l := range g.Locations {
		names[l] = true
	}
	r := &devResolver{forms: map[string]map[string]bool{}}
	for n := range names {
		r.forms[n] = foldedForms(n, g.Aliases[n], devSynonyms[n])
		r.canons = append(r.canons, n)
	}
	for n := range persons {
		r.persons = append(r.persons, n)
	}
	sort.Strings(r.canons)
	sort.Strings(r.persons)
	return r
}

// foldedForms is a name's non-empty folded forms: its own, its aliases' and its
// synonyms'.
func foldedForms(name string, lists ...[]string) map[string]bool {
	fs := map[string]bool{}
	add := func(s string) {
		if f := devNorm(s); f != "" {
			fs[f] = true
		}
	}
	add(name)
	for _, l := range lists {
		for _, s := range l {
			add(s)
		}
	}
	return fs
}

// resolve maps a predicted name to a gold canonical name, or returns it folded
// with a "?" in front; "" when it folds to nothing (score.py's None). A canonical
// name that folds the same wins; then a name holding it as a form, one in prefer
// first, else the first by name; then a gold person whose form shares all the
// words of the shorter of the two, at least two of them.
func (r *devResolver) resolve(name string, prefer map[string]bool) string {
	n := devNorm(name)
	if n == "" {
		return ""
	}
	for _, c := range r.canons {
		if n == devNorm(c) {
			return c
		}
	}
	var hits []string
	for _, c := range r.canons {
		if r.forms[c][n] {
			hits = append(hits, c)
		}
	}
	for _, c := range hits {
		if prefer[c] {
			return c
		}
	}
	if len(hits) > 0 {
		return hits[0]
	}
	if c := r.personByWords(n); c != "" {
		return c
	}
	return "?" + n
}

// personByWords is score.py's token-subset rule for people.
func (r *devResolver) personByWords(n string) string {
	toks := wordSet(n)
	for _, c := range r.persons {
		for f := range r.forms[c] {
			ft := wordSet(f)
			small, big := toks, ft
			if len(toks) > len(ft) {
				small, big = ft, toks
			}
			if len(small) >= 2 && subset(small, big) {
				return c
			}
		}
	}
	return ""
}

func wordSet(s string) map[string]bool {
	return setOf(strings.FieldsFunc(s, pyIsSpace)...)
}

func subset(small, big map[string]bool) bool {
	for w := range small {
		if !big[w] {
			return false
		}
	}
	return true
}
