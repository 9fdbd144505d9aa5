package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
	_ "github.com/cayleygraph/quad/dot" // quad formats, registered by name
	_ "github.com/cayleygraph/quad/gml"
	_ "github.com/cayleygraph/quad/graphml"
	_ "github.com/cayleygraph/quad/json"
	_ "github.com/cayleygraph/quad/jsonld"
	_ "github.com/cayleygraph/quad/nquads"
	"github.com/spf13/cobra"

	"github.com/parleygraph/parley/queries"
	"github.com/parleygraph/parley/queries/network"
	"github.com/parleygraph/parley/store"
)

// quadFormats are export's formats of the quads view: Cayley's writers, and CSV.
var quadFormats = []string{"nquads", "jsonld", "json", "graphml", "gml", "dot", "csv"}

func newExportCmd(opt *options) *cobra.Command {
	var format, view, since, until string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the graph to stdout: every quad (N-Quads, JSON-LD, …) or the actors' network (GraphML, …)",
		Long: `Export writes to stdout, by --view:

  quads    every quad of the store, labels (the articles) included, as --format
           nquads (default), jsonld, json, graphml, gml, dot or csv (subject,
           predicate, object, label); typed values with their datatype's whole IRI.
  network  the mediation network (the saved query "network"): actors and places as
           nodes (label, type), "mediates", "negotiates" and "talks_in" as edges
           weighted by the articles behind them, as --format graphml (default: Gephi,
           Cytoscape, yEd), gml, dot or csv (an edge list); --since and --until
           keep what articles dated in that window report, weighted by them.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch view {
			case "quads":
				if format == "" {
					format = "nquads"
				}
				if !slices.Contains(quadFormats, format) {
					return fmt.Errorf("--format %q: the quads view writes %s", format, strings.Join(quadFormats, ", "))
				}
			case "network":
				if format == "" {
					format = "graphml"
				}
				if !slices.Contains(network.Formats, format) {
					return fmt.Errorf("--format %q: the network view writes %s", format, strings.Join(network.Formats, ", "))
				}
			default:
				return fmt.Errorf("--view %q: want quads or network", view)
			}
			st, err := opt.openStore(false)
			if err != nil {
				return err
			}
			defer st.Close()
			w := bufio.NewWriter(cmd.OutOrStdout())
			if view == "network" {
				window := map[string]string{}
				if since != "" {
					window["since"] = since
				}
				if until != "" {
					window["until"] = until
				}
				err = exportNetwork(cmd, st, w, format, window)
			} else if since != "" || until != "" {
				return fmt.Errorf("--since and --until go with --view network (the quads view writes every quad)")
			} else {
				err = exportQuads(cmd, st, w, format)
			}
			if err != nil {
				return err
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&view, "view", "quads", "what to write: quads or network")
	cmd.Flags().StringVar(&since, "since", "", "network: only what articles dated from this day (or RFC 3339 instant) report")
	cmd.Flags().StringVar(&until, "until", "", "network: only what articles dated up to this day report")
	cmd.Flags().StringVar(&format, "format", "", "quads: nquads (default), jsonld, json, graphml, gml, dot, csv; network: graphml (default), gml, dot, csv")
	return cmd
}

func exportQuads(cmd *cobra.Command, st *store.Store, w io.Writer, format string) error {
	var qw quad.WriteCloser
	if format == "csv" {
		qw = &csvQuads{w: csv.NewWriter(w)}
	} else {
		name := format
		if name == "dot" {
			name = "graphviz" // Cayley's name for its DOT writer
		}
		qw = quad.FormatByName(name).Writer(w)
	}
	n, err := st.Export(cmd.Context(), quad.ValuesWriter(qw, absoluteTypes))
	if err != nil {
		return fmt.Errorf("export after %d quads: %w", n, err)
	}
	return qw.Close()
}

func exportNetwork(cmd *cobra.Command, st *store.Store, w io.Writer, format string, window map[string]string) error {
	q, err := queries.Get("network")
	if err != nil {
		return err
	}
	rows, err := queries.Run(cmd.Context(), st, q, window, store.QueryOptions{})
	if err != nil {
		return err
	}
	g, err := network.FromRows(rows)
	if err != nil {
		return err
	}
	return g.Write(w, format)
}

// csvQuads writes quads as CSV rows: subject, predicate, object, label, each in
// its N-Quads spelling.
type csvQuads struct {
	w      *csv.Writer
	header bool
}

func (c *csvQuads) WriteQuad(q quad.Quad) error {
	if !c.header {
		c.header = true
		if err := c.w.Write([]string{"subject", "predicate", "object", "label"}); err != nil {
			return err
		}
	}
	return c.w.Write([]string{quad.StringOf(q.Subject), quad.StringOf(q.Predicate), quad.StringOf(q.Object), quad.StringOf(q.Label)})
}

func (c *csvQuads) WriteQuads(qs []quad.Quad) (int, error) {
	for i, q := range qs {
		if err := c.WriteQuad(q); err != nil {
			return i, err
		}
	}
	return len(qs), nil
}

func (c *csvQuads) Close() error {
	c.w.Flush()
	return c.w.Error()
}

// absoluteTypes writes a typed literal (a number, a date) with its datatype's whole
// IRI.
func absoluteTypes(_ quad.Direction, v quad.Value) (quad.Value, error) {
	if ts, ok := v.(quad.TypedStringer); ok {
		t := ts.TypedString()
		t.Type = t.Type.Full()
		return t, nil
	}
	return v, nil
}
