package report_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck/crosscheck/claims/ingest"
	"github.com/crosscheck/crosscheck/compare/internal/corpusgen"
	"github.com/crosscheck/crosscheck/compare/pipeline"
	"github.com/crosscheck/crosscheck/compare/report"
	"github.com/crosscheck/crosscheck/compare/report/browsertest"
)

// TestLargeHTMLInBrowser renders the report of a generated 10,000-article
// corpus (the same as `corpusgen -n 10000 -lang mix`) and opens it in
// headless Chromium: the page must become interactive — its script run,
// the first page of findings shown — and paging, the evidence and the
// story filter must work at that size. How long that takes is logged, not
// asserted (a shared machine's load would make a time limit fail at
// random; the figure goes in the notes): 1.2–1.9 s to interactive on
// the project machine. (The page used to be 10.8 MB and take 87 s to
// render.)
func TestLargeHTMLInBrowser(t *testing.T) {
	browsertest.SkipUnlessAvailable(t) // before the work only a browser needs
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	require.NoError(t, corpusgen.Generate(1, 10000, corpusgen.Mixed).WriteDir(corpus))
	docs, err := ingest.Read([]string{corpus}, ingest.Options{})
	require.NoError(t, err)
	res, err := pipeline.Run(docs, pipeline.Options{})
	require.NoError(t, err)
	texts := map[string]string{}
	for _, d := range res.Documents {
		texts[d.ID] = d.Text
	}
	opt := report.RenderOptions{Snippets: report.SnippetsFor(texts, res.Report, 160)}
	var page bytes.Buffer
	require.NoError(t, report.Render(&page, res.Report, "html", opt))
	file := filepath.Join(dir, "report.html")
	require.NoError(t, os.WriteFile(file, page.Bytes(), 0o644))
	t.Logf("%d documents, %d findings: page %.1f MB", len(res.Report.Documents), len(res.Report.Discrepancies), float64(page.Len())/1e6)

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	bctx := browsertest.Start(t, ctx, dir)
	require.NoError(t, chromedp.Do(bctx, chromedp.Navigate("about:blank"))) // the browser is up before timing starts

	start := time.Now()
	require.NoError(t, chromedp.Do(bctx, chromedp.Navigate("file://"+file)))
	_, err = chromedp.Run(bctx, chromedp.Poll[bool](`window.crosscheckReady === true`, chromedp.WithPollingInterval(10*time.Millisecond)))
	require.NoError(t, err)
	// A layout of what is shown, as a reader's first look forces one.
	rows, err := chromedp.Run(bctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll("#findings tbody.finding")).filter(function (b) { return b.getBoundingClientRect().height > 0; }).length`))
	require.NoError(t, err)
	interactive := time.Since(start)
	t.Logf("interactive after %v (navigation to first page laid out)", interactive.Round(time.Millisecond))
	assert.Equal(t, 50, rows, "the first page of findings is shown")

	eval := func(js string) any {
		t.Helper()
		v, err := chromedp.Run(bctx, chromedp.Evaluate[any](js))
		require.NoError(t, err, js)
		return v
	}
	assert.Contains(t, eval(`document.querySelector("#discrepancies nav.pager .info").textContent`), "1–50 of ")

	// Paging, then the evidence of a finding on page 2.
	step := time.Now()
	require.NoError(t, chromedp.Do(bctx, chromedp.Click(chromedp.CSS(`#discrepancies nav.pager button.next`))))
	assert.Contains(t, eval(`document.querySelector("#discrepancies nav.pager .info").textContent`), "51–100 of ")
	id := eval(`Array.from(document.querySelectorAll("#findings tbody.finding")).filter(function (b) { return !b.hidden; })[0].id`).(string)
	require.NoError(t, chromedp.Do(bctx, chromedp.Click(chromedp.CSS(`[id="`+id+`"] details > summary`))))
	assert.Equal(t, true, eval(`document.getElementById("`+id+`").querySelectorAll("details mark").length > 0`), "evidence built on expand")

	// The story filter narrows the findings to one story and opens it.
	story := eval(`document.getElementById("` + id + `").getAttribute("data-story")`).(string)
	require.NoError(t, chromedp.Do(bctx, chromedp.SetValue(chromedp.CSS(`#story-filter`), story)))
	eval(`document.getElementById("story-filter").dispatchEvent(new Event("change")); true`)
	assert.Equal(t, true, eval(`Array.from(document.querySelectorAll("#findings tbody.finding")).filter(function (b) { return !b.hidden; }).every(function (b) { return b.getAttribute("data-story") === "`+story+`"; })`))
	assert.Equal(t, true, eval(`document.querySelector('details.story[data-story="`+story+`"]').open`))
	assert.Equal(t, true, eval(`document.querySelectorAll('details.story[data-story="`+story+`"] .tl-row, details.story[data-story="`+story+`"] .attribute').length > 0`))
	t.Logf("paging, evidence and story filter took %v", time.Since(step).Round(time.Millisecond))
}
