package gazetteer

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// City is one record of the cities table libgeonames compiles from GeoNames.
type City struct {
	ID          string // GeoNames id; the key of the translations in geonames.mo
	Name        string // GeoNames name (often in Latin transliteration)
	Admin1Code  string
	Admin1Name  string
	Country     string // ISO 3166-1 alpha-2
	CountryName string
	Timezone    string
	Population  uint32
	Lat, Lon    float64
}

// citySig is the GVariant type of one record: a(sssssssudd) is the whole table.
const citySig = "sssssssudd"

// ParseCities reads the serialised GVariant array a(sssssssudd) that libgeonames
// keeps as the resource /com/lomiri/geonames/cities.compiled. GVariant stores
// numbers in the byte order of the machine that built it; the Debian package is
// built little-endian.
func ParseCities(data []byte) ([]City, error) {
	elems, err := gvArrayElems(data, 8)
	if err != nil {
		return nil, err
	}
	cities := make([]City, 0, len(elems))
	for i, b := range elems {
		v, err := gvStruct(b, citySig)
		if err != nil {
			return nil, fmt.Errorf("city %d: %w", i, err)
		}
		cities = append(cities, City{
			ID: v[0].(string), Name: v[1].(string), Admin1Code: v[2].(string), Admin1Name: v[3].(string),
			Country: v[4].(string), CountryName: v[5].(string), Timezone: v[6].(string),
			Population: v[7].(uint32), Lat: v[8].(float64), Lon: v[9].(float64),
		})
	}
	return cities, nil
}

// gvOffsetSize is the width of the framing offsets of a container of n bytes.
func gvOffsetSize(n int) int {
	switch {
	case n == 0:
		return 0
	case n <= math.MaxUint8:
		return 1
	case n <= math.MaxUint16:
		return 2
	case n <= math.MaxUint32:
		return 4
	}
	return 8
}

func gvOffset(b []byte, size int) int {
	switch size {
	case 1:
		return int(b[0])
	case 2:
		return int(binary.LittleEndian.Uint16(b))
	case 4:
		return int(binary.LittleEndian.Uint32(b))
	}
	return int(binary.LittleEndian.Uint64(b))
}

func gvAlign(n, a int) int { return (n + a - 1) &^ (a - 1) }

// gvArrayElems splits an array of variable-size elements: the framing offsets (the
// end of each element) follow the elements, and the last one says where they start.
// Each element starts at the previous end rounded up to align.
func gvArrayElems(b []byte, align int) ([][]byte, error) {
	if len(b) == 0 {
		return nil, nil
	}
	osz := gvOffsetSize(len(b))
	if len(b) < osz {
		return nil, errors.New("gvariant: array too short")
	}
	start := gvOffset(b[len(b)-osz:], osz)
	if start > len(b) || (len(b)-start)%osz != 0 {
		return nil, errors.New("gvariant: bad array framing")
	}
	n := (len(b) - start) / osz
	out := make([][]byte, 0, n)
	prev := 0
	for i := 0; i < n; i++ {
		end := gvOffset(b[start+i*osz:], osz)
		from := gvAlign(prev, align)
		if from > end || end > start {
			return nil, fmt.Errorf("gvariant: element %d out of range", i)
		}
		out = append(out, b[from:end])
		prev = end
	}
	return out, nil
}

// gvStruct decodes a struct of the basic types s (string), y, u, i, t, x and d. The
// end of every string but a last member is a framing offset, stored from the end of
// the struct backwards.
func gvStruct(b []byte, sig string) ([]any, error) {
	osz := gvOffsetSize(len(b))
	var out []any
	pos, frames := 0, 0
	for k := 0; k < len(sig); k++ {
		switch c := sig[k]; c {
		case 's':
			end := len(b) - frames*osz // a last member runs to the offsets
			if k < len(sig)-1 {
				frames++
				at := len(b) - frames*osz
				if at < 0 {
					return nil, errors.New("gvariant: struct too short for its offsets")
				}
				end = gvOffset(b[at:], osz)
			}
			if end <= pos || end > len(b) || b[end-1] != 0 {
				return nil, fmt.Errorf("gvariant: member %d: bad string bounds", k)
			}
			out = append(out, string(b[pos:end-1]))
			pos = end
		case 'y', 'u', 'i', 't', 'x', 'd':
			size := map[byte]int{'y': 1, 'u': 4, 'i': 4, 't': 8, 'x': 8, 'd': 8}[c]
			pos = gvAlign(pos, size)
			if pos+size > len(b) {
				return nil, fmt.Errorf("gvariant: member %d out of range", k)
			}
			v := b[pos : pos+size]
			switch c {
			case 'y':
				out = append(out, v[0])
			case 'u':
				out = append(out, binary.LittleEndian.Uint32(v))
			case 'i':
				out = append(out, int32(binary.LittleEndian.Uint32(v)))
			case 't':
				out = append(out, binary.LittleEndian.Uint64(v))
			case 'x':
				out = append(out, int64(binary.LittleEndian.Uint64(v)))
			case 'd':
				out = append(out, math.Float64frombits(binary.LittleEndian.Uint64(v)))
			}
			pos += size
		default:
			return nil, fmt.Errorf("gvariant: type %q not supported", c)
		}
	}
	return out, nil
}
