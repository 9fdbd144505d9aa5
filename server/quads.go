package server

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"

	"github.com/parleygraph/parley/store"
)

// maxWriteBytes bounds the body of a write through the API.
const maxWriteBytes = 16 << 20

// quadFormat is the format a request names: ?format=, else its header (Content-Type
// for what it sends, Accept for what it wants), else N-Quads.
func quadFormat(r *http.Request, header string) *quad.Format {
	if name := r.URL.Query().Get("format"); name != "" {
		return quad.FormatByName(name)
	}
	if v := r.Header.Get(header); v != "" {
		mime, _, _ := strings.Cut(v, ";")
		if f := quad.FormatByMime(strings.TrimSpace(mime)); f != nil {
			return f
		}
	}
	return quad.FormatByName("nquads")
}

// writeNotes answers /api/v2/write and /api/v2/delete with --allow-writes: quads of
// analysts' notes (labels under schema.NoteBase) are written; anything else would
// break what parley keeps (every fact from an article, support counts), and is
// refused with the reason, nothing written.
func (s *server) writeNotes(del bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			writeError(w, http.StatusMethodNotAllowed, errors.New("use POST"))
			return
		}
		f := quadFormat(r, "Content-Type")
		if f == nil || f.Reader == nil {
			writeError(w, http.StatusBadRequest, errors.New("unknown quad format (N-Quads, JSON, …: see /api/v2/formats)"))
			return
		}
		body := http.MaxBytesReader(w, r.Body, maxWriteBytes)
		qr := f.Reader(body)
		defer qr.Close()
		qs, err := quad.ReadAll(qr)
		if err != nil {
			writeError(w, http.StatusBadRequest, fmt.Errorf("read quads: %w", err))
			return
		}
		var adds, dels []quad.Quad
		if del {
			dels = qs
		} else {
			adds = qs
		}
		if err := s.cfg.Store.WriteNotes(r.Context(), adds, dels); errors.Is(err, store.ErrNotNote) {
			writeError(w, http.StatusUnprocessableEntity, err)
			return
		} else if err != nil {
			writeError(w, http.StatusInternalServerError, err)
			return
		}
		verb := "wrote"
		if del {
			verb = "deleted"
		}
		writeJSON(w, http.StatusOK, map[string]any{"result": fmt.Sprintf("Successfully %s %d quads.", verb, len(qs)), "count": len(qs)})
	}
}

// refuseNodeDelete answers /api/v2/node/delete: a node stays while an article names it.
func refuseNodeDelete(w http.ResponseWriter, _ *http.Request) {
	writeError(w, http.StatusUnprocessableEntity, fmt.Errorf("%w: a node lives as long as an article names it; remove the article (its file, then parley load --prune), or delete a note's quads", store.ErrNotNote))
}

// read answers /api/v2/read as Cayley does (?sub=, pred=, obj=, label=, format=),
// with at most the row limit of quads (or ?limit=, if lower): a larger answer is
// an error that says how to narrow it, not a stream of the whole store.
func (s *server) read(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		writeError(w, http.StatusMethodNotAllowed, errors.New("use GET"))
		return
	}
	f := quadFormat(r, "Accept")
	if f == nil || f.Writer == nil {
		writeError(w, http.StatusBadRequest, errors.New("unknown quad format (N-Quads, JSON, …: see /api/v2/formats)"))
		return
	}
	limit := s.cfg.RowLimit
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			writeError(w, http.StatusBadRequest, fmt.Errorf("limit %q: give a number of 1 or more", v))
			return
		}
		limit = min(limit, n)
	}
	values := func(key string) []quad.Value {
		var out []quad.Value
		for _, v := range strings.Split(r.URL.Query().Get(key), ",") {
			if v != "" {
				out = append(out, quad.StringToValue(v))
			}
		}
		return out
	}
	ctx, release := s.cfg.Store.Hold(r.Context()) // no commit between quads and their values
	defer release()
	qs := s.cfg.Store.QS
	it := shape.FilterQuads(values("sub"), values("pred"), values("obj"), values("label")).BuildIterator(qs).Iterate()
	defer it.Close()
	var quads []quad.Quad
	for it.Next(ctx) {
		if len(quads) == limit {
			writeError(w, http.StatusUnprocessableEntity, fmt.Errorf("%w: more than %d quads; narrow the read with sub, pred, obj or label (parley export writes the whole graph)", store.ErrRowLimit, limit))
			return
		}
		q, err := qs.Quad(it.Result())
		if err != nil {
			writeError(w, http.StatusInternalServerError, err)
			return
		}
		quads = append(quads, q)
	}
	if err := it.Err(); err != nil {
		writeError(w, http.StatusInternalServerError, err)
		return
	}
	if len(f.Mime) > 0 {
		w.Header().Set("Content-Type", f.Mime[0])
	}
	qw := f.Writer(w)
	if _, err := qw.WriteQuads(quads); err != nil {
		s.logf("read: %v", err)
	}
	if err := qw.Close(); err != nil {
		s.logf("read: %v", err)
	}
}
