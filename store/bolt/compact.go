package bolt

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// dropDead removes the IDs of quads a write just deleted from Cayley's kv index
// entries, inside the write's transaction.
//
// Why: Cayley's kv store deletes a quad by marking it dead in its log; the quad's ID
// stays in every index entry it was in, and each lookup through that entry loads
// the dead quad to skip it. An article reloaded a hundred times would leave a
// hundred dead copies in its {Label} entry, and a support count updated on every
// write would leave one per write in its node's entries: lookups would slow down
// with the store's history rather than its size. An index entry is a list of
// uvarint quad IDs (see Cayley's appendIndex); parley rewrites the entries its
// deletions touched without the dead IDs. Open checks that the store's index list
// is one it knows (readIndexes).
func (s *backend) dropDead(ctx context.Context, dead []graph.Ref) error {
	if len(dead) == 0 {
		return nil
	}
	type entry struct {
		key  hkv.Key
		drop map[uint64]bool
	}
	entries := map[string]*entry{}
	for _, r := range dead {
		p, ok := r.(*cproto.Primitive)
		if !ok {
			return fmt.Errorf("drop dead quads: unexpected ref %T", r)
		}
		for _, ind := range s.indexes {
			k := ind.KeyFor(p)
			id := string(k[0]) + "\x00" + string(k[1])
			e := entries[id]
			if e == nil {
				e = &entry{key: k, drop: map[uint64]bool{}}
				entries[id] = e
			}
			e.drop[p.ID] = true
		}
	}
	if !s.batch.isOpen() {
		return fmt.Errorf("drop dead quads: no write transaction is open")
	}
	tx, err := s.batch.Tx(ctx, true) // the open batch transaction
	if err != nil {
		return err
	}
	defer tx.Close()
	for _, e := range entries {
		old, err := tx.Get(ctx, e.key)
		if errors.Is(err, hkv.ErrNotFound) {
			continue
		} else if err != nil {
			return fmt.Errorf("drop dead quads: %w", err)
		}
		kept := make([]byte, 0, len(old))
		for b := old; len(b) > 0; {
			id, n := binary.Uvarint(b)
			if n <= 0 {
				return fmt.Errorf("drop dead quads: index entry %q is corrupt", e.key)
			}
			if !e.drop[id] {
				kept = append(kept, b[:n]...)
			}
			b = b[n:]
		}
		if len(kept) == len(old) {
			continue
		}
		if len(kept) == 0 {
			err = tx.Del(ctx, e.key)
		} else {
			err = tx.Put(ctx, e.key, kept)
		}
		if err != nil {
			return fmt.Errorf("drop dead quads: %w", err)
		}
	}
	return nil
}

// readIndexes reads the quad indexes a kv store was created with.
func readIndexes(ctx context.Context, db hkv.KV) ([]kv.QuadIndex, error) {
	var out []kv.QuadIndex
	err := hkv.View(ctx, db, func(tx hkv.Tx) error {
		data, err := tx.Get(ctx, metaIndexes)
		if err != nil {
			return err
		}
		return json.Unmarshal(data, &out)
	})
	if err != nil {
		return nil, fmt.Errorf("read the store's index list: %w", err)
	}
	for _, ind := range out {
		if ind.Unique {
			return nil, fmt.Errorf("the store has a unique index %v, which parley does not know how to maintain", ind.Dirs)
		}
	}
	return out, nil
}
