package server

import (
	"html/template"
	"net/http"
)

// examplesPage lists the saved queries; "Open" puts one in the web UI's editor
// (the UI keeps its last query in localStorage) and opens the UI.
var examplesPage = template.Must(template.New("examples").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>parley: saved queries</title>
<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}li{margin:.8em 0}button{margin-right:.6em}</style>
</head><body>
<h1>Saved queries</h1>
<p>Open one in the query editor, then Run it there; the ones marked <em>Visualize</em>
draw a network on the Visualize page.</p>
<ul>
{{range $i, $e := .}}<li><button data-example="{{$i}}">Open</button><b>{{$e.Name}}</b>{{if $e.Visualize}} <em>(Visualize)</em>{{end}}: {{$e.Description}}</li>
{{end}}</ul>
<script>
var examples = [{{range .}}{{.Gizmo}},{{end}}];
document.querySelectorAll("button[data-example]").forEach(function (b) {
  b.addEventListener("click", function () {
    localStorage.setItem("LAST_QUERY", JSON.stringify({text: examples[+b.dataset.example], language: "gizmo"}));
    location.href = "/";
  });
});
</script>
</body></html>
`))

// examples answers /examples: the saved queries, ready for the web UI.
func (s *server) examples(w http.ResponseWriter, r *http.Request) {
	list, err := s.cfg.Queries.Examples()
	if err != nil {
		writeError(w, http.StatusInternalServerError, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := examplesPage.Execute(w, list); err != nil {
		s.logf("examples: %v", err)
	}
}
