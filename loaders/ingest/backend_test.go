//go:build !race

package ingest_test

import (
	"path/filepath"
	"testing"

	"github.com/parleygraph/parley/store"
	"github.com/parleygraph/parley/store/bolt"
)

// storeOptions open a new bolt store, parley's default, in a temp dir.
func storeOptions(t *testing.T) store.Options {
	return store.Options{Backend: bolt.Name, Path: filepath.Join(t.TempDir(), "parley.db"), Create: true}
}
