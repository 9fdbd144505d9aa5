package gazetteer

import (
	"encoding/binary"
	"math"
	"reflect"
	"strings"
	"testing"
)

// gvAppendOffset appends a framing offset of the given width.
func gvAppendOffset(b []byte, v, size int) []byte {
	var buf [8]byte
	binary.LittleEndian.PutUint64(buf[:], uint64(v))
	return append(b, buf[:size]...)
}

// encodeCity serialises one (sssssssudd) struct as GVariant does: strings with
// their NUL, numbers aligned, then the ends of the seven strings (all but none of
// the fixed members are last) from the last backwards.
func encodeCity(c City) []byte {
	var b []byte
	var ends []int
	for _, s := range []string{c.ID, c.Name, c.Admin1Code, c.Admin1Name, c.Country, c.CountryName, c.Timezone} {
		b = append(append(b, s...), 0)
		ends = append(ends, len(b))
	}
	pad := func(a int) {
		for len(b)%a != 0 {
			b = append(b, 0)
		}
	}
	pad(4)
	b = binary.LittleEndian.AppendUint32(b, c.Population)
	pad(8)
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(c.Lat))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(c.Lon))
	// The offset width depends on the struct's whole size, offsets included.
	for size := 1; ; size *= 2 {
		if gvOffsetSize(len(b)+size*len(ends)) == size {
			for i := len(ends) - 1; i >= 0; i-- {
				b = gvAppendOffset(b, ends[i], size)
			}
			return b
		}
	}
}

// encodeCities serialises the array a(sssssssudd): elements aligned to 8, then
// the end of each element.
func encodeCities(cs []City) []byte {
	var b []byte
	var ends []int
	for _, c := range cs {
		for len(b)%8 != 0 {
			b = append(b, 0)
		}
		b = append(b, encodeCity(c)...)
		ends = append(ends, len(b))
	}
	for size := 1; ; size *= 2 {
		if gvOffsetSize(len(b)+size*len(ends)) == size {
			for _, e := range ends {
				b = gvAppendOffset(b, e, size)
			}
			return b
		}
	}
}

func TestParseCities(t *testing.T) {
	cities := []City{
		{ID: "3040051", Name: "Escaldes-Engordany", Admin1Code: "08", Admin1Name: "Escaldes-Engordany", Country: "AD",
			CountryName: "Andorra", Timezone: "Europe/Andorra", Population: 15853, Lat: 42.50729, Lon: 1.53414},
		{ID: "658225", Name: "Helsinki", Admin1Code: "01", Admin1Name: "Uusimaa", Country: "FI",
			CountryName: "Finland", Timezone: "Europe/Helsinki", Population: 558457, Lat: 60.16952, Lon: 24.93545},
		// A record over 255 bytes takes two-byte offsets.
		{ID: "1", Name: strings.Repeat("Long", 80), Country: "XX", Population: 1, Lat: -1.5, Lon: 2.25},
	}
	for _, n := range []int{0, 1, 3} {
		got, err := ParseCities(encodeCities(cities[:n]))
		if err != nil {
			t.Fatalf("ParseCities(%d cities): %v", n, err)
		}
		if len(got) != n || n > 0 && !reflect.DeepEqual(got, cities[:n]) {
			t.Errorf("ParseCities(%d cities) = %+v, want %+v", n, got, cities[:n])
		}
	}
	// Many cities make the array's offsets wider than a byte.
	var many []City
	for i := 0; i < 40; i++ {
		many = append(many, cities[i%2])
	}
	if got, err := ParseCities(encodeCities(many)); err != nil || len(got) != 40 || got[39] != many[39] {
		t.Errorf("ParseCities(40 cities) = %d cities, %v", len(got), err)
	}
}

func TestParseCitiesErrors(t *testing.T) {
	blob := encodeCities([]City{{ID: "1", Name: "A", Country: "QA", Population: 2}})
	for name, data := range map[string][]byte{
		"cut":        blob[:len(blob)-1],
		"bad offset": append(append([]byte(nil), blob[:len(blob)-1]...), 0xff),
		"no nul":     append([]byte("abc"), 3),
	} {
		if _, err := ParseCities(data); err == nil {
			t.Errorf("ParseCities(%s) = nil error", name)
		}
	}
}
