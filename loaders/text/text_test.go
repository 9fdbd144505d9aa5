package text

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Alef forms.
		{"alef hamza above", "أحمد", "احمد"},
		{"alef hamza below", "إسلام", "اسلام"},
		{"alef madda", "آمن", "امن"},
		{"alef wasla", "ٱلرحمن", "الرحمن"},
		{"all alef forms", "أإآٱا", "ااااا"},
		// Ta marbuta, alef maqsura, hamza carriers.
		{"ta marbuta", "غزة", "غزه"},
		{"alef maqsura", "مصطفى", "مصطفي"},
		{"hamza on waw", "مؤتمر", "موتمر"},
		{"hamza on ya", "رئيس", "رييس"},
		{"hamza carriers together", "إسرائيل", "اسراييل"},
		// Diacritics and tatweel.
		{"fatha", "كَتَبَ", "كتب"},
		{"shadda and damma tanwin", "مُحَمَّدٌ", "محمد"},
		{"sukun and kasra", "مِنْ", "من"},
		{"fatha tanwin", "شكراً", "شكرا"},
		{"superscript alef", "هٰذا", "هذا"},
		{"tatweel", "قطـــر", "قطر"},
		{"zero-width non-joiner", "می\u200cخواهم", "مي" + "خواهم"},
		// Persian letters.
		{"persian ya", "ایران", "ايران"},
		{"persian kaf", "کابل", "كابل"},
		// Digits.
		{"arabic-indic digits", "٢٠٢٤", "2024"},
		{"extended arabic-indic digits", "۱۴۰۳", "1403"},
		// Latin.
		{"lower-casing", "QATAR Talks", "qatar talks"},
		{"turkiye", "Türkiye", "turkiye"},
		{"accents", "Ejército Café Zürich", "ejercito cafe zurich"},
		{"ascii lower unchanged", "already lower, 42.", "already lower, 42."},
		{"empty", "", ""},
		// Punctuation.
		{"arabic comma", "قطر، مصر", "قطر, مصر"},
		{"arabic semicolon", "أولاً؛ ثانياً", "اولا; ثانيا"},
		{"arabic question mark", "هل اتفقوا؟", "هل اتفقوا?"},
		{"curly double quotes", "\u201cyes\u201d", "\"yes\""},
		{"guillemets", "«نعم»", "\"نعم\""},
		{"curly single quotes", "\u2018Qatar\u2019s\u2019", "'qatar's'"},
		{"en and em dashes", "a\u2013b\u2014c", "a-b-c"},
		{"minus sign", "\u22125", "-5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			got := Fold(tt.in)
			if got != want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, want)
			}
			if again := Fold(got); again != got {
				t.Errorf("Fold is not idempotent on %q: Fold(%q) = %q", tt.in, got, again)
			}
		})
	}
}

// TestFoldASCIIFastPath: all-lower-case ASCII input must fold like any other input;
// foldRune maps the backtick to an apostrophe, so the result may not depend on
// whether the string also holds a capital letter.
func TestFoldASCIIFastPath(t *testing.T) {
	for _, in := range []string{"rock`n`roll", "Rock`n`roll"} {
		if got, want := Fold(in), "rock'n'roll"; got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsArabicHasArabic(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"قطر", true},
		{"Qatar", false},
		{"Qatar قطر", true},
		{"٢٠٢٤", false}, // digits are not letters
		{"،؟", false},   // nor is punctuation
		{"", false},
	}
	for _, tt := range tests {
		if got := HasArabic(tt.in); got != tt.want {
			t.Errorf("HasArabic(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if !IsArabic('ق') || IsArabic('Q') || IsArabic('،') {
		t.Errorf("IsArabic: wrong classification of ق / Q / ،")
	}
}

// checkOffsets verifies that every token is the exact substring at its offsets and
// that tokens are ordered and do not overlap.
func checkOffsets(t *testing.T, src string, toks []Token) {
	t.Helper()
	prev := 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(src) {
			t.Errorf("%q: token %d %q has bad offsets [%d,%d) (previous end %d)", src, i, tk.Text, tk.Start, tk.End, prev)
			continue
		}
		if got := src[tk.Start:tk.End]; got != tk.Text {
			t.Errorf("%q: token %d: src[%d:%d] = %q, Text = %q", src, i, tk.Start, tk.End, got, tk.Text)
		}
		prev = tk.End
	}
}

func tokenTexts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, tk := range toks {
		out[i] = tk.Text
	}
	return out
}

