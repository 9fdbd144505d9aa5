package server

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

// A patch rewrites one string of the Cayley UI bundle.
type patch struct {
	file     string // glob of the bundle file
	old, new string
	n        int // times old occurs in the files: another count means the bundle changed
}

// patches: the bundle hard-codes its API base, loads Monaco from a CDN and its icons
// from Google Fonts; and its pages drop the server's errors (Query Shape, Write) and
// label Visualize's nodes with whole IRIs, which overlap.
var patches = []patch{
	{"static/js/main.*.chunk.js", `"http://localhost:64210"`, `""`, 1},
	{"static/js/2.*.chunk.js", `"https://cdn.jsdelivr.net/npm/monaco-editor@0.18.1/min/vs`, `"/vendor/monaco-editor/min/vs`, 2},
	{"static/css/main.*.chunk.css", `@import url(https://fonts.googleapis.com/icon?family=Material+Icons);`,
		`@import url(/vendor/material-icons/iconfont/material-icons.css);`, 1},

	// The navigation offers parley's saved queries (/examples), ready for the editor.
	{"static/js/main.*.chunk.js", `r.a.createElement(J.d,{activated:"write"===n,onClick:function(){return c("write")}},"Write")`,
		`r.a.createElement(J.d,{activated:"write"===n,onClick:function(){return c("write")}},"Write"),` +
			`r.a.createElement(J.d,{activated:!1,onClick:function(){location.href="/examples"}},"Saved queries")`, 1},

	// The helpers below, at the top of the app's module.
	{"static/js/main.*.chunk.js", `84:function(e,t,n){"use strict";n.r(t);`, `84:function(e,t,n){"use strict";n.r(t);` + uiHelpers, 1},

	// Query Shape: read the answer whatever its status, and show a failure as
	// {"error": …} in the pane instead of an unhandled rejection and a blank pane.
	{"static/js/main.*.chunk.js", `case 2:return r=e.sent,e.next=5,r.json();`, `case 2:return r=e.sent,e.next=5,parleyReply(r);`, 1},
	{"static/js/main.*.chunk.js", `(t,n,e).then(o)},[t]);`, `(t,n,e).then(o,function(x){o({error:x.message})})},[t]);`, 1},

	// Write: keep the answer of a write, delete or upload (its error or result) in
	// state, and show it in a band over the editor's foot, just above the actions (a
	// row below them would be cut off: the editor keeps the page's height).
	{"static/js/main.*.chunk.js", `ie=function(e){var t=e.serverURL,`,
		`ie=function(e){var parleyMsg=Object(a.useState)(null),parleySay=function(p,f){parleyMsg[1](null);` +
			`p.then(parleyReply).then(function(m){parleyMsg[1](Object.assign({file:f},m))},function(x){parleyMsg[1]({error:x.message,file:f})})},t=e.serverURL,`, 1},
	{"static/js/main.*.chunk.js", `case"write":return void ue(t,e);`, `case"write":return void parleySay(ue(t,e));`, 1},
	{"static/js/main.*.chunk.js", `case"delete":return void function(e,t){fetch("".concat(e,"/api/v2/delete"),{method:"POST",body:t})}(t,e);`,
		`case"delete":return void parleySay(function(e,t){return fetch("".concat(e,"/api/v2/delete"),{method:"POST",body:t})}(t,e));`, 1},
	{"static/js/main.*.chunk.js", `ue(t,e).then(function(){console.log("Uploaded ".concat(e.name))})`, `parleySay(ue(t,e),e.name)`, 1},
	{"static/js/main.*.chunk.js", `r.a.createElement("div",{className:"actions"},r.a.createElement(k,{onClick:d})`,
		`r.a.createElement("div",{className:"actions",style:{position:"relative"}},r.a.createElement(k,{onClick:d})`, 1},
	{"static/js/main.*.chunk.js", `r.a.createElement(w.a,{label:"Upload file",onClick:b}))))`,
		`r.a.createElement(w.a,{label:"Upload file",onClick:b}),parleyMsg[0]&&parleyBand(r.a,parleyMsg[0],function(){parleyMsg[1](null)}))))`, 1},

	// Visualize: ask the server for the display names of the nodes drawn, and label
	// them by name (else the IRI's last segment); the whole IRI stays as a tooltip.
	{"static/js/main.*.chunk.js", `y(t,n,e).then(function(e){o(e)})`, `y(t,n,e).then(function(e){return parleyNames(t,e)}).then(function(e){o(e)})`, 1},
	{"static/js/main.*.chunk.js", `data:ae(l.result)`, `data:parleyLabel(ae(l.result),l.parleyLabels)`, 1},
	{"static/js/main.*.chunk.js", `r.a.createElement("g",null,r.a.createElement("circle",{r:5,fill:"#21D4FD"}),r.a.createElement("text",{textAnchor:"end"},t.id))`,
		`r.a.createElement("g",null,r.a.createElement("title",null,t.id),r.a.createElement("circle",{r:5,fill:"#21D4FD"}),` +
			`r.a.createElement("text",{textAnchor:"end",x:-8,dy:"0.35em",fontSize:12},t.label||t.id))`, 1},
}

