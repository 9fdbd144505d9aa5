package main

import (
	"strings"
	"testing"
)

// A run's JSON events, as `go test -json` writes them: one package passes with a
// skipped test, one fails.
const events = `{"Action":"run","Package":"p/a","Test":"TestUI"}
{"Action":"output","Package":"p/a","Test":"TestUI","Output":"=== RUN   TestUI\n"}
{"Action":"output","Package":"p/a","Test":"TestUI","Output":"    browser_test.go:33: no Chromium (install Debian's chromium)\n"}
{"Action":"output","Package":"p/a","Test":"TestUI","Output":"--- SKIP: TestUI (0.00s)\n"}
{"Action":"skip","Package":"p/a","Test":"TestUI"}
{"Action":"run","Package":"p/a","Test":"TestShort"}
{"Action":"output","Package":"p/a","Test":"TestShort","Output":"--- SKIP: TestShort (0.00s)\n"}
{"Action":"skip","Package":"p/a","Test":"TestShort"}
{"Action":"output","Package":"p/a","Output":"ok  \tp/a\t0.01s\n"}
{"Action":"pass","Package":"p/a"}
{"Action":"output","Package":"p/b","Test":"TestX","Output":"    x_test.go:9: want 2, got 3\n"}
{"Action":"fail","Package":"p/b","Test":"TestX"}
{"Action":"output","Package":"p/b","Output":"FAIL\tp/b\t0.02s\n"}
{"Action":"fail","Package":"p/b"}
`

func TestSummarize(t *testing.T) {
	var out strings.Builder
	skips := summarize(strings.NewReader(events), &out)
	if got := skips["no Chromium (install Debian's chromium)"]; len(got) != 1 || got[0] != "a.TestUI" {
		t.Fatalf("skips %v", skips)
	}
	if len(skips) != 1 {
		t.Fatalf("a skip without a reason is listed: %v", skips)
	}
	for _, want := range []string{"ok  \tp/a", "want 2, got 3", "FAIL\tp/b"} {
		if !strings.Contains(out.String(), want) {
			t.Fatalf("output lacks %q:\n%s", want, out.String())
		}
	}
}
