package graph

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// mappedKB returns how much of the file at path is resident in this process's
// memory maps (Rss of its mappings in /proc/self/smaps), in KB.
func mappedKB(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no smaps: %v", err)
	}
	defer f.Close()
	total, in := 0, false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":"):
			in = len(fields) >= 6 && fields[len(fields)-1] == path
		case in && len(fields) >= 2 && fields[0] == "Rss:":
			kb, err := strconv.Atoi(fields[1])
			if err != nil {
				t.Fatal(err)
			}
			total += kb
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return total
}

// TestReleaseMapDropsResidentPages: after a read of the whole store its file is
// resident in bolt's map; releaseMap hands those pages back, and the store still
// reads the same afterwards.
func TestReleaseMapDropsResidentPages(t *testing.T) {
	s, path := openBoltStore(t)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(3, 9))
	var docs []Doc
	for i := range 400 {
		docs = append(docs, randomDoc(r, fmt.Sprintf("http://article/%d", i), 1))
	}
	_, errs := s.ReplaceArticles(ctx, docs)
	for i, err := range errs {
		if err != nil {
			t.Fatalf("write %s: %v", docs[i].IRI, err)
		}
	}
	before := all(t, s) // reads every quad through the map
	resident := mappedKB(t, path)
	if resident < 256 {
		t.Fatalf("store %s: only %d KB resident after a full read; the test needs a mapped store", path, resident)
	}
	if err := releaseMap(s.batch.KV.(*hbolt.DB).DB()); err != nil {
		t.Fatal(err)
	}
	if after := mappedKB(t, path); after > resident/4 {
		t.Errorf("resident map of %s: %d KB before release, %d KB after; want at most a quarter", path, resident, after)
	}
	again := all(t, s)
	if len(again) != len(before) {
		t.Fatalf("after release: %d quads, before: %d", len(again), len(before))
	}
	for q := range before {
		if !again[q] {
			t.Fatalf("after release, quad %v is gone", q)
		}
	}
}
