package graph

import (
	"sync"
	"sync/atomic"
	"time"

	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// releasePeriod is how often a bolt writer hands the store's mapped pages back to
// the kernel while it writes.
const releasePeriod = 100 * time.Millisecond

// mapReleaser keeps a bolt writer's resident set to what it allocates.
//
// Why: bolt reads its file through a shared, read-only memory map, and every page
// a write touches stays in the process's resident set. Cayley's index updates
// touch pages all over the file (value hashes are random keys), so a long load's
// RSS grows to the size of the store. The pages are the kernel's page cache of the
// file: dropping them from the map (madvise MADV_DONTNEED) frees nothing but the
// resident set, and a later read maps them back from the cache. releaseMap holds
// bolt's map lock (a read transaction), so the map cannot move meanwhile, and
// concurrent readers and the writer simply fault pages back in.
type mapReleaser struct {
	written atomic.Int64 // quad changes committed since the last release
	stop    chan struct{}
	done    chan struct{}
	once    sync.Once
}

// startReleaser releases db's map every period while b has an open write
// transaction or has committed since the last release.
func startReleaser(db *hbolt.DB, b *batchKV, period time.Duration) *mapReleaser {
	r := &mapReleaser{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(r.done)
		tick := time.NewTicker(period)
		defer tick.Stop()
		for {
			select {
			case <-r.stop:
				return
			case <-tick.C:
				if r.written.Swap(0) > 0 || b.isOpen() {
					_ = releaseMap(db.DB()) // advice only: a failure costs memory, not data
				}
			}
		}
	}()
	return r
}

// close stops the releaser and waits for it; closing twice is harmless.
func (r *mapReleaser) close() {
	if r != nil {
		r.once.Do(func() { close(r.stop) })
		<-r.done
	}
}

// noteWritten records n committed quad changes for the releaser.
func (s *Store) noteWritten(n int) {
	if s.release != nil {
		s.release.written.Add(int64(n))
	}
}
