package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parleygraph/parley/store"
)

// waitFor polls cond every 50 ms for up to 20 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// statsValue is the figure on the line of `parley stats` output that key starts.
func statsValue(out, key string) string {
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == key {
			return f[1]
		}
	}
	return ""
}

// child runs parley as another process and returns its stdout, stderr and error.
func child(args ...string) (string, string, error) {
	cmd := parleyCmd(args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	return out.String(), errb.String(), err
}

// While watch holds the bolt store, reading commands from other processes run in
// it, and so does a load, between its reloads; once watch ends, its socket goes.
func TestReadersAndLoadsRunInsideWatch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	watch := parleyCmd("--db", db, "watch", "--every", "1h", articles)
	var wout bytes.Buffer
	watch.Stdout = &wout
	if err := watch.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { watch.Process.Signal(syscall.SIGTERM); watch.Wait() }()
	waitFor(t, "the first reload", func() bool { return strings.Contains(wout.String(), "loaded") })

	out, stderr, err := child("--db", db, "query", "mediators", "--format", "json")
	var rows []map[string]any
	if err != nil || json.Unmarshal([]byte(out), &rows) != nil || len(rows) == 0 {
		t.Fatalf("query during watch: %v\n%s\n%s", err, out, stderr)
	}
	if out, stderr, err := child("--db", db, "why", "Qatar"); err != nil || !strings.Contains(out, "rule:") {
		t.Fatalf("why during watch: %v\n%s\n%s", err, out, stderr)
	}
	if out, stderr, err := child("--db", db, "check"); err != nil || strings.TrimSpace(out) != "ok" {
		t.Fatalf("check during watch: %v\n%s\n%s", err, out, stderr)
	}
	exportDuring, stderr, err := child("--db", db, "export")
	if err != nil || strings.Count(exportDuring, "\n") < 1000 {
		t.Fatalf("export during watch: %v, %d lines\n%s", err, strings.Count(exportDuring, "\n"), stderr)
	}

	// A load from elsewhere runs inside watch, relative paths and all.
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"new.txt": "Talks in Muscat\nOman mediated talks between Iran and the United States in Muscat on Saturday."})
	load := parleyCmd("--db", db, "load", filepath.Base(dir))
	load.Dir = filepath.Dir(dir)
	if out, err := load.CombinedOutput(); err != nil || !strings.HasPrefix(string(out), "1 loaded, 0 unchanged, 0 failed") {
		t.Fatalf("load during watch: %v\n%s", err, out)
	}
	statsDuring, _, err := child("--db", db, "stats")
	if err != nil || statsValue(statsDuring, "articles") != strconv.Itoa(countArticles(t)+1) {
		t.Fatalf("stats during watch after a load: %v\n%s", err, statsDuring)
	}

	watch.Process.Signal(syscall.SIGTERM)
	watch.Wait()
	if _, err := os.Stat(holderSocket(db)); !os.IsNotExist(err) {
		t.Fatalf("socket left behind: %v", err)
	}
	// The same commands, on the store directly, say the same.
	if direct := mustRun(t, "--db", db, "stats"); direct != statsDuring {
		t.Fatalf("stats through watch:\n%s\ndirect:\n%s", statsDuring, direct)
	}
	verify(t, db)
}

// While a load holds the bolt store, a query from another process runs in it, and
// a second load is refused at once with the reason.
func TestReadsRunDuringLoadAndSecondWriterIsRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ok.txt": "Talks\nIsrael and Hamas met in Doha, mediated by Qatar."})
	mustRun(t, "--db", db, "load", dir)

	// The first load waits on a feed that answers when the test says so.
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>Oman mediates</title><link>https://w.example/2</link><description>Iran and the United States met in Muscat, mediated by Oman.</description></item></channel></rss>`))
	}))
	defer srv.Close()
	first := parleyCmd("--db", db, "load", "--fetch-timeout", "1m", srv.URL+"/feed")
	var fout bytes.Buffer
	first.Stdout, first.Stderr = &fout, &fout
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	released := false
	defer func() {
		if !released {
			close(release)
		}
		first.Wait()
	}()
	waitFor(t, "the load's socket", func() bool { return answers(holderSocket(db)) })

	out, stderr, err := child("--db", db, "query", "mediators")
	if err != nil || !strings.Contains(out, "Qatar") {
		t.Fatalf("query during a load: %v\n%s\n%s", err, out, stderr)
	}
	start := time.Now()
	out, stderr, err = child("--db", db, "load", dir)
	if err == nil || !strings.Contains(stderr, "store is in use by another process") || !strings.Contains(stderr, "parley load (pid") {
		t.Fatalf("second load: %v\n%s\n%s", err, out, stderr)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("second load took %v to be refused", d)
	}

	close(release)
	released = true
	if err := first.Wait(); err != nil || !strings.HasPrefix(fout.String(), "1 loaded") {
		t.Fatalf("first load: %v\n%s", err, fout.String())
	}
	if _, err := os.Stat(holderSocket(db)); !os.IsNotExist(err) {
		t.Fatalf("socket left behind: %v", err)
	}
	if out := mustRun(t, "--db", db, "query", "mediators"); !strings.Contains(out, "Oman") {
		t.Fatalf("after the load:\n%s", out)
	}
}

