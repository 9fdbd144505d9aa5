// Package bolt is parley's default backend: Cayley's kv quad store in one bolt
// file. Everything parley relies on inside Cayley's kv store is here: one write
// transaction across ApplyDeltas calls (batch.go), dead quads dropped from index
// entries (compact.go), the node ID cache emptied (valuecache.go), the {Label}
// index and the store's index list (this file), and batched reads of quads by the
// kv layout (resolve.go). The tests beside them pin that layout, so a Cayley
// upgrade that changes it fails here.
package bolt

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bbolt "github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"

	"github.com/parleygraph/parley/store"
)

// Name is the backend's registered name.
const Name = "bolt"

func init() {
	store.Register(store.Registration{
		Name:          Name,
		Open:          Open,
		Transactional: true,
		Local:         true,
		Default:       true,
	})
}

// backend is an open bolt store.
type backend struct {
	qs      *kv.QuadStore
	db      *hbolt.DB
	batch   *batchKV       // one transaction across ApplyDeltas calls
	values  *valueCache    // Cayley's node ID cache, emptied after deletions
	indexes []kv.QuadIndex // the store's quad indexes (see dropDead)
}

// kvOptions: no_bloom, because by default every open scans the whole store to build
// a bloom filter, which costs seconds per command on a large graph.
var kvOptions = graph.Options{kv.OptNoBloom: true}

// labelIndex lets one article's quads be found without a full scan; Cayley records
// the index list in the store, so it is only added when the store is created.
var labelIndex = kv.QuadIndex{Dirs: []quad.Direction{quad.Label}}

// Open opens (or creates) the bolt file opt.Path.
func Open(opt store.Options) (store.Backend, error) {
	if opt.Path == "" {
		return nil, errors.New("bolt store: empty path")
	}
	_, statErr := os.Stat(opt.Path)
	exists := statErr == nil
	if !exists && !opt.Create {
		return nil, fmt.Errorf("%w at %s: run `parley load` first", store.ErrNoStore, opt.Path)
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
	db, err := hbolt.Open(opt.Path, &bbolt.Options{Timeout: timeout, ReadOnly: readOnly})
	if errors.Is(err, bbolt.ErrTimeout) {
		return nil, fmt.Errorf("open %s: %w", opt.Path, store.ErrInUse)
	} else if err != nil {
		return nil, fmt.Errorf("open %s: %w", opt.Path, err)
	}
	if !exists || isEmpty(db) {
		if readOnly {
			db.Close()
			return nil, fmt.Errorf("%w at %s: run `parley load` first", store.ErrNoStore, opt.Path)
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
	kq := qs.(*kv.QuadStore)
	fail := func(err error) (store.Backend, error) {
		qs.Close()
		return nil, fmt.Errorf("open %s: %w", opt.Path, err)
	}
	cache, err := newValueCache(kq)
	if err != nil {
		return fail(err)
	}
	indexes, err := readIndexes(context.Background(), db)
	if err != nil {
		return fail(err)
	}
	return &backend{qs: kq, db: db, batch: batch, values: cache, indexes: indexes}, nil
}

// isEmpty reports whether a bolt file holds no Cayley store yet (a crash between
// creating the file and initialising it leaves such a file behind).
func isEmpty(db *hbolt.DB) bool {
	empty := true
	_ = db.DB().View(func(tx *bbolt.Tx) error {
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
		return tx.Put(ctx, metaIndexes, data)
	})
}

// metaIndexes is the key of the index list Cayley keeps in a kv store.
var metaIndexes = hkv.Key{[]byte("meta"), []byte("indexes")}

// indexBucket mirrors Cayley's bucket naming for a quad index: one byte per direction.
func indexBucket(ind kv.QuadIndex) hkv.Key {
	b := make([]byte, len(ind.Dirs))
	for i, d := range ind.Dirs {
		b[i] = d.Prefix()
	}
	return hkv.Key{b}
}

func (s *backend) QuadStore() graph.QuadStore { return s.qs }

func (s *backend) Close() error { return s.qs.Close() }

// Size is the quad count Cayley keeps (exact; exact node counts would scan).
func (s *backend) Size(ctx context.Context) (int64, error) {
	st, err := s.qs.Stats(ctx, false)
	if errors.Is(err, kv.ErrNoBucket) {
		return 0, nil // a new store has no size record until its first write
	} else if err != nil {
		return 0, err
	}
	return st.Quads.Value, nil
}

// Write commits a change in one bolt transaction: the additions, then the
// deletions (see batchKV for why two calls), then the dead quads' index entries
// (see dropDead). Cayley's node ID cache is emptied after a failed write, or when
// nodes may have gone (see valueCache).
func (s *backend) Write(ctx context.Context, c store.Change) error {
	if err := s.batch.begin(ctx); err != nil {
		return err
	}
	err := store.ApplyInTwo(s.qs, c.Adds, c.Dels)
	if err == nil {
		err = s.dropDead(ctx, c.Dead)
	}
	if endErr := s.batch.end(ctx, err == nil); err == nil {
		err = endErr
	}
	if err != nil || c.Purge {
		s.values.purge()
	}
	return err
}
