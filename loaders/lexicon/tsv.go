package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Row is one data line of a lexicon file, by column name.
type Row struct {
	File   string
	Line   int
	header map[string]int // column name → cell index, shared by the file's rows
	cells  []string
}

func (r Row) Get(col string) string {
	if i, ok := r.header[col]; ok && i < len(r.cells) {
		return strings.TrimSpace(r.cells[i])
	}
	return ""
}

// List splits a multi-valued cell on "|".
func (r Row) List(col string) []string {
	var out []string
	for _, v := range strings.Split(r.Get(col), "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func (r Row) Where() string { return fmt.Sprintf("%s:%d", r.File, r.Line) }

// ReadTable reads a lexicon file: comments (#) and blank lines skipped, the first other
// line is the header, every column must be one of allowed.
func ReadTable(name string, rd io.Reader, allowed []string) ([]Row, error) {
	ok := map[string]bool{}
	for _, c := range allowed {
		ok[c] = true
	}
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var header []string
	var index map[string]int
	var rows []Row
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("%s:%d: invalid UTF-8", name, n)
		}
		cells := strings.Split(line, "\t")
		if header == nil {
			for _, c := range cells {
				c = strings.TrimSpace(c)
				if !ok[c] {
					return nil, fmt.Errorf("%s:%d: unknown column %q (want some of %s)", name, n, c, strings.Join(allowed, ", "))
				}
				header = append(header, c)
			}
			index = make(map[string]int, len(header))
			for i, c := range header {
				index[c] = i // a repeated column: the last one counts
			}
			continue
		}
		if len(cells) > len(header) {
			return nil, fmt.Errorf("%s:%d: %d cells, header has %d columns", name, n, len(cells), len(header))
		}
		rows = append(rows, Row{File: name, Line: n, header: index, cells: cells})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rows, nil
}