// uiHelpers are the functions the patches call, declared in the app's module.
const uiHelpers = `
// parleyReply reads a response as an object: the JSON of a success, else {error}.
function parleyReply(r) {
  return r.text().then(function (b) {
    var j;
    try { j = JSON.parse(b); } catch (x) { j = b; }
    if (r.ok) { return j !== null && typeof j === "object" && !Array.isArray(j) ? j : { result: j }; }
    var m = j !== null && typeof j === "object" ? j.error : undefined;
    if (m === undefined || m === null || m === "") { m = "HTTP " + r.status + " " + r.statusText + (b ? ": " + b.slice(0, 500) : ""); }
    return { error: typeof m === "string" ? m : JSON.stringify(m) };
  });
}
// parleyText is the line the Write page shows for a reply.
function parleyText(m) {
  var s = m.error !== undefined ? m.error : typeof m.result === "string" ? m.result : JSON.stringify(m.result !== undefined ? m.result : m);
  return (m.file ? m.file + ": " : "") + s;
}
// parleyBand is the Write page's band for a reply, with a button to dismiss it.
function parleyBand(React, m, dismiss) {
  var failed = m.error !== undefined;
  return React.createElement("div", {
    className: "parley-write-message", role: failed ? "alert" : "status",
    style: { position: "absolute", left: 0, right: 0, bottom: "100%", zIndex: 50, display: "flex", alignItems: "flex-start",
      padding: "8px 24px", background: failed ? "#fdecea" : "#edf7ed", color: failed ? "#b00020" : "#1e4620",
      borderTop: "1px solid #d3d3d3", whiteSpace: "pre-wrap", overflowWrap: "anywhere", maxHeight: "40vh", overflowY: "auto" }
  }, React.createElement("span", { style: { flex: "1 1 auto" } }, parleyText(m)),
    React.createElement("button", { type: "button", "aria-label": "Dismiss", title: "Dismiss", onClick: dismiss,
      style: { border: "none", background: "none", color: "inherit", cursor: "pointer", fontSize: "18px", lineHeight: 1, marginLeft: "16px" } }, "\u00d7"));
}
// parleyNames adds to a query's reply the display names of its graph's nodes
// (res.parleyLabels); without them, nodes get short names.
function parleyNames(base, res) {
  var ids = [], seen = new Set();
  if (res && Array.isArray(res.result)) {
    res.result.forEach(function (row) {
      ["source", "target"].forEach(function (k) {
        var id = row && row[k] && row[k]["@id"];
        if (typeof id === "string" && !seen.has(id)) { seen.add(id); ids.push(id); }
      });
    });
  }
  if (!ids.length) { return Promise.resolve(res); }
  var asks = [];
  for (var i = 0; i < ids.length; i += 200) {
    asks.push(fetch(base + "/api/labels?" + ids.slice(i, i + 200).map(function (id) { return "id=" + encodeURIComponent(id); }).join("&"))
      .then(function (r) { return r.ok ? r.json() : {}; }));
  }
  return Promise.all(asks).then(function (maps) {
    res.parleyLabels = Object.assign.apply(Object, [{}].concat(maps));
    return res;
  }, function () { return res; });
}
// parleyLabel names each node of a graph: its display name, else parleyShort.
function parleyLabel(g, labels) {
  g.nodes.forEach(function (node) {
    node.label = labels && Object.prototype.hasOwnProperty.call(labels, node.id) ? labels[node.id] : parleyShort(node.id);
  });
  return g;
}
// parleyShort is an IRI's last path segment or fragment.
function parleyShort(id) {
  if (typeof id !== "string") { return ""; }
  var s = id.replace(/^<(.*)>$/, "$1");
  if (s.indexOf("_:") === 0) { return s; }
  var last = s.replace(/[\/#]+$/, "").split(/[\/#]/).pop();
  try { last = decodeURIComponent(last); } catch (x) {}
  return last || s;
}
`

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
		n := 0
		for p, data := range sf.files {
			if ok, _ := path.Match(pt.file, p); ok {
				n += bytes.Count(data, []byte(pt.old))
			}
		}
		if n != pt.n {
			return nil, fmt.Errorf("the Cayley UI bundle's %s has %s %d times, not %d: it changed, update server/ui.go", pt.file, pt.old, n, pt.n)
		}
		for p, data := range sf.files {
			if ok, _ := path.Match(pt.file, p); ok {
				sf.files[p] = bytes.ReplaceAll(data, []byte(pt.old), []byte(pt.new))
			}
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
