package memory

import (
	"testing"

	"github.com/parleygraph/parley/store"
	"github.com/parleygraph/parley/store/storetest"
)

func TestSuite(t *testing.T) {
	storetest.Run(t, storetest.Config{
		Options: func(testing.TB) store.Options { return store.Options{Backend: Name} },
	})
}
