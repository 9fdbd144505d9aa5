package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/parleygraph/parley/loaders/extract"
	"github.com/parleygraph/parley/loaders/ingest"
	"github.com/parleygraph/parley/loaders/source"
	"github.com/parleygraph/parley/store"
)

// loadFlags are the flags of load, watch and serve's reloads.
type loadFlags struct {
	maxSize      int64
	fetchTimeout time.Duration
	budget       time.Duration
	workers      int
	prune        bool
	asJSON       bool
}

func (f *loadFlags) register(cmd *cobra.Command) {
	cmd.Flags().Int64Var(&f.maxSize, "max-size", source.DefaultMaxSize, "largest file or response to read, in bytes")
	cmd.Flags().DurationVar(&f.fetchTimeout, "fetch-timeout", source.DefaultFetchTimeout, "longest to wait for a URL")
	cmd.Flags().DurationVar(&f.budget, "extract-budget", ingest.DefaultBudget, "longest one article's extraction may take; longer ones are reported and skipped")
	cmd.Flags().IntVar(&f.workers, "workers", 0, "articles extracted at once (default: one per CPU)")
	cmd.Flags().BoolVar(&f.prune, "prune", false, "remove articles whose source file disappeared (or left its file)")
	cmd.Flags().BoolVar(&f.asJSON, "json", false, "print the summary as JSON")
}

func newLoadCmd(opt *options) *cobra.Command {
	var f loadFlags
	cmd := &cobra.Command{
		Use:   "load SOURCE...",
		Short: "Load articles from files, directories (recursively), feeds and web pages",
		Long: `Load reads each source — .txt and .md (first line or heading = headline), .html (the
page's main text), .json (an article object or an array of them), .jsonl (one object a
line: headline/title, body/text, url, published, language, authors), RSS and Atom feeds
(.xml/.rss/.atom files or http(s) URLs) and web pages by URL — extracts its articles'
facts and writes them, one article per transaction. An unchanged article (same content
hash) is skipped; a changed one replaces its own facts. A bad source or article is
reported and the others load; the exit status is then 1.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			x, st, release, err := opt.openWriter(cmd.Context(), "load", false)
			if err != nil {
				return err
			}
			defer release()
			return loadReported(cmd, opt, st, x, args, f)
		},
	}
	f.register(cmd)
	return cmd
}

// loadReported runs a load for a command and makes its failures the exit status.
func loadReported(cmd *cobra.Command, opt *options, st *store.Store, x *extract.Extractor, sources []string, f loadFlags) error {
	res, err := runLoad(cmd.Context(), st, x, sources, f, cmd.OutOrStdout(), cmd.ErrOrStderr(), storeName(opt))
	if err != nil {
		return err
	}
	if res.Failed > 0 {
		return errQuiet{fmt.Sprintf("%d failed", res.Failed)}
	}
	return nil
}

// loadResult is what one load did, as load --json prints it.
type loadResult struct {
	Loaded      int     `json:"loaded"`
	Unchanged   int     `json:"unchanged"`
	Failed      int     `json:"failed"`
	Pruned      int     `json:"pruned"`
	QuadsBefore int64   `json:"quads_before"`
	QuadsAfter  int64   `json:"quads_after"`
	Seconds     float64 `json:"seconds"`
}

// reloader is the ingest.Reloader that load, watch and serve's reloads run.
func reloader(st *store.Store, x *extract.Extractor, f loadFlags) *ingest.Reloader {
	reader := &ingest.Reader{Extractor: x, Budget: f.budget, Options: source.Options{MaxSize: f.maxSize, FetchTimeout: f.fetchTimeout}}
	return &ingest.Reloader{Store: st, Reader: reader, Workers: f.workers, Prune: f.prune}
}

// runLoad loads sources into store and prints a summary (and a progress bar when
// stdout is a terminal).
func runLoad(ctx context.Context, st *store.Store, x *extract.Extractor, args []string, f loadFlags, stdout, stderr io.Writer, name string) (ingest.Result, error) {
	p := &loadPrinter{f: f, stdout: stdout, stderr: stderr, name: name}
	res, err := reloader(st, x, f).Run(ctx, args, p.hooks())
	return res, p.report(res, err)
}

// loadPrinter prints what loads do: failures as they happen, a progress bar when
// stdout is a terminal, and each load's summary.
type loadPrinter struct {
	f              loadFlags
	stdout, stderr io.Writer
	name           string // the store's
	bar            *progressbar.ProgressBar
}

func (p *loadPrinter) hooks() ingest.Hooks {
	return ingest.Hooks{
		Start: func(sources []string) {
			if out, ok := p.stdout.(*os.File); ok && term.IsTerminal(int(out.Fd())) && !p.f.asJSON && len(sources) > 1 {
				p.bar = progressbar.NewOptions(len(sources), progressbar.OptionSetWriter(os.Stderr), progressbar.OptionSetDescription("loading"),
					progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
			}
		},
		Read: func(string) {
			if bar := p.bar; bar != nil {
				bar.Add(1)
			}
		},
		Event: func(ev ingest.Event) {
			if ev.Outcome == ingest.Failed {
				if p.bar != nil {
					p.bar.Clear()
				}
				fmt.Fprintf(p.stderr, "parley: load %v\n", ev.Err)
			}
		},
	}
}

// report ends a load's progress bar and prints what it pruned and its summary, or
// returns its error.
func (p *loadPrinter) report(res ingest.Result, err error) error {
	if p.bar != nil {
		p.bar.Finish()
		p.bar = nil
	}
	for _, g := range res.Gone {
		fmt.Fprintf(p.stderr, "parley: pruned %s (its source is gone)\n", g.Source)
	}
	if err != nil {
		return err
	}
	if p.f.asJSON {
		return json.NewEncoder(p.stdout).Encode(loadResult{Loaded: res.Loaded, Unchanged: res.Unchanged, Failed: res.Failed,
			Pruned: res.Pruned, QuadsBefore: res.QuadsBefore, QuadsAfter: res.QuadsAfter, Seconds: res.Seconds})
	}
	pruned := ""
	if p.f.prune {
		pruned = fmt.Sprintf(", %d pruned", res.Pruned)
	}
	rate := ""
	if n := res.Loaded + res.Unchanged + res.Failed; n > 0 && res.Seconds > 0 {
		rate = fmt.Sprintf(", %.0f articles/s", float64(n)/res.Seconds)
	}
	fmt.Fprintf(p.stdout, "%d loaded, %d unchanged, %d failed%s; quads %+d, %d in %s (%.2fs%s)\n",
		res.Loaded, res.Unchanged, res.Failed, pruned, res.QuadsAfter-res.QuadsBefore, res.QuadsAfter, p.name, res.Seconds, rate)
	return nil
}
