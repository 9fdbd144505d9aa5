// Command gotest runs `go test` with its arguments and then says, loudly, which
// tests did not run and why: the web UI test without Chromium, the PostgreSQL tests
// without a server, the devset tests without ../shared. `go test` alone prints
// "ok" for a package whose optional tests skipped, which reads as if they passed.
//
//	go run ./cmd/gotest ./...
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strings"
)

// event is one line of `go test -json` (see `go doc test2json`).
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	cmd := exec.Command("go", append([]string{"test", "-json"}, args...)...)
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Fprintln(stderr, "gotest:", err)
		return 2
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(stderr, "gotest:", err)
		return 2
	}
	skips := summarize(out, stdout)
	code := 0
	if err := cmd.Wait(); err != nil {
		code = 1
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
	}
	if len(skips) > 0 {
		fmt.Fprintf(stdout, "\n*** Some tests did not run (the packages above still say ok):\n")
		reasons := make([]string, 0, len(skips))
		for r := range skips {
			reasons = append(reasons, r)
		}
		sort.Strings(reasons)
		for _, r := range reasons {
			tests := skips[r]
			sort.Strings(tests)
			more := ""
			if len(tests) > 4 {
				more = fmt.Sprintf(" and %d more", len(tests)-4)
				tests = tests[:4]
			}
			fmt.Fprintf(stdout, "  - %s\n      %s%s\n", r, strings.Join(tests, ", "), more)
		}
	}
	return code
}

// position is the "file_test.go:12: " a test's log line starts with.
var position = regexp.MustCompile(`^\s*\S+_test\.go:\d+: `)

// summarize copies what `go test` would print for the packages (ok, FAIL, and a
// failed test's output) and returns the skipped tests by the reason they gave.
func summarize(r io.Reader, w io.Writer) map[string][]string {
	dec := json.NewDecoder(r)
	logs := map[string][]string{} // package + test → its output
	skips := map[string][]string{}
	for {
		var e event
		if err := dec.Decode(&e); err != nil {
			return skips
		}
		key := e.Package + " " + e.Test
		switch e.Action {
		case "output", "build-output":
			if e.Test == "" {
				if o := e.Output; strings.HasPrefix(o, "ok") || strings.HasPrefix(o, "FAIL") || strings.HasPrefix(o, "?") ||
					strings.HasPrefix(o, "---") || strings.HasPrefix(o, "panic") || e.Action == "build-output" {
					io.WriteString(w, o)
				}
				continue
			}
			logs[key] = append(logs[key], e.Output)
		case "fail":
			if e.Test != "" {
				io.WriteString(w, strings.Join(logs[key], ""))
			}
		case "skip":
			if e.Test == "" {
				continue
			}
			reason := ""
			for _, l := range logs[key] {
				if position.MatchString(l) {
					reason = strings.TrimSpace(position.ReplaceAllString(l, ""))
				}
			}
			if reason == "" {
				continue // skipped by -short or a parent's choice, with nothing to say
			}
			short := e.Package[strings.LastIndex(e.Package, "/")+1:]
			skips[reason] = append(skips[reason], short+"."+e.Test)
		}
	}
}
