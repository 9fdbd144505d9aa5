package source

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// writeFile creates dir/name (and its parent directories) holding data.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func sha(data []byte) string {
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:])
}

func TestReadFileText(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		data     string
		headline string
		body     string
	}{
		{"plain", "a.txt", "Qatar hosts talks\n\nThe talks resumed in Doha.\nMore text.\n",
			"Qatar hosts talks", "The talks resumed in Doha.\nMore text.\n"},
		{"leading blank lines", "b.txt", "\n\n   \n  Headline with spaces  \nBody.",
			"Headline with spaces", "Body."},
		{"crlf", "c.txt", "Headline\r\n\r\nFirst line\r\nSecond line\r\n",
			"Headline", "First line\nSecond line\n"},
		{"old mac line ends", "d.txt", "Headline\rBody\r", "Headline", "Body\n"},
		{"arabic", "e.txt", "قطر تستضيف المحادثات\n\nاستؤنفت المحادثات في الدوحة.",
			"قطر تستضيف المحادثات", "استؤنفت المحادثات في الدوحة."},
		{"byte order mark", "f.txt", "\ufeffHeadline\nBody", "Headline", "Body"},
		{"headline only", "g.txt", "Only a headline", "Only a headline", ""},
		{".text extension", "h.text", "H\nB", "H", "B"},
		{"upper-case extension", "i.TXT", "H\nB", "H", "B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), tt.file, []byte(tt.data))
			a, err := ReadFile(p, 0)
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			if a.Headline != tt.headline {
				t.Errorf("Headline = %q, want %q", a.Headline, tt.headline)
			}
			if a.Body != tt.body {
				t.Errorf("Body = %q, want %q", a.Body, tt.body)
			}
			if a.Format != "text" {
				t.Errorf("Format = %q, want %q", a.Format, "text")
			}
			if want := sha([]byte(tt.data)); a.Hash != want {
				t.Errorf("Hash = %q, want %q (sha256 of the raw bytes)", a.Hash, want)
			}
			if !filepath.IsAbs(a.Source) {
				t.Errorf("Source %q is not absolute", a.Source)
			}
			if wantText := tt.headline + "\n" + tt.body; a.Text() != wantText {
				t.Errorf("Text() = %q, want %q", a.Text(), wantText)
			}
		})
	}
}

func TestReadFileHashStable(t *testing.T) {
	dir := t.TempDir()
	p1 := writeFile(t, dir, "one.txt", []byte("Headline\nBody"))
	p2 := writeFile(t, dir, "two.txt", []byte("Headline\nBody"))
	p3 := writeFile(t, dir, "three.txt", []byte("Headline\nBody!"))
	p4 := writeFile(t, dir, "crlf.txt", []byte("Headline\r\nBody"))
	read := func(p string) *Article {
		t.Helper()
		a, err := ReadFile(p, 0)
		if err != nil {
			t.Fatalf("ReadFile(%s): %v", p, err)
		}
		return a
	}
	a1, a1again, a2, a3, a4 := read(p1), read(p1), read(p2), read(p3), read(p4)
	if !strings.HasPrefix(a1.Hash, "sha256:") || len(a1.Hash) != len("sha256:")+64 {
		t.Errorf("Hash = %q, want sha256: and 64 hex digits", a1.Hash)
	}
	if a1.Hash != a1again.Hash {
		t.Errorf("hash of one file changed between reads: %q, %q", a1.Hash, a1again.Hash)
	}
	if a1.Hash != a2.Hash {
		t.Errorf("same content, different hashes: %q, %q", a1.Hash, a2.Hash)
	}
	if a1.Hash == a3.Hash {
		t.Errorf("different content, same hash %q", a1.Hash)
	}
	if a1.Hash == a4.Hash {
		t.Errorf("CRLF content hashed like LF content: the hash is of the raw bytes")
	}
	if a1.Headline != a4.Headline || a1.Body != a4.Body {
		t.Errorf("CRLF file reads as %q/%q, LF file as %q/%q", a4.Headline, a4.Body, a1.Headline, a1.Body)
	}
}

func TestReadFileRelativePathIsAbsolute(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "rel.txt", []byte("Headline\nBody"))
	t.Chdir(dir)
	a, err := ReadFile("rel.txt", 0)
	if err != nil {
		t.Fatalf("ReadFile: %v", err)
	}
	if !filepath.IsAbs(a.Source) {
		t.Fatalf("Source %q is not absolute", a.Source)
	}
	st1, err1 := os.Stat(a.Source)
	st2, err2 := os.Stat(p)
	if err1 != nil || err2 != nil || !os.SameFile(st1, st2) {
		t.Errorf("Source %q is not the file %q", a.Source, p)
	}
}

