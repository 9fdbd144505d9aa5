package bolt

import (
	"context"
	"sync"

	hkv "github.com/hidal-go/hidalgo/kv"
)

// batchKV lets several Cayley ApplyDeltas calls share one write transaction, so
// that one article's change commits at once.
//
// Why: Cayley's kv ApplyDeltas nets node reference counts over a whole call, and
// resolves the nodes of added quads only among those whose net count grows. A call
// that both adds and deletes quads about one node (an article replacing its facts)
// stores the added quads with a missing node. So parley adds in one call and
// deletes in another — inside one bolt transaction, which this wrapper provides.
type batchKV struct {
	hkv.KV
	mu  sync.Mutex
	cur hkv.Tx // the batch's transaction while one is open
}

// begin opens the batch transaction; the caller holds the store's write lock.
func (b *batchKV) begin(ctx context.Context) error {
	tx, err := b.KV.Tx(ctx, true)
	if err != nil {
		return err
	}
	b.mu.Lock()
	b.cur = tx
	b.mu.Unlock()
	return nil
}

// end commits (or, if commit is false, discards) the batch transaction.
func (b *batchKV) end(ctx context.Context, commit bool) error {
	b.mu.Lock()
	tx := b.cur
	b.cur = nil
	b.mu.Unlock()
	if tx == nil {
		return nil
	}
	if !commit {
		return tx.Close()
	}
	if err := tx.Commit(ctx); err != nil {
		tx.Close()
		return err
	}
	return nil
}

// isOpen reports whether a batch transaction is open.
func (b *batchKV) isOpen() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.cur != nil
}

// Tx hands writers the batch transaction while one is open; readers always get
// their own (bolt readers see the last commit).
func (b *batchKV) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	if rw {
		b.mu.Lock()
		cur := b.cur
		b.mu.Unlock()
		if cur != nil {
			return sharedTx{cur}, nil
		}
	}
	return b.KV.Tx(ctx, rw)
}

func (b *batchKV) View(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.View(ctx, b, fn)
}

func (b *batchKV) Update(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.Update(ctx, b, fn)
}

// sharedTx is the batch transaction as one ApplyDeltas sees it: its commit and
// close are the batch's to do.
type sharedTx struct{ hkv.Tx }

func (sharedTx) Commit(context.Context) error { return nil }
func (sharedTx) Close() error                 { return nil }
