package main

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// datedArticles are three articles with published dates and one without (its load
// time stands in), written for these tests.
const datedArticles = `[
 {"url": "https://w.example/a", "headline": "Qatar mediates", "published": "2023-05-01T09:00:00Z",
  "body": "Israel and Hamas held indirect talks in Doha on Monday, mediated by Qatar, on a ceasefire."},
 {"url": "https://w.example/b", "headline": "Egypt mediates", "published": "2024-06-01T09:00:00Z",
  "body": "Israel and Hamas held indirect talks in Cairo on Monday, mediated by Egypt, on a ceasefire."},
 {"url": "https://w.example/c", "headline": "Oman mediates", "published": "2024-07-01T09:00:00Z",
  "body": "Iran and the United States held indirect talks in Muscat on Saturday, mediated by Oman."}
]`

func jsonRows(t *testing.T, args ...string) []map[string]any {
	t.Helper()
	var rows []map[string]any
	out := mustRun(t, append(args, "--format", "json")...)
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return rows
}

// Every saved query takes since and until: the answer is what articles dated in
// the window report (published date, else load time), and counts only them.
func TestTimeWindow(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"wire.json": datedArticles})
	mustRun(t, "--db", db, "load", dir)
	mediators := func(params ...string) []string {
		args := []string{"--db", db, "query", "mediators"}
		for _, p := range params {
			args = append(args, "--param", p)
		}
		var out []string
		for _, r := range jsonRows(t, args...) {
			out = append(out, r["mediator"].(string))
		}
		sort.Strings(out)
		return out
	}
	for _, c := range []struct {
		params []string
		want   string
	}{
		{nil, "Egypt Oman Qatar"},
		{[]string{"since=2024-01-01"}, "Egypt Oman"},
		{[]string{"until=2023-12-31"}, "Qatar"},
		{[]string{"since=2024-06-01", "until=2024-06-01"}, "Egypt"},
		{[]string{"since=2024-06-01T10:00:00Z"}, "Oman"},
		{[]string{"since=2030-01-01"}, ""},
	} {
		if got := strings.Join(mediators(c.params...), " "); got != c.want {
			t.Errorf("mediators %v: %q, want %q", c.params, got, c.want)
		}
	}
	// The same window over talks and the network; a date that is none is an error.
	for _, r := range jsonRows(t, "--db", db, "query", "talks", "--param", "until=2023-12-31") {
		if r["location"] != "Doha" {
			t.Errorf("talks until 2023: %v", r)
		}
	}
	for _, r := range jsonRows(t, "--db", db, "query", "network", "--param", "since=2024-07-01") {
		if s, tg := r["source_name"], r["target_name"]; s == "Qatar" || s == "Egypt" || tg == "Doha" || tg == "Cairo" {
			t.Errorf("network since July 2024 has %v → %v", s, tg)
		}
	}
	if out := mustRun(t, "--db", db, "export", "--view", "network", "--format", "csv", "--until", "2023-12-31"); strings.Contains(out, "Egypt") || !strings.Contains(out, "Qatar") {
		t.Errorf("network export until 2023:\n%s", out)
	}
	if _, stderr, err := run(t, "--db", db, "query", "mediators", "--param", "since=last week"); err == nil || !strings.Contains(stderr+err.Error(), "no date") {
		t.Fatalf("a bad date: %v %s", err, stderr)
	}
	// An article without a published date counts from its load time.
	writeFiles(t, dir, map[string]string{"today.txt": "Talks\nArmenia and Azerbaijan met in Abu Dhabi, mediated by the United Arab Emirates."})
	mustRun(t, "--db", db, "load", dir)
	if got := strings.Join(mediators("since=2025-01-01"), " "); got != "United Arab Emirates" {
		t.Errorf("since 2025 after a load today: %q", got)
	}
}

// timeline lists what was reported about an actor's negotiations in date order,
// and says which dates are load times.
func TestTimeline(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"wire.json": datedArticles})
	mustRun(t, "--db", db, "load", dir)
	rows := jsonRows(t, "--db", db, "query", "timeline", "--param", "name=حماس")
	if len(rows) == 0 {
		t.Fatal("no timeline for Hamas")
	}
	last, events := "", map[string]bool{}
	for _, r := range rows {
		d := r["date"].(string)
		if d < last {
			t.Fatalf("timeline out of order: %s after %s", d, last)
		}
		last = d
		events[r["event"].(string)+" "+r["fact"].(string)] = true
		if r["dated"] != "published" || strings.Contains(r["article"].(string), "Oman") {
			t.Errorf("row %v", r)
		}
	}
	for _, want := range []string{"mediation Qatar mediates", "mediation Egypt mediates", "talks talks in Doha", "talks talks in Cairo"} {
		if !events[want] {
			t.Errorf("timeline lacks %q: %v", want, events)
		}
	}
	// why dates each piece of evidence by its article.
	if out := mustRun(t, "--db", db, "why", "Qatar"); !strings.Contains(out, "Qatar mediates (2023-05-01)") {
		t.Errorf("why Qatar does not date its evidence:\n%s", out)
	}
	if rows[0]["date"].(string) > "2023-12-31" {
		t.Errorf("the 2023 article does not come first: %v", rows[0])
	}
}
