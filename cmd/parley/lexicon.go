package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/lexicon/gazetteer"
)

func newLexiconCmd(opt *options) *cobra.Command {
	cmd := &cobra.Command{Use: "lexicon", Short: "Inspect the lexicon and rules; regenerate the gazetteers"}
	var strict bool
	check := &cobra.Command{
		Use:   "check",
		Short: "Validate the lexicon, rules and word lists; report duplicates and conflicts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lx, err := lexicon.Load(opt.lexicon...)
			if err != nil {
				return err
			}
			x, err := extract.New(lx, opt.lexicon...)
			if err != nil {
				return err
			}
			errs, warns := 0, 0
			out := cmd.OutOrStdout()
			for _, p := range lx.Check() {
				fmt.Fprintln(out, p)
				if p.Severity == "error" {
					errs++
				} else {
					warns++
				}
			}
			// The files read, generated gazetteers included, with the entries each
			// defined (an entry counts for the first file that names it).
			perFile := map[string]int{}
			for _, e := range lx.Entries() {
				file, _, _ := strings.Cut(e.Source, ":")
				perFile[file]++
			}
			for _, f := range lx.Files() {
				fmt.Fprintf(out, "%s: %d entries\n", f, perFile[f])
			}
			fmt.Fprintf(out, "%d entries from %d files, %d rules: %d errors, %d warnings\n",
				len(lx.Entries()), len(lx.Files()), len(x.Rules()), errs, warns)
			if errs > 0 || strict && warns > 0 {
				return errQuiet{"lexicon check failed"}
			}
			return nil
		},
	}
	check.Flags().BoolVar(&strict, "strict", false, "fail on warnings too")
	cmd.AddCommand(check, newLexiconImportCmd(), newLexiconSuggestCmd(opt))
	return cmd
}

// newLexiconImportCmd regenerates loaders/lexicon/data/generated from the public
// gazetteers (see loaders/lexicon/data/README.md for how to get them).
func newLexiconImportCmd() *cobra.Command {
	var opt gazetteer.Options
	var verbose bool
	cmd := &cobra.Command{
		Use:   "import",
		Short: "Regenerate the generated lexicon files from CLDR, iso-codes, GeoNames and Phoenix",
		Long: `Regenerate the generated lexicon files (countries, places, organizations, people)
from CLDR (built in), Debian's iso-codes, GeoNames as packaged in Debian's libgeonames,
and the Phoenix actor dictionaries. Generated names never replace or shadow a
hand-written one. See loaders/lexicon/data/README.md for where the sources come from.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opt.GeoNames == "" || opt.Phoenix == "" {
				return fmt.Errorf("import: --geonames and --phoenix are required")
			}
			if verbose {
				opt.Log = cmd.ErrOrStderr()
			}
			rep, err := gazetteer.Import(opt)
			if err != nil {
				return err
			}
			for _, f := range []string{"countries.tsv", "places.tsv", "organizations.tsv", "people.tsv"} {
				fmt.Fprintf(cmd.OutOrStdout(), "%s/%s: %d rows\n", opt.Out, f, rep.Rows[f])
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&opt.GeoNames, "geonames", "", "directory of the extracted libgeonames packages (cities.compiled, usr/share/locale)")
	f.StringVar(&opt.Phoenix, "phoenix", "", "directory of the Phoenix actor dictionaries")
	f.StringVar(&opt.ISOCodes, "iso-codes", "/usr/share", "directory holding iso-codes/json and locale/ of Debian's iso-codes")
	f.StringVar(&opt.Words, "words", "/usr/share/dict/words", "English word list (Debian's wamerican)")
	f.StringVar(&opt.ArWords, "ar-words", "/usr/share/hunspell/ar.dic", "Arabic hunspell dictionary (Debian's hunspell-ar)")
	f.StringVar(&opt.Out, "out", "loaders/lexicon/data/generated", "directory to write the generated files to")
	f.IntVar(&opt.MinPopulation, "min-population", 15000, "smallest city to keep")
	f.BoolVarP(&verbose, "verbose", "v", false, "count what was left out, and why")
	return cmd
}
