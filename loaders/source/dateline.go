package source

import (
	"strconv"
	"strings"
	"time"

	dps "github.com/markusmobius/go-dateparser"

	"github.com/parleygraph/parley/loaders/text"
)

// datelineChars is how much of an article's start a dateline may take: the
// headline's line and the first words of the body ("DOHA, March 3 (Reuters) -",
// «الدوحة - 3 مارس 2025»).
const datelineChars = 160

// datelineDate reads the date a text's dateline gives, for an article whose
// source gives none: a day and a month (and the year, else the last such day
// before now), in English or Arabic, read by go-dateparser (no month tables of
// parley's own). Dates later in the text are events the story recalls, not when it
// was written, and are not read.
func datelineDate(headline, body string, now time.Time) (date time.Time, ok bool) {
	defer func() {
		if recover() != nil { // a parser's bug costs the date, not the article
			date, ok = time.Time{}, false
		}
	}()
	zone := body
	if len(zone) > datelineChars {
		zone = zone[:datelineChars]
	}
	cfg := &dps.Configuration{
		Languages:           []string{"en", "ar"},
		CurrentTime:         now,
		PreferredDateSource: dps.Past,
		RequiredParts:       []string{"day", "month"},
	}
	for _, s := range []string{headline, zone} {
		toks := text.Tokenize(s)
		for i, t := range toks {
			if !dayNumber(t) {
				continue
			}
			// The day with the words around it: "March 3, 2025", "3 مارس 2025",
			// "Tuesday 3 March".
			for _, w := range [][2]int{{i - 1, i + 3}, {i, i + 3}, {i - 1, i + 1}, {i, i + 2}} {
				from, to := max(w[0], 0), min(w[1], len(toks)-1)
				if from >= to {
					continue
				}
				d, err := dps.Parse(cfg, s[toks[from].Start:toks[to].End])
				if err == nil && !d.Time.IsZero() && !d.Time.After(now) && d.Time.Year() > 1900 {
					return d.Time.UTC(), true
				}
			}
		}
	}
	return time.Time{}, false
}

// dayNumber reports whether a token is a number that can be a day of the month
// (Western or Arabic-Indic digits).
func dayNumber(t text.Token) bool {
	if t.Kind != text.Number {
		return false
	}
	n, err := strconv.Atoi(strings.Map(func(r rune) rune {
		if r >= '٠' && r <= '٩' {
			return '0' + r - '٠'
		}
		return r
	}, t.Text))
	return err == nil && n >= 1 && n <= 31
}
