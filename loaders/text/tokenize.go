package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

const (
	Word Kind = iota
	Number
	Punct
)

// Token is one word, number or punctuation mark of a text.
type Token struct {
	Text       string // as written
	Norm       string // Fold(Text), with an English possessive 's removed
	Start, End int    // byte offsets of Text in the original string
	Kind       Kind
	Arabic     bool // written in Arabic script
	Cap        bool // Latin word starting with an upper-case letter
	Upper      bool // Latin word written all in capitals (acronyms: UN, RSF)
	Possessive bool // English word that carried 's or s'
	// SpaceBefore is true when whitespace separates the token from the previous one.
	SpaceBefore bool
	// LineBefore is true when a line break separates the token from the previous one.
	LineBefore bool

	// stems holds an Arabic token's readings once read (see Stems): Sentences gives
	// each Arabic token one, shared by the token's copies.
	stems *[]Stem
}

func (t Token) String() string { return t.Text }

// Stems is Stems(t.Norm), read once for a token of Sentences and its copies: the
// extractor asks for an Arabic word's readings many times.
func (t Token) Stems() []Stem {
	if t.stems == nil {
		return Stems(t.Norm)
	}
	if *t.stems == nil {
		*t.stems = Stems(t.Norm)
	}
	return *t.stems
}

// IsPunct reports whether t is the punctuation mark p (folded: ، is ",").
func (t Token) IsPunct(p string) bool { return t.Kind == Punct && t.Norm == p }

// Tokenize splits s into tokens. Letters and combining marks of any script make
// words (so Arabic diacritics stay inside their word); apostrophes inside Latin words
// stay; initials and dotted acronyms ("J.", "U.S.", "ج.") are one token; every other
// non-space rune is a punctuation token of its own.
func Tokenize(s string) []Token {
	toks := make([]Token, 0, len(s)/6+1) // about a token per six bytes of news
	var f folder
	space, line := false, false
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			line, space = true, true
			i += size
		case unicode.IsSpace(r) || r == utf8.RuneError && size == 1 || unicode.IsControl(r) || r == '\ufeff' || r == '\u200f' || r == '\u200e' || r == '_':
			space = true
			i += size
		case isWordRune(r):
			end := scanWord(s, i)
			toks = append(toks, f.wordToken(s[i:end], i, space, line))
			space, line = false, false
			i = end
		case unicode.IsDigit(r):
			end := scanNumber(s, i)
			toks = append(toks, Token{Text: s[i:end], Norm: f.fold(s[i:end]), Start: i, End: end, Kind: Number, SpaceBefore: space, LineBefore: line})
			space, line = false, false
			i = end
		default:
			toks = append(toks, Token{Text: s[i : i+size], Norm: f.fold(s[i : i+size]), Start: i, End: i + size, Kind: Punct, SpaceBefore: space, LineBefore: line})
			space, line = false, false
			i += size
		}
	}
	return toks
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == 'ـ'
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u02bc'
}

// scanWord returns the end of the word starting at i.
func scanWord(s string, i int) int {
	start := i
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r) || unicode.IsDigit(r) && i > start:
			i += size
		case isApostrophe(r) && i > start && (isLatinBefore(s[start:i]) || isDottedInitials(s[start:i])):
			// "Qatar's", "O'Brien", "Qatars'" keep their apostrophe.
			next, nsize := utf8.DecodeRuneInString(s[i+size:])
			if next != utf8.RuneError && unicode.IsLetter(next) && !IsArabic(next) {
				i += size + nsize
				continue
			}
			if strings.HasSuffix(s[start:i], "s") {
				return i + size // plural possessive: "parties'"
			}
			return i
		case r == '.' && isInitialSoFar(s[start:i]):
			// "J." "U.S." "ج." : a single letter followed by a dot.
			next, size := utf8.DecodeRuneInString(s[i+1:])
			i++
			if isWordRune(next) && isSingleLetterAhead(s[i:]) {
				continue
			}
			if isApostrophe(next) && strings.HasPrefix(s[i+size:], "s") {
				continue // "U.S.'s"
			}
			return i
		default:
			return i
		}
	}
	return i
}

// isDottedInitials reports whether w is "U.S." or "J.": letters each followed by a dot.
func isDottedInitials(w string) bool {
	if len(w) < 2 || !strings.HasSuffix(w, ".") {
		return false
	}
	for i, r := range w {
		if i%2 == 0 && !unicode.IsLetter(r) || i%2 == 1 && r != '.' || r >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isLatinBefore(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	return unicode.IsLetter(r) && !IsArabic(r)
}

// isInitialSoFar reports whether w is one letter, or a run of "X.Y." initials ending in
// a letter: the shapes that take a dot inside an acronym or initial.
func isInitialSoFar(w string) bool {
	n := 0
	for _, r := range w {
		if r == '.' {
			if n != 1 {
				return false
			}
			n = 0
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		n++
	}
	return n == 1
}

// isSingleLetterAhead reports whether s starts with one letter followed by a dot.
func isSingleLetterAhead(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) {
		return false
	}
	return strings.HasPrefix(s[size:], ".")
}

func scanNumber(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsDigit(r) {
			i += size
			continue
		}
		if (r == ',' || r == '.' || r == '٫' || r == '٬') && i+size < len(s) {
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if unicode.IsDigit(next) {
				i += size
				continue
			}
		}
		break
	}
	return i
}

// folder is Fold memoised for one text: news repeats its words, and folding a
// word that is not plain lower-case ASCII costs a Unicode normalisation and a
// new string, where a look-up costs a hash (and the copies share one string).
type folder struct {
	memo map[string]string
}

func (f *folder) fold(w string) string {
	if isASCIILower(w) {
		return w
	}
	if n, ok := f.memo[w]; ok {
		return n
	}
	if f.memo == nil {
		f.memo = map[string]string{}
	}
	n := Fold(w)
	f.memo[w] = n
	return n
}

func (f *folder) wordToken(w string, start int, space, line bool) Token {
	t := Token{Text: w, Start: start, End: start + len(w), Kind: Word, SpaceBefore: space, LineBefore: line}
	first, _ := utf8.DecodeRuneInString(w)
	t.Arabic = IsArabic(first) || HasArabic(w)
	folded := f.fold(w)
	if !t.Arabic {
		t.Cap = unicode.IsUpper(first)
		t.Upper = isAllUpper(w)
		for _, suf := range []string{"'s", "s'"} {
			if strings.HasSuffix(folded, suf) && len(folded) > len(suf)+1 {
				folded = folded[:len(folded)-len(suf)]
				if suf == "s'" {
					folded += "s"
				}
				t.Possessive = true
				break
			}
		}
	}
	t.Norm = folded
	return t
}

func isAllUpper(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}
