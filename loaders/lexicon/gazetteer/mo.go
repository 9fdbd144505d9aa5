package gazetteer

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// ReadMO parses a GNU gettext catalogue (.mo file) into a map from message id to
// translation. The empty id (the catalogue's header) is left out; for plural
// entries the singular id maps to the first form. Both byte orders are accepted, as
// msgfmt writes the machine's.
func ReadMO(data []byte) (map[string]string, error) {
	if len(data) < 28 {
		return nil, errors.New("mo: file too short")
	}
	var bo binary.ByteOrder
	switch binary.LittleEndian.Uint32(data) {
	case 0x950412de:
		bo = binary.LittleEndian
	case 0xde120495:
		bo = binary.BigEndian
	default:
		return nil, errors.New("mo: bad magic number")
	}
	if rev := bo.Uint32(data[4:]); rev>>16 > 1 {
		return nil, fmt.Errorf("mo: unknown major revision %d", rev>>16)
	}
	n := int(bo.Uint32(data[8:]))
	origTab, transTab := int(bo.Uint32(data[12:])), int(bo.Uint32(data[16:]))
	// string returns the i-th string of the table at off: a (length, offset) pair.
	str := func(tab, i int) (string, error) {
		at := tab + 8*i
		if at < 0 || at+8 > len(data) {
			return "", fmt.Errorf("mo: string table entry %d out of range", i)
		}
		l, o := int(bo.Uint32(data[at:])), int(bo.Uint32(data[at+4:]))
		if o < 0 || l < 0 || o+l > len(data) {
			return "", fmt.Errorf("mo: string %d out of range", i)
		}
		return string(data[o : o+l]), nil
	}
	if n < 0 || n > len(data)/8 {
		return nil, fmt.Errorf("mo: %d strings in a file of %d bytes", n, len(data))
	}
	out := make(map[string]string, n)
	for i := 0; i < n; i++ {
		id, err := str(origTab, i)
		if err != nil {
			return nil, err
		}
		tr, err := str(transTab, i)
		if err != nil {
			return nil, err
		}
		id, _, _ = strings.Cut(id, "\x00") // singular\x00plural
		tr, _, _ = strings.Cut(tr, "\x00")
		if id == "" {
			continue
		}
		out[id] = tr
	}
	return out, nil
}
