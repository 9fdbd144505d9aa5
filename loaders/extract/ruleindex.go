package extract

// ruleIndex finds, for a sentence, the rules whose every required literal has a
// word in it, from the sentence's words rather than from every rule's words:
// most rules fail that test, and a sentence holds far fewer words than the rules
// name.
type ruleIndex struct {
	need  map[string][]ruleNeed // a literal's first word → the required elements it satisfies
	full  []uint64              // per rule: the bits of all its required elements
	loose []bool                // per rule: more than 64 required elements, checked the slow way
}

// ruleNeed is one required element of one rule: bit k of rule i.
type ruleNeed struct {
	rule int
	bit  uint64
}

// newRuleIndex indexes the required literals of rules (by their position in it).
// An element with a prefix alternative ("negotiat*") is satisfied by many words and
// is left to the match itself.
func newRuleIndex(rules []*Rule) *ruleIndex {
	ix := &ruleIndex{need: map[string][]ruleNeed{}, full: make([]uint64, len(rules)), loose: make([]bool, len(rules))}
	for i, r := range rules {
		k := 0
		for _, e := range r.elems {
			if e.kind != eLit || e.optional || hasPrefixAlt(e) {
				continue
			}
			if k == 64 {
				ix.loose[i] = true
				break
			}
			bit := uint64(1) << k
			k++
			ix.full[i] |= bit
			for _, alt := range e.alts {
				ix.need[alt[0].word] = append(ix.need[alt[0].word], ruleNeed{rule: i, bit: bit})
			}
		}
	}
	return ix
}

func hasPrefixAlt(e elem) bool {
	for _, alt := range e.alts {
		if alt[0].prefix {
			return true
		}
	}
	return false
}

// satisfied returns, per rule, the bits of its required elements that words hold.
func (ix *ruleIndex) satisfied(words map[string]bool) []uint64 {
	have := make([]uint64, len(ix.full))
	for w := range words {
		for _, n := range ix.need[w] {
			have[n.rule] |= n.bit
		}
	}
	return have
}