func TestReadFileMarkdown(t *testing.T) {
	tests := []struct {
		name     string
		data     string
		headline string
		body     string
	}{
		{"heading", "# Qatar hosts talks\n\nBody text.", "Qatar hosts talks", "Body text."},
		{"deeper heading", "### Sub heading\nBody", "Sub heading", "Body"},
		{"hash without space is text", "#hashtag line\nBody", "#hashtag line", "Body"},
		{"link", "# H\nTalks in [Doha](https://example.com/doha) resumed.", "H", "Talks in Doha resumed."},
		{"image", "# H\n![a map](map.png) of Gaza", "H", "a map of Gaza"},
		{"emphasis", "# H\nThe **main** point, *really*, is __this__ and _that_.", "H", "The main point, really, is this and that."},
		{"list markers", "# H\n- first\n* second\n+ third\n1. fourth\n  2. fifth", "H", "first\nsecond\nthird\nfourth\nfifth"},
		{"block quote", "# H\n> quoted line\n>another", "H", "quoted line\nanother"},
		{"horizontal rule", "# H\nbefore\n---\nafter", "H", "before\n\nafter"},
		{"inline code", "# H\nrun `parley extract` now", "H", "run parley extract now"},
		{"heading in body", "# Title\n\n## Section\ntext", "Title", "Section\ntext"},
		{"arabic", "# قطر تستضيف المحادثات\n\n**استؤنفت** المحادثات في [الدوحة](https://example.com).", "قطر تستضيف المحادثات", "استؤنفت المحادثات في الدوحة."},
		{"crlf", "# H\r\n\r\n- item\r\n", "H", "item\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), "article.md", []byte(tt.data))
			a, err := ReadFile(p, 0)
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			if a.Headline != tt.headline {
				t.Errorf("Headline = %q, want %q", a.Headline, tt.headline)
			}
			if a.Body != tt.body {
				t.Errorf("Body = %q, want %q", a.Body, tt.body)
			}
			if a.Format != "markdown" {
				t.Errorf("Format = %q, want markdown", a.Format)
			}
			if a.Hash != sha([]byte(tt.data)) {
				t.Errorf("Hash = %q, want the sha256 of the raw Markdown", a.Hash)
			}
		})
	}
}

func TestReadFileMarkdownExtension(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.markdown", "b.MD"} {
		a, err := ReadFile(writeFile(t, dir, name, []byte("# Head\nbody")), 0)
		if err != nil {
			t.Fatalf("ReadFile(%s): %v", name, err)
		}
		if a.Format != "markdown" || a.Headline != "Head" {
			t.Errorf("ReadFile(%s): Format %q Headline %q, want markdown / Head", name, a.Format, a.Headline)
		}
	}
}

func TestReadFileErrors(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		data    []byte
		maxSize int64
		want    error
		msg     string // also expected in the message
	}{
		{"empty", "empty.txt", nil, 0, ErrEmpty, ""},
		{"whitespace only", "space.txt", []byte(" \n\t\r\n  \n"), 0, ErrEmpty, ""},
		{"non-ascii whitespace only", "nbsp.txt", []byte("\u00a0\u3000\n"), 0, ErrEmpty, ""},
		{"byte order mark only", "bom.txt", []byte("\ufeff"), 0, ErrEmpty, ""},
		{"markdown rule only", "rule.md", []byte("---\n***\n"), 0, ErrEmpty, ""},
		{"nul bytes", "bin.txt", []byte("PK\x03\x04\x00\x00binary\x00data"), 0, ErrBinary, ""},
		{"control characters", "ctl.txt", []byte("a\x01\x02\x03\x04\x05\x06\x07\x08b"), 0, ErrBinary, ""},
		{"invalid utf-8", "broken.txt", []byte("Café\xff au lait"), 0, ErrInvalidUTF8, "at byte 5"},
		{"invalid utf-8 after arabic", "bad.txt", []byte("قطر\xff"), 0, ErrInvalidUTF8, "at byte 6"},
		{"too large", "big.txt", []byte("Headline\n" + strings.Repeat("x", 100)), 50, ErrTooLarge, "50 bytes"},
		{"one byte too large", "big2.txt", []byte("0123456789A"), 10, ErrTooLarge, ""},
		{"pdf", "paper.pdf", []byte("%PDF-1.4"), 0, ErrUnsupported, ".pdf"},
		{"html without text", "page.html", []byte("<html></html>"), 0, ErrNoText, "page.html"},
		{"no extension", "README", []byte("text"), 0, ErrUnsupported, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), tt.file, tt.data)
			a, err := ReadFile(p, tt.maxSize)
			if err == nil {
				t.Fatalf("ReadFile(%s) = %+v, want error %v", tt.file, a, tt.want)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("ReadFile(%s) error %q does not wrap %q", tt.file, err, tt.want)
			}
			if !strings.Contains(err.Error(), p) {
				t.Errorf("error %q does not name the file %s", err, p)
			}
			if tt.msg != "" && !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
		})
	}
}

