// Command parley builds a Cayley graph of who takes part in negotiations from
// Arabic and English news, and answers saved Gizmo queries over it.
package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

func main() {
	if err := newRoot().Execute(); err != nil {
		var quiet errQuiet
		if !errors.As(err, &quiet) {
			fmt.Fprintln(os.Stderr, "parley:", err)
		}
		os.Exit(1)
	}
}

// errQuiet is returned by commands that already reported their problems.
type errQuiet struct{ msg string }

func (e errQuiet) Error() string { return e.msg }

// options are the global flags.
type options struct {
	db      string
	backend string
	lexicon []string
}

func newRoot() *cobra.Command {
	opt := &options{}
	root := &cobra.Command{
		Use:           "parley",
		Short:         "parley builds a knowledge graph of negotiations from Arabic and English news",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	def := os.Getenv("PARLEY_DB")
	if def == "" {
		def = "parley.db"
	}
	root.PersistentFlags().StringVar(&opt.db, "db", def, "store: bolt file, or postgres://user@host/dbname [$PARLEY_DB]")
	root.PersistentFlags().StringVar(&opt.backend, "backend", "", "store backend: bolt, memory or postgres (default: postgres for a postgres:// --db, else bolt)")
	var lex []string
	if env := os.Getenv("PARLEY_LEXICON"); env != "" {
		lex = []string{env}
	}
	root.PersistentFlags().StringArrayVar(&opt.lexicon, "lexicon", lex, "directory of extra lexicon, rule and word files [$PARLEY_LEXICON]")
	// A CPU profile of any command, for performance work (see BENCHMARKS.md).
	var profile string
	var stopProfile func()
	root.PersistentFlags().StringVar(&profile, "cpuprofile", "", "write a CPU profile to this file")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if profile == "" {
			return nil
		}
		f, err := os.Create(profile)
		if err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return fmt.Errorf("cpu profile %s: %w", profile, err)
		}
		stopProfile = func() { pprof.StopCPUProfile(); f.Close() }
		return nil
	}
	var memProfile string
	root.PersistentFlags().StringVar(&memProfile, "memprofile", "", "write a heap profile to this file when the command ends")
	_ = root.PersistentFlags().MarkHidden("memprofile")
	root.PersistentPostRunE = func(*cobra.Command, []string) error {
		if stopProfile != nil {
			stopProfile()
		}
		if memProfile == "" {
			return nil
		}
		f, err := os.Create(memProfile)
		if err != nil {
			return fmt.Errorf("heap profile: %w", err)
		}
		defer f.Close()
		runtime.GC() // the profile shows what is still live
		if err := pprof.WriteHeapProfile(f); err != nil {
			return fmt.Errorf("heap profile %s: %w", memProfile, err)
		}
		return nil
	}
	root.AddCommand(
		newLoadCmd(opt),
		newQueryCmd(opt),
		newExportCmd(opt),
		newStatsCmd(opt),
		newReextractCmd(opt),
		newWhyCmd(opt),
		newLexiconCmd(opt),
		newEvalCmd(opt),
		newExtractCmd(opt),
		newServeCmd(opt),
		newSynthCmd(opt),
		newWatchCmd(opt),
		newCheckCmd(opt),
		newBenchCmd(opt),
		newMigrateCmd(),
	)
	return root
}
