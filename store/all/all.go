// Package all registers every backend parley ships (import it for its side
// effect, as the CLI does).
package all

import (
	_ "github.com/parleygraph/parley/store/bolt"     // the default: one file
	_ "github.com/parleygraph/parley/store/memory"   // this process only
	_ "github.com/parleygraph/parley/store/postgres" // Cayley's SQL store on PostgreSQL
)
