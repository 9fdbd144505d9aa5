package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/parleygraph/parley/server"
)

// chromium finds the browser: $PARLEY_CHROMIUM, else Debian's chromium. CI sets
// PARLEY_REQUIRE_BROWSER=1 so a missing browser fails the test instead of skipping it.
func chromium(t *testing.T) string {
	for _, p := range []string{os.Getenv("PARLEY_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p != "" {
			if _, err := exec.LookPath(p); err == nil {
				return p
			}
		}
	}
	if os.Getenv("PARLEY_REQUIRE_BROWSER") != "" {
		t.Fatal("no Chromium: install Debian's chromium or set PARLEY_CHROMIUM")
	}
	t.Skip("no Chromium (install Debian's chromium, or set PARLEY_CHROMIUM)")
	return ""
}

// TestWebUI drives the Cayley web UI in a real headless Chromium against a real
// server: a Gizmo query run from the Query page shows its result, a tagged query
// on the Visualize page draws a graph labelled by display names, Query Shape shows
// the server's error, and the Write page shows what the server answers a write
// (read-only, not a note, written). Screenshots go to the test's artifact
// directory (go test -artifacts -outputdir DIR keeps them).
func TestWebUI(t *testing.T) {
	bin := chromium(t)
	base := startServer(t, server.Config{})
	shots := t.ArtifactDir()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	// js runs a script in the page for its effect.
	js := func(expr string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[any](expr)(ctx, tg)
			return err
		})
	}
	// until waits for a condition in the page.
	until := func(cond string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
			defer cancel()
			_, err := chromedp.Poll[bool](cond, chromedp.WithPollingInterval(100*time.Millisecond))(ctx, tg)
			if err != nil {
				return fmt.Errorf("waiting for %s: %w", cond, err)
			}
			return nil
		})
	}
	setQuery := func(text string) chromedp.Action[chromedp.Void] {
		v, _ := json.Marshal(map[string]string{"text": text, "language": "gizmo"})
		return js(`localStorage.setItem("LAST_QUERY", ` + strconvQuote(string(v)) + `)`)
	}
	clickTab := func(label string) chromedp.Action[chromedp.Void] {
		return js(`[...document.querySelectorAll("button, .mdc-tab, .mdc-list-item, a")].find(e => e.textContent.trim() === ` + strconvQuote(label) + `).click()`)
	}
	clickRun := js(`[...document.querySelectorAll("button")].find(b => b.textContent.includes("Run")).click()`)
	editorReady := until(`!!document.querySelector(".QueryEditor .monaco-editor .view-lines")`)
	// writeShows writes quads from the Write page and waits for what the server
	// answers them (asked directly first, with the same code): its error, or its
	// result on success, shown in view. The page is the one of base.
	writeShows := func(base, quads string, code int, shot string) error {
		resp, err := http.Post(base+"/api/v2/write", "text/plain", strings.NewReader(quads))
		if err != nil {
			return err
		}
		var answer struct{ Error, Result string }
		err = json.NewDecoder(resp.Body).Decode(&answer)
		resp.Body.Close()
		want, role := answer.Error, "alert"
		if code == http.StatusOK {
			want, role = answer.Result, "status"
		}
		if err != nil || resp.StatusCode != code || want == "" {
			return fmt.Errorf("the server answered %d %+v (%v), not %d", resp.StatusCode, answer, err, code)
		}
		return chromedp.Do(ctx,
			clickTab("Write"),
			until(`!!window.monaco && !!document.querySelector("main .monaco-editor .view-lines")`),
			js(`monaco.editor.getModels().forEach(m => m.setValue(`+strconvQuote(quads)+`))`),
			clickRun,
			until(`(e => !!e && e.innerText.includes(`+strconvQuote(want)+`) && (r => r.height > 0 && r.top >= 0 && r.bottom <= innerHeight)(e.getBoundingClientRect()))`+
				`(document.querySelector(".parley-write-message[role=`+role+`]"))`),
			fullScreenshot(filepath.Join(shots, shot)),
		)
	}

	const note = `<https://parleygraph.org/id/actor/qatar> <http://www.w3.org/2000/01/rdf-schema#comment> "check the Doha venue" <https://parleygraph.org/note/analyst-1> .` + "\n"
	query := `g.V("<https://parleygraph.org/id/actor/qatar>").out("<https://parleygraph.org/ns#displayName>").all()`
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		setQuery(query),
		chromedp.Reload(),
		editorReady,
		clickRun,
		until(`document.body.innerText.includes('"Qatar"')`),
		fullScreenshot(filepath.Join(shots, "query.png")),
	)
	if err != nil {
		t.Fatalf("query page: %v", err)
	}
	resultText, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(resultText, `"Qatar"`) {
		t.Fatalf("the results pane does not show the query's answer:\n%s", resultText)
	}

	// Visualize: a query tagging source and target draws nodes and links.
	// visualize runs the editor's query on the Visualize page, waits for more than
	// nodes and links to be drawn and the layout to settle, and takes a picture.
	visualize := func(nodes, links int, shot string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			return chromedp.Do(ctx,
				editorReady,
				clickTab("Visualize"),
				editorReady,
				clickRun,
				until(fmt.Sprintf(`document.querySelectorAll("svg circle").length > %d && document.querySelectorAll("svg line").length > %d`, nodes, links)),
				chromedp.Sleep(2*time.Second), // let the force layout settle for the picture
				fullScreenshot(filepath.Join(shots, shot)),
			)
		})
	}
	tagged := `g.V("<https://parleygraph.org/id/actor/qatar>").tag("target").in("<https://parleygraph.org/ns#mediator>").tag("source").all()`
	err = chromedp.Do(ctx,
		setQuery(tagged),
		chromedp.Reload(),
		visualize(1, 0, "visualize.png"),
	)
	if err != nil {
		t.Fatalf("visualize page: %v", err)
	}
	circles, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg circle").length`))
	lines, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg line").length`))
	if circles < 2 || lines < 1 {
		t.Fatalf("visualize drew %d nodes and %d links", circles, lines)
	}
	// Nodes are labelled by display name (or the IRI's last segment), not by IRIs.
	labels, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("svg circle")].map(c => c.parentNode.querySelector("text").textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(labels, "Qatar") {
		t.Fatalf("no node labelled Qatar: %q", labels)
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "<https://") {
			t.Fatalf("a node labelled %q: %q", l, labels)
		}
	}

	// The mediation network, from the saved queries' page the UI's navigation
	// offers: Open puts the query in the editor, and Visualize draws the network of
	// the whole sample store.
	err = chromedp.Do(ctx,
		clickTab("Saved queries"),
		chromedp.Sleep(time.Second), // the UI opens the page
		until(`!!document.querySelector("button[data-example]")`),
		js(`[...document.querySelectorAll("li")].find(l => l.querySelector("b").textContent === "visual_network").querySelector("button").click()`),
		chromedp.Sleep(time.Second), // the page opens the UI
		visualize(20, 20, "network.png"),
	)
	if err != nil {
		t.Fatalf("the network from the saved queries' page: %v", err)
	}
	netLabels, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("svg circle")].map(c => c.parentNode.querySelector("text").textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Qatar", "Hamas", "Doha"} {
		if !slices.Contains(netLabels, want) {
			t.Fatalf("the network has no node %s: %q", want, netLabels)
		}
	}

	// Query Shape: the server's error shows in the pane the shape would fill.
	_, body := post(t, base+"/api/v1/shape/gizmo", tagged)
	var shapeErr struct{ Error string }
	if err := json.Unmarshal(body, &shapeErr); err != nil || shapeErr.Error == "" {
		t.Fatalf("shape answered %s", body)
	}
	err = chromedp.Do(ctx,
		clickTab("Query Shape"),
		editorReady,
		clickRun,
		until(`[...document.querySelectorAll("main .monaco-editor")].some(e => !e.closest(".QueryEditor") && e.innerText.replace(/\u00a0/g, " ").includes(`+strconvQuote(shapeErr.Error)+`))`),
		fullScreenshot(filepath.Join(shots, "shape.png")),
	)
	if err != nil {
		t.Fatalf("query shape page: %v", err)
	}

	// Write on a read-only server: the refusal is shown, in view.
	if err := writeShows(base, note, http.StatusForbidden, "write.png"); err != nil {
		t.Fatalf("write page, read-only: %v", err)
	}
	// Every resource the page loaded came from the server's own origin.
	resources, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`performance.getEntriesByType("resource").map(e => e.name)`))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range resources {
		if !strings.HasPrefix(r, base) && !strings.HasPrefix(r, "data:") && !strings.HasPrefix(r, "blob:") {
			t.Fatalf("the UI loaded %s from outside its origin", r)
		}
	}
	// Write with --allow-writes (on a copy of the store): a quad that is no analyst's
	// note is refused, shown the same way; a note is written, and the page says so.
	writable, _ := startWritable(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(writable+"/")); err != nil {
		t.Fatal(err)
	}
	if err := writeShows(writable, "<http://a> <http://b> <http://c> .\n", http.StatusUnprocessableEntity, "write-not-note.png"); err != nil {
		t.Fatalf("write page, not a note: %v", err)
	}
	if err := writeShows(writable, strings.Replace(note, "analyst-1", "analyst-2", 1), http.StatusOK, "write-note.png"); err != nil {
		t.Fatalf("write page, a note: %v", err)
	}
	t.Logf("query page answered; visualize drew %d nodes and %d links; %d resources, all local; screenshots in %s",
		circles, lines, len(resources), shots)
}

func fullScreenshot(path string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		buf, err := chromedp.FullScreenshot(100)(ctx, tg) // quality 100: PNG
		if err != nil {
			return err
		}
		return os.WriteFile(path, buf, 0o644)
	})
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
