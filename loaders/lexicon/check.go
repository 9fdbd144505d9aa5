package lexicon

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is something `parley lexicon check` reports.
type Problem struct {
	Severity string // "error" or "warning"
	Where    string // file:line of the entry
	Message  string
}

func (p Problem) String() string { return fmt.Sprintf("%s: %s: %s", p.Where, p.Severity, p.Message) }

// Check reports conflicts (one name for two entries that are not both marked
// ambiguous), duplicates within an entry, references to unknown entries, entries
// without an English or Arabic name, and two entries that would share a node IRI.
func (lx *Lexicon) Check() []Problem {
	out := append([]Problem(nil), lx.yielded...)
	for _, f := range lx.stale {
		out = append(out, Problem{Severity: "warning", Where: f, Message: "made from other hand-written files than these: " +
			"generated names that clash with hand-written ones are dropped at every start; run `parley lexicon import` again"})
	}
	add := func(sev string, e *Entry, format string, args ...any) {
		out = append(out, Problem{Severity: sev, Where: e.Source, Message: fmt.Sprintf(format, args...)})
	}
	type owner struct {
		e   *Entry
		amb bool
		raw string
	}
	byName := map[string][]owner{}
	for _, e := range lx.order {
		if e.Class == Title {
			continue
		}
		seen := map[string]string{}
		names := func(list []string, lang string, nisba bool) {
			for _, raw := range list {
				n, amb := parseName(raw)
				toks := nameTokens(n)
				key := lang + ":" + strings.Join(toks, " ")
				if nisba {
					key = "nisba:" + key
				}
				if prev, ok := seen[key]; ok {
					add("warning", e, "%s: %q repeats %q", e.ID, raw, prev)
					continue
				}
				seen[key] = raw
				byName[key] = append(byName[key], owner{e, amb || e.Flags["ambiguous"] != "", raw})
			}
		}
		names(e.En, "en", false)
		names(e.EnAdj, "en", false)
		names(e.Ar, "ar", false)
		names(e.ArNisba, "ar", true)
		// Generated entries have what their source has (Phoenix is English only):
		// a warning each would bury the ones about hand-written entries.
		if len(e.En) == 0 && !e.Generated {
			add("warning", e, "%s has no English name", e.ID)
		}
		if len(e.Ar) == 0 && !e.Generated {
			add("warning", e, "%s has no Arabic name", e.ID)
		}
		for _, ref := range []struct{ what, id string }{
			{"capital", e.Capital}, {"country", e.Country}, {"stands_for", e.StandsFor}, {"affiliation", e.Affiliation}, {"city", e.City},
		} {
			if ref.id != "" && lx.lookup(ref.id) == nil {
				add("error", e, "%s: %s %q is not in the lexicon", e.ID, ref.what, ref.id)
			}
		}
		if e.City != "" {
			if c := lx.lookup(e.City); c != nil && (c.Class != Place || c.Kind != "city") {
				add("error", e, "%s: city %q is a %s %s, not a city", e.ID, e.City, c.Kind, c.Class)
			}
			if e.Kind != "building" && e.Kind != "landmark" {
				add("warning", e, "%s: only buildings and landmarks take a city (kind is %s)", e.ID, e.Kind)
			}
		}
	}
	keys := make([]string, 0, len(byName))
	for k := range byName {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		owners := byName[k]
		if len(owners) < 2 {
			continue
		}
		allAmb := true
		var ids []string
		for _, o := range owners {
			allAmb = allAmb && o.amb
			ids = append(ids, o.e.ID+" ("+o.e.Source+")")
		}
		if !allAmb {
			add("error", owners[0].e, "%q names %d entries: %s; mark it ambiguous with ? on each, or keep it on one", owners[0].raw, len(owners), strings.Join(ids, ", "))
		}
	}
	slugs := map[string]*Entry{}
	for _, e := range lx.order {
		if e.Class == Title {
			continue
		}
		iri := e.NodeKey()
		if prev := slugs[iri]; prev != nil {
			add("error", e, "%s and %s (%s) would share the node %s", e.ID, prev.ID, prev.Source, iri)
		}
		slugs[iri] = e
	}
	return out
}