// A reader that holds the bolt store (a query running in its own process) makes a
// load wait for it, not fail.
func TestLoadWaitsForReaders(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ok.txt": "Talks\nIsrael and Hamas met in Doha, mediated by Qatar."})
	mustRun(t, "--db", db, "load", dir)
	reader, err := store.Open(store.Options{Path: db, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"more.txt": "Talks\nIran and the United States met in Muscat, mediated by Oman."})
	load := parleyCmd("--db", db, "load", dir)
	var out bytes.Buffer
	load.Stdout, load.Stderr = &out, &out
	if err := load.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second) // the load is waiting for the lock by now
	if load.Process.Signal(syscall.Signal(0)) != nil {
		t.Fatalf("load ended while a reader held the store: %s", out.String())
	}
	reader.Close()
	if err := load.Wait(); err != nil || !strings.HasPrefix(out.String(), "1 loaded, 1 unchanged") {
		t.Fatalf("load after the reader: %v\n%s", err, out.String())
	}
}

// serve holds the bolt store: it says what it does, answers over HTTP, and runs
// the queries and loads other processes send it.
func TestServeRunsOtherCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	dir, more := t.TempDir(), t.TempDir()
	writeFiles(t, dir, map[string]string{"ok.txt": "Talks\nIsrael and Hamas met in Doha, mediated by Qatar."})
	writeFiles(t, more, map[string]string{"new.txt": "Talks in Muscat\nOman mediated talks between Iran and the United States in Muscat on Saturday."})
	srv := parleyCmd("--db", db, "serve", "--addr", "127.0.0.1:0", "--reload-every", "1h", "--source", dir)
	var sout bytes.Buffer
	srv.Stdout = &sout
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { srv.Process.Signal(syscall.SIGTERM); srv.Wait() }()
	waitFor(t, "the first reload", func() bool { return strings.Contains(sout.String(), "loaded") })
	banner, _, _ := strings.Cut(sout.String(), "\n")
	if !strings.Contains(banner, "reloading --source every 1h0m0s; the HTTP API is read-only") {
		t.Fatalf("banner: %s", banner)
	}
	base := banner[strings.Index(banner, "http://"):]
	resp, err := http.Get(strings.TrimSuffix(base, "/") + "/api/queries/mediators")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("HTTP: %v %v", err, resp)
	}
	resp.Body.Close()
	if out, err := parleyCmd("--db", db, "load", more).CombinedOutput(); err != nil || !strings.HasPrefix(string(out), "1 loaded") {
		t.Fatalf("load during serve: %v\n%s", err, out)
	}
	if out, stderr, err := child("--db", db, "query", "mediators"); err != nil || !strings.Contains(out, "Oman") || !strings.Contains(out, "Qatar") {
		t.Fatalf("query during serve: %v\n%s\n%s", err, out, stderr)
	}
}

// When the socket cannot be made beside the store, a load still runs, and says
// that other commands will find the store busy meanwhile.
func TestLoadRunsWithoutItsSocket(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ok.txt": "Talks\nIsrael and Hamas met in Doha, mediated by Qatar."})
	// A directory where the socket would be: nothing can listen there.
	writeFiles(t, holderSocket(db), map[string]string{"keep": "x"})
	out, stderr, err := child("--db", db, "load", dir)
	if err != nil || !strings.HasPrefix(out, "1 loaded") || !strings.Contains(stderr, "other commands cannot run on") {
		t.Fatalf("load without a socket: %v\n%s\n%s", err, out, stderr)
	}
}
