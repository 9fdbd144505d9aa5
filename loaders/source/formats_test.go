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
	"time"
)

const page = `<!doctype html><html lang="ar-QA"><head><title>Talks resume in Doha</title>
<script>var tracking = "do not read me";</script><style>.x{}</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li>Sport</li></ul></nav>
<article><h1>Talks resume in Doha</h1>
<p>Negotiators from Israel and Hamas resumed indirect talks in Doha on Tuesday, with Qatar and Egypt mediating between the two sides, officials said.</p>
<p>The round is expected to focus on the release of hostages and a permanent ceasefire, according to two diplomats briefed on the discussions.</p>
<p>Qatar's prime minister met both delegations late on Tuesday and urged them to narrow the remaining gaps on the first phase.</p>
</article><footer>Subscribe to our newsletter · Cookie settings · © 2026</footer></body></html>`

func TestParseHTMLKeepsTheArticleNotTheMenus(t *testing.T) {
	a, err := ParseHTML([]byte(page), "https://news.example/doha")
	if err != nil {
		t.Fatal(err)
	}
	if a.Headline != "Talks resume in Doha" || a.Language != "ar" || a.URL != "https://news.example/doha" {
		t.Fatalf("metadata %+v", a)
	}
	for _, want := range []string{"resumed indirect talks in Doha", "release of hostages"} {
		if !strings.Contains(a.Body, want) {
			t.Fatalf("body lacks %q:\n%s", want, a.Body)
		}
	}
	for _, junk := range []string{"do not read me", "Subscribe", "Sport"} {
		if strings.Contains(a.Body, junk) {
			t.Fatalf("body kept page furniture %q:\n%s", junk, a.Body)
		}
	}
}

func TestParseJSON(t *testing.T) {
	data := `[
	 {"id": "a1", "headline": "Truce talks in Cairo", "body": "Egypt hosted talks.", "url": "https://n.example/1",
	  "published": "2026-05-01T10:00:00Z", "language": "en", "authors": ["Jane Roe", "Omar Said"], "extra": {"ignored": true}},
	 {"title": "محادثات في الدوحة", "text": "استؤنفت المحادثات.", "authors": "سامر حداد"},
	 {"headline": "", "body": ""},
	 {"headline": "Bad date", "body": "x", "published": "last Tuesday"}
	]`
	items, err := ParseJSON([]byte(data), "/data/feed.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 4 {
		t.Fatalf("%d items", len(items))
	}
	a := items[0].Article
	if a == nil || a.Headline != "Truce talks in Cairo" || a.URL != "https://n.example/1" || a.Language != "en" ||
		len(a.Authors) != 2 || a.Published.IsZero() || a.Source != "/data/feed.json#a1" {
		t.Fatalf("first %+v", a)
	}
	if b := items[1].Article; b == nil || b.Headline != "محادثات في الدوحة" || len(b.Authors) != 1 || b.Source != "/data/feed.json#2" {
		t.Fatalf("second %+v %v", b, items[1].Err)
	}
	if !errors.Is(items[2].Err, ErrNoText) || !strings.Contains(items[2].Err.Error(), "feed.json#3") {
		t.Fatalf("empty object: %v", items[2].Err)
	}
	if !errors.Is(items[3].Err, ErrMalformed) || !strings.Contains(items[3].Err.Error(), "last Tuesday") {
		t.Fatalf("bad date: %v", items[3].Err)
	}
	if _, err := ParseJSON([]byte(`[{"headline": "x"`), "/bad.json"); !errors.Is(err, ErrMalformed) {
		t.Fatalf("truncated JSON: %v", err)
	}
}

func TestParseJSONLBadLineDoesNotStopTheOthers(t *testing.T) {
	data := "{\"headline\": \"One\", \"body\": \"first\"}\n{broken\n\n{\"headline\": \"Three\", \"body\": \"third\"}\n"
	items, err := ParseJSONL([]byte(data), "/x.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 || items[0].Article == nil || items[2].Article == nil || items[2].Article.Headline != "Three" {
		t.Fatalf("items %+v", items)
	}
	if !errors.Is(items[1].Err, ErrMalformed) || !strings.Contains(items[1].Err.Error(), "/x.jsonl#2") {
		t.Fatalf("bad line: %v", items[1].Err)
	}
}

const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><language>en-us</language>
<item><title>Qatar mediates new round</title><link>https://wire.example/1</link><guid>w-1</guid>
<description>&lt;p&gt;Short summary of the &lt;b&gt;talks&lt;/b&gt;.&lt;/p&gt;</description><pubDate>Tue, 05 May 2026 10:00:00 GMT</pubDate></item>
<item><title>Only a headline</title><link>https://wire.example/2</link></item>
</channel></rss>`

const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<entry><title>Talks in Muscat</title><link href="https://atom.example/a"/><id>tag:a</id><updated>2026-05-05T10:00:00Z</updated>
<content type="html">&lt;p&gt;Oman hosted talks between Iran and the United States.&lt;/p&gt;</content><author><name>R. Writer</name></author></entry>
</feed>`

