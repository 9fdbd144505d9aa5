package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// A wire story, written for this test, long enough to fingerprint.
const wireStory = `Negotiators from Israel and Hamas resumed indirect talks in Doha on Tuesday, with Qatar and Egypt mediating between the two sides, officials briefed on the discussions said.
The round is expected to focus on the release of hostages held in Gaza and on the terms of a permanent ceasefire, according to two diplomats who asked not to be named.
Qatar's prime minister met both delegations late on Tuesday and urged them to narrow the remaining gaps on the first phase of the agreement before the end of the week.
An Egyptian security delegation also arrived in Doha to join the talks, which the mediators described as serious but difficult.`

// Three copies of one story (another headline, a paragraph more, other URLs) count
// once; two different stories on the same talks count twice.
func TestSyndicatedCopiesCountOnce(t *testing.T) {
	other := `Egyptian mediators presented Israel and Hamas with a new proposal in Cairo on Wednesday, seeking to bridge differences over the sequencing of a hostage release and a withdrawal of troops.
Hamas said it was studying the Egyptian paper, while an Israeli official said the delegation in Cairo would respond within days, according to a statement issued after the meeting.
The Cairo meeting followed several rounds of talks that stalled over the duration of the truce, and the mediators hope to announce a framework before the end of the month.`
	articles := []map[string]string{
		{"url": "https://wire.example/1", "headline": "Israel and Hamas resume talks in Doha", "body": wireStory},
		{"url": "https://daily.example/a", "headline": "Doha talks resume as mediators push for a deal", "body": wireStory},
		{"url": "https://news.example/x", "headline": "Israel, Hamas back at the table", "body": wireStory + "\nThe talks are expected to continue on Wednesday, a source close to the mediators said."},
		{"url": "https://other.example/2", "headline": "Egypt presents new proposal in Cairo", "body": other},
	}
	data, _ := json.Marshal(articles)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"wire.json": string(data)})
	db := filepath.Join(t.TempDir(), "p.db")
	mustRun(t, "--db", db, "load", dir)
	stats := mustRun(t, "--db", db, "stats")
	if statsValue(stats, "articles") != "4" || statsValue(stats, "copies") != "2" {
		t.Fatalf("stats:\n%s", stats)
	}
	for _, r := range jsonRows(t, "--db", db, "query", "mediators") {
		want := 1.0 // the story once
		if r["mediator"] == "Egypt" {
			want = 2 // the story and the Cairo one
		}
		if r["articles"].(float64) != want {
			t.Errorf("%v: %v articles, want %v", r["mediator"], r["articles"], want)
		}
	}
	links := gizmoJSON(t, db, `g.V().out("<https://parleygraph.org/ns#copyOf>").all()`)
	if len(links) != 2 || !strings.Contains(mustRun(t, "--db", db, "query", "--gizmo", `g.V().out("<https://parleygraph.org/ns#copyOf>").all()`), "wire.example/1") {
		t.Fatalf("copyOf links: %v", links)
	}
	verify(t, db)
	// Loading the same copies again changes nothing.
	if out := mustRun(t, "--db", db, "load", dir); !strings.HasPrefix(out, "0 loaded, 4 unchanged") {
		t.Fatalf("reload: %s", out)
	}
}
