// Package graph opens parley's Cayley stores, writes one article's quads at a time
// atomically, and runs Gizmo queries over them.
package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// Backends parley can open.
const (
	Bolt     = "bolt"
	Memory   = "memory"
	Postgres = "postgres" // Cayley's SQL store on PostgreSQL
)

// ErrNoStore is returned when a store is opened for reading before anything was loaded.
var ErrNoStore = errors.New("no store")

// ErrInUse is returned when another process holds the bolt store (or is writing
// to the PostgreSQL database).
var ErrInUse = errors.New("store is in use by another process")

// Options say how to open a store.
type Options struct {
	Backend string // Bolt (default), Memory or Postgres
	Path    string // bolt file, or PostgreSQL connection URL
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
	Backend string
	Path    string // bolt file, or the PostgreSQL URL without its password

	writeMu sync.Mutex     // one article write at a time: see ReplaceArticle
	batch   *batchKV       // bolt: one transaction across ApplyDeltas calls
	values  *valueCache    // bolt: Cayley's node ID cache, emptied after deletions
	indexes []kv.QuadIndex // bolt: the store's quad indexes (see dropDead)
	sql     *sqlStore      // postgres: parley's own connection (writer lock, checks)
	shares  atomic.Int32   // Retain calls not yet matched by a Close
}

// Retain lends the open store to another user in the process (a command a client
// runs through this process, see cmd/parley's holder socket): their Close only
// returns the loan, and the store stays open for its owner.
func (s *Store) Retain() *Store {
	s.shares.Add(1)
	return s
}

// Open opens (or, with Create, creates) the store described by opt.
func Open(opt Options) (*Store, error) {
	switch opt.Backend {
	case "", Bolt:
		return openBolt(opt)
	case Memory:
		qs := memstore.New()
		return &Store{QS: qs, Backend: Memory}, nil
	case Postgres:
		return openPostgres(opt)
	default:
		return nil, fmt.Errorf("unknown backend %q (want %s, %s or %s)", opt.Backend, Bolt, Memory, Postgres)
	}
}

// kvOptions: no_bloom, because by default every open scans the whole store to build
// a bloom filter, which costs seconds per command on a large graph.
var kvOptions = graph.Options{kv.OptNoBloom: true}

// labelIndex lets one article's quads be found without a full scan; Cayley records
// the index list in the store, so it is only added when the store is created.
var labelIndex = kv.QuadIndex{Dirs: []quad.Direction{quad.Label}}

func openBolt(opt Options) (*Store, error) {
	if opt.Path == "" {
		return nil, errors.New("bolt store: empty path")
	}
	_, statErr := os.Stat(opt.Path)
	exists := statErr == nil
	if !exists && !opt.Create {
		return nil, fmt.Errorf("%w at %s: run `parley load` first", ErrNoStore, opt.Path)
	}
	if dir := filepath.Dir(opt.Path); !exists {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create store directory %s: %w", dir, err)
		}
	}
	timeout := opt.LockTimeout
	if timeout <= 0 {
		timeout = 500 * time.Millisecond
	}
	readOnly := opt.ReadOnly && exists
	db, err := hbolt.Open(opt.Path, &bolt.Options{Timeout: timeout, ReadOnly: readOnly})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("open %s: %w", opt.Path, ErrInUse)
	} else if err != nil {
		return nil, fmt.Errorf("open %s: %w", opt.Path, err)
	}
	if !exists || isEmptyBolt(db) {
		if readOnly {
			db.Close()
			return nil, fmt.Errorf("%w at %s: run `parley load` first", ErrNoStore, opt.Path)
		}
		if err := initKV(db); err != nil {
			db.Close()
			return nil, fmt.Errorf("initialise %s: %w", opt.Path, err)
		}
	}
	batch := &batchKV{KV: db}
	qs, err := kv.New(batch, kvOptions)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", opt.Path, err)
	}
	cache, err := newValueCache(qs)
	if err != nil {
		qs.Close()
		return nil, fmt.Errorf("open %s: %w", opt.Path, err)
	}
	indexes, err := readIndexes(context.Background(), db)
	if err != nil {
		qs.Close()
		return nil, fmt.Errorf("open %s: %w", opt.Path, err)
	}
	return &Store{QS: qs, Backend: Bolt, Path: opt.Path, batch: batch, values: cache, indexes: indexes}, nil
}

// isEmptyBolt reports whether a bolt file holds no Cayley store yet (a crash between
// creating the file and initialising it leaves such a file behind).
func isEmptyBolt(db *hbolt.DB) bool {
	empty := true
	_ = db.DB().View(func(tx *bolt.Tx) error {
		// The first key is enough: Cayley makes thousands of top-level buckets.
		k, _ := tx.Cursor().First()
		empty = k == nil
		return nil
	})
	return empty
}

// initKV initialises a Cayley kv store with the default indexes plus labelIndex.
// Cayley's Init always writes its default index list, so parley rewrites that record
// (and creates the index bucket) in the same way Init does, before any quad exists.
func initKV(db hkv.KV) error {
	if err := kv.Init(db, kvOptions); err != nil {
		return err
	}
	indexes := append(append([]kv.QuadIndex(nil), kv.DefaultQuadIndexes...), labelIndex)
	data, err := json.Marshal(indexes)
	if err != nil {
		return err
	}
	ctx := context.Background()
	return hkv.Update(ctx, db, func(tx hkv.Tx) error {
		if err := hkv.CreateBucket(ctx, tx, indexBucket(labelIndex)); err != nil {
			return err
		}
		return tx.Put(ctx, hkv.Key{[]byte("meta"), []byte("indexes")}, data)
	})
}

// indexBucket mirrors Cayley's bucket naming for a quad index: one byte per direction.
func indexBucket(ind kv.QuadIndex) hkv.Key {
	b := make([]byte, len(ind.Dirs))
	for i, d := range ind.Dirs {
		b[i] = d.Prefix()
	}
	return hkv.Key{b}
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
	err := s.QS.Close()
	if s.sql != nil {
		if cerr := s.sql.close(); err == nil {
			err = cerr
		}
	}
	return err
}

// Size returns the number of quads in the store.
func (s *Store) Size(ctx context.Context) (int64, error) {
	if s.sql != nil {
		return s.sql.count(ctx)
	}
	st, err := s.QS.Stats(ctx, false) // the quad count is exact either way; exact nodes would scan
	if errors.Is(err, kv.ErrNoBucket) {
		return 0, nil // a new bolt store has no size record until its first write
	} else if err != nil {
		return 0, err
	}
	return st.Quads.Value, nil
}
