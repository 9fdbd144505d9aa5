package main

// bolt lets one process write a store, and no other process open it meanwhile. So
// the process that holds a bolt store (load, reextract, watch, serve) listens on a
// Unix socket beside it, and a command that finds the store busy sends its
// arguments there: the holder runs the command on its open store and streams back
// what it prints. Reading commands (query, why, stats, export, check) run in any
// holder; load and reextract only in a long-lived one (watch, serve), whose writes
// are serialised with its own reloads article by article.

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/store"
)

// Commands a store's holder runs for other processes.
var (
	forwardReads  = map[string]bool{"query": true, "why": true, "stats": true, "export": true, "check": true}
	forwardWrites = map[string]bool{"load": true, "reextract": true}
)

// holderSocket is where the holder of the bolt store at db listens: beside the store,
// or in the temporary directory when that path is too long for a socket address.
func holderSocket(db string) string {
	abs, err := filepath.Abs(db)
	if err != nil {
		abs = db
	}
	if p := abs + ".sock"; len(p) < 100 {
		return p
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(os.TempDir(), "parley-"+hex.EncodeToString(sum[:8])+".sock")
}

// storeBusy is the error of a command that found the bolt store held by a process
// that answers on sock.
type storeBusy struct {
	err  error
	sock string
}

func (e *storeBusy) Error() string { return e.err.Error() }
func (e *storeBusy) Unwrap() error { return e.err }

// holder serves other processes' commands on the store this process holds.
type holder struct {
	st     *store.Store
	writes bool   // also run load and reextract
	what   string // "parley load (pid 42)", for refusals
	wg     sync.WaitGroup
}

// holdStore makes this process answer, on the store's socket, the commands other
// processes send while it holds the bolt store; stop ends that. writes says whether
// it also runs their loads. Other backends let several processes in, and need none.
// When the socket cannot be made (a read-only directory), stop is still to be
// called, and the error says other commands will find the store busy.
func (o *options) holdStore(ctx context.Context, st *store.Store, name string, writes bool) (stop func(), err error) {
	if !st.Registration().Local || o.held != nil {
		return func() {}, nil // other backends let several processes in; a lent store is held already
	}
	path := holderSocket(o.db)
	// This process holds the store's lock, so a socket left there is a dead holder's.
	_ = os.Remove(path)
	ln, err := net.Listen("unix", path)
	if err == nil {
		if err = os.Chmod(path, 0o600); err != nil { // the user's own commands only
			ln.Close()
		}
	}
	if err != nil {
		return func() {}, fmt.Errorf("other commands cannot run on %s while this one holds it: %w", o.db, err)
	}
	w := &holder{st: st, writes: writes, what: fmt.Sprintf("parley %s (pid %d)", name, os.Getpid())}
	ctx, cancel := context.WithCancel(ctx)
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			w.wg.Add(1)
			go func() {
				defer w.wg.Done()
				w.serve(ctx, conn)
			}()
		}
	}()
	return func() {
		cancel()
		ln.Close()
		w.wg.Wait() // commands running on the store end before it closes
		_ = os.Remove(path)
	}, nil
}

// openWriter opens what a command that loads needs: the extractor and the store for
// writing, held (see holdStore) while ctx lasts; close releases both.
func (o *options) openWriter(ctx context.Context, name string, writes bool) (x *extract.Extractor, st *store.Store, close func(), err error) {
	if x, err = o.extractor(); err != nil {
		return nil, nil, nil, err
	}
	if st, err = o.openStore(true); err != nil {
		return nil, nil, nil, err
	}
	stop, err := o.holdStore(ctx, st, name, writes)
	if err != nil {
		fmt.Fprintln(os.Stderr, "parley: warning:", err) // the command itself goes on
	}
	return x, st, func() { stop(); st.Close() }, nil
}

// request is what a client sends: the command line to run.
type request struct {
	Args []string `json:"args"`
}

// Frames of the reply: stdout, stderr, and the exit status last.
const (
	frameOut  = 'o'
	frameErr  = 'e'
	frameExit = 'x'
)

// frames writes the reply's frames, from any goroutine.
type frames struct {
	mu   sync.Mutex
	conn io.Writer
}