func TestTokenizeSplits(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"english sentence", "Qatar and Egypt mediate.", []string{"Qatar", "and", "Egypt", "mediate", "."}},
		{"dotted acronym", "the U.S. said", []string{"the", "U.S.", "said"}},
		{"acronym before hyphen", "U.S.-brokered talks", []string{"U.S.", "-", "brokered", "talks"}},
		{"middle initial", "William J. Burns", []string{"William", "J.", "Burns"}},
		{"arabic initial", "ويليام ج. بيرنز", []string{"ويليام", "ج.", "بيرنز"}},
		{"three-letter acronym", "U.S.A. and D.R. Congo", []string{"U.S.A.", "and", "D.R.", "Congo"}},
		{"possessive", "Qatar's role", []string{"Qatar's", "role"}},
		{"curly possessive", "Qatar\u2019s role", []string{"Qatar\u2019s", "role"}},
		{"plural possessive", "the parties' positions", []string{"the", "parties'", "positions"}},
		{"apostrophe inside name", "O'Brien said", []string{"O'Brien", "said"}},
		{"numbers", "1,200 troops, 3.5 percent", []string{"1,200", "troops", ",", "3.5", "percent"}},
		{"number ends sentence", "in 2024.", []string{"in", "2024", "."}},
		{"arabic-indic number", "قتل ١٬٢٠٠ شخص", []string{"قتل", "١٬٢٠٠", "شخص"}},
		{"arabic punctuation", "قطر، ومصر؟", []string{"قطر", "،", "ومصر", "؟"}},
		{"arabic with diacritics", "مُحَمَّدٌ بْنُ سَلْمَانَ", []string{"مُحَمَّدٌ", "بْنُ", "سَلْمَانَ"}},
		{"tatweel inside word", "قطـــر", []string{"قطـــر"}},
		{"quotes and brackets", "\u201cyes\u201d (no)", []string{"\u201c", "yes", "\u201d", "(", "no", ")"}},
		{"mixed scripts", "Hamas (حماس) said", []string{"Hamas", "(", "حماس", ")", "said"}},
		{"only spaces", " \t\n ", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.src)
			checkOffsets(t, tt.src, toks)
			got := tokenTexts(toks)
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestTokenizeOffsets(t *testing.T) {
	srcs := []string{
		"وتحاول قطر والولايات المتحدة ومصر التوصل إلى اتفاق، بحسب مسؤول مصري.",
		"Qatar's prime minister met the U.S.-brokered delegation in Doha on Monday.\nThe talks, which 1,200 people attended, lasted 3.5 hours!",
		"التقى مدير وكالة المخابرات المركزية ويليام ج. بيرنز بالمسؤولين القطريين في الدوحة.\r\nوقال: «نحن متفائلون».",
		"\ufeffBOM first\u200f and marks\u200e, \u2028line sep",
		"Türkiye’s “envoy” — Hakan Fidan — said ٣٫٥",
	}
	for _, src := range srcs {
		toks := Tokenize(src)
		if len(toks) == 0 {
			t.Errorf("Tokenize(%q) returned no tokens", src)
		}
		checkOffsets(t, src, toks)
		for _, tk := range toks {
			if tk.Norm != Fold(tk.Text) && !tk.Possessive {
				t.Errorf("%q: token %q: Norm %q != Fold(Text) %q", src, tk.Text, tk.Norm, Fold(tk.Text))
			}
		}
	}
}

