package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Casing says how NaturalCase treats the words of a phrase.
type Casing struct {
	Person   bool            // a person's name: no word is an acronym (initials keep their dot)
	Acronyms map[string]bool // upper-case words known to be acronyms (folded to upper case)
}

// lowerWords stay in lower case inside a name (not as its first word): English
// function words and the particles of Arabic and European names.
var lowerWords = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "at": true, "to": true,
	"a": true, "an": true, "by": true, "with": true, "against": true, "from": true,
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "ould": true,
	"de": true, "del": true, "della": true, "di": true, "da": true, "du": true, "des": true, "der": true,
	"van": true, "von": true, "la": true, "le": true, "los": true, "las": true, "dos": true, "das": true, "et": true, "y": true,
	"il": true, "lo": true, "do": true, "em": true, "en": true, "e": true, "i": true, "o": true, "per": true, "pour": true, "li": true,
}

// NaturalCase turns a Phoenix phrase written in capitals with underscores
// ("TRYGVE_LIE_", "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_") into the name as news writes
// it ("Trygve Lie", "Aden Abyan Islamic Army") and returns the acronyms given in
// parentheses as aliases ("AAIA"). Acronyms stay in capitals: words with a dot or a
// digit (U.N., M23), words of c.Acronyms, two-letter words that are no particle
// (UN, EU), and for organisations words without a vowel (PKK) and a name that is
// one short word (OSCE, IRA).
func NaturalCase(phrase string, c Casing) (string, []string) {
	s := strings.ReplaceAll(phrase, "_", " ")
	var aliases []string
	for {
		i := strings.IndexByte(s, '(')
		j := strings.IndexByte(s, ')')
		if i < 0 || j < i {
			break
		}
		if a := strings.TrimSpace(s[i+1 : j]); a != "" && !strings.Contains(a, " ") {
			aliases = append(aliases, strings.ToUpper(a))
		}
		s = s[:i] + " " + s[j+1:]
	}
	words := strings.Fields(s)
	if len(words) > 1 && strings.EqualFold(words[0], "the") {
		words = words[1:] // matching skips a leading "the" anyway
	}
	for i, w := range words {
		words[i] = caseWord(w, i == 0, len(words) == 1, c)
	}
	return strings.Join(words, " "), aliases
}

func caseWord(w string, first, only bool, c Casing) string {
	up := strings.ToUpper(w)
	letters := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, up)
	switch {
	case strings.ContainsAny(w, ".0123456789"):
		return up // U.N., M23, initials "B."
	case c.Person:
	case c.Acronyms[up]:
		return up
	case utf8.RuneCountInString(letters) == 2 && !lowerWords[strings.ToLower(letters)]:
		return up // UN, EU, AU
	case len(letters) >= 2 && !strings.ContainsAny(letters, "AEIOUY"):
		return up // PKK, FSLN
	case only && len(letters) >= 2 && len(letters) <= 5 && letters == up:
		return up // OSCE, IRA, ETA
	}
	if strings.ContainsRune(w, '/') {
		parts := strings.Split(w, "/")
		for i, p := range parts {
			parts[i] = caseWord(p, first || i > 0, false, c)
		}
		return strings.Join(parts, "/")
	}
	parts := strings.Split(strings.ToLower(w), "-")
	for i, p := range parts {
		if (!first || i > 0) && lowerWords[p] && i < len(parts)-1 {
			continue // al-Assad, bin-Laden inside a name
		}
		if !first && i == 0 && lowerWords[p] {
			continue // "Army of God"
		}
		parts[i] = titleWord(p)
	}
	return strings.Join(parts, "-")
}

// titleWord upper-cases the first letter of a lower-case word, and the letter after
// a one-letter prefix with an apostrophe (O'Sullivan, D'Alema), but not a
// possessive ("Children's").
func titleWord(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	if size == 0 {
		return w
	}
	out := string(unicode.ToUpper(r)) + w[size:]
	if i := strings.IndexAny(out, "'’"); i == 1 && len(out) > i+2 {
		q := utf8.RuneLen([]rune(out[i:])[0])
		r2, s2 := utf8.DecodeRuneInString(out[i+q:])
		out = out[:i+q] + string(unicode.ToUpper(r2)) + out[i+q+s2:]
	}
	return out
}