func TestParseFeeds(t *testing.T) {
	items, err := ParseFeed([]byte(rss), "https://wire.example/rss")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 {
		t.Fatalf("%d items", len(items))
	}
	a := items[0].Article
	if a.Headline != "Qatar mediates new round" || a.Body != "Short summary of the talks." || a.URL != "https://wire.example/1" ||
		a.Language != "en" || a.Published.IsZero() || a.Source != "https://wire.example/rss#w-1" {
		t.Fatalf("rss item %+v", a)
	}
	if items[1].Article == nil || items[1].Article.Headline != "Only a headline" {
		t.Fatalf("headline-only item %+v", items[1])
	}
	items, err = ParseFeed([]byte(atom), "/feeds/a.atom")
	if err != nil || len(items) != 1 {
		t.Fatalf("atom: %v %v", items, err)
	}
	if a := items[0].Article; a.Headline != "Talks in Muscat" || !strings.Contains(a.Body, "Oman hosted") || len(a.Authors) != 1 {
		t.Fatalf("atom item %+v", a)
	}
	for _, bad := range []string{"<rss><channel><item>", "not xml at all", "<?xml version=\"1.0\"?><html></html>"} {
		if _, err := ParseFeed([]byte(bad), "bad"); !errors.Is(err, ErrMalformed) {
			t.Fatalf("malformed feed %q: %v", bad, err)
		}
	}
}

func TestReadURL(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(rss))
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(strings.Repeat("x", 5000))) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := context.Background()
	opt := Options{FetchTimeout: 300 * time.Millisecond}

	items, err := Read(ctx, srv.URL+"/rss", opt)
	if err != nil || len(items) != 2 || items[0].Article == nil {
		t.Fatalf("feed by URL: %v %v", items, err)
	}
	items, err = Read(ctx, srv.URL+"/page", opt)
	if err != nil || len(items) != 1 || items[0].Article.URL != srv.URL+"/page" || items[0].Article.Source != srv.URL+"/page" {
		t.Fatalf("page by URL: %+v %v", items, err)
	}
	for path, want := range map[string]string{"/broken": "500", "/slow": "fetch timed out after", "/huge": "too large"} {
		o := opt
		if path == "/huge" {
			o.MaxSize = 1000
		}
		start := time.Now()
		_, err := Read(ctx, srv.URL+path, o)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), srv.URL+path) {
			t.Fatalf("%s: %v (want %q and the URL)", path, err, want)
		}
		if time.Since(start) > 3*time.Second {
			t.Fatalf("%s took %v", path, time.Since(start))
		}
	}
}

func TestReadFilesByExtension(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tt := range []struct {
		file, data string
		n          int
	}{
		{"a.html", page, 1},
		{"b.json", `{"headline": "x", "body": "y"}`, 1},
		{"c.jsonl", "{\"headline\": \"x\", \"body\": \"y\"}\n{\"headline\": \"z\", \"body\": \"w\"}\n", 2},
		{"d.rss", rss, 2},
		{"e.atom", atom, 1},
		{"f.txt", "Headline\nBody", 1},
	} {
		items, err := Read(context.Background(), write(tt.file, tt.data), Options{})
		if err != nil || len(items) != tt.n {
			t.Fatalf("%s: %d items, %v", tt.file, len(items), err)
		}
	}
	files, err := Walk([]string{dir})
	if err != nil || len(files) != 6 {
		t.Fatalf("walk found %v, %v", files, err)
	}
}

// Errors in JSON articles speak of fields and objects, never of Go types.
func TestJSONErrorsNameFields(t *testing.T) {
	for data, want := range map[string]string{
		`[1, 2]`:          "want an article object, got a number",
		`{"headline": 5}`: `field "headline": want text, got a number`,
		`{"headline": `:   "unexpected end of JSON input",
	} {
		items, err := ParseJSON([]byte(data), "a.json")
		if err == nil && len(items) > 0 {
			err = items[0].Err
		}
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "Go ") || strings.Contains(err.Error(), "jsonArticle") {
			t.Errorf("%s: %v", data, err)
		}
	}
}

// A saved page that names its URL (canonical link, og:url) is that URL's article.
func TestSavedPageKeepsItsURL(t *testing.T) {
	for head, want := range map[string]string{
		`<link rel="canonical" href="https://news.example/doha-talks">`:                                              "https://news.example/doha-talks",
		`<meta property="og:url" content="https://news.example/og"><link rel="Canonical" href="https://c.example/">`: "https://c.example/",
		`<meta property="og:url" content="https://news.example/og">`:                                                 "https://news.example/og",
		`<link rel="canonical" href="/relative">`:                                                                    "",
	} {
		p := strings.Replace(page, "<title>", head+"<title>", 1)
		a, err := ParseHTML([]byte(p), "")
		if err != nil || a.URL != want {
			t.Errorf("%s: URL %q, want %q (%v)", head, a.URL, want, err)
		}
	}
}
