// Package serve serves a parley store over HTTP: the Cayley web UI (patched to run
// offline on parley's origin), Cayley's query and read API, and parley's own API for
// saved queries, articles and evidence.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	chttp "github.com/cayleygraph/cayley/server/http"

	// Query languages the UI offers, and the quad formats of the read API.
	_ "github.com/cayleygraph/cayley/query/gizmo"
	_ "github.com/cayleygraph/cayley/query/graphql"
	_ "github.com/cayleygraph/cayley/query/mql"
	_ "github.com/cayleygraph/quad/json"
	_ "github.com/cayleygraph/quad/jsonld"
	_ "github.com/cayleygraph/quad/nquads"

	"github.com/parleygraph/parley/queries"
	"github.com/parleygraph/parley/store"
)

// SavedQueries runs parley's saved queries (queries.Catalog; an interface so that
// the server holds only what it calls).
type SavedQueries interface {
	// List describes the saved queries (JSON-ready).
	List() (any, error)
	// Run runs one; it returns queries.ErrUnknownQuery for a name it does not have
	// and queries.ErrBadParams for parameters the query does not take.
	Run(ctx context.Context, s *store.Store, name string, params map[string]string, opt store.QueryOptions) ([]any, error)
	// Examples are the saved queries as Gizmo text the web UI runs as it is.
	Examples() ([]queries.Example, error)
}

// Config says what to serve and how.
type Config struct {
	Store       *store.Store
	Queries     SavedQueries
	Timeout     time.Duration // per query; 0 means store.DefaultTimeout
	RowLimit    int           // per query; 0 means DefaultRowLimit
	AllowWrites bool          // enable Cayley's write and delete endpoints
	Log         *log.Logger   // nil: no request errors logged
}

// DefaultRowLimit bounds the rows one HTTP query returns.
const DefaultRowLimit = 10000

// Handler returns the HTTP handler for cfg.
func Handler(cfg Config) (http.Handler, error) {
	if cfg.Store == nil || cfg.Queries == nil {
		return nil, errors.New("serve: a store and saved queries are required")
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = store.DefaultTimeout
	}
	if cfg.RowLimit <= 0 {
		cfg.RowLimit = DefaultRowLimit
	}
	site, err := loadUI()
	if err != nil {
		return nil, err
	}
	s := &server{cfg: cfg}
	h := &graph.Handle{QuadStore: cfg.Store.QS}
	if cfg.AllowWrites {
		if h.QuadWriter, err = graph.NewQuadWriter("single", cfg.Store.QS, nil); err != nil {
			return nil, fmt.Errorf("serve: writer: %w", err)
		}
	}
	cayley := chttp.NewAPIv2(h)
	cayley.SetReadOnly(!cfg.AllowWrites)
	cayley.SetQueryTimeout(cfg.Timeout)
	cayley.SetQueryLimit(cfg.RowLimit)

	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", s.health)
	mux.HandleFunc("GET /api/queries", s.listQueries)
	mux.HandleFunc("GET /api/queries/{name}", s.savedQuery)
	mux.HandleFunc("GET /api/articles", s.articles)
	mux.HandleFunc("GET /api/why", s.why)
	mux.HandleFunc("GET /examples", s.examples)
	mux.HandleFunc("GET /api/labels", s.labels)
	mux.HandleFunc("/api/v2/query", s.queryV2)
	mux.HandleFunc("POST /api/v1/query/{lang}", s.queryV1)
	mux.HandleFunc("/api/v1/shape/{lang}", s.shape)
	mux.HandleFunc("/api/v2/read", s.read)
	if cfg.AllowWrites {
		mux.HandleFunc("/api/v2/write", s.writeNotes(false))
		mux.HandleFunc("/api/v2/delete", s.writeNotes(true))
		mux.HandleFunc("/api/v2/node/delete", refuseNodeDelete)
	} else {
		readOnly := func(w http.ResponseWriter, r *http.Request) {
			writeError(w, http.StatusForbidden, errors.New("the server is read-only: start parley serve with --allow-writes to write analysts' notes"))
		}
		for _, p := range []string{"/api/v2/write", "/api/v2/delete", "/api/v2/node/delete"} {
			mux.HandleFunc(p, readOnly)
		}
	}
	mux.Handle("/api/v2/", cayley)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Errorf("no API endpoint %s %s", r.Method, r.URL.Path))
	})
	mux.Handle("/vendor/", getOnly(vendorHandler()))
	mux.Handle("/", getOnly(site))
	return s.recoverer(mux), nil
}

