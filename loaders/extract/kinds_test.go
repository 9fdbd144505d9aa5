package extract

import (
	"bufio"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestRuleReference checks RULES.md against the rule kinds and slots the code knows:
// every relation and slot the code accepts is documented, with the same slots, and
// the page documents nothing the code does not know.
func TestRuleReference(t *testing.T) {
	relations, slotRows := readReference(t, "RULES.md")
	for _, k := range Kinds() {
		doc, ok := relations[string(k)]
		if !ok {
			t.Errorf("RULES.md: relation %q missing from the Relations table", k)
			continue
		}
		var want []string
		for _, s := range SlotsOf(k) {
			want = append(want, string(rune(s)))
		}
		sort.Strings(want)
		sort.Strings(doc)
		if strings.Join(doc, " ") != strings.Join(want, " ") {
			t.Errorf("RULES.md: relation %s lists slots %v, the code allows %v", k, doc, want)
		}
		delete(relations, string(k))
	}
	for k := range relations {
		t.Errorf("RULES.md documents relation %q, which the code does not know", k)
	}
	for _, s := range slots {
		if !slotRows[s.String()] {
			t.Errorf("RULES.md: slot %s missing from the Slots table", s)
		}
		delete(slotRows, s.String())
	}
	for s := range slotRows {
		t.Errorf("RULES.md documents slot %s, which the code does not know", s)
	}
}

// readReference returns the Relations table (relation → slot letters) and the slots
// of the Slots table.
func readReference(t *testing.T, path string) (map[string][]string, map[string]bool) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	relations, slotRows := map[string][]string{}, map[string]bool{}
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "## ") {
			section = strings.TrimPrefix(line, "## ")
			continue
		}
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(line, "|")
		name := strings.Trim(strings.TrimSpace(cells[1]), "`")
		switch section {
		case "Relations":
			relations[name] = strings.Fields(cells[2])
		case "Slots":
			slotRows[name] = true
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(relations) == 0 || len(slotRows) == 0 {
		t.Fatalf("%s: no Relations or Slots table found", path)
	}
	return relations, slotRows
}

// TestSlotModifiers checks the slot syntax: {P+} takes open-world actors, {M:adj}
// states as adjectives only, and modifiers on slots that hold no actors are errors.
func TestSlotModifiers(t *testing.T) {
	tests := []struct {
		kind    RuleKind
		slot    string
		open    bool
		adjOnly bool
		wantErr bool
	}{
		{RuleParties, "{P}", false, false, false},
		{RuleParties, "{P+}", true, false, false},
		{RuleMediation, "{M:adj}", false, true, false},
		{RuleMediation, "{M+:adj}", true, true, false},
		{RuleVenue, "{L+}", false, false, true},
		{RuleMediation, "{M:big}", false, false, true},
		{RuleParties, "{M}", false, false, true},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind)+tt.slot, func(t *testing.T) {
			e, err := parseSlot(tt.slot, tt.kind)
			if (err != nil) != tt.wantErr {
				t.Fatalf("parseSlot(%q, %s) error = %v, want error %v", tt.slot, tt.kind, err, tt.wantErr)
			}
			if err == nil && (e.open != tt.open || e.adjOnly != tt.adjOnly) {
				t.Errorf("parseSlot(%q) = open %v adj %v, want %v %v", tt.slot, e.open, e.adjOnly, tt.open, tt.adjOnly)
			}
		})
	}
}
