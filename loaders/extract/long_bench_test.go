package extract

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// longInputs are texts of about size bytes that have made extraction super-linear:
// news text (the sample articles concatenated), one endless sentence of relations,
// a list of countries without a full stop, and one name repeated.
func longInputs(tb testing.TB, size int) map[string]string {
	files, _ := filepath.Glob("../../testdata/articles/*")
	if len(files) == 0 {
		tb.Fatal("no sample articles")
	}
	var news strings.Builder
	news.WriteString("Headline\n")
	for news.Len() < size {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			news.Write(data)
			news.WriteString("\n\n")
		}
	}
	repeat := func(unit string) string {
		return "Headline\n" + strings.Repeat(unit, size/len(unit)+1)
	}
	return map[string]string{
		"news":             news.String(),
		"endless-sentence": repeat("Turkey mediated talks between Russia and Ukraine in Istanbul "),
		"endless-arabic":   repeat("توسطت تركيا في محادثات بين روسيا وأوكرانيا في إسطنبول "),
		"country-list":     repeat("Qatar, Egypt, Turkey, Russia, Ukraine, Israel, Iran, Oman, Sudan, Chad and "),
		"repeated-name":    repeat("Hamas "),
	}
}

func newBenchExtractor(tb testing.TB) *Extractor {
	x, err := Builtin()
	if err != nil {
		tb.Fatal(err)
	}
	return x
}

// BenchmarkExtractLong measures throughput (MB/s) on long and adversarial inputs;
// linear extraction keeps MB/s flat as the size grows from 64 KB to 1 MB.
func BenchmarkExtractLong(b *testing.B) {
	x := newBenchExtractor(b)
	for _, size := range []int{64 << 10, 1 << 20} {
		inputs := longInputs(b, size)
		for _, name := range []string{"news", "endless-sentence", "endless-arabic", "country-list", "repeated-name"} {
			src := inputs[name]
			b.Run(name+"/"+sizeName(size), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					x.Extract(src)
				}
			})
		}
	}
}

func sizeName(n int) string {
	if n >= 1<<20 {
		return strconv.Itoa(n>>20) + "MB"
	}
	return strconv.Itoa(n>>10) + "KB"
}