// getOnly refuses methods other than GET and HEAD.
func getOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			writeError(w, http.StatusMethodNotAllowed, errors.New("use GET"))
			return
		}
		h.ServeHTTP(w, r)
	})
}

type server struct {
	cfg Config
}

func (s *server) logf(format string, args ...any) {
	if s.cfg.Log != nil {
		s.cfg.Log.Printf(format, args...)
	}
}

// recoverer turns a panic into a JSON 500 without the stack (which goes to the log).
func (s *server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.logf("panic serving %s %s: %v", r.Method, r.URL.Path, p)
				writeError(w, http.StatusInternalServerError, errors.New("internal error"))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json")
	}
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, code int, err error) {
	writeJSON(w, code, map[string]string{"error": err.Error()})
}

// queryStatus maps a query error to an HTTP status.
func queryStatus(err error) int {
	msg := err.Error()
	switch {
	case errors.Is(err, queries.ErrUnknownQuery):
		return http.StatusNotFound
	case errors.Is(err, queries.ErrBadParams):
		return http.StatusBadRequest
	case strings.Contains(msg, "timed out"), errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout
	case errors.Is(err, store.ErrRowLimit):
		return http.StatusUnprocessableEntity
	}
	return http.StatusBadRequest // a query that does not compile or throws
}

func (s *server) queryOptions() store.QueryOptions {
	return store.QueryOptions{Timeout: s.cfg.Timeout, Limit: s.cfg.RowLimit}
}

func (s *server) health(w http.ResponseWriter, r *http.Request) {
	n, err := s.cfg.Store.Size(r.Context())
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "quads": n, "backend": s.cfg.Store.Backend})
}

