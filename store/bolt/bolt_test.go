package bolt

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	bbolt "github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"

	"github.com/parleygraph/parley/schema"
	"github.com/parleygraph/parley/store"
	"github.com/parleygraph/parley/store/storetest"
)

// openStore opens a new bolt store in a temp dir, closed when t ends.
func openStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "parley.db")
	s, err := store.Open(store.Options{Backend: Name, Path: path, Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestBoltStoreHasLabelIndex(t *testing.T) {
	s, path := openStore(t)
	if _, err := s.ReplaceArticle(context.Background(), storetest.Doc("http://a", "http://neg", "http://qatar")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *bbolt.Tx) error {
		var dirs []struct {
			Dirs []quad.Direction `json:"dirs"`
		}
		meta := tx.Bucket([]byte("meta"))
		if meta == nil {
			return errors.New("no meta bucket")
		}
		if err := json.Unmarshal(meta.Get([]byte("indexes")), &dirs); err != nil {
			return err
		}
		found := false
		for _, d := range dirs {
			found = found || len(d.Dirs) == 1 && d.Dirs[0] == quad.Label
		}
		if !found {
			return errors.New("indexes record has no {Label} index")
		}
		b := tx.Bucket([]byte{quad.Label.Prefix()})
		if b == nil || b.Stats().KeyN == 0 {
			return errors.New("label index bucket is empty")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// indexEntryLen reads the raw {dirs} index entry of a bolt store for the given
// values and returns how many quad IDs it lists, dead or alive.
func indexEntryLen(t *testing.T, s *store.Store, ind kv.QuadIndex, vals ...quad.Value) int {
	t.Helper()
	var ids []uint64
	for _, v := range vals {
		ref, err := s.QS.ValueOf(v)
		if err != nil || ref == nil {
			t.Fatalf("value %v: %v %v", v, ref, err)
		}
		ids = append(ids, uint64(ref.(kv.Int64Value)))
	}
	n := 0
	err := hkv.View(context.Background(), s.Unwrap().(*backend).batch.KV, func(tx hkv.Tx) error {
		data, err := tx.Get(context.Background(), ind.Key(ids))
		if err == hkv.ErrNotFound {
			return nil
		} else if err != nil {
			return err
		}
		for len(data) > 0 {
			_, k := binary.Uvarint(data)
			data = data[k:]
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestReloadsLeaveNoDeadIndexEntries replaces one article many times: its {Label}
// entry and the support count entries of the nodes it mentions must list only
// live quads, not one dead copy per reload.
func TestReloadsLeaveNoDeadIndexEntries(t *testing.T) {
	ctx := context.Background()
	s, _ := openStore(t)
	other := storetest.Doc("http://other", "http://neg", "http://qatar")
	if _, err := s.ReplaceArticle(ctx, other); err != nil {
		t.Fatal(err)
	}
	for v := range 30 {
		d := storetest.Doc("http://a", "http://neg", "http://qatar")
		d.Quads = append(d.Quads, quad.Quad{Subject: d.IRI, Predicate: schema.Headline, Object: quad.String(fmt.Sprint("version ", v)), Label: d.IRI})
		if v%2 == 1 { // every other version stops mentioning Qatar's statement
			d = store.Doc{IRI: d.IRI, Quads: []quad.Quad{
				{Subject: d.IRI, Predicate: schema.Type, Object: schema.Article, Label: d.IRI},
				{Subject: d.IRI, Predicate: schema.Headline, Object: quad.String(fmt.Sprint("version ", v)), Label: d.IRI},
			}}
		}
		if _, err := s.ReplaceArticle(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	live := 0
	for q := range storetest.All(t, s) {
		if q.Label == quad.IRI("http://a") {
			live++
		}
	}
	if n := indexEntryLen(t, s, labelIndex, quad.IRI("http://a")); n != live {
		t.Errorf("{Label} entry of the article lists %d quads, %d are alive", n, live)
	}
	spIndex := kv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}
	if n := indexEntryLen(t, s, spIndex, quad.IRI("http://qatar"), schema.SupportCount); n != 1 {
		t.Errorf("Qatar's support count entry lists %d quads, want 1", n)
	}
	if problems, err := s.Verify(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("%v %v", err, problems)
	}
}
