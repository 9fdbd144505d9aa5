package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Options bound reading.
type Options struct {
	MaxSize      int64         // bytes per file or response; 0 means DefaultMaxSize
	FetchTimeout time.Duration // per URL; 0 means DefaultFetchTimeout
	Client       *http.Client  // nil means a client with FetchTimeout
}

// DefaultFetchTimeout bounds fetching one URL.
const DefaultFetchTimeout = 30 * time.Second

// IsURL reports whether a source is fetched over HTTP.
func IsURL(name string) bool {
	return strings.HasPrefix(name, "http://") || strings.HasPrefix(name, "https://")
}

// Read reads every article in one source: a file (by its extension) or a URL (a
// feed or a web page, by what the server sends). A source that cannot be read at
// all is an error; one bad article in a source that holds many is an item with an
// error, and the others are read.
func Read(ctx context.Context, name string, opt Options) ([]Item, error) {
	if opt.MaxSize <= 0 {
		opt.MaxSize = DefaultMaxSize
	}
	if IsURL(name) {
		return readURL(ctx, name, opt)
	}
	format, ok := extensions[strings.ToLower(filepath.Ext(name))]
	if !ok {
		return nil, fmt.Errorf("%s: %w %q (want %s)", name, ErrUnsupported, filepath.Ext(name), readable)
	}
	data, err := readLimited(name, opt.MaxSize)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		abs = name
	}
	items, err := parse(data, format, abs, "", "")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return items, nil
}

func readLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s: %w: more than %d bytes (raise --max-size)", path, ErrTooLarge, max)
	}
	return data, nil
}

// parse reads data in a format; source names it (a path or URL), pageURL is the
// URL of a fetched page, contentType the Content-Type it came with.
func parse(data []byte, format, source, pageURL, contentType string) ([]Item, error) {
	items, err := parseFormat(data, format, source, pageURL, contentType)
	now := time.Now()
	for _, it := range items {
		// An article its source gives no date: its dateline's, if it has one.
		if a := it.Article; a != nil && a.Published.IsZero() {
			if d, ok := datelineDate(a.Headline, a.Body, now); ok {
				a.Published = d
			}
		}
	}
	return items, err
}

func parseFormat(data []byte, format, source, pageURL, contentType string) ([]Item, error) {
	data, err := toUTF8(data, format, contentType)
	if err != nil {
		return nil, err
	}
	switch format {
	case "json":
		return ParseJSON(data, source)
	case "jsonl":
		return ParseJSONL(data, source)
	case "feed":
		return ParseFeed(data, source)
	case "html":
		a, err := ParseHTML(data, pageURL)
		if err != nil {
			return nil, err
		}
		a.Source = source
		return []Item{{Name: source, Article: a}}, nil
	default:
		a, err := Parse(data, format)
		if err != nil {
			return nil, err
		}
		a.Source = source
		return []Item{{Name: source, Article: a}}, nil
	}
}

func readURL(ctx context.Context, u string, opt Options) ([]Item, error) {
	timeout := opt.FetchTimeout
	if timeout <= 0 {
		timeout = DefaultFetchTimeout
	}
	client := opt.Client
	if client == nil {
		client = &http.Client{Timeout: timeout}
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	req.Header.Set("User-Agent", "parley (negotiation news graph)")
	resp, err := client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("%s: fetch timed out after %v (raise --fetch-timeout)", u, timeout)
		}
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return nil, fmt.Errorf("%s: HTTP %s", u, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, opt.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	if int64(len(data)) > opt.MaxSize {
		return nil, fmt.Errorf("%s: %w: more than %d bytes (raise --max-size)", u, ErrTooLarge, opt.MaxSize)
	}
	format := "html"
	ct := strings.ToLower(resp.Header.Get("Content-Type"))
	head := strings.ToLower(strings.TrimSpace(string(data[:min(len(data), 512)])))
	switch {
	case strings.Contains(ct, "rss") || strings.Contains(ct, "atom") || strings.Contains(ct, "xml"),
		strings.HasPrefix(head, "<?xml") || strings.HasPrefix(head, "<rss") || strings.HasPrefix(head, "<feed"):
		format = "feed"
	case strings.Contains(ct, "json"):
		format = "json"
	case strings.HasPrefix(ct, "text/plain"):
		format = "text"
	}
	items, err := parse(data, format, u, u, resp.Header.Get("Content-Type"))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	return items, nil
}
