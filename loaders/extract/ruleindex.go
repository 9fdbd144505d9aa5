package extract

// ruleIndex finds, for a sentence, the rules whose every required literal has a
// word in it, from the sentence's words rather than from every rule's words:
// most rules fail that test, and a sentence holds far fewer words than the rules
// name.
type ruleIndex struct {
	need  map[string][]ruleNeed // a literal's first word → the required elements it satisfies
	full  []uint64              // per rule: the bits of all its required elements
	loose []bool                // per rule: more than 64 required elements, checked the slow way
	// always has the bit of every rule with no indexed literal: the index cannot
	// turn them away.
	always []uint64
	// requires numbers each rule's "requires" word list (-1 for none), so that a
	// sentence memoises the test in a slice, not a map of its own.
	requires     []int
	requireNames []string
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
	ix := &ruleIndex{need: map[string][]ruleNeed{}, full: make([]uint64, len(rules)), loose: make([]bool, len(rules)),
		always: make([]uint64, (len(rules)+63)/64), requires: make([]int, len(rules))}
	reqID := map[string]int{}
	for i, r := range rules {
		ix.requires[i] = -1
		if r.Requires != "" {
			id, ok := reqID[r.Requires]
			if !ok {
				id = len(ix.requireNames)
				reqID[r.Requires] = id
				ix.requireNames = append(ix.requireNames, r.Requires)
			}
			ix.requires[i] = id
		}
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
		if ix.full[i] == 0 {
			ix.always[i/64] |= 1 << (i % 64)
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

// satisfied returns the set of rules (a bit per rule, by index) whose required
// elements all have a word among the forms of m's tokens, and sets m.ruleWord to
// mark the tokens that hold a word of some rule's required literal (where such a
// literal may start).
// sc is the document's scratch space, left as it was found.
func (ix *ruleIndex) satisfied(m *matcher, sc *ruleScratch) []uint64 {
	set := append([]uint64(nil), ix.always...)
	m.ruleWord = make([]bool, len(m.toks))
	if len(sc.have) < len(ix.full) {
		sc.have = make([]uint64, len(ix.full))
	}
	scratch, touched := sc.have, sc.touched[:0]
	for i := range m.toks {
		for _, f := range m.form(i) {
			needs := ix.need[f]
			if len(needs) > 0 {
				m.ruleWord[i] = true
			}
			for _, n := range needs {
				if scratch[n.rule] == 0 {
					touched = append(touched, n.rule)
				}
				scratch[n.rule] |= n.bit
			}
		}
	}
	for _, r := range touched {
		if scratch[r] == ix.full[r] {
			set[r/64] |= 1 << (r % 64)
		}
		scratch[r] = 0
	}
	sc.touched = touched
	return set
}

// ruleScratch is a document's reusable space for ruleIndex.satisfied: per rule, the
// bits of its required elements a sentence holds (all zero between calls), and the
// rules touched. Kept by the document, it saves a slice as long as the rules for
// every sentence.
type ruleScratch struct {
	have    []uint64
	touched []int
}
