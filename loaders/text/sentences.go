package text

import (
	"strings"
	"unicode/utf8"
)

// Sentence is a run of tokens that ends at a full stop, a question or exclamation
// mark or a line break.
type Sentence struct {
	Index      int // position in the document, from 0
	Start, End int // byte offsets into the original text
	Tokens     []Token
}

// Text returns the sentence as written in src.
func (s Sentence) Text(src string) string { return src[s.Start:s.End] }

// abbreviations end with a dot that does not end a sentence (folded form).
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "lt": true, "col": true,
	"maj": true, "capt": true, "sgt": true, "sen": true, "rep": true, "gov": true,
	"st": true, "jr": true, "sr": true, "prof": true, "rev": true, "adm": true, "brig": true,
	"no": true, "vs": true, "etc": true, "jan": true, "feb": true, "aug": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "inc": true, "corp": true, "co": true, "ltd": true,
	"د": true, "م": true, "ج": true,
}

// MaxSentenceTokens bounds a sentence's length. News sentences stay well under it
// (the longest of the development articles has about 150 tokens); text with no full
// stops (a page's lists, a run-on transcript) is cut into pieces of at most this
// many tokens, at a comma where there is one, so that the work a sentence costs the
// extractor stays bounded however long the text.
const MaxSentenceTokens = 160

// Sentences splits a document into sentences.
//
// The tokens belong to the caller, as a document's own: each Arabic word keeps its
// readings once read (Token.Stems, shared by the tokens of the same word), so they
// are not for sharing between goroutines.
func Sentences(src string) []Sentence {
	toks := Tokenize(src)
	// The tokens of one word share its readings: read once a document, not once
	// an occurrence (news repeats its words; the readings are a slice each).
	shared := map[string]*[]Stem{}
	for i := range toks {
		if toks[i].Arabic {
			st := shared[toks[i].Norm]
			if st == nil {
				st = new([]Stem)
				shared[toks[i].Norm] = st
			}
			toks[i].stems = st
		}
	}
	soft := softBreaks(src)
	var out []Sentence
	begin := 0
	flush := func(end int) {
		if end > begin {
			ts := toks[begin:end]
			out = append(out, Sentence{Index: len(out), Start: ts[0].Start, End: ts[len(ts)-1].End, Tokens: ts})
		}
		begin = end
	}
	for i := 0; i < len(toks); i++ {
		if i-begin >= MaxSentenceTokens {
			flush(cutAt(toks, begin, i))
		}
		t := toks[i]
		if i > begin && t.LineBefore && !soft[breakBetween(src, toks[i-1].End, t.Start)] {
			flush(i)
		}
		if t.Kind != Punct || !isTerminal(t.Norm) {
			continue
		}
		if t.Norm == "." && i > 0 && i > begin && !toks[i].SpaceBefore && abbreviations[toks[i-1].Norm] && toks[i-1].Kind == Word {
			continue
		}
		// Keep further stops ("?!", "...") and closing quotes and brackets with the
		// sentence they close.
		j := i + 1
		for j < len(toks) && toks[j].Kind == Punct && !toks[j].SpaceBefore && (isCloser(toks[j].Norm) || isTerminal(toks[j].Norm)) {
			j++
		}
		if j < len(toks) && !toks[j].SpaceBefore && !toks[j].LineBefore && toks[j].Kind != Punct {
			continue // "3.5", "example.com": no space after the dot
		}
		flush(j)
		i = j - 1
	}
	flush(len(toks))
	return out
}

// cutAt returns where to cut the over-long run of tokens [begin, end): after its
// last comma, semicolon or colon in the second half, else at end.
func cutAt(toks []Token, begin, end int) int {
	for k := end - 1; k > begin+(end-begin)/2; k-- {
		if t := toks[k]; t.Kind == Punct {
			switch t.Norm {
			case ",", ";", ":", "،", "؛":
				return k + 1
			}
		}
	}
	return end
}

func isTerminal(p string) bool {
	switch p {
	case ".", "!", "?", "...": // … folds to "..."
		return true
	}
	return false
}

func isCloser(p string) bool {
	switch p {
	case "\"", "'", ")", "]", "»", "”", "’":
		return true
	}
	return false
}

// softBreaks returns the offsets of the line breaks of a hard-wrapped text that fall
// inside a paragraph: press releases and wire copy folded at a fixed width ("… held in
// Geneva on October 15 for\nkey talks …"), where a line break is no sentence end.
// A text is hard-wrapped when most of its lines fill a width of at most 100
// characters; a break is soft when its line is that full, does not end a sentence,
// and the next line goes on (no blank line, no list mark).
func softBreaks(src string) map[int]bool {
	lines := strings.Split(src, "\n")
	width, filled, nonEmpty := 0, 0, 0
	for _, l := range lines {
		if n := utf8.RuneCountInString(strings.TrimRight(l, " \r\t")); n > width {
			width = n
		}
	}
	if width < 40 || width > 100 {
		return nil
	}
	full := func(l string) bool { return utf8.RuneCountInString(strings.TrimRight(l, " \r\t"))*4 >= width*3 }
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		nonEmpty++
		if full(l) {
			filled++
		}
	}
	if nonEmpty < 4 || filled*2 < nonEmpty {
		return nil
	}
	soft := map[int]bool{}
	off := 0
	for k, l := range lines {
		end := off + len(l) // the offset of the "\n" after line k
		if k+1 < len(lines) && full(l) && strings.TrimSpace(lines[k+1]) != "" && !endsSentence(l) && !startsItem(lines[k+1]) {
			soft[end] = true
		}
		off = end + 1
	}
	return soft
}

// breakBetween returns the offset of the last "\n" in src[from:to] (the space
// between two tokens), or -1: the search never leaves the gap, so a text whose
// lines end in "\r" alone stays linear.
func breakBetween(src string, from, to int) int {
	if k := strings.LastIndexByte(src[from:to], '\n'); k >= 0 {
		return from + k
	}
	return -1
}

func endsSentence(l string) bool {
	l = strings.TrimRight(l, " \r\t\"'”’»)")
	r, _ := utf8.DecodeLastRuneInString(l)
	return r == '.' || r == '!' || r == '?' || r == ':' || r == '؟'
}

func startsItem(l string) bool {
	l = strings.TrimSpace(l)
	r, _ := utf8.DecodeRuneInString(l)
	return r == '-' || r == '*' || r == '•' || r == '#'
}
