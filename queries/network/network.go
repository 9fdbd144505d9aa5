// Package network turns the rows of the saved query "network" into a graph of
// actors and places with weighted edges, and writes it for the tools analysts use
// on networks: GraphML (Gephi, Cytoscape, yEd), GML, Graphviz DOT and CSV edge lists.
package network

import (
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Node is an actor or place: its IRI, display name and class ("Country",
// "Organization", "Person", "Place").
type Node struct {
	ID, Label, Type string
}

// Edge is one relation between two nodes, weighted by the articles behind it:
// "mediates" (mediator → party), "negotiates" (party – party), "talks_in" (party →
// venue).
type Edge struct {
	Source, Target string // node IDs
	Relation       string
	Weight         int
}

// Graph is the network: nodes in first-seen order, edges as the query ordered them.
type Graph struct {
	Nodes []Node
	Edges []Edge
}

// FromRows builds the graph from the rows of the "network" query.
func FromRows(rows []any) (*Graph, error) {
	g := &Graph{}
	seen := map[string]bool{}
	node := func(m map[string]any, side string) (string, error) {
		id, _ := m[side].(string)
		id = strings.TrimSuffix(strings.TrimPrefix(id, "<"), ">") // an IRI, as tools show it
		if id == "" {
			return "", fmt.Errorf("network row without %s: %v", side, m)
		}
		if !seen[id] {
			seen[id] = true
			label, _ := m[side+"_name"].(string)
			typ, _ := m[side+"_type"].(string)
			g.Nodes = append(g.Nodes, Node{ID: id, Label: label, Type: typ})
		}
		return id, nil
	}
	for _, r := range rows {
		m, ok := r.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("network row is not an object: %v", r)
		}
		s, err := node(m, "source")
		if err != nil {
			return nil, err
		}
		t, err := node(m, "target")
		if err != nil {
			return nil, err
		}
		rel, _ := m["relation"].(string)
		w, _ := m["articles"].(float64) // JSON numbers
		if n, ok := m["articles"].(int64); ok {
			w = float64(n)
		}
		if n, ok := m["articles"].(int); ok {
			w = float64(n)
		}
		g.Edges = append(g.Edges, Edge{Source: s, Target: t, Relation: rel, Weight: int(w)})
	}
	return g, nil
}

// Formats the graph writes.
var Formats = []string{"graphml", "gml", "dot", "csv"}

// Write writes the graph in a format of Formats.
func (g *Graph) Write(w io.Writer, format string) error {
	switch format {
	case "graphml":
		return g.WriteGraphML(w)
	case "gml":
		return g.WriteGML(w)
	case "dot":
		return g.WriteDOT(w)
	case "csv":
		return g.WriteCSV(w)
	}
	return fmt.Errorf("network format %q: want %s", format, strings.Join(Formats, ", "))
}

// WriteGraphML writes GraphML with the attributes Gephi and Cytoscape read:
// label and type on nodes, relation and weight (an integer) on edges.
func (g *Graph) WriteGraphML(w io.Writer) error {
	type data struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
	type key struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	}
	type node struct {
		ID   string `xml:"id,attr"`
		Data []data `xml:"data"`
	}
	type edge struct {
		ID     string `xml:"id,attr"`
		Source string `xml:"source,attr"`
		Target string `xml:"target,attr"`
		Data   []data `xml:"data"`
	}
	type graph struct {
		ID          string `xml:"id,attr"`
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []node `xml:"node"`
		Edges       []edge `xml:"edge"`
	}
	type graphml struct {
		XMLName  xml.Name `xml:"graphml"`
		XMLNS    string   `xml:"xmlns,attr"`
		XSI      string   `xml:"xmlns:xsi,attr"`
		Location string   `xml:"xsi:schemaLocation,attr"`
		Keys     []key    `xml:"key"`
		Graph    graph    `xml:"graph"`
	}
	doc := graphml{
		XMLNS:    "http://graphml.graphdrawing.org/xmlns",
		XSI:      "http://www.w3.org/2001/XMLSchema-instance",
		Location: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Keys: []key{
			{"label", "node", "label", "string"}, {"type", "node", "type", "string"},
			{"relation", "edge", "relation", "string"}, {"weight", "edge", "weight", "int"},
		},
		Graph: graph{ID: "parley", EdgeDefault: "directed"},
	}
	for _, n := range g.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, node{ID: n.ID, Data: []data{{"label", n.Label}, {"type", n.Type}}})
	}
	for i, e := range g.Edges {
		doc.Graph.Edges = append(doc.Graph.Edges, edge{ID: "e" + strconv.Itoa(i), Source: e.Source, Target: e.Target,
			Data: []data{{"relation", e.Relation}, {"weight", strconv.Itoa(e.Weight)}}})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// WriteGML writes GML (Graph Modelling Language), numbering the nodes.
func (g *Graph) WriteGML(w io.Writer) error {
	index := g.index()
	var b strings.Builder
	b.WriteString("graph [\n  directed 1\n")
	for i, n := range g.Nodes {
		fmt.Fprintf(&b, "  node [ id %d label %s iri %s type %s ]\n", i, gmlString(n.Label), gmlString(n.ID), gmlString(n.Type))
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "  edge [ source %d target %d relation %s weight %d ]\n", index[e.Source], index[e.Target], gmlString(e.Relation), e.Weight)
	}
	b.WriteString("]\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// gmlString quotes a GML string: GML has no escapes but HTML entities for quotes
// and ampersands.
func gmlString(s string) string {
	return `"` + strings.NewReplacer("&", "&amp;", `"`, "&quot;").Replace(s) + `"`
}

// WriteDOT writes Graphviz DOT, edges labelled with their relation and weight.
func (g *Graph) WriteDOT(w io.Writer) error {
	var b strings.Builder
	b.WriteString("digraph parley {\n")
	for _, n := range g.Nodes {
		fmt.Fprintf(&b, "  %s [label=%s, type=%s];\n", strconv.Quote(n.ID), strconv.Quote(n.Label), strconv.Quote(n.Type))
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "  %s -> %s [label=%s, weight=%d];\n", strconv.Quote(e.Source), strconv.Quote(e.Target), strconv.Quote(e.Relation), e.Weight)
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteCSV writes an edge list with the nodes' labels, as spreadsheets and
// Gephi's import of edge tables read it.
func (g *Graph) WriteCSV(w io.Writer) error {
	labels := map[string]string{}
	for _, n := range g.Nodes {
		labels[n.ID] = n.Label
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"Source", "Target", "Source label", "Target label", "Relation", "Weight"})
	for _, e := range g.Edges {
		cw.Write([]string{e.Source, e.Target, labels[e.Source], labels[e.Target], e.Relation, strconv.Itoa(e.Weight)})
	}
	cw.Flush()
	return cw.Error()
}

func (g *Graph) index() map[string]int {
	ix := make(map[string]int, len(g.Nodes))
	for i, n := range g.Nodes {
		ix[n.ID] = i
	}
	return ix
}
