package gazetteer

import (
	"encoding/binary"
	"reflect"
	"sort"
	"testing"
)

// buildMO writes a GNU .mo catalogue of the pairs, in the given byte order, the
// way msgfmt lays it out: header, original table, translation table, strings.
func buildMO(bo binary.ByteOrder, pairs map[string]string) []byte {
	ids := make([]string, 0, len(pairs))
	for id := range pairs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	n := len(ids)
	const header = 28
	origTab, transTab := header, header+8*n
	strs := transTab + 8*n
	out := make([]byte, strs)
	put := func(at int, v uint32) { bo.PutUint32(out[at:], v) }
	put(0, 0x950412de)
	put(4, 0)
	put(8, uint32(n))
	put(12, uint32(origTab))
	put(16, uint32(transTab))
	for tab, get := range map[int]func(string) string{origTab: func(id string) string { return id }, transTab: func(id string) string { return pairs[id] }} {
		for i, id := range ids {
			s := get(id)
			put(tab+8*i, uint32(len(s)))
			put(tab+8*i+4, uint32(len(out)))
			out = append(append(out, s...), 0)
		}
	}
	return out
}

func TestReadMO(t *testing.T) {
	pairs := map[string]string{
		"":             "Content-Type: text/plain; charset=UTF-8\n",
		"658225":       "هلسنكي",
		"2657896":      "زيورخ\u200f",
		"one\x00many":  "واحد\x00كثير",
		"Saudi Arabia": "السعودية",
	}
	want := map[string]string{"658225": "هلسنكي", "2657896": "زيورخ\u200f", "one": "واحد", "Saudi Arabia": "السعودية"}
	for name, bo := range map[string]binary.ByteOrder{"little-endian": binary.LittleEndian, "big-endian": binary.BigEndian} {
		t.Run(name, func(t *testing.T) {
			got, err := ReadMO(buildMO(bo, pairs))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("ReadMO = %q, want %q", got, want)
			}
		})
	}
}

func TestReadMOErrors(t *testing.T) {
	good := buildMO(binary.LittleEndian, map[string]string{"a": "b"})
	bad := append([]byte(nil), good...)
	binary.LittleEndian.PutUint32(bad[12:], 1<<30) // original table out of the file
	for name, data := range map[string][]byte{
		"short":     good[:10],
		"magic":     append([]byte{1, 2, 3, 4}, good[4:]...),
		"table":     bad,
		"truncated": good[:len(good)-3],
	} {
		if _, err := ReadMO(data); err == nil {
			t.Errorf("ReadMO(%s) = nil error", name)
		}
	}
}
