package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
)

// QueryOptions bound one Gizmo query.
type QueryOptions struct {
	Params map[string]any // bound as `var params = {...};` before the query
	// Prelude is code run before the query (saved queries' library), on its first
	// line: error positions stay the query's own.
	Prelude string
	Limit   int           // rows at most; 0 means DefaultRowLimit
	Timeout time.Duration // 0 means DefaultTimeout
	// JSONLD returns values as JSON-LD ({"@id": …} for IRIs), as the web UI's
	// Visualize page wants; otherwise IRIs are "<…>" strings.
	JSONLD bool
}

// Defaults for QueryOptions.
const (
	DefaultRowLimit = 100000
	DefaultTimeout  = 30 * time.Second
)

// Errors of running queries.
var (
	// ErrRowLimit: a query yields more rows than its limit.
	ErrRowLimit = errors.New("row limit reached")
)

// Gizmo runs a Gizmo query on a fresh session (a session is single-use once an
// iterator closes) and returns its rows as JSON-ready values: the objects passed to
// g.emit and the tag maps of .all().
func (s *Store) Gizmo(ctx context.Context, src string, opt QueryOptions) ([]any, error) {
	ctx, release := s.Hold(ctx)
	defer release()
	if opt.Limit <= 0 {
		opt.Limit = DefaultRowLimit
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	params := []byte("{}")
	if opt.Params != nil {
		p, err := json.Marshal(opt.Params)
		if err != nil {
			return nil, fmt.Errorf("query parameters: %w", err)
		}
		params = p
	}
	// On the query's first line, so error line numbers stay right; columns of the
	// first line are put right in the error (see queryError).
	prefix := "var params = " + string(params) + "; " + opt.Prelude
	src = prefix + src
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	sess := gizmo.NewSession(s.QS)
	// Ask for one row more than the limit to tell "exactly at the limit" from "over".
	col := query.JSON
	if opt.JSONLD {
		col = query.JSONLD
	}
	it, err := sess.Execute(ctx, src, query.Options{Collation: col, Limit: opt.Limit + 1})
	if err != nil {
		return nil, queryError(err, prefix)
	}
	defer it.Close()
	var rows []any
	for it.Next(ctx) {
		if r := it.Result(); r != nil {
			rows = append(rows, r)
			if len(rows) > opt.Limit {
				return nil, fmt.Errorf("gizmo: %w (%d rows)", ErrRowLimit, opt.Limit)
			}
		}
	}
	if err := it.Err(); err != nil {
		if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
			return nil, fmt.Errorf("gizmo: query timed out after %v (raise --timeout)", opt.Timeout)
		}
		return nil, queryError(err, prefix)
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("gizmo: query timed out after %v (raise --timeout)", opt.Timeout)
	}
	return rows, nil
}

// firstLineColumn finds a position on the query's first line in an error of the
// JavaScript engine: "Line 1:22" (syntax) or "<eval>:1:34(" (run time).
var firstLineColumn = regexp.MustCompile(`(Line 1:|<eval>:1:)(\d+)`)

// queryError wraps an error of the query, its first-line columns counted from the
// query's start rather than from the code parley puts before it.
func queryError(err error, prefix string) error {
	shift := utf8.RuneCountInString(prefix)
	msg := firstLineColumn.ReplaceAllStringFunc(err.Error(), func(m string) string {
		sm := firstLineColumn.FindStringSubmatch(m)
		col, _ := strconv.Atoi(sm[2])
		if col > shift {
			col -= shift
		}
		return sm[1] + strconv.Itoa(col)
	})
	return fmt.Errorf("gizmo: %s", msg)
}
