package eval

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// quoteWords is how many words in a row, taken from a devset article, make a
// quote: long enough that an office and a long Arabic name (eight words, which the
// project's own articles share with the news) do not count, short enough to catch
// a copied clause. Shorter copies are found by reading: see the devset README.
const quoteWords = 9

// The devset is third-party text, read at test time only: no file of the
// repository may quote it (not in test strings, rule notes or comments).
func TestRepositoryQuotesNoDevsetText(t *testing.T) {
	dir := devsetDir(t)
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	quotes := map[string]string{} // run of words → the devset file it is from
	articles, err := filepath.Glob(filepath.Join(dir, "articles", "*.txt"))
	if err != nil || len(articles) == 0 {
		t.Fatalf("no devset articles in %s (%v)", dir, err)
	}
	for _, path := range articles {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, run := range wordRuns(string(b)) {
			quotes[run] = filepath.Base(path)
		}
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "out") {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".tsv", ".md", ".js", ".txt", ".json", ".yaml", ".html", ".xml", ".csv":
		default:
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			for _, run := range wordRuns(line) {
				if src, ok := quotes[run]; ok {
					rel, _ := filepath.Rel(root, path)
					t.Errorf("%s:%d quotes the devset (%s): %q", rel, i+1, src, run)
					break
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// wordRuns returns every run of quoteWords words of s, joined by single spaces,
// that is at least 40 bytes long.
func wordRuns(s string) []string {
	w := strings.Fields(s)
	var runs []string
	for i := 0; i+quoteWords <= len(w); i++ {
		if run := strings.Join(w[i:i+quoteWords], " "); len(run) >= 40 {
			runs = append(runs, run)
		}
	}
	return runs
}
