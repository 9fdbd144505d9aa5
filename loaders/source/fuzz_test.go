package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// The fuzz targets prove that no input makes a reader panic, and that whatever a
// reader accepts is an article parley can extract from: valid UTF-8 text with a
// content hash, or an error. Seeds are the project's test articles and the
// fixtures above; run longer by hand with
//
//	go test ./loaders/source -run '^$' -fuzz FuzzParseHTML -fuzztime 5m

// seedArticles adds the bundled sample articles to f's corpus.
func seedArticles(f *testing.F, wrap func(string) string) {
	f.Helper()
	paths, err := filepath.Glob("../../testdata/articles/*")
	if err != nil || len(paths) == 0 {
		f.Fatalf("no seed articles: %v", err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add([]byte(wrap(string(data))))
	}
}

// checkArticle fails t if an accepted article is not usable downstream.
func checkArticle(t *testing.T, a *Article) {
	t.Helper()
	if a == nil {
		t.Fatal("nil article without an error")
	}
	for _, s := range []string{a.Headline, a.Body, a.URL, a.Language, a.Source} {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 in accepted article: %q", s)
		}
	}
	if strings.TrimSpace(a.Headline+a.Body) == "" {
		t.Fatal("accepted an article with no text")
	}
	if !strings.HasPrefix(a.Hash, "sha256:") {
		t.Fatalf("article without a content hash: %q", a.Hash)
	}
}

// checkItems fails t unless every item is either an article or an error.
func checkItems(t *testing.T, items []Item, err error) {
	t.Helper()
	if err != nil {
		return
	}
	for _, it := range items {
		if (it.Article == nil) == (it.Err == nil) {
			t.Fatalf("item %q must have an article or an error: %+v", it.Name, it)
		}
		if it.Article != nil {
			checkArticle(t, it.Article)
		}
	}
}

func FuzzParse(f *testing.F) {
	seedArticles(f, func(s string) string { return s })
	f.Add([]byte("\ufeff# Headline\r\n\r\n**Body** text"))
	f.Add([]byte{0xff, 0xfe, 0x00})
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range []string{"text", "markdown"} {
			if a, err := Parse(data, format); err == nil {
				checkArticle(t, a)
			}
		}
	})
}

func FuzzParseHTML(f *testing.F) {
	f.Add([]byte(page))
	seedArticles(f, func(s string) string {
		return "<html><body><article><p>" + strings.ReplaceAll(s, "\n\n", "</p><p>") + "</p></article></body></html>"
	})
	f.Add([]byte("<html><body><div><div><div>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if a, err := ParseHTML(data, "https://fuzz.example/page"); err == nil {
			checkArticle(t, a)
		}
	})
}

func FuzzParseJSON(f *testing.F) {
	f.Add([]byte(`[{"id": "a1", "headline": "Truce talks", "body": "Egypt hosted talks.", "published": "2026-05-01T10:00:00Z", "authors": ["A", "B"]}]`))
	f.Add([]byte(`{"title": "محادثات", "text": "استؤنفت المحادثات.", "authors": "سامر"}`))
	f.Add([]byte(`[{"headline": 3, "body": null, "authors": {"x": 1}}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := ParseJSON(data, "fuzz.json")
		checkItems(t, items, err)
	})
}

func FuzzParseJSONL(f *testing.F) {
	f.Add([]byte("{\"headline\": \"One\", \"body\": \"first\"}\n{broken\n\n{\"headline\": \"Three\", \"body\": \"third\"}\n"))
	f.Add([]byte("{\"url\": \"https://x.example/1\", \"text\": \"نص\", \"language\": \"ar\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := ParseJSONL(data, "fuzz.jsonl")
		checkItems(t, items, err)
	})
}

func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(rss))
	f.Add([]byte(atom))
	f.Add([]byte(`{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{"id": "1", "content_text": "Oman hosted talks."}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := ParseFeed(data, "https://fuzz.example/feed")
		checkItems(t, items, err)
	})
}