func TestTokenFields(t *testing.T) {
	type fields struct {
		Norm                           string
		Kind                           Kind
		Arabic, Cap, Upper, Possessive bool
		SpaceBefore, LineBefore        bool
	}
	tests := []struct {
		name string
		src  string
		i    int // index of the token to check
		text string
		want fields
	}{
		{"capitalised word", "Qatar", 0, "Qatar", fields{Norm: "qatar", Kind: Word, Cap: true}},
		{"acronym UN", "the UN said", 1, "UN", fields{Norm: "un", Kind: Word, Cap: true, Upper: true, SpaceBefore: true}},
		{"acronym RSF", "RSF fighters", 0, "RSF", fields{Norm: "rsf", Kind: Word, Cap: true, Upper: true}},
		{"dotted acronym", "the U.S. said", 1, "U.S.", fields{Norm: "u.s.", Kind: Word, Cap: true, Upper: true, SpaceBefore: true}},
		{"single capital is not an acronym", "Plan B", 1, "B", fields{Norm: "b", Kind: Word, Cap: true, SpaceBefore: true}},
		{"lower-case word", "talks", 0, "talks", fields{Norm: "talks", Kind: Word}},
		{"possessive", "Qatar's role", 0, "Qatar's", fields{Norm: "qatar", Kind: Word, Cap: true, Possessive: true}},
		{"curly possessive", "Qatar\u2019s role", 0, "Qatar\u2019s", fields{Norm: "qatar", Kind: Word, Cap: true, Possessive: true}},
		{"plural possessive", "the parties' positions", 1, "parties'", fields{Norm: "parties", Kind: Word, Possessive: true, SpaceBefore: true}},
		{"apostrophe name is not possessive", "O'Brien", 0, "O'Brien", fields{Norm: "o'brien", Kind: Word, Cap: true}},
		{"number with comma", "1,200 troops", 0, "1,200", fields{Norm: "1,200", Kind: Number}},
		{"decimal number", "3.5 percent", 0, "3.5", fields{Norm: "3.5", Kind: Number}},
		{"arabic-indic number", "٣٫٥", 0, "٣٫٥", fields{Norm: "3٫5", Kind: Number}},
		{"arabic word", "قطر", 0, "قطر", fields{Norm: "قطر", Kind: Word, Arabic: true}},
		{"arabic word with diacritics", "مُحَمَّدٌ", 0, "مُحَمَّدٌ", fields{Norm: "محمد", Kind: Word, Arabic: true}},
		{"arabic comma", "قطر، مصر", 1, "،", fields{Norm: ",", Kind: Punct}},
		{"punct after space", "said : yes", 1, ":", fields{Norm: ":", Kind: Punct, SpaceBefore: true}},
		{"word after newline", "Headline\nBody text", 1, "Body", fields{Norm: "body", Kind: Word, Cap: true, SpaceBefore: true, LineBefore: true}},
		{"word after CRLF", "Headline\r\n\r\nBody", 1, "Body", fields{Norm: "body", Kind: Word, Cap: true, SpaceBefore: true, LineBefore: true}},
		{"no line before on same line", "Headline\nBody text", 2, "text", fields{Norm: "text", Kind: Word, SpaceBefore: true}},
		{"arabic after newline", "عنوان\nقطر", 1, "قطر", fields{Norm: "قطر", Kind: Word, Arabic: true, SpaceBefore: true, LineBefore: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.src)
			if tt.i >= len(toks) {
				t.Fatalf("Tokenize(%q) = %q: no token %d", tt.src, tokenTexts(toks), tt.i)
			}
			tk := toks[tt.i]
			if tk.Text != tt.text {
				t.Fatalf("Tokenize(%q)[%d].Text = %q, want %q (tokens %q)", tt.src, tt.i, tk.Text, tt.text, tokenTexts(toks))
			}
			got := fields{tk.Norm, tk.Kind, tk.Arabic, tk.Cap, tk.Upper, tk.Possessive, tk.SpaceBefore, tk.LineBefore}
			if got != tt.want {
				t.Errorf("Tokenize(%q)[%d] = %+v, want %+v", tt.src, tt.i, got, tt.want)
			}
		})
	}
}

