package lexicon

import "fmt"

// yieldGenerated drops every generated name that a hand-written or extension entry
// also holds (so a gazetteer never makes a curated name ambiguous or steals it),
// and the generated entries left without a name or whose node would be a curated
// entry's. Each drop is kept for Check: it means the generated files are older
// than the hand-written ones and `parley lexicon import` should run again.
func (lx *Lexicon) yieldGenerated() {
	owner := map[string]*Entry{}
	slugs := map[string]*Entry{}
	for _, e := range lx.order {
		if e.Class == Title || e.Generated {
			continue
		}
		for _, n := range e.names() {
			if k := lx.key(n); !e.gen[k] {
				owner[k] = e
			}
		}
		slugs[e.NodeKey()] = e
	}
	yield := func(e *Entry, format string, args ...any) {
		lx.yielded = append(lx.yielded, Problem{Severity: "warning", Where: e.Source,
			Message: fmt.Sprintf(format, args...) + "; run `parley lexicon import` again"})
	}
	drop := func(e *Entry, list []string, prefix string) []string {
		out := list[:0]
		for _, n := range list {
			k := lx.key(prefix + n)
			if o := owner[k]; e.isGen(k) && o != nil && o != e {
				yield(e, "generated name %q of %s yields to %s (%s)", n, e.ID, o.ID, o.Source)
				continue
			}
			out = append(out, n)
		}
		return out
	}
	kept := lx.order[:0]
	for _, e := range lx.order {
		if e.Generated || len(e.gen) > 0 {
			e.En, e.Ar, e.EnAdj = drop(e, e.En, ""), drop(e, e.Ar, ""), drop(e, e.EnAdj, "")
			e.ArNisba = drop(e, e.ArNisba, nisbaPrefix)
		}
		if e.Generated {
			if len(e.En) == 0 && len(e.Ar) == 0 {
				delete(lx.entries, e.ID)
				continue
			}
			if o := slugs[e.NodeKey()]; o != nil {
				yield(e, "generated %s would share its node with %s (%s)", e.ID, o.ID, o.Source)
				delete(lx.entries, e.ID)
				continue
			}
		}
		kept = append(kept, e)
	}
	lx.order = kept
	// A generated entry may point at one that just went.
	for _, e := range lx.order {
		if !e.Generated {
			continue
		}
		for _, ref := range []*string{&e.Country, &e.Affiliation, &e.StandsFor, &e.City} {
			if *ref != "" && lx.lookup(*ref) == nil {
				*ref = ""
			}
		}
	}
}
