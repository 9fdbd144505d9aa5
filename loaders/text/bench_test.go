package text

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkSentences splits texts of 20,000 short lines ending in "\n" (the
// baseline) and in "\r" alone: both should cost the same per line, a line break
// being looked up between its two tokens only.
func BenchmarkSentences(b *testing.B) {
	for _, sep := range []string{"\n", "\r"} {
		lines := make([]string, 20000)
		for i := range lines {
			lines[i] = fmt.Sprintf("Line %d of a text whose lines end without a full stop", i)
		}
		src := strings.Join(lines, sep)
		b.Run(fmt.Sprintf("%q", sep), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				Sentences(src)
			}
		})
	}
}
