package main

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// graphmlDoc is what a GraphML reader needs of a file: keys, nodes, edges.
type graphmlDoc struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string        `xml:"id,attr"`
			Data []graphmlData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string        `xml:"source,attr"`
			Target string        `xml:"target,attr"`
			Data   []graphmlData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// The network export is GraphML a tool can open as it is (every data key
// declared for its element, unique node ids, edges between known nodes, integer
// weights) and says what the store says: an edge per row of the network query,
// and a "mediates" edge, as heavy, for every mediator and party of `mediators`.
func TestExportNetworkGraphML(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	mustRun(t, "--db", db, "load", articles)
	out := mustRun(t, "--db", db, "export", "--view", "network")
	var doc graphmlDoc
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("GraphML does not parse: %v", err)
	}
	keys := map[string]string{}
	for _, k := range doc.Keys {
		keys[k.ID] = k.For
		if k.Name == "weight" && k.Type != "int" {
			t.Fatalf("weight declared as %s", k.Type)
		}
	}
	nodes := map[string]string{} // id → label
	for _, n := range doc.Graph.Nodes {
		if _, dup := nodes[n.ID]; dup || n.ID == "" {
			t.Fatalf("node id %q repeated or empty", n.ID)
		}
		for _, d := range n.Data {
			if keys[d.Key] != "node" {
				t.Fatalf("node data %q is not declared for nodes", d.Key)
			}
			if d.Key == "label" {
				nodes[n.ID] = d.Value
			}
		}
	}
	type edgeKey struct{ s, rel, t string }
	weights := map[edgeKey]int{}
	for _, e := range doc.Graph.Edges {
		if _, ok := nodes[e.Source]; !ok {
			t.Fatalf("edge from unknown node %q", e.Source)
		}
		if _, ok := nodes[e.Target]; !ok {
			t.Fatalf("edge to unknown node %q", e.Target)
		}
		var rel string
		w := -1
		for _, d := range e.Data {
			if keys[d.Key] != "edge" {
				t.Fatalf("edge data %q is not declared for edges", d.Key)
			}
			switch d.Key {
			case "relation":
				rel = d.Value
			case "weight":
				w, _ = strconv.Atoi(d.Value)
			}
		}
		if w < 1 {
			t.Fatalf("edge %s→%s weight %d", e.Source, e.Target, w)
		}
		weights[edgeKey{nodes[e.Source], rel, nodes[e.Target]}] = w
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "query", "network", "--format", "json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(doc.Graph.Edges) != len(rows) || len(rows) == 0 {
		t.Fatalf("%d edges, %d network rows", len(doc.Graph.Edges), len(rows))
	}
	var meds []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "query", "mediators", "--format", "json")), &meds); err != nil {
		t.Fatal(err)
	}
	for _, m := range meds {
		for _, p := range m["between"].([]any) {
			if w := weights[edgeKey{m["mediator"].(string), "mediates", p.(string)}]; w < int(m["articles"].(float64)) {
				t.Fatalf("%s mediates %s: weight %d, the mediators query says %v articles", m["mediator"], p, w, m["articles"])
			}
		}
	}
	// Where NetworkX is installed, it reads the file as Gephi would.
	if py, err := exec.LookPath("python3"); err == nil && exec.Command(py, "-c", "import networkx").Run() == nil {
		path := filepath.Join(t.TempDir(), "n.graphml")
		os.WriteFile(path, []byte(out), 0o644)
		got, err := exec.Command(py, "-c", "import networkx as nx, sys; g = nx.read_graphml(sys.argv[1]); print(g.number_of_nodes(), g.number_of_edges())", path).CombinedOutput()
		if want := strconv.Itoa(len(nodes)) + " " + strconv.Itoa(len(rows)); err != nil || strings.TrimSpace(string(got)) != want {
			t.Fatalf("networkx read %q (%v), want %q", got, err, want)
		}
	}
}

// Every quad format export offers writes the store's quads; CSV and JSON-LD are
// read back and counted.
func TestExportQuadFormats(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ok.txt": "Talks\nIsrael and Hamas met in Doha, mediated by Qatar."})
	mustRun(t, "--db", db, "load", dir)
	n := quadCount(t, db)
	for _, f := range quadFormats {
		if out := mustRun(t, "--db", db, "export", "--format", f); len(out) < 100 {
			t.Fatalf("--format %s wrote %q", f, out)
		}
	}
	records, err := csv.NewReader(strings.NewReader(mustRun(t, "--db", db, "export", "--format", "csv"))).ReadAll()
	if err != nil || len(records) != n+1 || records[0][3] != "label" {
		t.Fatalf("csv: %v, %d rows for %d quads", err, len(records), n)
	}
	var ld []any
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "export", "--format", "jsonld")), &ld); err != nil || len(ld) == 0 {
		t.Fatalf("jsonld: %v, %d graphs", err, len(ld))
	}
	for _, bad := range [][]string{{"export", "--format", "xlsx"}, {"export", "--view", "network", "--format", "jsonld"}, {"export", "--view", "table"}} {
		if _, _, err := run(t, append([]string{"--db", db}, bad...)...); err == nil {
			t.Fatalf("parley %v succeeded", bad)
		}
	}
}