func TestTokenIsPunct(t *testing.T) {
	toks := Tokenize("قطر، مصر؟ Egypt")
	if !toks[1].IsPunct(",") {
		t.Errorf("%q.IsPunct(\",\") = false, want true (، folds to ,)", toks[1].Text)
	}
	if !toks[3].IsPunct("?") {
		t.Errorf("%q.IsPunct(\"?\") = false, want true (؟ folds to ?)", toks[3].Text)
	}
	if toks[0].IsPunct("قطر") {
		t.Errorf("word %q reports IsPunct", toks[0].Text)
	}
	if toks[4].String() != "Egypt" {
		t.Errorf("Token.String() = %q, want %q", toks[4].String(), "Egypt")
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // each sentence's Text(src)
	}{
		{"full stop", "Talks resumed. Qatar mediated.", []string{"Talks resumed.", "Qatar mediated."}},
		{"exclamation and question", "They agreed! Did Egypt sign? Yes", []string{"They agreed!", "Did Egypt sign?", "Yes"}},
		{"arabic question mark", "هل اتفقوا؟ نعم.", []string{"هل اتفقوا؟", "نعم."}},
		{"arabic full stop", "استؤنفت المحادثات في الدوحة. وقال الوسطاء إنهم متفائلون.", []string{"استؤنفت المحادثات في الدوحة.", "وقال الوسطاء إنهم متفائلون."}},
		{"line break without punctuation", "Headline here\nBody starts here", []string{"Headline here", "Body starts here"}},
		{"crlf and blank lines", "عنوان الخبر\r\n\r\nنص الخبر", []string{"عنوان الخبر", "نص الخبر"}},
		{"abbreviations", "Mr. Smith met Dr. Jones and Gen. Brown. Then they left.", []string{"Mr. Smith met Dr. Jones and Gen. Brown.", "Then they left."}},
		{"decimal number", "Growth was 3.5 percent. Next year 4.1.", []string{"Growth was 3.5 percent.", "Next year 4.1."}},
		{"no space after dot", "See example.com for details. Done.", []string{"See example.com for details.", "Done."}},
		{"arabic initial", "التقى ويليام ج. بيرنز بالوسطاء. ثم غادر.", []string{"التقى ويليام ج. بيرنز بالوسطاء.", "ثم غادر."}},
		{"english initial", "William J. Burns met mediators. Then he left.", []string{"William J. Burns met mediators.", "Then he left."}},
		{"closing quote", "He said \"we agree.\" Then he left.", []string{"He said \"we agree.\"", "Then he left."}},
		{"closing curly quote", "He said \u201cwe agree.\u201d Then he left.", []string{"He said \u201cwe agree.\u201d", "Then he left."}},
		{"closing guillemet", "وقال: «نحن متفائلون.» ثم غادر.", []string{"وقال: «نحن متفائلون.»", "ثم غادر."}},
		{"closing bracket", "They met (in Doha.) Then left.", []string{"They met (in Doha.)", "Then left."}},
		{"surrounding space", "  One.   Two.  ", []string{"One.", "Two."}},
		{"empty", "", nil},
		{"only punctuation", ".", []string{"."}},
		{"hard-wrapped paragraph", "Envoys of both governments gathered in the capital on Monday for\nthe first round of talks on the border dispute that began last\nyear. The talks will resume on Friday after a short break for\nconsultations with the leadership.\n\nA second paragraph follows here.",
			[]string{"Envoys of both governments gathered in the capital on Monday for\nthe first round of talks on the border dispute that began last\nyear.", "The talks will resume on Friday after a short break for\nconsultations with the leadership.", "A second paragraph follows here."}},
		{"short lines still break", "Headline\nBody line one\nBody line two", []string{"Headline", "Body line one", "Body line two"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss := Sentences(tt.src)
			var got []string
			for i, s := range ss {
				got = append(got, s.Text(tt.src))
				if s.Index != i {
					t.Errorf("sentence %d has Index %d", i, s.Index)
				}
				if s.Text(tt.src) != tt.src[s.Start:s.End] {
					t.Errorf("sentence %d: Text() != src[Start:End]", i)
				}
				if len(s.Tokens) == 0 {
					t.Errorf("sentence %d has no tokens", i)
					continue
				}
				if s.Tokens[0].Start != s.Start || s.Tokens[len(s.Tokens)-1].End != s.End {
					t.Errorf("sentence %d [%d,%d) does not span its tokens [%d,%d)", i, s.Start, s.End, s.Tokens[0].Start, s.Tokens[len(s.Tokens)-1].End)
				}
				checkOffsets(t, tt.src, s.Tokens)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q) =\n  %q\nwant\n  %q", tt.src, got, tt.want)
			}
		})
	}
}

