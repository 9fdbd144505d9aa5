package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/parleygraph/parley/store"
	"github.com/parleygraph/parley/store/pgtest"
	"github.com/parleygraph/parley/store/postgres"
)

// TestPostgresHotStandby runs the setup README.md shows for teams that outgrow one
// machine: `parley load` on a PostgreSQL primary and the reading commands and
// `parley serve` on its hot standby. On the standby every reading command answers
// as on the primary, migrate copies it, and every writing command fails at once,
// naming it. While the primary reloads an edited article again and again, each
// answer of a serve on the standby is the old state's or the new one's, never an
// error nor a mixture, and the new state shows once it has replayed.
func TestPostgresHotStandby(t *testing.T) {
	pair := pgtest.Replicated(t)
	src := t.TempDir()
	files, err := os.ReadDir(articles)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(articles, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, src, map[string]string{f.Name(): string(data)})
	}
	edited := filepath.Join(src, "en_gaza_doha_hostages.txt")
	before, err := os.ReadFile(edited)
	if err != nil {
		t.Fatal(err)
	}
	after := strings.Replace(string(before), "brokered by Qatar, Egypt", "brokered by Oman, Egypt", 1)
	if after == string(before) {
		t.Fatal("the edit changes nothing: testdata changed?")
	}
	mustRun(t, "--db", pair.Primary, "load", src)
	pair.WaitReplay(t)

	// Reading commands: the standby's answers are the primary's.
	unnamed := func(db, out string) string { return strings.ReplaceAll(out, postgres.RedactDSN(db), "DB") }
	for _, args := range [][]string{
		{"stats"},
		{"query", "mediators"},
		{"query", "talks", "--format", "json"},
		{"query", "actor", "--param", "name=Qatar", "--param", "evidence=all"},
		{"why", "Qatar"},
		{"check"},
	} {
		p := mustRun(t, append([]string{"--db", pair.Primary}, args...)...)
		s := mustRun(t, append([]string{"--db", pair.Standby}, args...)...)
		if unnamed(pair.Primary, p) != unnamed(pair.Standby, s) {
			t.Errorf("parley %s: the standby answers\n%s\nthe primary\n%s", strings.Join(args, " "), s, p)
		}
	}
	sameLines(t, "export", exported(t, pair.Primary, ""), exported(t, pair.Standby, ""))
	copied := filepath.Join(t.TempDir(), "copy.db")
	if out := mustRun(t, "migrate", "--from", pair.Standby, "--to", "bolt:"+copied); !strings.Contains(out, "check ok") {
		t.Fatalf("migrate from the standby: %s", out)
	}
	sameLines(t, "the standby copied to bolt", exported(t, pair.Primary, ""), exported(t, copied, ""))

	// Writing commands: refused before they start, naming the standby.
	standby := postgres.RedactDSN(pair.Standby)
	for _, args := range [][]string{
		{"--db", pair.Standby, "load", src},
		{"--db", pair.Standby, "reextract"},
		{"--db", pair.Standby, "watch", "--every", "1h", src},
		{"--db", pair.Standby, "serve", "--addr", "127.0.0.1:0", "--allow-writes"},
		{"--db", pair.Standby, "serve", "--addr", "127.0.0.1:0", "--reload-every", "1h", "--source", src},
		{"migrate", "--from", "bolt:" + copied, "--to", pair.Standby, "--force"},
	} {
		_, _, err := run(t, args...)
		if !errors.Is(err, store.ErrReadOnly) || !strings.Contains(err.Error(), standby) || !strings.Contains(err.Error(), "hot standby") {
			t.Errorf("parley %s on the standby: %v; want the read-only error naming %s", strings.Join(args, " "), err, standby)
		}
	}

	// serve on the standby while the primary reloads.
	srv := parleyCmd("--db", pair.Standby, "serve", "--addr", "127.0.0.1:0")
	stdout, err := srv.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(t.TempDir(), "serve.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	srv.Stderr = logFile
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		srv.Process.Signal(syscall.SIGTERM)
		srv.Wait()
		if log, _ := os.ReadFile(logPath); t.Failed() {
			t.Logf("serve's log:\n%s", log)
		}
	}()
	banner, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || !strings.Contains(banner, "(read-only)") || !strings.Contains(banner, "http://") {
		t.Fatalf("serve on the standby: %q, %v", banner, err)
	}
	go io.Copy(io.Discard, stdout)
	base := strings.TrimSpace(banner[strings.Index(banner, "http://"):])
	// A saved query, and why's facts with their evidence: each reads a node's
	// quads and then their evidence's, in statements of their own.
	paths := []string{"api/queries/mediators", "api/why?node=Qatar&evidence=all"}
	client := &http.Client{Timeout: 30 * time.Second}
	get := func(path string) (string, error) {
		resp, err := client.Get(base + path)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err == nil && resp.StatusCode != http.StatusOK {
			err = fmt.Errorf("%s: %s: %s", path, resp.Status, body)
		}
		return string(body), err
	}
	old, edit := map[string]string{}, map[string]string{} // answers before and after the edit
	for _, p := range paths {
		if old[p], err = get(p); err != nil {
			t.Fatal(err)
		}
	}

	var (
		mu      sync.Mutex
		answers = map[string]map[string]int{} // path → answer → times
		failed  []error
		stop    = make(chan struct{})
		done    = make(chan struct{})
	)
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			p := paths[i%len(paths)]
			body, err := get(p)
			mu.Lock()
			if err != nil {
				failed = append(failed, err)
			} else {
				if answers[p] == nil {
					answers[p] = map[string]int{}
				}
				answers[p][body]++
			}
			mu.Unlock()
		}
	}()
	signal := paths[0]
	for round, text := range []string{after, string(before), after, string(before)} {
		writeFiles(t, src, map[string]string{filepath.Base(edited): text})
		if out := mustRun(t, "--db", pair.Primary, "load", src); !strings.HasPrefix(out, "1 loaded") {
			t.Fatalf("reload %d on the primary: %s", round+1, out)
		}
		pair.WaitReplay(t)
		// Once replayed, the standby answers with the new state (a snapshot its
		// busy readers share lasts about a second).
		waitFor(t, fmt.Sprintf("the standby's serve to show reload %d", round+1), func() bool {
			body, err := get(signal)
			switch {
			case err != nil:
				return false
			case text != after:
				return body == old[signal]
			case edit[signal] == "":
				return body != old[signal]
			}
			return body == edit[signal]
		})
		if edit[signal] == "" {
			// Snapshots are taken in turn: a request after one that saw the edit sees it.
			for _, p := range paths {
				if edit[p], err = get(p); err != nil {
					t.Fatal(err)
				}
				if edit[p] == old[p] {
					t.Fatalf("%s answers the same before and after the edit", p)
				}
			}
		}
	}
	close(stop)
	<-done
	mu.Lock()
	defer mu.Unlock()
	for _, err := range failed[:min(len(failed), 5)] {
		t.Errorf("serve on the standby during the reloads: %v", err)
	}
	for _, p := range paths {
		n := 0
		for body, count := range answers[p] {
			if body != old[p] && body != edit[p] {
				t.Errorf("%s: %d answers neither the old state's nor the edited one's:\n%s\nold:\n%s\nedited:\n%s", p, count, body, old[p], edit[p])
			}
			n += count
		}
		if n < 10 || answers[p][old[p]] == 0 || answers[p][edit[p]] == 0 {
			t.Errorf("%s: %d answers during the reloads (%d old, %d edited): too few to tell", p, n, answers[p][old[p]], answers[p][edit[p]])
		}
		t.Logf("%s: %d answers during 4 reloads, %d old, %d edited", p, n, answers[p][old[p]], answers[p][edit[p]])
	}
}
