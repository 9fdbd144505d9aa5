package main

import (
	"bufio"
	"fmt"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/spf13/cobra"
)

func newExportCmd(opt *options) *cobra.Command {
	return &cobra.Command{
		Use:   "export",
		Short: "Write the whole graph as N-Quads (labels included) to stdout",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			store, err := opt.openStore(false)
			if err != nil {
				return err
			}
			defer store.Close()
			w := bufio.NewWriter(cmd.OutOrStdout())
			qw := nquads.NewWriter(w)
			// Absolute IRIs ("http://www.w3.org/2001/XMLSchema#dateTime", not
			// "xsd:dateTime"): what other RDF tools read.
			n, err := store.Export(cmd.Context(), quad.ValuesWriter(qw, absoluteTypes))
			if err != nil {
				return fmt.Errorf("export after %d quads: %w", n, err)
			}
			if err := qw.Close(); err != nil {
				return err
			}
			return w.Flush()
		},
	}
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