// TestSentencesTerminalRuns: a run of terminal marks ends one sentence; no sentence
// is made of punctuation alone. "…" is listed as terminal in isTerminal.
func TestSentencesTerminalRuns(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"Really?! Yes.", []string{"Really?!", "Yes."}},
		{"قالوا!! نعم", []string{"قالوا!!", "نعم"}},
		{"They waited... Then talks resumed.", []string{"They waited...", "Then talks resumed."}},
		{"They waited\u2026 Then talks resumed.", []string{"They waited\u2026", "Then talks resumed."}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range Sentences(tt.src) {
			got = append(got, s.Text(tt.src))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

// TestSentencesCoverTokens checks that the sentences of a document partition its tokens.
func TestSentencesCoverTokens(t *testing.T) {
	src := "عاجل: قطر ومصر تعلنان اتفاقا\nقال Mr. Smith إن المحادثات ستستأنف. وأضاف: «نأمل بالتوصل إلى اتفاق.» هل ينجح؟ ربما!\nThe U.S.-brokered deal covers 1,200 prisoners. Dr. Jones agreed."
	toks := Tokenize(src)
	var all []Token
	for i, s := range Sentences(src) {
		if s.Index != i {
			t.Errorf("sentence %d has Index %d", i, s.Index)
		}
		all = append(all, s.Tokens...)
	}
	// Sentences' tokens carry a place for their readings (Token.Stems); the rest
	// of each token is Tokenize's.
	for i := range all {
		all[i].stems = nil
	}
	if !reflect.DeepEqual(all, toks) {
		t.Errorf("sentences do not partition the tokens:\n got %q\nwant %q", tokenTexts(all), tokenTexts(toks))
	}
}

// A token of Sentences reads its stems once, and its copies share them.
func TestTokenStemsReadOnce(t *testing.T) {
	s := Sentences("وبالدوحة اجتمع الوفدان")[0]
	tok := s.Tokens[0]
	first := tok.Stems()
	if len(first) == 0 || !reflect.DeepEqual(first, Stems(tok.Norm)) {
		t.Fatalf("stems %v, want %v", first, Stems(tok.Norm))
	}
	copyOf := s.Tokens[0]
	if again := copyOf.Stems(); &again[0] != &first[0] {
		t.Fatal("a copy of the token read its stems again")
	}
}

func findStem(stems []Stem, form string) (Stem, bool) {
	for _, s := range stems {
		if s.Form == form {
			return s, true
		}
	}
	return Stem{}, false
}

func TestStems(t *testing.T) {
	tests := []struct {
		word    string
		want    []Stem   // readings that must be present, with their flags
		without []string // forms that must not be produced
	}{
		{"والولايات", []Stem{
			{Form: "الولايات", Conj: true, Definite: true},
			{Form: "ولايات", Conj: true},
		}, []string{"لايات"}},
		{"لليمن", []Stem{
			{Form: "اليمن", Prep: true, Definite: true},
			{Form: "يمن", Prep: true},
		}, nil},
		{"بواشنطن", []Stem{{Form: "واشنطن", Prep: true}}, []string{"اشنطن"}},
		{"وبالدوحة", []Stem{
			{Form: "بالدوحة", Conj: true},
			{Form: "الدوحة", Conj: true, Prep: true, Definite: true},
			{Form: "دوحة", Conj: true, Prep: true},
		}, nil},
		{"فلسطين", []Stem{{Form: "لسطين", Conj: true}}, nil},
		{"كالعادة", []Stem{{Form: "العادة", Prep: true, Definite: true}}, nil},
		{"الم", nil, []string{"م"}}, // too short to carry an article
		{"وب", nil, []string{"ب"}},
		{"ول", nil, []string{"ل"}},
		{"وال", nil, []string{"ل"}},
		{"فلل", nil, []string{"ل"}},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			stems := Stems(tt.word)
			if len(stems) == 0 || stems[0].Form != tt.word {
				t.Fatalf("Stems(%q)[0] is not the word itself: %+v", tt.word, stems)
			}
			if stems[0].Conj || stems[0].Prep {
				t.Errorf("Stems(%q)[0] = %+v: the word itself has no clitic removed", tt.word, stems[0])
			}
			seen := map[string]bool{}
			for _, s := range stems {
				if utf8.RuneCountInString(s.Form) < 2 {
					t.Errorf("Stems(%q) produced a single-letter remnant %+v", tt.word, s)
				}
				if seen[s.Form] {
					t.Errorf("Stems(%q) produced %q twice", tt.word, s.Form)
				}
				seen[s.Form] = true
				if s.Definite != strings.HasPrefix(s.Form, "ال") && utf8.RuneCountInString(s.Form) > 3 {
					t.Errorf("Stems(%q): %+v: Definite does not match the article", tt.word, s)
				}
			}
			for _, w := range tt.want {
				got, ok := findStem(stems, w.Form)
				if !ok {
					t.Errorf("Stems(%q) = %+v: missing %q", tt.word, stems, w.Form)
					continue
				}
				if got != w {
					t.Errorf("Stems(%q): got %+v, want %+v", tt.word, got, w)
				}
			}
			for _, f := range tt.without {
				if _, ok := findStem(stems, f); ok {
					t.Errorf("Stems(%q) = %+v: should not contain %q", tt.word, stems, f)
				}
			}
		})
	}
}

