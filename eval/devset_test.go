package eval

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// devFloors are the lowest scores the real-text development set (../shared/devset,
// third-party text read at test time only) may reach per category: F1 for every
// category, precision for mediation and person (0: not checked). Where the
// extractor meets them, they are the targets of issue #9 (mediation ≥ 0.75 with
// precision ≥ 0.85, venue ≥ 0.80, person ≥ 0.88 with precision ≥ 0.92, affiliation
// ≥ 0.75, place ≥ 0.85, issue ≥ 0.75); the categories without a target sit 0.03
// under the figures measured when they were set.
var devFloors = map[string]struct{ f1, precision float64 }{
	"mediation":   {0.75, 0.85},
	"venue":       {0.80, 0},
	"participant": {0.50, 0},
	"person":      {0.88, 0.92},
	"affiliation": {0.75, 0},
	"location":    {0.80, 0},
	"place":       {0.85, 0},
	"issue":       {0.75, 0},
}

// minDevArticles guards against a devset read only in part.
const minDevArticles = 40

func TestDevsetAboveFloor(t *testing.T) {
	dir := devsetDir(t)
	rep, err := RunDevset(context.Background(), builtinConfig(t, filepath.Join(dir, "gold")))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Articles) < minDevArticles {
		t.Fatalf("%d gold articles in %s, want at least %d", len(rep.Articles), dir, minDevArticles)
	}
	for _, a := range rep.Articles {
		for _, e := range a.Errors {
			t.Errorf("%s: %s", a.ID, e)
		}
	}
	for _, c := range DevCategories {
		n := rep.Counts[c]
		t.Logf("%-12s P %.3f R %.3f F1 %.3f  tp %d pred %d gold %d", c, n.Precision(), n.Recall(), n.F1(), n.TP, n.Pred, n.Gold)
	}
	if fails := devBelowFloors(rep); len(fails) > 0 {
		t.Fatalf("devset below floor: %s", strings.Join(fails, "; "))
	}
}

// devBelowFloors names each score under its floor in devFloors.
func devBelowFloors(rep *DevReport) []string {
	var fails []string
	for _, c := range DevCategories {
		fl, n := devFloors[c], rep.Counts[c]
		if n.F1() < fl.f1 {
			fails = append(fails, fmt.Sprintf("%s F1 %.3f < %.2f", c, n.F1(), fl.f1))
		}
		if n.Precision() < fl.precision {
			fails = append(fails, fmt.Sprintf("%s precision %.3f < %.2f", c, n.Precision(), fl.precision))
		}
	}
	return fails
}

// devsetDir finds ../shared/devset beside the module root. A missing devset skips
// the test, or fails it when PARLEY_REQUIRE_DEVSET=1 (as CI sets).
func devsetDir(t *testing.T) string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(filepath.Dir(root), "shared", "devset")
	if _, err := os.Stat(filepath.Join(dir, "gold")); err != nil {
		msg := fmt.Sprintf("no devset at %s (the real-text development set, kept outside the repository): %v", dir, err)
		if os.Getenv("PARLEY_REQUIRE_DEVSET") == "1" {
			t.Fatal(msg + "; PARLEY_REQUIRE_DEVSET=1 requires it")
		}
		t.Skip(msg + "; set PARLEY_REQUIRE_DEVSET=1 to fail instead")
	}
	return dir
}

// moduleRoot walks up from the working directory to the directory holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = up
	}
}
