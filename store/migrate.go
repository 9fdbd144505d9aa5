package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Digest identifies a set of quads whatever the order they are read in: the
// lane-wise sum of their SHA-256s.
type Digest [4]uint64

func (d *Digest) add(q quad.Quad) {
	h := sha256.Sum256([]byte(q.NQuad()))
	for i := range d {
		d[i] += binary.LittleEndian.Uint64(h[8*i:])
	}
}

func (d Digest) String() string { return fmt.Sprintf("%016x%016x", d[0], d[1]) }

// CopyResult counts a copy.
type CopyResult struct {
	Quads   int64
	Batches int
	Digest  Digest // of the quads read from the source
}

// CopyTo adds every quad of s (labels included) to dst, batch quads per
// ApplyDeltas call, which is one transaction on bolt and on SQL. dst should be
// empty: the quads are added strictly, so one already there fails the batch.
// progress, if not nil, is called after each batch with the quads copied so far.
func (s *Store) CopyTo(ctx context.Context, dst *Store, batch int, progress func(int64)) (CopyResult, error) {
	ctx, release := s.Hold(ctx)
	defer release()
	if batch <= 0 {
		batch = 5000
	}
	dst.writeMu.Lock()
	defer dst.writeMu.Unlock()
	var res CopyResult
	buf := make([]graph.Delta, 0, batch)
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		dst.view.Lock()
		err := dst.QS.ApplyDeltas(buf, graph.IgnoreOpts{})
		dst.view.Unlock()
		if err != nil {
			return fmt.Errorf("write batch %d (quads %d–%d): %w", res.Batches+1, res.Quads+1, res.Quads+int64(len(buf)), err)
		}
		res.Quads += int64(len(buf))
		res.Batches++
		buf = buf[:0]
		if progress != nil {
			progress(res.Quads)
		}
		return nil
	}
	norm, _ := dst.b.(Normalizer)
	err := s.eachStored(ctx, func(q quad.Quad) error {
		res.Digest.add(q)
		if norm != nil {
			q = norm.Stored(q) // the digest, like Cayley's hash, reads times to the second
		}
		buf = append(buf, graph.Delta{Quad: q, Action: graph.Add})
		if len(buf) == batch {
			return flush()
		}
		return nil
	})
	if err != nil {
		return res, err
	}
	return res, flush()
}

// Digest reads every quad and returns their digest and number.
func (s *Store) Digest(ctx context.Context) (Digest, int64, error) {
	ctx, release := s.Hold(ctx)
	defer release()
	var d Digest
	var n int64
	err := s.eachStored(ctx, func(q quad.Quad) error {
		d.add(q)
		n++
		return nil
	})
	return d, n, err
}

// clearBatch is how many quads Clear deletes per transaction.
const clearBatch = 5000

// errBatchFull stops Clear's read when a batch is full (the read restarts after it).
var errBatchFull = errors.New("batch full")

// Clear removes every quad: at once where the backend can (Truncater), elsewhere
// by deleting the quads in batches (each one transaction).
func (s *Store) Clear(ctx context.Context) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if t, ok := s.b.(Truncater); ok {
		s.view.Lock()
		defer s.view.Unlock()
		return t.Truncate(ctx)
	}
	for {
		var dels []graph.Delta
		err := s.eachStored(ctx, func(q quad.Quad) error {
			dels = append(dels, graph.Delta{Quad: q, Action: graph.Delete})
			if len(dels) == clearBatch {
				return errBatchFull
			}
			return nil
		})
		if err != nil && !errors.Is(err, errBatchFull) {
			return err
		}
		if len(dels) == 0 {
			return nil
		}
		if err := s.write(ctx, Change{Dels: dels, Purge: true}); err != nil {
			return err
		}
	}
}