func (f *frames) write(kind byte, p []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	var head [5]byte
	head[0] = kind
	binary.BigEndian.PutUint32(head[1:], uint32(len(p)))
	if _, err := f.conn.Write(head[:]); err != nil {
		return err
	}
	_, err := f.conn.Write(p)
	return err
}

type frameWriter struct {
	f    *frames
	kind byte
}

func (w frameWriter) Write(p []byte) (int, error) {
	if err := w.f.write(w.kind, p); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (w *holder) serve(ctx context.Context, conn net.Conn) {
	defer conn.Close()
	var req request
	r := bufio.NewReader(conn)
	line, err := r.ReadBytes('\n')
	if err != nil || json.Unmarshal(line, &req) != nil {
		return
	}
	// The client closing the connection (Ctrl-C) stops its command.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		_, _ = io.Copy(io.Discard, r)
		cancel()
	}()
	out := &frames{conn: conn}
	code := w.run(ctx, req.Args, frameWriter{out, frameOut}, frameWriter{out, frameErr})
	_ = out.write(frameExit, []byte(strconv.Itoa(code)))
}

// run runs one command line on the held store and returns its exit status.
func (w *holder) run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRootWith(&options{held: w.st})
	c, _, err := root.Find(args)
	name := ""
	if err == nil && c != root {
		name = strings.TrimPrefix(c.CommandPath(), root.Name()+" ")
	}
	switch {
	case forwardReads[name], forwardWrites[name] && w.writes:
	case forwardWrites[name]:
		fmt.Fprintf(stderr, "parley: %s: %s is writing to the store (one writer at a time); run it when that ends, or reload inside parley watch or serve\n", store.ErrInUse, w.what)
		return 1
	default:
		fmt.Fprintf(stderr, "parley: %s: %s holds the store and does not run %q for others\n", store.ErrInUse, w.what, name)
		return 1
	}
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	return exitStatus(root.ExecuteContext(ctx), stderr)
}

// forward runs the command line in the process that listens on sock and copies
// what it prints; it returns the command's exit status.
func forward(ctx context.Context, sock string, args []string, stdout, stderr io.Writer) (int, error) {
	var d net.Dialer
	dctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	conn, err := d.DialContext(dctx, "unix", sock)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	req, err := json.Marshal(request{Args: args})
	if err != nil {
		return 0, err
	}
	if _, err := conn.Write(append(req, '\n')); err != nil {
		return 0, err
	}
	r := bufio.NewReader(conn)
	for {
		var head [5]byte
		if _, err := io.ReadFull(r, head[:]); err != nil {
			return 0, fmt.Errorf("the store's holder stopped answering: %w", err)
		}
		n := binary.BigEndian.Uint32(head[1:])
		switch head[0] {
		case frameOut, frameErr:
			w := stdout
			if head[0] == frameErr {
				w = stderr
			}
			if _, err := io.CopyN(w, r, int64(n)); err != nil {
				return 0, err
			}
		case frameExit:
			p := make([]byte, n)
			if _, err := io.ReadFull(r, p); err != nil {
				return 0, err
			}
			return strconv.Atoi(string(p))
		default:
			return 0, fmt.Errorf("the store's holder sent frame %q", head[0])
		}
	}
}

// forwardArgs rebuilds the command line c ran with, for another process: the
// command's path, the flags set (paths made absolute, as that process has its own
// working directory) and the arguments (load's sources made absolute).
func forwardArgs(root, c *cobra.Command, args []string) []string {
	out := strings.Fields(strings.TrimPrefix(c.CommandPath(), root.Name()))
	c.Flags().Visit(func(f *pflag.Flag) {
		if f.Name == "backend" {
			return // the holder's store is the one (--db stays, to name it)
		}
		values := []string{f.Value.String()}
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			values = sv.GetSlice()
		}
		for _, v := range values {
			if f.Name == "lexicon" {
				v = absPath(v)
			}
			out = append(out, "--"+f.Name+"="+v)
		}
	})
	out = append(out, "--")
	for _, a := range args {
		if forwardWrites[c.Name()] {
			a = absPath(a)
		}
		out = append(out, a)
	}
	return out
}

// absPath makes a path that exists here absolute; URLs and the rest stay as given.
func absPath(p string) string {
	if _, err := os.Stat(p); err != nil {
		return p
	}
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}
