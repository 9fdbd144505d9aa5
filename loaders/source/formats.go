package source

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// Errors for malformed input, wrapped with the input's name and the reason.
var (
	ErrMalformed = errors.New("malformed")
	ErrNoText    = errors.New("no article text")
)

// Item is one article read from a source, or why it could not be read. Name says
// where it is: a path, "path#3" for the third object of a JSON file, a feed item's
// link.
type Item struct {
	Name    string
	Article *Article
	Err     error
}

func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// ParseHTML extracts the main text of a web page (not its menus and scripts) with
// a readability parser.
func ParseHTML(data []byte, pageURL string) (*Article, error) {
	if err := checkText(data); err != nil {
		return nil, err
	}
	var u *url.URL
	if pageURL != "" {
		u, _ = url.Parse(pageURL)
	}
	doc, err := readability.FromReader(bytes.NewReader(data), u)
	if err != nil {
		return nil, fmt.Errorf("%w HTML: %v", ErrMalformed, err)
	}
	var body strings.Builder
	if doc.Node != nil {
		if err := doc.RenderText(&body); err != nil {
			return nil, fmt.Errorf("%w HTML: %v", ErrMalformed, err)
		}
	}
	text := cleanText(body.String())
	if text == "" {
		return nil, fmt.Errorf("%w in the page", ErrNoText)
	}
	if pageURL == "" {
		// A saved page names its URL: loaded from the file or from the web, it is
		// one article.
		pageURL = canonicalURL(data)
	}
	a := &Article{Headline: strings.TrimSpace(doc.Title()), Body: text, Language: languageCode(doc.Language()),
		Format: "html", Hash: hashOf(data), URL: pageURL}
	if t, err := doc.PublishedTime(); err == nil {
		a.Published = t
	}
	if b := strings.TrimSpace(doc.Byline()); b != "" {
		a.Authors = []string{b}
	}
	return a, nil
}

// canonicalURL is the absolute http(s) URL a page's head names as its own: <link
// rel="canonical">, else <meta property="og:url">; "" when it names none.
func canonicalURL(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data))
	og := ""
	for {
		switch z.Next() {
		case html.ErrorToken:
			return og
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = strings.TrimSpace(string(v))
			}
			switch string(name) {
			case "link":
				if strings.EqualFold(attrs["rel"], "canonical") && IsURL(attrs["href"]) {
					return attrs["href"]
				}
			case "meta":
				if attrs["property"] == "og:url" && IsURL(attrs["content"]) && og == "" {
					og = attrs["content"]
				}
			case "body":
				return og
			}
		}
	}
}

// cleanText trims each line and drops runs of blank lines.
func cleanText(s string) string {
	var out []string
	blank := false
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, line)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// languageCode keeps the primary subtag of a language tag ("ar-SA" → "ar").
func languageCode(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i > 0 {
		tag = tag[:i]
	}
	return tag
}

// jsonArticle is the shape of an article object; unknown fields are ignored.
type jsonArticle struct {
	ID        json.RawMessage `json:"id"`
	Headline  string          `json:"headline"`
	Title     string          `json:"title"`
	Body      string          `json:"body"`
	Text      string          `json:"text"`
	URL       string          `json:"url"`
	Published string          `json:"published"`
	Language  string          `json:"language"`
	Authors   json.RawMessage `json:"authors"`
}

func (j *jsonArticle) article(raw []byte) (*Article, error) {
	a := &Article{Headline: strings.TrimSpace(firstNonEmpty(j.Headline, j.Title)), Body: strings.TrimSpace(firstNonEmpty(j.Body, j.Text)),
		URL: strings.TrimSpace(j.URL), Language: languageCode(j.Language), Format: "json", Hash: hashOf(raw)}
	if a.Body == "" && a.Headline == "" {
		return nil, fmt.Errorf("%w: no headline/title or body/text", ErrNoText)
	}
	if !utf8.ValidString(a.Headline + a.Body) {
		return nil, ErrInvalidUTF8
	}
	if j.Published != "" {
		t, err := parseTime(j.Published)
		if err != nil {
			return nil, fmt.Errorf("%w published %q: %v", ErrMalformed, j.Published, err)
		}
		a.Published = t
	}
	a.Authors = authors(j.Authors)
	return a, nil
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// authors accepts a string or a list of strings.
func authors(raw json.RawMessage) []string {
	var one string
	if json.Unmarshal(raw, &one) == nil && strings.TrimSpace(one) != "" {
		return []string{strings.TrimSpace(one)}
	}
	var many []string
	if json.Unmarshal(raw, &many) == nil {
		var out []string
		for _, a := range many {
			if a = strings.TrimSpace(a); a != "" {
				out = append(out, a)
			}
		}
		return out
	}
	return nil
}

var timeLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", time.RFC1123Z, time.RFC1123}

func parseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("not a date")
}

// itemID names an object inside a file: its "id" if it has one, else its position.
func itemID(raw json.RawMessage, n int) string {
	var s string
	if json.Unmarshal(raw, &s) == nil && s != "" {
		return s
	}
	if len(raw) > 0 && string(raw) != "null" {
		return string(raw)
	}
	return fmt.Sprint(n)
}

