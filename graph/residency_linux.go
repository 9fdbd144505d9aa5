package graph

import (
	"fmt"
	"syscall"

	"github.com/boltdb/bolt"
)

// releaseMap drops bolt's mapped pages from the process (madvise MADV_DONTNEED
// on its shared, read-only file map: the data stays in the page cache).
func releaseMap(db *bolt.DB) error {
	tx, err := db.Begin(false) // holds bolt's map lock: the map cannot be remapped meanwhile
	if err != nil {
		return err
	}
	defer tx.Rollback()
	start, size := db.Info().Data, uintptr(tx.Size())
	if start == 0 || size == 0 {
		return nil
	}
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, start, size, syscall.MADV_DONTNEED); errno != 0 {
		return fmt.Errorf("madvise %s: %w", db.Path(), errno)
	}
	return nil
}
