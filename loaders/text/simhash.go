package text

import (
	"math/bits"
	"strconv"
)

// SimHash is a 64-bit fingerprint of a text's wording (Charikar's simhash over
// its three-word shingles, words folded as Key folds them): texts that differ by a
// headline, a paragraph or a few words have fingerprints a few bits apart, and
// unrelated texts differ in about half the bits. ok is false for a text too short
// to fingerprint (fewer than MinSimHashWords words).
func SimHash(s string) (h uint64, ok bool) { return SimHashTokens(Tokenize(s)) }

// SimHashTokens is SimHash of a text already tokenised: a document's sentences
// hold the tokens their text would give.
func SimHashTokens(toks []Token) (h uint64, ok bool) {
	var words []string
	for _, t := range toks {
		if t.Kind != Punct {
			words = append(words, t.Norm)
		}
	}
	if len(words) < MinSimHashWords {
		return 0, false
	}
	var votes [64]int
	for i := 0; i+3 <= len(words); i++ {
		x := shingleHash(words[i : i+3])
		for b := 0; b < 64; b++ {
			if x&(1<<b) != 0 {
				votes[b]++
			} else {
				votes[b]--
			}
		}
	}
	for b := 0; b < 64; b++ {
		if votes[b] > 0 {
			h |= 1 << b
		}
	}
	return h, true
}

// shingleHash is FNV-1a of the words joined by spaces, without joining them.
func shingleHash(words []string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	x := uint64(offset)
	for k, w := range words {
		if k > 0 {
			x ^= ' '
			x *= prime
		}
		for j := 0; j < len(w); j++ {
			x ^= uint64(w[j])
			x *= prime
		}
	}
	return x
}

// MinSimHashWords is the fewest words SimHash fingerprints: shorter texts (a
// headline, a feed's one-line summary) say too little to tell a copy apart.
const MinSimHashWords = 40

// HammingDistance counts the bits two fingerprints differ in.
func HammingDistance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// Bands of NameBands: with two minimum hashes a band, two name sets of Jaccard
// index 0.85 share at least one of four bands 99 times in 100.
const (
	nameBands    = 4
	rowsPerBand  = 2
	nameBandSeed = 0x9e3779b97f4a7c15
)

// NameBands returns the locality-sensitive bands of a set of names (MinHash,
// nameBands bands of rowsPerBand rows), as "band:hex" strings; none for no names.
func NameBands(names []string) []string {
	if len(names) == 0 {
		return nil
	}
	out := make([]string, 0, nameBands)
	for b := 0; b < nameBands; b++ {
		var band [rowsPerBand]uint64
		for r := range band {
			seed := uint64(b*rowsPerBand+r+1) * nameBandSeed
			band[r] = ^uint64(0)
			for _, n := range names {
				band[r] = min(band[r], shingleHash([]string{n})^seed*0xff51afd7ed558ccd)
			}
		}
		out = append(out, strconv.Itoa(b)+":"+strconv.FormatUint(band[0], 16)+strconv.FormatUint(band[1], 16))
	}
	return out
}