func (s *server) listQueries(w http.ResponseWriter, r *http.Request) {
	list, err := s.cfg.Queries.List()
	if err != nil {
		writeError(w, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, list)
}

func (s *server) savedQuery(w http.ResponseWriter, r *http.Request) {
	params := map[string]string{}
	for k, vs := range r.URL.Query() {
		if len(vs) != 1 {
			writeError(w, http.StatusBadRequest, fmt.Errorf("parameter %q given %d times", k, len(vs)))
			return
		}
		params[k] = vs[0]
	}
	rows, err := s.cfg.Queries.Run(r.Context(), s.cfg.Store, r.PathValue("name"), params, s.queryOptions())
	if err != nil {
		writeError(w, queryStatus(err), err)
		return
	}
	if rows == nil {
		rows = []any{}
	}
	writeJSON(w, http.StatusOK, rows)
}

func (s *server) articles(w http.ResponseWriter, r *http.Request) {
	list, err := s.cfg.Store.Articles(r.Context())
	if err != nil {
		writeError(w, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, list)
}

func (s *server) why(w http.ResponseWriter, r *http.Request) {
	node := r.URL.Query().Get("node")
	if strings.TrimSpace(node) == "" {
		writeError(w, http.StatusBadRequest, errors.New("give the node: /api/why?node=Qatar"))
		return
	}
	params := map[string]string{"name": node}
	if ev := r.URL.Query().Get("evidence"); ev != "" {
		params["evidence"] = ev
	}
	rows, err := s.cfg.Queries.Run(r.Context(), s.cfg.Store, "actor", params, s.queryOptions())
	if errors.Is(err, queries.ErrNoNode) {
		writeError(w, http.StatusNotFound, err)
		return
	} else if err != nil {
		writeError(w, queryStatus(err), err)
		return
	}
	if len(rows) == 0 {
		writeError(w, http.StatusNotFound, fmt.Errorf("nothing in the graph is named %q", node))
		return
	}
	writeJSON(w, http.StatusOK, rows)
}

// maxQueryBytes bounds a query's text.
const maxQueryBytes = 1 << 20

// queryV2 answers Cayley's /api/v2/query?lang=…: the query in the body (POST) or in
// ?qu= (GET), a fresh session per request, the timeout and row limit enforced with
// a JSON error instead of a silently cut result.
func (s *server) queryV2(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		writeError(w, http.StatusMethodNotAllowed, errors.New("use GET or POST"))
		return
	}
	s.runQuery(w, r, r.URL.Query().Get("lang"))
}

// queryV1 answers the older /api/v1/query/:lang that tools still call.
func (s *server) queryV1(w http.ResponseWriter, r *http.Request) {
	s.runQuery(w, r, r.PathValue("lang"))
}

func (s *server) runQuery(w http.ResponseWriter, r *http.Request, lang string) {
	if lang == "" {
		writeError(w, http.StatusBadRequest, errors.New("query language not given (lang=gizmo, graphql or mql)"))
		return
	}
	l := query.GetLanguage(lang)
	if l == nil || l.Session == nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("unknown query language %q (gizmo, graphql or mql)", lang))
		return
	}
	var text string
	if r.Method == http.MethodGet {
		text = r.URL.Query().Get("qu")
	} else {
		data, err := io.ReadAll(io.LimitReader(r.Body, maxQueryBytes+1))
		if err != nil {
			writeError(w, http.StatusBadRequest, fmt.Errorf("read query: %w", err))
			return
		}
		if len(data) > maxQueryBytes {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Errorf("query longer than %d bytes", maxQueryBytes))
			return
		}
		text = string(data)
	}
	if strings.TrimSpace(text) == "" {
		writeError(w, http.StatusBadRequest, errors.New("query is empty"))
		return
	}
	// The UI asks for JSON-LD: IRIs come back as {"@id": …}, which Visualize draws.
	jsonld := strings.Contains(r.Header.Get("Accept"), "application/ld+json")
	var rows []any
	var err error
	if lang == "gizmo" {
		opt := s.queryOptions()
		opt.JSONLD = jsonld
		rows, err = s.cfg.Store.Gizmo(r.Context(), text, opt)
	} else {
		rows, err = s.session(r.Context(), l, text, jsonld)
	}
	if err != nil {
		writeError(w, queryStatus(err), err)
		return
	}
	if jsonld {
		w.Header().Set("Content-Type", "application/ld+json")
	}
	writeJSON(w, http.StatusOK, map[string]any{"result": rows})
}

// session runs a query of another language with the same bounds as Gizmo.
func (s *server) session(ctx context.Context, l *query.Language, text string, jsonld bool) ([]any, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	ctx, release := s.cfg.Store.Hold(ctx) // see store.Hold
	defer release()
	col := query.JSON
	if jsonld {
		col = query.JSONLD
	}
	it, err := l.Session(s.cfg.Store.QS).Execute(ctx, text, query.Options{Collation: col, Limit: s.cfg.RowLimit + 1})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", l.Name, err)
	}
	defer it.Close()
	var rows []any
	for it.Next(ctx) {
		rows = append(rows, it.Result())
		if len(rows) > s.cfg.RowLimit {
			return nil, fmt.Errorf("%s: %w (%d rows)", l.Name, store.ErrRowLimit, s.cfg.RowLimit)
		}
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("%s: query timed out after %v", l.Name, s.cfg.Timeout)
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", l.Name, err)
	}
	return rows, nil
}

// shape answers the UI's "Query Shape" page: Cayley no longer implements shapes.
func (s *server) shape(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotImplemented, errors.New("query shapes are not available in this version of Cayley; run the query on the Query page"))
}
