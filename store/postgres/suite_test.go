package postgres

import (
	"testing"

	"github.com/parleygraph/parley/store"
	"github.com/parleygraph/parley/store/pgtest"
	"github.com/parleygraph/parley/store/storetest"
)

func TestSuite(t *testing.T) {
	pgtest.Server(t) // skips the whole suite without a server
	storetest.Run(t, storetest.Config{
		Options: func(t testing.TB) store.Options {
			return store.Options{Backend: Name, Path: pgtest.Fresh(t)}
		},
		Shared:              true,
		ReadersBesideWriter: true, // only writers take the advisory lock
	})
}
