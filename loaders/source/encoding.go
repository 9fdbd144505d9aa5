package source

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// toUTF8 decodes a source written in a legacy encoding: the charset its HTTP
// Content-Type or (for a page) its <meta> declares, a UTF-16 byte-order mark, and
// for text that declares nothing, a guess between the two single-byte encodings of
// news in parley's languages (windows-1256 for Arabic, windows-1252 for Latin-1
// text). Valid UTF-8 stays as it is; so does UTF-8 with a few broken bytes, which
// checkText then reports (decoding it as a legacy encoding would garble it).
func toUTF8(data []byte, format, contentType string) ([]byte, error) {
	if enc := utf16BOM(data); enc != nil {
		return decodeWith(enc, "UTF-16", data)
	}
	if utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return data, nil // UTF-8, or binary (checkText says so)
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		if enc, name := charset.Lookup(params["charset"]); enc != nil && name != "utf-8" {
			return decodeWith(enc, name, data)
		}
	}
	switch format {
	case "html":
		// DetermineEncoding reads <meta charset>; without one it says windows-1252,
		// which the guess below refines.
		if enc, name, _ := charset.DetermineEncoding(data, ""); name != "utf-8" && name != "windows-1252" {
			return decodeWith(enc, name, data)
		}
	case "feed":
		if m := xmlEncoding.FindSubmatchIndex(data[:min(len(data), 256)]); m != nil {
			if enc, name := charset.Lookup(string(data[m[2]:m[3]])); enc != nil && name != "utf-8" {
				out, err := decodeWith(enc, name, data)
				if err != nil {
					return nil, err
				}
				// The feed parser would decode it again: say what it now is.
				// (The declaration is ASCII, so its offsets hold in the decoded text.)
				return append(append(append([]byte(nil), out[:m[2]]...), "utf-8"...), out[m[3]:]...), nil
			}
		}
	}
	if brokenUTF8(data) {
		return data, nil
	}
	if arabicBytes(data) {
		return decodeWith(charmap.Windows1256, "windows-1256", data)
	}
	return decodeWith(charmap.Windows1252, "windows-1252", data)
}

// xmlEncoding finds the encoding an XML declaration names.
var xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9._:-]+)["']`)

func utf16BOM(data []byte) encoding.Encoding {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	}
	return nil
}

func decodeWith(enc encoding.Encoding, name string, data []byte) ([]byte, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("%w: not %s either: %v", ErrInvalidUTF8, name, err)
	}
	return out, nil
}

// brokenUTF8 reports whether invalid UTF-8 is mostly UTF-8: more of its non-ASCII
// bytes form valid multi-byte characters than not.
func brokenUTF8(data []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			valid += size
		}
		i += size
	}
	return valid > invalid
}

// arabicBytes reports whether most letters of a single-byte text are above ASCII,
// as in Arabic written in windows-1256; Latin-1 text has a few accented letters
// among ASCII ones.
func arabicBytes(data []byte) bool {
	high, ascii := 0, 0
	for _, b := range data {
		switch {
		case b >= 0xc0:
			high++
		case b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z':
			ascii++
		}
	}
	return high > ascii
}
