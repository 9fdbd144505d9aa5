package bolt

import (
	"path/filepath"
	"testing"

	"github.com/parleygraph/parley/store"
	"github.com/parleygraph/parley/store/storetest"
)

func TestSuite(t *testing.T) {
	storetest.Run(t, storetest.Config{
		Options: func(t testing.TB) store.Options {
			return store.Options{Backend: Name, Path: filepath.Join(t.TempDir(), "parley.db")}
		},
		Shared: true, // a file; its flock keeps readers and the writer apart
	})
}
