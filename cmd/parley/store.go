package main

import (
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/store"
)

// openStore opens the store the global flags name; write opens it for loading.
//
// bolt lets one process in while it writes. When another parley process holds the
// store and answers on its socket, the error is a storeBusy, and the command runs
// there (see execute); otherwise (readers hold it, or its holder is starting) the
// open waits up to --wait for the lock.
func (o *options) openStore(write bool) (*store.Store, error) { return o.open(write, write) }

// open opens the store for writing or reading; create makes a missing one.
func (o *options) open(write, create bool) (*store.Store, error) {
	if o.held != nil {
		return o.held.Retain(), nil
	}
	open := func(wait time.Duration) (*store.Store, error) {
		return store.Open(store.Options{Backend: o.storeBackend(), Path: o.db, Create: create, ReadOnly: !write, LockTimeout: wait})
	}
	s, err := open(50 * time.Millisecond)
	if !errors.Is(err, store.ErrInUse) || !o.storeIsLocal() {
		return s, err
	}
	deadline := time.Now().Add(o.wait)
	for {
		if sock := holderSocket(o.db); answers(sock) {
			return nil, &storeBusy{err: err, sock: sock}
		}
		if !time.Now().Before(deadline) {
			return nil, fmt.Errorf("%w (waited %s for it: --wait)", err, o.wait)
		}
		s, err = open(250 * time.Millisecond)
		if !errors.Is(err, store.ErrInUse) {
			return s, err
		}
	}
}

// answers reports whether a process listens on the Unix socket sock.
func answers(sock string) bool {
	conn, err := net.DialTimeout("unix", sock, time.Second)
	if err != nil {
		return false
	}
	conn.Close()
	return true
}

// storeBackend is --backend, or without it the backend --db names (a postgres://
// URL names PostgreSQL, so $PARLEY_DB alone can point at a database; a path, bolt).
func (o *options) storeBackend() string {
	if o.backend != "" {
		return o.backend
	}
	return store.BackendFor(o.db)
}

// storeIsLocal says whether the store is a file one process holds at a time (the
// others reach it through that process: see holder.go).
func (o *options) storeIsLocal() bool {
	r, ok := store.Lookup(o.storeBackend())
	return ok && r.Local
}

// storeName names the store in messages (never with a password).
func storeName(opt *options) string { return store.Describe(opt.storeBackend(), opt.db) }

// extractor loads the lexicon and rules, with the --lexicon directories.
func (o *options) extractor() (*extract.Extractor, error) {
	lx, err := lexicon.Load(o.lexicon...)
	if err != nil {
		return nil, err
	}
	return extract.New(lx, o.lexicon...)
}
