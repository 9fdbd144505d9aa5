// Command parley builds a Cayley graph of who takes part in negotiations from
// Arabic and English news, and answers saved Gizmo queries over it.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/parleygraph/parley/queries"
	"github.com/parleygraph/parley/store"
	_ "github.com/parleygraph/parley/store/all" // every backend, registered by name
)

func main() {
	os.Exit(execute(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// execute runs one command line and returns the exit status. A command that finds
// the bolt store held by another parley process runs in that process instead (see
// holder.go).
func execute(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRoot()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	c, err := root.ExecuteContextC(ctx)
	var busy *storeBusy
	if errors.As(err, &busy) {
		code, ferr := forward(ctx, busy.sock, forwardArgs(root, c, c.Flags().Args()), stdout, stderr)
		if ferr == nil {
			return code
		}
		err = fmt.Errorf("%w (and its holder did not answer on %s: %v)", err, busy.sock, ferr)
	}
	return exitStatus(err, stderr)
}

// exitStatus reports err on stderr (unless the command already did) and returns
// the process's exit status.
func exitStatus(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var quiet errQuiet
	if !errors.As(err, &quiet) {
		fmt.Fprintln(stderr, "parley:", err)
	}
	if errors.Is(err, queries.ErrBadParams) || errors.Is(err, queries.ErrUnknownQuery) {
		return 2 // the command line asked for something that is not there
	}
	return 1
}

// errQuiet is returned by commands that already reported their problems.
type errQuiet struct{ msg string }

func (e errQuiet) Error() string { return e.msg }

// options are the global flags.
type options struct {
	db      string
	backend string
	lexicon []string
	wait    time.Duration // for another process's lock on the store
	// held is the store this process holds, when it runs a command for another
	// process (see holder.go): openStore lends it.
	held *store.Store
}

func newRoot() *cobra.Command { return newRootWith(&options{}) }

func newRootWith(opt *options) *cobra.Command {
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
	root.PersistentFlags().StringVar(&opt.backend, "backend", "", "store backend: "+strings.Join(store.Names(), ", ")+" (default: the one --db names: postgres for a postgres:// URL, else "+store.BackendFor("")+")")
	var lex []string
	if env := os.Getenv("PARLEY_LEXICON"); env != "" {
		lex = []string{env}
	}
	root.PersistentFlags().StringArrayVar(&opt.lexicon, "lexicon", lex, "directory of extra lexicon, rule and word files [$PARLEY_LEXICON]")
	root.PersistentFlags().DurationVar(&opt.wait, "wait", 30*time.Second, "longest to wait for a bolt store that another process holds and that answers no commands")
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
