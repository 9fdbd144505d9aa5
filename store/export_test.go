package store

import (
	"context"

	"github.com/cayleygraph/quad"
)

// What the tests of package store_test (which may import the backends) reach inside.

const ResolveBatch = resolveBatch

func QuadsWith(s *Store, ctx context.Context, d quad.Direction, v quad.Value) ([]quad.Quad, error) {
	return s.quadsWith(ctx, d, v)
}

func EachQuad(s *Store, ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad) bool) error {
	return s.eachQuad(ctx, d, v, fn)
}
