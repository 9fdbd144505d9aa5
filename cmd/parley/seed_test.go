package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// seedPath finds the project's seed article (kept outside the repository, see
// DEVELOPERS.md): $PARLEY_SEED, else ../shared/seeds beside the checkout.
func seedPath(t *testing.T) string {
	if p := os.Getenv("PARLEY_SEED"); p != "" {
		return p
	}
	matches, _ := filepath.Glob("../../../shared/seeds/000_*.txt")
	if len(matches) == 0 {
		t.Skip("seed article not present (set PARLEY_SEED)")
	}
	return matches[0]
}

func queryJSON(t *testing.T, db, name string) []map[string]any {
	t.Helper()
	var rows []map[string]any
	out := mustRun(t, "--db", db, "query", name, "--format", "json")
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	return rows
}

// TestSeedAcceptance checks issue 2's acceptance on the seed article.
func TestSeedAcceptance(t *testing.T) {
	seed := seedPath(t)
	db := filepath.Join(t.TempDir(), "parley.db")
	mustRun(t, "--db", db, "load", seed)

	var pairs []string
	for _, r := range queryJSON(t, db, "mediators") {
		for _, p := range r["between"].([]any) {
			pairs = append(pairs, r["mediator"].(string)+" → "+p.(string))
		}
	}
	sort.Strings(pairs)
	want := []string{"Egypt → Hamas", "Egypt → Israel", "Qatar → Hamas", "Qatar → Israel", "United States → Hamas", "United States → Israel"}
	if strings.Join(pairs, "; ") != strings.Join(want, "; ") {
		t.Fatalf("mediator pairs:\n got %v\nwant %v", pairs, want)
	}

	venues := map[string]bool{}
	for _, r := range queryJSON(t, db, "talks") {
		venues[r["location"].(string)] = true
	}
	if !venues["Paris"] || !venues["Cairo"] {
		t.Fatalf("talks venues = %v, want Paris and Cairo", venues)
	}

	people := map[string]string{}
	for _, r := range queryJSON(t, db, "people") {
		people[r["person"].(string)] = r["affiliation"].(string)
	}
	for person, aff := range map[string]string{
		"David Barnea": "Israel", "William J. Burns": "United States", "Mohammed bin Abdulrahman Al Thani": "Qatar",
	} {
		if people[person] != aff {
			t.Fatalf("people: %s → %q, want %q (all: %v)", person, people[person], aff, people)
		}
	}

	issues := map[string]bool{}
	for _, r := range queryJSON(t, db, "issues") {
		issues[r["issue"].(string)] = true
	}
	for _, i := range []string{"hostage release", "prisoner exchange", "troop withdrawal", "freedom of movement", "phased agreement", "permanent end of war"} {
		if !issues[i] {
			t.Fatalf("issues lack %q: %v", i, issues)
		}
	}

	before := quadCount(t, db)
	mustRun(t, "--db", db, "load", seed)
	if after := quadCount(t, db); after != before {
		t.Fatalf("loading the seed twice: %d → %d quads", before, after)
	}
}
