package bolt

import (
	"container/list"
	"fmt"
	"reflect"
	"sync"
	"unsafe"

	"github.com/cayleygraph/cayley/graph/kv"
)

// valueCache reaches the cache of IRI → node ID inside Cayley's kv quad store so
// parley can empty it.
//
// Why: Cayley caches those IDs outside any transaction. It forgets a node when a
// write deletes it, but a reader of the last commit can put the old ID back before
// the write commits, and a rolled-back write leaves the IDs of nodes that were never
// committed (their IDs are then given to other nodes). Either way, a later write
// that adds the IRI again reuses a dead ID and stores quads with a missing node.
// parley empties the cache after every commit that deleted quads and after every
// rollback. Cayley's internal/lru cannot be imported, hence reflection; Open
// fails if the layout changed (see newValueCache).
type valueCache struct {
	mu       *sync.Mutex
	cache    reflect.Value // map[string]*list.Element
	priority **list.List
}

// newValueCache finds the cache of a kv quad store.
func newValueCache(k *kv.QuadStore) (*valueCache, error) {
	bad := func(what string) error {
		return fmt.Errorf("this Cayley version's kv value cache is not the one parley knows (%s)", what)
	}
	f := reflect.ValueOf(k).Elem().FieldByName("valueLRU")
	if !f.IsValid() || f.Kind() != reflect.Pointer || f.IsNil() {
		return nil, bad("valueLRU")
	}
	c := reflect.NewAt(f.Type().Elem(), f.UnsafePointer()).Elem()
	mu, cache, prio := c.FieldByName("mu"), c.FieldByName("cache"), c.FieldByName("priority")
	if mu.Type() != reflect.TypeFor[sync.Mutex]() || cache.Type() != reflect.TypeFor[map[string]*list.Element]() ||
		prio.Type() != reflect.TypeFor[*list.List]() {
		return nil, bad("fields")
	}
	return &valueCache{
		mu:       (*sync.Mutex)(unsafe.Pointer(mu.UnsafeAddr())),
		cache:    reflect.NewAt(cache.Type(), unsafe.Pointer(cache.UnsafeAddr())).Elem(),
		priority: (**list.List)(unsafe.Pointer(prio.UnsafeAddr())),
	}, nil
}

// purge empties the cache.
func (c *valueCache) purge() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cache.Clear()
	(*c.priority).Init()
}

// size is the number of cached IDs (for tests).
func (c *valueCache) size() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cache.Len()
}