// ParseJSON reads a JSON file: one article object, or an array of them.
func ParseJSON(data []byte, source string) ([]Item, error) {
	if err := checkText(data); err != nil {
		return nil, err
	}
	trimmed := bytes.TrimSpace(data)
	if isJSONFeed(trimmed) {
		return ParseFeed(data, source) // a JSON Feed saved as .json or served as application/json
	}
	var raws []json.RawMessage
	if len(trimmed) > 0 && trimmed[0] == '[' {
		if err := json.Unmarshal(trimmed, &raws); err != nil {
			return nil, fmt.Errorf("%w JSON: %v", ErrMalformed, jsonProblem(err))
		}
	} else {
		raws = []json.RawMessage{trimmed}
	}
	var items []Item
	for i, raw := range raws {
		items = append(items, jsonItem(raw, source, i+1))
	}
	return items, nil
}

// isJSONFeed reports whether a JSON object is a JSON Feed (jsonfeed.org): its
// "version" says so.
func isJSONFeed(data []byte) bool {
	if len(data) == 0 || data[0] != '{' {
		return false
	}
	var probe struct {
		Version string `json:"version"`
	}
	return json.Unmarshal(data, &probe) == nil && strings.HasPrefix(probe.Version, "https://jsonfeed.org/version/")
}

// ParseJSONL reads JSON Lines: one article object per line. A bad line is an item
// with an error; the others load.
func ParseJSONL(data []byte, source string) ([]Item, error) {
	if err := checkText(data); err != nil {
		return nil, err
	}
	var items []Item
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), len(data)+1)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		items = append(items, jsonItem(append([]byte(nil), line...), source, n))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w JSON Lines: %v", ErrMalformed, err)
	}
	return items, nil
}

func jsonItem(raw []byte, source string, n int) Item {
	var j jsonArticle
	name := fmt.Sprintf("%s#%d", source, n)
	if err := json.Unmarshal(raw, &j); err != nil {
		return Item{Name: name, Err: fmt.Errorf("%s: %w JSON: %v", name, ErrMalformed, jsonProblem(err))}
	}
	a, err := j.article(raw)
	if err != nil {
		return Item{Name: name, Err: fmt.Errorf("%s: %w", name, err)}
	}
	a.Source = source + "#" + itemID(j.ID, n)
	return Item{Name: name, Article: a}
}

// ParseFeed reads an RSS or Atom feed: each item is an article; an item with only a
// summary uses it.
func ParseFeed(data []byte, source string) ([]Item, error) {
	if err := checkText(data); err != nil {
		return nil, err
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w feed: %v", ErrMalformed, err)
	}
	var items []Item
	for i, it := range feed.Items {
		name := fmt.Sprintf("%s#%d", source, i+1)
		if it.Link != "" {
			name = it.Link
		}
		body := htmlText(firstNonEmpty(it.Content, it.Description))
		a := &Article{Headline: strings.TrimSpace(it.Title), Body: body, URL: strings.TrimSpace(it.Link),
			Language: languageCode(feed.Language), Format: "feed"}
		if a.Headline == "" && a.Body == "" {
			items = append(items, Item{Name: name, Err: fmt.Errorf("%s: %w", name, ErrNoText)})
			continue
		}
		if it.PublishedParsed != nil {
			a.Published = *it.PublishedParsed
		} else if it.UpdatedParsed != nil {
			a.Published = *it.UpdatedParsed
		}
		for _, au := range it.Authors {
			if au != nil && strings.TrimSpace(au.Name) != "" {
				a.Authors = append(a.Authors, strings.TrimSpace(au.Name))
			}
		}
		id := firstNonEmpty(it.GUID, it.Link, fmt.Sprint(i+1))
		a.Source = source + "#" + id
		a.Hash = hashOf([]byte(a.Headline + "\x00" + a.Body + "\x00" + a.URL))
		items = append(items, Item{Name: name, Article: a})
	}
	return items, nil
}

// htmlText returns the text of an HTML fragment (feed items often carry markup).
func htmlText(s string) string {
	if !strings.Contains(s, "<") {
		return cleanText(html.UnescapeString(s))
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken: // the end, or markup too broken to go on: keep what was read
			return cleanText(b.String())
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "p", "br", "div", "li", "h1", "h2", "h3", "h4", "tr":
				b.WriteByte('\n')
			}
		}
	}
}

// jsonProblem says what is wrong with an article's JSON in the terms of its format
// (fields, text, objects), not of the Go types that read it.
func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te) && te.Field == "":
		return fmt.Sprintf("want an article object, got a %s", te.Value)
	case errors.As(err, &te):
		want := "text"
		switch te.Type.Kind() {
		case reflect.Slice, reflect.Array:
			want = "a list"
		case reflect.Map, reflect.Struct:
			want = "an object"
		}
		return fmt.Sprintf("field %q: want %s, got a %s", te.Field, want, te.Value)
	case errors.As(err, &se):
		return fmt.Sprintf("%v (at byte %d)", strings.TrimPrefix(se.Error(), "json: "), se.Offset)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}
