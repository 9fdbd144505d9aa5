package source

import (
	"testing"
	"time"
)

// Datelines written for this test: the date they give, or none.
func TestDatelineDate(t *testing.T) {
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		headline, body string
		want           string // "" for none
	}{
		{"Talks resume in Doha", "DOHA, March 3, 2025 (Reuters) - Israel and Hamas resumed talks on Monday.", "2025-03-03"},
		{"Talks resume in Doha", "DOHA, March 3 (Reuters) - Israel and Hamas resumed talks on Monday.", "2025-03-03"},
		{"استئناف المحادثات في الدوحة", "الدوحة - 3 مارس 2025 - استأنف وفدا إسرائيل وحماس المحادثات.", "2025-03-03"},
		{"Talks resume in Doha - 12 May 2025", "Israel and Hamas resumed talks on Monday.", "2025-05-12"},
		{"Talks resume in Doha", "Israel and Hamas resumed talks on Monday, officials said.", ""},
		{"Talks resume", "Israel and Hamas resumed talks on Monday. " + "The talks follow a long war in which many people died and many more fled their homes, " +
			"officials said. The first round was held in Cairo on 28 August 2000.", ""},
	}
	for _, c := range cases {
		got, ok := datelineDate(c.headline, c.body, now)
		switch {
		case c.want == "" && ok:
			t.Errorf("%q: read %s from no dateline", c.body, got)
		case c.want != "" && (!ok || got.Format(time.DateOnly) != c.want):
			t.Errorf("%q: %v %v, want %s", c.body, got, ok, c.want)
		}
	}
}

// A text file whose dateline gives a date is an article of that date.
func TestReadTakesTheDatelineDate(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "a.txt", []byte("Talks resume in Doha\nDOHA, March 3, 2025 (Reuters) - Israel and Hamas resumed talks on Monday."))
	a, err := ReadFile(path, 0)
	if err != nil || a.Published.Format(time.DateOnly) != "2025-03-03" {
		t.Fatalf("published %v (%v)", a.Published, err)
	}
}
