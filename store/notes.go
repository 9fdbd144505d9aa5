package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/schema"
)

// ErrNotNote is the error of a write through the API that would touch what parley
// keeps: articles' quads and the shared quads their support maintains.
var ErrNotNote = errors.New("not an analyst's note")

// WriteNotes adds and deletes quads of analysts' notes: quads whose label starts
// with schema.NoteBase. Loads never touch them, and they touch no article's facts or
// support counts, so the store's invariant holds whatever they say. Any other
// quad is refused, and then nothing is written.
func (s *Store) WriteNotes(ctx context.Context, adds, dels []quad.Quad) error {
	var deltas [2][]graph.Delta
	for i, qs := range [][]quad.Quad{adds, dels} {
		action := graph.Add
		if i == 1 {
			action = graph.Delete
		}
		for _, q := range qs {
			if !schema.IsNote(q.Label) {
				return fmt.Errorf("%w: %v: label it <%s…> (articles' facts come from articles: parley load)", ErrNotNote, q, schema.NoteBase)
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			deltas[i] = append(deltas[i], graph.Delta{Quad: q, Action: action})
		}
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return s.commit(ctx, deltas[0], deltas[1], nil, len(deltas[1]) > 0)
}
