package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/spf13/cobra"

	"github.com/parleygraph/parley/loaders/ingest"
	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/synth"
	"github.com/parleygraph/parley/queries"
	"github.com/parleygraph/parley/store"
)

// naiveMediators is the baseline for the saved mediators query: every
// mediator–party pair by a plain two-hop Gizmo walk from every negotiation.
const naiveMediators = `var NS = "https://parleygraph.org/ns#";
g.V().has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<" + NS + "Negotiation>").tag("negotiation")
 .out("<" + NS + "mediator>").tag("mediator").back("negotiation")
 .out("<" + NS + "party>").tag("party").all()`

func newBenchCmd(opt *options) *cobra.Command {
	var (
		sizes string
		runs  int
		keep  string
	)
	cmd := &cobra.Command{
		Use:   "bench [--sizes 1000,10000,50000]",
		Short: "Measure load, reload and saved queries on synthetic corpora against Cayley's own floor",
		Long: `Bench generates synthetic Arabic and English articles (parley synth) at each size
and measures, on a fresh bolt store each time:

  - parley load end to end (read, extract, write), in a child process: articles/s,
    quads/s, peak RSS; and Cayley's own bulk load of the same quads (parley's export
    as N-Quads, written with Cayley's batch writer, 10,000 quads a batch) as the floor;
  - a reload of the unchanged corpus, and of single articles, unchanged and edited;
  - each saved query, cold and warm (p50 and p99 of --runs), with a naive two-hop
    Gizmo walk as the baseline for "mediators";
  - how long a parley command takes to answer on the store, process start included.

It prints a Markdown report (see BENCHMARKS.md).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var ns []int
			for _, f := range strings.Split(sizes, ",") {
				n, err := strconv.Atoi(strings.TrimSpace(f))
				if err != nil || n <= 0 {
					return fmt.Errorf("--sizes: %q is not a positive number", f)
				}
				ns = append(ns, n)
			}
			dir := keep
			if dir == "" {
				tmp, err := os.MkdirTemp("", "parley-bench-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(tmp)
				dir = tmp
			}
			b := &bench{opt: opt, out: cmd.OutOrStdout(), runs: runs}
			fmt.Fprintf(b.out, "# parley bench, %s, %s/%s, %d CPUs, %s\n", time.Now().UTC().Format("2006-01-02 15:04 MST"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
			for _, n := range ns {
				if err := b.size(cmd.Context(), filepath.Join(dir, strconv.Itoa(n)), n); err != nil {
					return fmt.Errorf("bench %d articles: %w", n, err)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&sizes, "sizes", "1000,10000", "corpus sizes, comma-separated")
	cmd.Flags().IntVar(&runs, "runs", 10, "warm runs per query")
	cmd.Flags().StringVar(&keep, "keep", "", "keep corpora and stores in this directory")
	return cmd
}

type bench struct {
	opt  *options
	out  io.Writer
	runs int
}

func (b *bench) size(ctx context.Context, dir string, n int) error {
	corpus, db, floorDB, nq := filepath.Join(dir, "articles"), filepath.Join(dir, "parley.db"), filepath.Join(dir, "cayley.db"), filepath.Join(dir, "graph.nq")
	for _, p := range []string{db, floorDB, nq} {
		os.Remove(p)
	}
	lx, err := lexicon.Load(b.opt.lexicon...)
	if err != nil {
		return err
	}
	gen, err := synth.New(lx)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(corpus, 0o755); err != nil {
		return err
	}
	articles := gen.Generate(n, 1)
	for _, a := range articles {
		if err := os.WriteFile(filepath.Join(corpus, a.Name), []byte(a.Text), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(b.out, "\n## %d articles\n\n", n)

	// parley load, end to end, as a user runs it.
	load, err := b.child("--db", db, "load", "--json", corpus)
	if err != nil {
		return err
	}
	quads, err := b.export(ctx, db, nq)
	if err != nil {
		return err
	}
	floor, err := cayleyBulkLoad(floorDB, nq)
	if err != nil {
		return err
	}
	reload, err := b.child("--db", db, "load", "--json", corpus)
	if err != nil {
		return err
	}
	info, _ := os.Stat(db)
	fmt.Fprintf(b.out, "| load | articles/s | quads/s | time | peak RSS (anonymous) |\n|---|---:|---:|---:|---:|\n")
	fmt.Fprintf(b.out, "| parley load (read, extract, write) | %.0f | %.0f | %.1f s | %d MB (%d MB) |\n", float64(n)/load.wall.Seconds(), float64(quads)/load.wall.Seconds(), load.wall.Seconds(), load.rssMB, load.anonMB)
	fmt.Fprintf(b.out, "| Cayley bulk load of the same %d quads (floor) | %.0f | %.0f | %.1f s | |\n", quads, float64(n)/floor.Seconds(), float64(quads)/floor.Seconds(), floor.Seconds())
	fmt.Fprintf(b.out, "| reload, all unchanged | %.0f | | %.2f s | %d MB (%d MB) |\n", float64(n)/reload.wall.Seconds(), reload.wall.Seconds(), reload.rssMB, reload.anonMB)
	fmt.Fprintf(b.out, "\nparley load runs at **%.2f×** Cayley's bulk load of the same quads (store: %d MB, %.0f quads per article).\n\n",
		floor.Seconds()/load.wall.Seconds(), info.Size()>>20, float64(quads)/float64(n))

	if err := b.singleReloads(ctx, db, corpus); err != nil {
		return err
	}
	if err := b.queries(ctx, db); err != nil {
		return err
	}
	// A command's time to first answer, store open and process start included.
	first, err := b.child("--db", db, "query", "actor", "--param", "name=Qatar", "--format", "json")
	if err != nil {
		return err
	}
	fmt.Fprintf(b.out, "\n`parley query actor --param name=Qatar` answers in %.0f ms, process start and store open included.\n", ms(first.wall))
	return nil
}

type childRun struct {
	wall   time.Duration
	rssMB  int64 // peak resident set, the store's mapped pages included
	anonMB int64 // peak anonymous memory (heap and stacks), sampled every 50 ms
}

// child runs this parley binary with args and measures its wall time and peak RSS.
func (b *bench) child(args ...string) (childRun, error) {
	exe, err := os.Executable()
	if err != nil {
		return childRun{}, err
	}
	for _, l := range b.opt.lexicon {
		args = append([]string{"--lexicon", l}, args...)
	}
	c := exec.Command(exe, args...)
	c.Stdout, c.Stderr = io.Discard, os.Stderr
	start := time.Now()
	if err := c.Start(); err != nil {
		return childRun{}, fmt.Errorf("parley %s: %w", strings.Join(args, " "), err)
	}
	done := make(chan struct{})
	anon := make(chan int64, 1)
	go func() { anon <- peakAnon(c.Process.Pid, done) }()
	err = c.Wait()
	close(done)
	if err != nil {
		return childRun{}, fmt.Errorf("parley %s: %w", strings.Join(args, " "), err)
	}
	r := childRun{wall: time.Since(start), anonMB: <-anon >> 10}
	if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rssMB = ru.Maxrss >> 10 // KB on Linux
	}
	return r, nil
}

// peakAnon samples a process's anonymous resident memory (RssAnon, in KB) until
// done is closed, and returns the largest sample; 0 where /proc is not there.
func peakAnon(pid int, done <-chan struct{}) int64 {
	var peak int64
	path := fmt.Sprintf("/proc/%d/status", pid)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		if data, err := os.ReadFile(path); err == nil {
			for _, line := range strings.Split(string(data), "\n") {
				if f := strings.Fields(line); len(f) >= 2 && f[0] == "RssAnon:" {
					if kb, err := strconv.ParseInt(f[1], 10, 64); err == nil && kb > peak {
						peak = kb
					}
				}
			}
		}
		select {
		case <-done:
			return peak
		case <-tick.C:
		}
	}
}

// export writes the store as N-Quads (labels included) and returns the count.
func (b *bench) export(ctx context.Context, db, path string) (int, error) {
	s, err := store.Open(store.Options{Path: db, ReadOnly: true})
	if err != nil {
		return 0, err
	}
	defer s.Close()
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriter(f)
	qw := nquads.NewWriter(w)
	n, err := s.Export(ctx, qw)
	if err == nil {
		err = qw.Close()
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// cayleyBulkLoad loads N-Quads into a fresh store the way `cayley load` does:
// Cayley's batch writer, quad.DefaultBatch quads per ApplyDeltas, duplicates
// ignored. The store has parley's options (no bloom filter, a {Label} index), so
// the two differ only in how the quads reach it.
func cayleyBulkLoad(db, nq string) (time.Duration, error) {
	s, err := store.Open(store.Options{Path: db, Create: true})
	if err != nil {
		return 0, err
	}
	defer s.Close()
	f, err := os.Open(nq)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	start := time.Now()
	qw, err := writer.NewSingle(s.QS, graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
	if err != nil {
		return 0, err
	}
	bw := graph.NewWriter(qw)
	if _, err := quad.CopyBatch(bw, nquads.NewReader(bufio.NewReader(f), false), quad.DefaultBatch); err != nil {
		return 0, fmt.Errorf("cayley bulk load: %w", err)
	}
	if err := bw.Close(); err != nil {
		return 0, err
	}
	return time.Since(start), nil
}

// singleReloads times loading one article into the full store: unchanged (the
// hash check) and edited (a sentence added: its facts replaced).
func (b *bench) singleReloads(ctx context.Context, db, corpus string) error {
	files, err := filepath.Glob(filepath.Join(corpus, "*"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no articles in %s: %v", corpus, err)
	}
	s, err := store.Open(store.Options{Path: db})
	if err != nil {
		return err
	}
	defer s.Close()
	x, err := b.opt.extractor()
	if err != nil {
		return err
	}
	r := &ingest.Reader{Extractor: x}
	const k = 20
	var unchanged, edited []time.Duration
	for i := 0; i < k; i++ {
		f := files[(i*7919)%len(files)]
		start := time.Now()
		if sum := s.Load(ctx, []string{f}, r, 1, nil); sum.Unchanged != 1 {
			return fmt.Errorf("%s: want unchanged, got %+v", f, sum)
		}
		unchanged = append(unchanged, time.Since(start))
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		data = append(data, []byte("\n\nOfficials said the talks would resume after consultations.\n")...)
		if err := os.WriteFile(f, data, 0o644); err != nil {
			return err
		}
		start = time.Now()
		if sum := s.Load(ctx, []string{f}, r, 1, nil); sum.Loaded != 1 {
			return fmt.Errorf("%s: want loaded, got %+v", f, sum)
		}
		edited = append(edited, time.Since(start))
	}
	fmt.Fprintf(b.out, "| one article into the full store (%d samples) | p50 | p99 |\n|---|---:|---:|\n", k)
	fmt.Fprintf(b.out, "| unchanged (hash check) | %.2f ms | %.2f ms |\n", ms(pct(unchanged, 50)), ms(pct(unchanged, 99)))
	fmt.Fprintf(b.out, "| edited (read, extract, replace its facts) | %.1f ms | %.1f ms |\n\n", ms(pct(edited, 50)), ms(pct(edited, 99)))
	return nil
}

// queries times every saved query, cold then warm, and the naive baseline.
func (b *bench) queries(ctx context.Context, db string) error {
	s, err := store.Open(store.Options{Path: db, ReadOnly: true})
	if err != nil {
		return err
	}
	defer s.Close()
	all, err := queries.All()
	if err != nil {
		return err
	}
	opt := store.QueryOptions{Timeout: 10 * time.Minute, Limit: 100_000_000}
	fmt.Fprintf(b.out, "| query | rows | cold | warm p50 | warm p99 |\n|---|---:|---:|---:|---:|\n")
	var mediators time.Duration
	for _, q := range all {
		params := map[string]string{}
		for _, p := range q.Params {
			if p.Name == "name" { // actor: everything about one actor
				params[p.Name] = "Qatar"
			}
		}
		run := func() (int, time.Duration, error) {
			start := time.Now()
			rows, err := queries.Run(ctx, s, q, params, opt)
			return len(rows), time.Since(start), err
		}
		rows, cold, times, err := b.repeat(run)
		if err != nil {
			return fmt.Errorf("query %s: %w", q.Name, err)
		}
		if q.Name == "mediators" {
			mediators = pct(times, 50)
		}
		fmt.Fprintf(b.out, "| %s%s | %d | %.1f ms | %.1f ms | %.1f ms |\n", q.Name, paramNote(params), rows, ms(cold), ms(pct(times, 50)), ms(pct(times, 99)))
	}
	naive := func() (int, time.Duration, error) {
		start := time.Now()
		rows, err := s.Gizmo(ctx, naiveMediators, opt)
		return len(rows), time.Since(start), err
	}
	rows, cold, times, err := b.repeat(naive)
	if err != nil {
		return fmt.Errorf("naive query: %w", err)
	}
	fmt.Fprintf(b.out, "| naive two-hop mediator–party walk (baseline) | %d | %.1f ms | %.1f ms | %.1f ms |\n", rows, ms(cold), ms(pct(times, 50)), ms(pct(times, 99)))
	if mediators > 0 {
		fmt.Fprintf(b.out, "\nThe saved `mediators` query is **%.1f×** faster than the naive walk (warm p50).\n", pct(times, 50).Seconds()/mediators.Seconds())
	}
	return nil
}

func (b *bench) repeat(run func() (int, time.Duration, error)) (rows int, cold time.Duration, warm []time.Duration, err error) {
	if rows, cold, err = run(); err != nil {
		return
	}
	for i := 0; i < b.runs; i++ {
		_, d, err := run()
		if err != nil {
			return rows, cold, warm, err
		}
		warm = append(warm, d)
	}
	return
}

func paramNote(p map[string]string) string {
	if len(p) == 0 {
		return ""
	}
	var parts []string
	for k, v := range p {
		parts = append(parts, k+"="+v)
	}
	slices.Sort(parts)
	return " (" + strings.Join(parts, ", ") + ")"
}

// pct returns the p-th percentile (nearest rank) of ds.
func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (p*len(s)+99)/100 - 1
	return s[max(0, min(i, len(s)-1))]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
