// Package source reads articles from where they live (files and directories now)
// into plain text with their metadata, rejecting input that is not an article with a
// clear reason.
package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Article is one news article ready for extraction.
type Article struct {
	Source    string // where it came from: an absolute file path or a URL
	URL       string // the article's own URL, if known
	Headline  string
	Body      string
	Language  string // as declared by the source ("ar", "en"), or ""
	Published time.Time
	Authors   []string
	Format    string // "text", "markdown"
	Hash      string // "sha256:…" of the raw content
}

// Text is the text extraction reads: the headline, then the body.
func (a *Article) Text() string {
	if a.Headline == "" {
		return a.Body
	}
	return a.Headline + "\n" + a.Body
}

// DefaultMaxSize bounds the size of one article file.
const DefaultMaxSize = 5 << 20

// Errors a reader reports, wrapped with the input's name.
var (
	ErrEmpty       = errors.New("empty")
	ErrBinary      = errors.New("binary content, not text")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrTooLarge    = errors.New("too large")
	ErrUnsupported = errors.New("unsupported file type")
	// ErrNoArticles: a directory holds no file of a type parley reads.
	ErrNoArticles = errors.New("no articles to read")
)

// extensions maps the file types parley reads to their format; Walk picks these
// up in directories.
var extensions = map[string]string{
	".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
	".html": "html", ".htm": "html",
	".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
	".xml": "feed", ".rss": "feed", ".atom": "feed",
}

// Walk expands paths (files and directories, recursively) into the article files
// they hold, sorted. A file named directly is returned whatever its extension, so its
// reader can say why it cannot be read; in directories, other files are skipped.
func Walk(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err // the path is named once
			}
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found, skipped []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if _, ok := extensions[strings.ToLower(filepath.Ext(path))]; ok && !strings.HasPrefix(d.Name(), ".") {
				found = append(found, path)
			} else if !strings.HasPrefix(d.Name(), ".") {
				skipped = append(skipped, d.Name())
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: %w (%s)%s", p, ErrNoArticles, readable, skippedNote(skipped))
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// readable lists the file types Walk picks up.
const readable = ".txt, .md, .html, .json, .jsonl or a feed .xml/.rss/.atom"

// skippedNote names the files a directory walk left out, a few of them.
func skippedNote(names []string) string {
	switch {
	case len(names) == 0:
		return ""
	case len(names) > 5:
		return fmt.Sprintf("; skipped %s and %d more", strings.Join(names[:5], ", "), len(names)-5)
	}
	return "; skipped " + strings.Join(names, ", ")
}

// ReadFile reads a file that holds one article (text, Markdown or HTML); for files
// that may hold many (JSON, feeds) use Read.
func ReadFile(path string, maxSize int64) (*Article, error) {
	items, err := Read(context.Background(), path, Options{MaxSize: maxSize})
	if err != nil {
		return nil, err
	}
	for _, it := range items {
		if it.Err != nil {
			return nil, it.Err
		}
		return it.Article, nil
	}
	return nil, fmt.Errorf("%s: %w", path, ErrNoText)
}

// Parse turns the bytes of a text or Markdown article into an Article.
func Parse(data []byte, format string) (*Article, error) {
	if err := checkText(data); err != nil {
		return nil, err
	}
	s := strings.ReplaceAll(strings.ReplaceAll(string(bytes.TrimPrefix(data, []byte("\ufeff"))), "\r\n", "\n"), "\r", "\n")
	if format == "markdown" {
		s = stripMarkdown(s)
	}
	headline, body := splitHeadline(s)
	if strings.TrimSpace(headline+body) == "" {
		return nil, ErrEmpty
	}
	return &Article{Headline: headline, Body: body, Format: format, Hash: hashOf(data)}, nil
}

// checkText rejects empty, binary and invalid UTF-8 input.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return ErrBinary
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		return fmt.Errorf("%w at byte %d", ErrInvalidUTF8, off)
	}
	control := 0
	for _, r := range string(data) {
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			control++
		}
	}
	if control > len(data)/100+2 {
		return ErrBinary
	}
	return nil
}

// splitHeadline takes the first non-empty line as the headline.
func splitHeadline(s string) (string, string) {
	s = strings.TrimLeft(s, " \t\n")
	line, rest, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(line), strings.TrimLeft(rest, "\n")
}

var (
	mdHeading = regexp.MustCompile(`(?m)^#{1,6}[ \t]+`)
	mdLink    = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdEmph    = regexp.MustCompile(`(^|[^\pL\pN])(\*\*|__|\*|_)([^*_\n]+?)(\*\*|__|\*|_)([^\pL\pN]|$)`)
	mdList    = regexp.MustCompile(`(?m)^[ \t]*([-*+]|\d+\.)[ \t]+`)
	mdQuote   = regexp.MustCompile(`(?m)^[ \t]*>[ \t]?`)
	mdRule    = regexp.MustCompile(`(?m)^[ \t]*([-*_][ \t]*){3,}$`)
	mdCode    = regexp.MustCompile("`([^`\n]*)`")
)

// stripMarkdown keeps the words of Markdown and drops its markup.
func stripMarkdown(s string) string {
	s = mdRule.ReplaceAllString(s, "")
	s = mdHeading.ReplaceAllString(s, "")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdEmph.ReplaceAllString(s, "$1$3$5")
	s = mdList.ReplaceAllString(s, "")
	s = mdQuote.ReplaceAllString(s, "")
	s = mdCode.ReplaceAllString(s, "$1")
	return s
}
