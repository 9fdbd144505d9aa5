package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/parleygraph/parley/loaders/text"
	"github.com/parleygraph/parley/queries"
	"github.com/parleygraph/parley/store"
)

func newQueryCmd(opt *options) *cobra.Command {
	var (
		params  []string
		format  string
		list    bool
		gizmo   string
		limit   int
		maxRows int
		timeout time.Duration
		bom     bool
	)
	cmd := &cobra.Command{
		Use:   "query NAME [--param key=value]...",
		Short: "Run a saved Gizmo query (or --gizmo for an ad-hoc one)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			if format != "table" && format != "json" && format != "csv" {
				return fmt.Errorf("--format %q: want table, json or csv", format)
			}
			if list {
				return listQueries(out, format)
			}
			if limit < 0 {
				return fmt.Errorf("--limit %d: give the number of rows to show, or 0 for all", limit)
			}
			if (len(args) == 0) == (gizmo == "") {
				return fmt.Errorf("name a saved query or give --gizmo (see parley query --list)")
			}
			p, err := parseParams(params)
			if err != nil {
				return err
			}
			st, err := opt.openStore(false)
			if err != nil {
				return err
			}
			defer st.Close()
			qopt := store.QueryOptions{Limit: maxRows, Timeout: timeout}
			var rows []any
			var columns []string
			if gizmo != "" {
				qopt.Params = map[string]any{}
				for k, v := range p {
					qopt.Params[k] = v
				}
				rows, err = st.Gizmo(cmd.Context(), gizmo, qopt)
			} else {
				var q queries.Query
				if q, err = queries.Get(args[0]); err != nil {
					return err
				}
				columns = rowColumns(q.Row)
				rows, err = queries.Run(cmd.Context(), st, q, p, qopt)
			}
			if err != nil {
				return err
			}
			total := len(rows)
			if limit > 0 && total > limit {
				rows = rows[:limit] // saved queries order their rows: the first are the top
			}
			if format == "csv" && bom {
				io.WriteString(out, "\ufeff")
			}
			if err := printRows(out, rows, columns, format); err != nil {
				return err
			}
			if len(rows) < total {
				fmt.Fprintf(cmd.ErrOrStderr(), "parley: showing the first %d of %d rows (--limit)\n", len(rows), total)
			}
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&params, "param", nil, "query parameter key=value (repeatable)")
	cmd.Flags().StringVar(&format, "format", "table", "output: table, json or csv")
	cmd.Flags().BoolVar(&list, "list", false, "list the saved queries")
	cmd.Flags().StringVar(&gizmo, "gizmo", "", "run this Gizmo query instead of a saved one")
	cmd.Flags().IntVar(&limit, "limit", 0, "show only the first N rows (saved queries order them: the top N); 0 shows all")
	cmd.Flags().IntVar(&maxRows, "max-rows", store.DefaultRowLimit, "most rows a query may produce: more is an error, not a cut answer")
	cmd.Flags().BoolVar(&bom, "bom", false, "with --format csv, start with a UTF-8 byte-order mark (spreadsheets then read Arabic right)")
	cmd.Flags().DurationVar(&timeout, "timeout", store.DefaultTimeout, "longest a query may run")
	return cmd
}

func parseParams(kvs []string) (map[string]string, error) {
	p := map[string]string{}
	for _, kv := range kvs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, fmt.Errorf("--param %q: want key=value", kv)
		}
		p[k] = v
	}
	return p, nil
}

func listQueries(out io.Writer, format string) error {
	if format == "json" {
		list, err := queries.Catalog{}.List()
		if err != nil {
			return err
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(list)
	}
	all, err := queries.All()
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	for _, q := range all {
		fmt.Fprintf(tw, "%s\t%s\n", q.Name, q.Description)
		for _, p := range q.Params {
			fmt.Fprintf(tw, "\t  --param %s=…  %s\n", p.Name, p.Description)
		}
	}
	return tw.Flush()
}

// rowColumns reads the column order from a query's example row.
func rowColumns(example string) []string {
	dec := json.NewDecoder(strings.NewReader(example))
	var cols []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return cols
		}
		switch t := tok.(type) {
		case json.Delim:
			if t == '{' || t == '[' {
				depth++
			} else {
				depth--
			}
		case string:
			if depth == 1 && dec.More() {
				cols = append(cols, t)
				// Skip the value.
				var v json.RawMessage
				if err := dec.Decode(&v); err != nil {
					return cols
				}
			}
		}
	}
}

func printRows(out io.Writer, rows []any, columns []string, format string) error {
	if format == "json" {
		if rows == nil {
			rows = []any{}
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rows)
	}
	columns = completeColumns(rows, columns)
	table := [][]string{columns}
	for _, r := range rows {
		m, ok := r.(map[string]any)
		if !ok {
			table = append(table, []string{cell(r)})
			continue
		}
		line := make([]string, len(columns))
		for i, c := range columns {
			line[i] = cell(m[c])
		}
		table = append(table, line)
	}
	if format == "csv" {
		w := csv.NewWriter(out)
		if err := w.WriteAll(table); err != nil {
			return err
		}
		return w.Error()
	}
	if err := writeTable(out, table); err != nil {
		return err
	}
	fmt.Fprintf(out, "(%d rows)\n", len(rows))
	return nil
}

// writeTable aligns a table's columns by display width (diacritics and format
// characters take none) and wraps a cell with Arabic in Unicode isolates (FSI …
// PDI), so a terminal that lays right-to-left text out keeps each cell in its
// column.
func writeTable(out io.Writer, table [][]string) error {
	var widths []int
	for _, line := range table {
		for i, c := range line {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	var b strings.Builder
	for _, line := range table {
		b.Reset()
		for i, c := range line {
			if text.HasArabic(c) {
				b.WriteString("\u2068" + c + "\u2069")
			} else {
				b.WriteString(c)
			}
			if i < len(line)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		b.WriteByte('\n')
		if _, err := io.WriteString(out, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// displayWidth counts the runes of s that take a column: not combining marks
// (Arabic diacritics) or format characters.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
			n++
		}
	}
	return n
}

// completeColumns adds, in sorted order, keys the rows have beyond the known columns.
func completeColumns(rows []any, columns []string) []string {
	known := map[string]bool{}
	for _, c := range columns {
		known[c] = true
	}
	var extra []string
	for _, r := range rows {
		if m, ok := r.(map[string]any); ok {
			for k := range m {
				if !known[k] {
					known[k] = true
					extra = append(extra, k)
				}
			}
		}
	}
	sort.Strings(extra)
	cols := append(append([]string(nil), columns...), extra...)
	if len(cols) == 0 {
		cols = []string{"value"}
	}
	return cols
}

func cell(v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case string:
		return t
	case []any:
		parts := make([]string, len(t))
		for i, x := range t {
			parts[i] = cell(x)
		}
		return strings.Join(parts, ", ")
	default:
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(t); err != nil {
			return fmt.Sprint(t)
		}
		return strings.TrimSpace(b.String())
	}
}
