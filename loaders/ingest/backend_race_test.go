//go:build race

package ingest_test

import (
	"os"
	"testing"

	"github.com/parleygraph/parley/store"
	"github.com/parleygraph/parley/store/pgtest"
	"github.com/parleygraph/parley/store/postgres"
)

// storeOptions open a fresh PostgreSQL database: under the race detector the
// reloader's tests cannot run on bolt, nor on the memory backend.
//
// The race detector turns on checkptr, and github.com/boltdb/bolt v1.3.1 fails it
// on a store's first write (Bucket.write converts a short []byte to a *page:
// "converted pointer straddles multiple allocations"; store/bolt's own tests fail
// so under -race). The memory backend (Cayley's memstore) is not safe for the
// reads store.Load's workers make while its writer writes, and the race detector
// says so. Without a PostgreSQL server ($PARLEY_TEST_POSTGRES) these tests skip.
func storeOptions(t *testing.T) store.Options {
	if os.Getenv(pgtest.EnvDSN) == "" && os.Getenv(pgtest.EnvRequire) != "1" {
		t.Skipf("under -race the reloader's tests need PostgreSQL ($%s): bolt fails checkptr, the memory backend races (see backend_race_test.go)", pgtest.EnvDSN)
	}
	return store.Options{Backend: postgres.Name, Path: pgtest.Fresh(t), Create: true}
}
