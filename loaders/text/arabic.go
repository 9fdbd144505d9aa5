package text

import "strings"

// Stem is one reading of a folded Arabic word with its proclitics removed.
type Stem struct {
	Form string // the word without the clitics (with ال when Definite)
	Conj bool   // a conjunction و/ف was removed: the word continues a list
	Prep bool   // a preposition ب/ل/ك was removed
	// Definite is true when Form starts with the article ال (written, or merged
	// away after ل as in لليمن).
	Definite bool
}

// Bare returns Form without the article.
func (s Stem) Bare() string {
	if s.Definite {
		return strings.TrimPrefix(s.Form, "ال")
	}
	return s.Form
}

const minStem = 2 // letters a stem must keep

// Stems returns the readings of a folded Arabic word, the word itself first, then
// with conjunction (و ف), preposition (ب ل ك) and the lam-alef merge (لل = ل + ال)
// removed. Each reading is returned with and without its article ال.
func Stems(w string) []Stem {
	out := make([]Stem, 0, 6)
	seen := func(form string) bool { // a handful of readings: a scan beats a map
		for _, s := range out {
			if s.Form == form {
				return true
			}
		}
		return false
	}
	add := func(form string, conj, prep bool) {
		if runeCount(form) < minStem {
			return
		}
		def := strings.HasPrefix(form, "ال") && runeCount(form) > minStem+1
		if !seen(form) {
			out = append(out, Stem{Form: form, Conj: conj, Prep: prep, Definite: def})
		}
		if def {
			bare := strings.TrimPrefix(form, "ال")
			if !seen(bare) && runeCount(bare) >= minStem {
				out = append(out, Stem{Form: bare, Conj: conj, Prep: prep})
			}
		}
	}
	for _, c := range []string{"", "و", "ف"} {
		if !strings.HasPrefix(w, c) {
			continue
		}
		w1 := w[len(c):]
		for _, p := range []string{"", "ب", "ل", "ك"} {
			if !strings.HasPrefix(w1, p) {
				continue
			}
			w2 := w1[len(p):]
			add(w2, c != "", p != "")
			if p == "ل" && strings.HasPrefix(w2, "ل") {
				add("ا"+w2, c != "", true) // لليمن → ل + اليمن
			}
		}
	}
	return out
}

// HasDefinite reports whether some reading of a folded Arabic word (Stems) is
// Definite, without building the readings: the extractor asks it of many words.
// It follows Stems: each clitic split, and a reading Definite when it starts with
// ال and keeps more than minStem+1 letters.
func HasDefinite(w string) bool {
	for _, c := range []string{"", "و", "ف"} {
		if !strings.HasPrefix(w, c) {
			continue
		}
		w1 := w[len(c):]
		for _, p := range []string{"", "ب", "ل", "ك"} {
			if !strings.HasPrefix(w1, p) {
				continue
			}
			w2 := w1[len(p):]
			if strings.HasPrefix(w2, "ال") && runeCount(w2) > minStem+1 {
				return true
			}
			if p == "ل" && strings.HasPrefix(w2, "ل") && runeCount(w2)+1 > minStem+1 {
				return true // لليمن → ل + اليمن
			}
		}
	}
	return false
}

// nisbaEndings are the inflections of a nisba adjective, longest first, each
// replaced by the masculine singular ـي.
var nisbaEndings = []string{"يتين", "يتان", "يين", "يون", "يان", "يات", "يه", "ي"}

// NisbaBase returns the masculine singular, indefinite form of a folded Arabic nisba
// adjective (القطريون, قطرية, المصريين → قطري, قطري, مصري), or "" if w has no nisba
// ending.
func NisbaBase(w string) string {
	if stem, ok := nisbaStem(w); ok {
		return stem + "ي"
	}
	return ""
}

// AppendNisbaBase appends NisbaBase(w) to dst, or w itself when w has no nisba
// ending: a look-up key built in the caller's buffer, without a new string per word.
func AppendNisbaBase(dst []byte, w string) []byte {
	if stem, ok := nisbaStem(w); ok {
		return append(append(dst, stem...), "ي"...)
	}
	return append(dst, w...)
}

// nisbaStem is w without its article and nisba ending (NisbaBase before its ـي).
func nisbaStem(w string) (string, bool) {
	w = strings.TrimPrefix(w, "ال")
	for _, e := range nisbaEndings {
		if strings.HasSuffix(w, e) && runeCount(w)-runeCount(e) >= 2 {
			return strings.TrimSuffix(w, e), true
		}
	}
	return "", false
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}
