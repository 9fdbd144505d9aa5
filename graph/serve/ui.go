package serve

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/ui"
)

// vendor holds the UI's third-party assets (see vendor/fetch.sh and vendor/VERSIONS).
//
//go:embed vendor/monaco-editor vendor/material-icons vendor/VERSIONS
var vendor embed.FS

// A patch rewrites one string of the Cayley UI bundle so it runs offline on
// parley's own origin.
type patch struct {
	file     string // glob of the bundle file
	old, new string
}

// patches: the bundle hard-codes its API base, loads Monaco from a CDN and its icons
// from Google Fonts.
var patches = []patch{
	{"static/js/main.*.chunk.js", `"http://localhost:64210"`, `""`},
	{"static/js/2.*.chunk.js", `"https://cdn.jsdelivr.net/npm/monaco-editor@0.18.1/min/vs`, `"/vendor/monaco-editor/min/vs`},
	{"static/css/main.*.chunk.css", `@import url(https://fonts.googleapis.com/icon?family=Material+Icons);`,
		`@import url(/vendor/material-icons/iconfont/material-icons.css);`},
}

// staticFiles is an in-memory tree of files served as they are.
type staticFiles struct {
	files   map[string][]byte
	modTime time.Time
}

// loadUI reads the Cayley UI from the cayley module and applies the patches. It
// fails if a string to replace is gone, so a new bundle is noticed at start, not by
// an analyst staring at an empty page.
func loadUI() (*staticFiles, error) {
	web, err := fs.Sub(ui.FS, "web")
	if err != nil {
		return nil, err
	}
	sf := &staticFiles{files: map[string][]byte{}, modTime: time.Now()}
	err = fs.WalkDir(web, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".map") {
			return err // source maps still name the CDN: leave them out
		}
		data, err := fs.ReadFile(web, p)
		sf.files[p] = data
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read the Cayley UI: %w", err)
	}
	for _, pt := range patches {
		matched := false
		for p, data := range sf.files {
			if ok, _ := path.Match(pt.file, p); !ok || !bytes.Contains(data, []byte(pt.old)) {
				continue
			}
			sf.files[p] = bytes.ReplaceAll(data, []byte(pt.old), []byte(pt.new))
			matched = true
		}
		if !matched {
			return nil, fmt.Errorf("the Cayley UI bundle has no %s containing %s: it changed, update graph/serve/ui.go", pt.file, pt.old)
		}
	}
	// The chunk that names REACT_APP_SERVER_URL keeps it only as a build-time record.
	for p, data := range sf.files {
		if strings.HasSuffix(p, ".js") {
			sf.files[p] = bytes.ReplaceAll(data, []byte(`"http://localhost:64210"`), []byte(`""`))
		}
	}
	return sf, nil
}

// ServeHTTP serves a file, index.html for "/".
func (sf *staticFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if p == "" || p == "." {
		p = "index.html"
	}
	data, ok := sf.files[p]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if ct := mime.TypeByExtension(path.Ext(p)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	http.ServeContent(w, r, p, sf.modTime, bytes.NewReader(data))
}

// vendorHandler serves the embedded vendor assets under /vendor/.
func vendorHandler() http.Handler {
	sub, _ := fs.Sub(vendor, "vendor")
	return http.StripPrefix("/vendor/", http.FileServer(http.FS(sub)))
}
