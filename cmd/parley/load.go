package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
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

// loadResult is what one load did.
type loadResult struct {
	Loaded      int     `json:"loaded"`
	Unchanged   int     `json:"unchanged"`
	Failed      int     `json:"failed"`
	Pruned      int     `json:"pruned"`
	QuadsBefore int64   `json:"quads_before"`
	QuadsAfter  int64   `json:"quads_after"`
	Seconds     float64 `json:"seconds"`
}

// runLoad loads sources into store and prints a summary (and a progress bar when
// stdout is a terminal).
func runLoad(ctx context.Context, st *store.Store, x *extract.Extractor, args []string, f loadFlags, stdout, stderr io.Writer, name string) (loadResult, error) {
	start := time.Now()
	var sources []string
	var files []string
	unread := 0 // sources that are missing or hold nothing to read
	for _, a := range args {
		if source.IsURL(a) {
			sources = append(sources, a)
			continue
		}
		found, err := source.Walk([]string{a})
		if err != nil {
			fmt.Fprintf(stderr, "parley: load %v\n", err)
			unread++
			continue
		}
		files = append(files, found...)
		sources = append(sources, found...)
	}
	before, err := st.Size(ctx)
	if err != nil {
		return loadResult{}, err
	}
	var bar *progressbar.ProgressBar
	if out, ok := stdout.(*os.File); ok && term.IsTerminal(int(out.Fd())) && !f.asJSON && len(sources) > 1 {
		bar = progressbar.NewOptions(len(sources), progressbar.OptionSetWriter(os.Stderr), progressbar.OptionSetDescription("loading"),
			progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
	}
	reader := &ingest.Reader{Extractor: x, Budget: f.budget, Options: source.Options{MaxSize: f.maxSize, FetchTimeout: f.fetchTimeout}}
	failedSources := map[string]bool{}
	sum := st.Load(ctx, sources, progress(reader, bar), f.workers, func(ev ingest.Event) {
		if ev.Outcome == ingest.Failed {
			if ev.IRI == "" {
				failedSources[ev.Name] = true
			}
			if bar != nil {
				bar.Clear()
			}
			fmt.Fprintf(stderr, "parley: load %v\n", ev.Err)
		}
	})
	if bar != nil {
		bar.Finish()
	}
	res := loadResult{Loaded: sum.Loaded, Unchanged: sum.Unchanged, Failed: sum.Failed + unread, QuadsBefore: before}
	if f.prune && ctx.Err() == nil {
		gone, err := pruneGone(ctx, st, args, files, failedSources, sum.Seen)
		if err != nil {
			return res, err
		}
		res.Pruned = len(gone)
		for _, g := range gone {
			fmt.Fprintf(stderr, "parley: pruned %s (its source is gone)\n", g.Source)
		}
	}
	if res.QuadsAfter, err = st.Size(ctx); err != nil {
		return res, err
	}
	res.Seconds = time.Since(start).Seconds()
	if f.asJSON {
		return res, json.NewEncoder(stdout).Encode(res)
	}
	pruned := ""
	if f.prune {
		pruned = fmt.Sprintf(", %d pruned", res.Pruned)
	}
	rate := ""
	if n := res.Loaded + res.Unchanged + res.Failed; n > 0 && res.Seconds > 0 {
		rate = fmt.Sprintf(", %.0f articles/s", float64(n)/res.Seconds)
	}
	fmt.Fprintf(stdout, "%d loaded, %d unchanged, %d failed%s; quads %+d, %d in %s (%.2fs%s)\n",
		res.Loaded, res.Unchanged, res.Failed, pruned, res.QuadsAfter-res.QuadsBefore, res.QuadsAfter, name, res.Seconds, rate)
	return res, nil
}

// pruneGone removes the articles whose source lies under one of the loaded paths
// but that this load did not see: their file was deleted, or they left a file that
// was read. Articles of a file that failed to read are kept: a bad read loses nothing.
func pruneGone(ctx context.Context, st *store.Store, args, files []string, failed map[string]bool, seen []quad.IRI) ([]ingest.ArticleSource, error) {
	keep := map[quad.IRI]bool{}
	for _, iri := range seen {
		keep[iri] = true
	}
	read := map[string]bool{}
	for _, f := range files {
		if abs, err := filepath.Abs(f); err == nil && !failed[f] {
			read[abs] = true
		}
	}
	var roots []string
	for _, a := range args {
		if source.IsURL(a) {
			continue // feeds roll: an item that left a feed is still news that was read
		}
		if abs, err := filepath.Abs(a); err == nil {
			roots = append(roots, abs)
		}
	}
	within := func(src string) bool {
		path, _, _ := strings.Cut(src, "#")
		under := false
		for _, r := range roots {
			under = under || path == r || strings.HasPrefix(path, r+string(filepath.Separator))
		}
		if !under {
			return false
		}
		if _, err := os.Stat(path); err != nil {
			return true // the file is gone
		}
		return read[path] // the file was read and no longer holds the article
	}
	return st.Prune(ctx, keep, within)
}

// progress advances bar once per source read.
func progress(r ingest.ArticleReader, bar *progressbar.ProgressBar) ingest.ArticleReader {
	if bar == nil {
		return r
	}
	return progressReader{r, bar}
}

type progressReader struct {
	ingest.ArticleReader
	bar *progressbar.ProgressBar
}

func (p progressReader) Read(ctx context.Context, src string, add ingest.AddFunc) error {
	defer p.bar.Add(1)
	return p.ArticleReader.Read(ctx, src, add)
}
