// Package text turns article text into normalised tokens and sentences that keep
// their byte offsets into the original, for Arabic and English alike.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the form of s used for matching:
//   - NFKD with combining marks removed: Arabic diacritics (harakat, shadda, sukun,
//     superscript alef) go, and so do hamza/madda carriers (أ إ آ → ا, ؤ → و, ئ → ي),
//     as do Latin accents (Türkiye → turkiye);
//   - alef wasla → alef, alef maqsura → ya, ta marbuta → ha, Persian ya/kaf → Arabic;
//   - tatweel and zero-width characters dropped;
//   - Arabic-Indic digits → ASCII digits;
//   - Latin letters lower-cased.
func Fold(s string) string {
	if isASCIILower(s) {
		return s
	}
	if isASCII(s) {
		// NFKD leaves ASCII as it is: only the case and the backquote change.
		b := []byte(s)
		for i, c := range b {
			switch {
			case c >= 'A' && c <= 'Z':
				b[i] = c + 'a' - 'A'
			case c == '`':
				b[i] = '\''
			}
		}
		return string(b)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(s) {
		if r2, keep := foldRune(r); keep {
			b.WriteRune(r2)
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isASCIILower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') || c == '`' {
			return false
		}
	}
	return true
}

// foldRune maps one rune of NFKD text; keep is false for runes that are dropped.
func foldRune(r rune) (out rune, keep bool) {
	switch {
	case unicode.Is(unicode.Mn, r):
		return 0, false
	case r == 'ـ', r == '\u200c', r == '\u200d', r == '\u200e', r == '\u200f', r == '\ufeff':
		return 0, false
	case r == 'ٱ':
		return 'ا', true
	case r == 'ى', r == 'ی', r == 'ې':
		return 'ي', true
	case r == 'ة':
		return 'ه', true
	case r == 'ک':
		return 'ك', true
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠'), true
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰'), true
	case r == '،':
		return ',', true
	case r == '؛':
		return ';', true
	case r == '؟':
		return '?', true
	case r == '\u2018', r == '\u2019', r == '\u02bc', r == '`', r == '\u00b4':
		return '\'', true
	case r == '\u201c', r == '\u201d', r == '\u00ab', r == '\u00bb', r == '\u201e':
		return '"', true
	case r == '\u2013', r == '\u2014', r == '\u2011', r == '\u2010', r == '\u2212':
		return '-', true
	}
	return unicode.ToLower(r), true
}

// IsArabic reports whether r is an Arabic-script letter.
func IsArabic(r rune) bool {
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}

// HasArabic reports whether s contains an Arabic letter.
func HasArabic(s string) bool {
	for _, r := range s {
		if IsArabic(r) {
			return true
		}
	}
	return false
}

// Key is the folded form of a name that lookups compare: its words folded and
// joined by single spaces, punctuation dropped ("the U.S.'s" → "the u.s.").
func Key(name string) string {
	var words []string
	for _, t := range Tokenize(name) {
		if t.Kind != Punct {
			words = append(words, t.Norm)
		}
	}
	return strings.Join(words, " ")
}
