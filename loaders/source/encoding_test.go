package source

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

const (
	arabicHeadline = "قطر تستضيف جولة جديدة من المحادثات"
	arabicBody     = "استأنفت إسرائيل وحركة حماس المحادثات غير المباشرة في الدوحة بوساطة قطرية ومصرية."
)

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Sources in legacy encodings are read by what they declare (an HTTP charset, a
// page's <meta>, an XML declaration, a byte-order mark) or, for text that declares
// nothing, by a guess between windows-1256 and windows-1252.
func TestLegacyEncodingsAreDecoded(t *testing.T) {
	win1256 := charmap.Windows1256
	html1256 := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>` + arabicHeadline +
		`</title></head><body><article><p>` + arabicBody + ` ` + arabicBody + `</p><p>` + arabicBody + `</p></article></body></html>`
	feed1256 := `<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>W</title><item><title>` +
		arabicHeadline + `</title><link>https://w.example/1</link><description>` + arabicBody + `</description></item></channel></rss>`
	files := map[string][]byte{
		"page.html":  encode(t, win1256, html1256),
		"ar.txt":     encode(t, win1256, arabicHeadline+"\n"+arabicBody),
		"latin1.txt": encode(t, charmap.ISO8859_1, "Café talks in Genève\nThe delegations met in Genève, mediated by Switzerland."),
		"feed.xml":   encode(t, win1256, feed1256),
		"utf16.txt":  encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), arabicHeadline+"\n"+arabicBody),
	}
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range map[string]string{"page.html": arabicBody, "ar.txt": arabicBody, "latin1.txt": "met in Genève",
		"feed.xml": arabicBody, "utf16.txt": arabicBody} {
		items, err := Read(context.Background(), filepath.Join(dir, name), Options{})
		if err != nil || len(items) != 1 || items[0].Err != nil {
			t.Fatalf("%s: %v %+v", name, err, items)
		}
		if a := items[0].Article; !strings.Contains(a.Text(), want) {
			t.Fatalf("%s: text lacks %q:\n%s", name, want, a.Text())
		}
	}
	// Over HTTP, the Content-Type's charset decides.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=windows-1256")
		w.Write(encode(t, win1256, arabicHeadline+"\n"+arabicBody))
	}))
	defer srv.Close()
	items, err := Read(context.Background(), srv.URL+"/a.txt", Options{})
	if err != nil || len(items) != 1 || items[0].Err != nil || items[0].Article.Headline != arabicHeadline {
		t.Fatalf("HTTP windows-1256: %v %+v", err, items)
	}
}

// UTF-8 with a broken byte is no legacy encoding: it is reported, not garbled.
func TestBrokenUTF8IsStillAnError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "broken.txt")
	if err := os.WriteFile(path, []byte(arabicHeadline+"\n"+arabicBody[:20]+"\xff"+arabicBody[20:]), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Read(context.Background(), path, Options{})
	if !errors.Is(err, ErrInvalidUTF8) || !strings.Contains(err.Error(), "broken.txt") {
		t.Fatalf("broken UTF-8: %v", err)
	}
}

// A JSON Feed is read as a feed, item by item, whether saved as .json or served as
// application/json.
func TestJSONFeedIsDetectedByContent(t *testing.T) {
	feed := `{"version": "https://jsonfeed.org/version/1.1", "title": "Wire", "items": [
 {"id": "1", "url": "https://w.example/1", "title": "Qatar mediates", "content_text": "Israel and Hamas met in Doha in talks mediated by Qatar."},
 {"id": "2", "url": "https://w.example/2", "title": "Oman mediates", "content_text": "Iran and the United States met in Muscat, mediated by Oman."}]}`
	path := filepath.Join(t.TempDir(), "feed.json")
	if err := os.WriteFile(path, []byte(feed), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(feed))
	}))
	defer srv.Close()
	for _, src := range []string{path, srv.URL + "/feed"} {
		items, err := Read(context.Background(), src, Options{})
		if err != nil || len(items) != 2 {
			t.Fatalf("%s: %v, %d items", src, err, len(items))
		}
		for i, it := range items {
			if it.Err != nil || it.Article.URL != "https://w.example/"+string(rune('1'+i)) || !strings.Contains(it.Article.Text(), "mediated by") {
				t.Fatalf("%s item %d: %+v", src, i, it)
			}
		}
	}
}
