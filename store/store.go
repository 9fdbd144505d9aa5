// Package store holds parley's graph in a Cayley quad store: it opens a store of a
// registered backend (store/bolt, store/postgres, store/memory register
// themselves; store/all imports them), writes one article's quads at a time
// atomically with the support counts of shared nodes, loads sources through an
// ArticleReader, and runs Gizmo queries. A backend is one package: its Backend
// (backend.go) and its Registration (registry.go); store/storetest is the suite
// every backend passes.
package store

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cayleygraph/cayley/graph"
)

// ErrNoStore is returned when a store is opened for reading before anything was loaded.
var ErrNoStore = errors.New("no store")

// ErrReadOnly is returned when a store is opened for writing on a server that
// takes no writes (a PostgreSQL hot standby): readers open it, writers go to its
// primary.
var ErrReadOnly = errors.New("store is read-only")

// ErrInUse is returned when another process holds the bolt store (or is writing
// to the PostgreSQL database).
var ErrInUse = errors.New("store is in use by another process")

// Options say how to open a store.
type Options struct {
	Backend string // a registered backend's name; "" for the one Path names (BackendFor)
	Path    string // the store's file, or its database's connection URL
	// Create makes a missing store; without it a missing store is ErrNoStore.
	Create bool
	// ReadOnly opens bolt in shared read-only mode, so several readers may run at once.
	ReadOnly bool
	// LockTimeout bounds the wait for another process's lock on the bolt file (or
	// the PostgreSQL writer lock).
	LockTimeout time.Duration
}

// Store is an open Cayley quad store with parley's write discipline.
type Store struct {
	QS      graph.QuadStore
	Backend string // the backend's registered name
	Path    string // the store as messages name it (no password: Registration.Describe)

	b       Backend
	reg     Registration
	writeMu sync.Mutex   // one article write at a time: see ReplaceArticle
	view    sync.RWMutex // readers against commits: see Hold
	shares  atomic.Int32 // Retain calls not yet matched by a Close
}

// Registration is the registration of the store's backend: what it can do.
func (s *Store) Registration() Registration { return s.reg }

// Retain lends the open store to another user in the process (a command a client
// runs through this process, see cmd/parley's holder socket): their Close only
// returns the loan, and the store stays open for its owner.
func (s *Store) Retain() *Store {
	s.shares.Add(1)
	return s
}

// Open opens (or, with Create, creates) the store described by opt, with the
// backend registered under opt.Backend (or, without one, the backend opt.Path
// names: BackendFor).
func Open(opt Options) (*Store, error) {
	name := opt.Backend
	if name == "" {
		name = BackendFor(opt.Path)
	}
	reg, err := lookup(name)
	if err != nil {
		return nil, err
	}
	opt.Backend = name
	b, err := reg.Open(opt)
	if err != nil {
		return nil, err
	}
	return &Store{QS: b.QuadStore(), Backend: name, Path: Describe(name, opt.Path), b: b, reg: reg}, nil
}

// holding marks a context whose goroutine holds the store still (see Hold).
type holding struct{ s *Store }

// Hold keeps commits out until release is called, so that a reader sees one
// commit whole: Cayley reads an iterator's quads and their values in separate
// transactions, and a commit between them would show half an article (or, on the
// memory backend, break its maps). On bolt it also keeps a commit from growing
// the file's memory map while a reader that holds a transaction opens another:
// the commit would wait for the reader and the reader for the commit. A commit
// waits for the readers that hold the store (on a backend registered OneReader,
// readers wait for each other too); a call made with the returned
// context does not take the hold again (so readers may call readers). Commits
// of other processes are kept out by the backend (Viewer): a PostgreSQL reader
// reads in one snapshot.
func (s *Store) Hold(ctx context.Context) (context.Context, func()) {
	if h, ok := ctx.Value(holding{}).(*Store); ok && h == s {
		return ctx, func() {}
	}
	ctx = context.WithValue(ctx, holding{}, s)
	lock, unlock := s.view.RLock, s.view.RUnlock
	if s.reg.OneReader {
		lock, unlock = s.view.Lock, s.view.Unlock
	}
	lock()
	if v, ok := s.b.(Viewer); ok {
		// Other processes commit too (a PostgreSQL primary's writers, seen on its
		// standby): the backend keeps the holder's reads in one snapshot.
		end := v.View(ctx)
		return ctx, func() { end(); unlock() }
	}
	return ctx, unlock
}

// write runs a commit, once the readers that hold the store are done.
func (s *Store) write(ctx context.Context, c Change) error {
	s.view.Lock()
	defer s.view.Unlock()
	return s.b.Write(ctx, c)
}

// Close closes the store (and, on PostgreSQL, releases the writer lock).
func (s *Store) Close() error {
	for {
		n := s.shares.Load()
		if n <= 0 {
			break
		}
		if s.shares.CompareAndSwap(n, n-1) {
			return nil // a loan returned (see Retain)
		}
	}
	return s.b.Close()
}

// Size returns the number of quads in the store.
func (s *Store) Size(ctx context.Context) (int64, error) { return s.b.Size(ctx) }

// Unwrap returns the backend under the store, for the backend's own tests and
// tools.
func (s *Store) Unwrap() Backend { return s.b }