func TestStemsTooShort(t *testing.T) {
	for _, w := range []string{"", "و", "ب"} {
		if got := Stems(w); len(got) != 0 {
			t.Errorf("Stems(%q) = %+v, want none", w, got)
		}
	}
}

func TestStemBare(t *testing.T) {
	tests := []struct {
		s    Stem
		want string
	}{
		{Stem{Form: "اليمن", Definite: true}, "يمن"},
		{Stem{Form: "يمن"}, "يمن"},
		{Stem{Form: "الم"}, "الم"}, // not definite: kept as is
	}
	for _, tt := range tests {
		if got := tt.s.Bare(); got != tt.want {
			t.Errorf("%+v.Bare() = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestNisbaBase(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"القطريون", "قطري"},
		{Fold("القطرية"), "قطري"},
		{Fold("قطرية"), "قطري"},
		{"القطري", "قطري"},
		{"قطري", "قطري"},
		{"المصريين", "مصري"},
		{Fold("أمريكيات"), "امريكي"},
		{"قطريتين", "قطري"},
		{"قطريتان", "قطري"},
		{"قطريان", "قطري"},
		{"يمنيون", "يمني"},
		{"قطر", ""},
		{"مصر", ""},
		{"الدوحه", ""},
		{"ري", ""}, // too short to be a nisba
		{"", ""},
	}
	for _, tt := range tests {
		if got := NisbaBase(tt.in); got != tt.want {
			t.Errorf("NisbaBase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKey(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Qatar", "qatar"},
		{"the United States", "the united states"},
		{"the U.S.", "the u.s."},
		{"Qatar's", "qatar"},
		{"  Hello,   World!  ", "hello world"},
		{"U.S.-brokered", "u.s. brokered"},
		{"Washington, D.C.", "washington d.c."},
		{"\u201cTürkiye\u201d", "turkiye"},
		{"الولايات المتحدة الأمريكية", "الولايات المتحده الامريكيه"},
		{"قطر، مصر؟", "قطر مصر"},
		{"مُحَمَّد  بن   سلمان", "محمد بن سلمان"},
		{"...", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestKeyAcronymPossessive: Key's doc says "the U.S.'s" keys as the acronym without
// its possessive ("the U.S.'s" → "the u.s"); it must at least not leave a stray "s".
func TestKeyAcronymPossessive(t *testing.T) {
	got, plain := Key("the U.S.'s"), Key("the U.S.")
	if got != plain {
		t.Errorf("Key(%q) = %q, want the same key as Key(%q) = %q (possessive 's dropped)", "the U.S.'s", got, "the U.S.", plain)
	}
}

// HasDefinite agrees with Stems on every word of the sample articles and on short
// and clitic-laden words.
func TestHasDefiniteAgreesWithStems(t *testing.T) {
	words := []string{"", "ال", "الم", "الما", "لل", "للي", "لليمن", "ولليمن", "فال", "والدوحه", "بالدوحه", "كال", "ل", "و", "وال", "والي", "اليمن", "يمن"}
	files, _ := filepath.Glob("../../testdata/articles/ar_*")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, tok := range Tokenize(string(data)) {
			if tok.Arabic {
				words = append(words, tok.Norm)
			}
		}
	}
	for _, w := range words {
		want := false
		for _, s := range Stems(w) {
			want = want || s.Definite
		}
		if got := HasDefinite(w); got != want {
			t.Errorf("HasDefinite(%q) = %v, Stems say %v", w, got, want)
		}
	}
}