func TestReadFileMaxSizeBoundary(t *testing.T) {
	p := writeFile(t, t.TempDir(), "exact.txt", []byte("0123456789"))
	if _, err := ReadFile(p, 10); err != nil {
		t.Errorf("a file of exactly maxSize bytes: %v", err)
	}
}

func TestReadFileMissing(t *testing.T) {
	p := filepath.Join(t.TempDir(), "missing.txt")
	_, err := ReadFile(p, 0)
	if err == nil {
		t.Fatal("ReadFile of a missing file: no error")
	}
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("error %q does not wrap os.ErrNotExist", err)
	}
	if !strings.Contains(err.Error(), p) {
		t.Errorf("error %q does not name %s", err, p)
	}
}

func TestArticleText(t *testing.T) {
	tests := []struct {
		a    Article
		want string
	}{
		{Article{Headline: "H", Body: "B"}, "H\nB"},
		{Article{Body: "B"}, "B"},
		{Article{Headline: "H"}, "H\n"},
	}
	for _, tt := range tests {
		if got := tt.a.Text(); got != tt.want {
			t.Errorf("%+v.Text() = %q, want %q", tt.a, got, tt.want)
		}
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"b.txt", "a.md", "c.markdown", "d.text", "e.TXT",
		"sub/z.txt", "sub/deeper/y.md",
		"notes.pdf", "image.png", "README",
		".hidden.txt", "sub/.secret.md",
		".git/HEAD.txt", "sub/.cache/x.txt",
	} {
		writeFile(t, dir, name, []byte("Headline\nBody"))
	}
	j := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, filepath.Join(dir, filepath.FromSlash(n)))
		}
		return out
	}
	pdf := filepath.Join(dir, "notes.pdf")
	hidden := filepath.Join(dir, ".hidden.txt")
	tests := []struct {
		name  string
		paths []string
		want  []string
	}{
		{"directory", []string{dir},
			j("a.md", "b.txt", "c.markdown", "d.text", "e.TXT", "sub/deeper/y.md", "sub/z.txt")},
		{"subdirectory", []string{filepath.Join(dir, "sub")}, j("sub/deeper/y.md", "sub/z.txt")},
		{"explicit unsupported file", []string{pdf}, []string{pdf}},
		{"explicit hidden file", []string{hidden}, []string{hidden}},
		{"explicit hidden directory", []string{filepath.Join(dir, ".git")}, j(".git/HEAD.txt")},
		{"files and directories in argument order", []string{pdf, filepath.Join(dir, "sub")},
			append([]string{pdf}, j("sub/deeper/y.md", "sub/z.txt")...)},
		{"nothing", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Walk(tt.paths)
			if err != nil {
				t.Fatalf("Walk: %v", err)
			}
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Walk(%q) =\n  %q\nwant\n  %q", tt.paths, got, tt.want)
			}
		})
	}
}

// A directory with nothing parley reads is an error that says so and names what
// it skipped.
func TestWalkNothingToRead(t *testing.T) {
	empty, other := t.TempDir(), t.TempDir()
	writeFile(t, other, "notes.pdf", []byte("%PDF"))
	for dir, want := range map[string]string{empty: "no articles to read", other: "skipped notes.pdf"} {
		_, err := Walk([]string{dir})
		if !errors.Is(err, ErrNoArticles) || !strings.Contains(err.Error(), want) || strings.Count(err.Error(), dir) != 1 {
			t.Errorf("Walk(%s): %v", dir, err)
		}
	}
}

func TestWalkMissing(t *testing.T) {
	dir := t.TempDir()
	ok := writeFile(t, dir, "ok.txt", []byte("H\nB"))
	missing := filepath.Join(dir, "no-such-dir")
	got, err := Walk([]string{ok, missing})
	if err == nil {
		t.Fatalf("Walk with a missing path = %q, want an error", got)
	}
	if !strings.Contains(err.Error(), missing) {
		t.Errorf("error %q does not name %s", err, missing)
	}
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("error %q does not wrap os.ErrNotExist", err)
	}
}

// TestWalkThenRead reads every file Walk finds in a directory.
func TestWalkThenRead(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "one.txt", []byte("First\nbody one"))
	writeFile(t, dir, "two/two.md", []byte("# Second\nbody *two*"))
	paths, err := Walk([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	for _, p := range paths {
		a, err := ReadFile(p, 0)
		if err != nil {
			t.Fatalf("ReadFile(%s): %v", p, err)
		}
		heads = append(heads, a.Headline+"|"+a.Body)
	}
	want := []string{"First|body one", "Second|body two"}
	if !reflect.DeepEqual(heads, want) {
		t.Errorf("read %q, want %q", heads, want)
	}
}
