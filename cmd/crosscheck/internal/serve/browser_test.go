package serve

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck/crosscheck/compare/report/browsertest"
	"github.com/crosscheck/crosscheck/compare/review"
)

var screenshot = flag.Bool("screenshot", false, "rewrite testdata/desk.png, the README's picture of the desk")

// TestDeskInBrowser opens the desk in headless Chromium, dismisses one
// finding with the mouse and confirms another with the keyboard, filters,
// re-runs, and checks the review file and the page after each step.
//
// It skips when no browser is installed (apt-get install -y chromium).
// With -screenshot it rewrites testdata/desk.png.
func TestDeskInBrowser(t *testing.T) {
	browsertest.SkipUnlessAvailable(t) // before the work only a browser needs
	payload := "December 31, 2024\nA note <script>window.__pwned = 1</script> and \"><img src=x onerror=\"window.__pwned = 2\"> on 9 March 2025.\n"
	shot, err := filepath.Abs(filepath.Join("testdata", "desk.png"))
	require.NoError(t, err)
	// Run from the folder that holds the articles and the review file, as
	// an editor would (the page then names the review file as given).
	d := newDesk(t, map[string]string{"005-note.txt": payload}, func(o *Options) {
		t.Chdir(filepath.Dir(o.ReviewPath))
		o.ReviewPath = review.DefaultPath
		o.Paths = []string{"articles"}
		o.Author = "Example Fact Desk"
	})

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	dir := t.TempDir()
	bctx := browsertest.Start(t, ctx, dir, chromedp.WindowSize(1280, 860))

	// Before any page script runs, trap alert() and record CSP violations.
	trap := func(ctx context.Context, tgt *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tgt, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `window.alert = function (m) { (window.__alerted = window.__alerted || []).push(String(m)); };
document.addEventListener("securitypolicyviolation", function (e) {
  (window.__csp = window.__csp || []).push(e.violatedDirective + " " + e.blockedURI);
});`,
		})
		return chromedp.Void{}, err
	}
	require.NoError(t, chromedp.Do(bctx, trap, chromedp.Navigate(d.ts.URL+"/")))

	eval := func(js string) any {
		t.Helper()
		v, err := chromedp.Run(bctx, chromedp.Evaluate[any](js))
		require.NoError(t, err, js)
		return v
	}
	// waitFor polls a JavaScript condition until it holds.
	waitFor := func(js, what string) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for time.Now().Before(deadline) {
			if v, err := chromedp.Run(bctx, chromedp.Evaluate[any](js)); err == nil && v == true {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("timed out waiting for %s (%s)", what, js)
	}
	status := func(id string) any {
		t.Helper()
		return eval(`document.getElementById("` + id + `").getAttribute("data-status")`)
	}
	visibleIDs := func() []any {
		t.Helper()
		return eval(`Array.from(document.querySelectorAll("#findings tbody.finding")).filter(function (b) { return !b.hidden; }).map(function (b) { return b.id; })`).([]any)
	}
	key := func(k string) {
		t.Helper()
		require.NoError(t, chromedp.Do(bctx, chromedp.KeyEvent(k)))
	}

	waitFor(`window.crosscheckDeskReady === true`, "the desk's script")
	assert.Equal(t, true, eval(`window.crosscheckReady === true`), "the report's script ran too")
	assert.EqualValues(t, 2, eval(`Array.from(document.scripts).filter(function (s) { return !s.type; }).length`), "two executable scripts")
	assert.Equal(t, "undefined", eval(`typeof window.__pwned`), "nothing from the articles ran")
	assert.Nil(t, eval(`window.__alerted || null`))
	assert.Nil(t, eval(`window.__csp || null`), "nothing was refused by the CSP: both scripts are admitted by hash")
	assert.EqualValues(t, 0, eval(`document.querySelectorAll("img, [onerror], iframe, object, embed").length`))
	assert.Equal(t, []any{idYear, idSigned, idCasualt}, visibleIDs())
	for _, id := range []string{idYear, idSigned, idCasualt} {
		assert.Equal(t, "open", status(id))
	}

	// The reviewer's name, typed once.
	require.NoError(t, chromedp.Do(bctx, chromedp.SendKeys(chromedp.CSS("#desk-by"), "ana")))
	assert.Equal(t, "ana", eval(`localStorage.getItem("crosscheck.reviewer")`))

	// Dismiss with the mouse: a reason is required first.
	dismiss := `#` + idSigned + ` .desk-dismiss`
	require.NoError(t, chromedp.Do(bctx, chromedp.Click(chromedp.CSS(dismiss))))
	assert.Equal(t, "Type why, then Enter to dismiss.", eval(`document.querySelector("#`+idSigned+` .desk-err").textContent`))
	assert.Equal(t, "open", status(idSigned), "nothing sent without a reason")
	require.NoError(t, chromedp.Do(bctx, chromedp.SendKeys(chromedp.CSS(`#`+idSigned+` .desk-reason`), "checked: signed June 2024")))
	require.NoError(t, chromedp.Do(bctx, chromedp.Click(chromedp.CSS(dismiss))))
	waitFor(`document.getElementById("`+idSigned+`").getAttribute("data-status") === "dismissed"`, "the dismissal")
	assert.Equal(t, "[dismissed]", eval(`document.querySelector("#`+idSigned+` td.id .mark").textContent`))

	// Confirm with the keyboard: j and k move, c asks for the reason,
	// Enter sends it.
	eval(`document.activeElement.blur(), true`)
	assert.Equal(t, idSigned, eval(`document.querySelector("tbody.desk-current").id`), "the finding last worked on is the current one")
	key("k")
	assert.Equal(t, idYear, eval(`document.querySelector("tbody.desk-current").id`))
	key("j")
	key("j")
	assert.Equal(t, idCasualt, eval(`document.querySelector("tbody.desk-current").id`))
	key("j")
	assert.Equal(t, idCasualt, eval(`document.querySelector("tbody.desk-current").id`), "j stops at the last")
	key("k")
	key("k")
	assert.Equal(t, idYear, eval(`document.querySelector("tbody.desk-current").id`))
	key("c")
	assert.Equal(t, true, eval(`document.activeElement === document.querySelector("#`+idYear+` .desk-reason")`), "c puts the cursor in the reason field")
	require.NoError(t, chromedp.Do(bctx, chromedp.SendKeys(chromedp.CSS(`#`+idYear+` .desk-reason`), "2024 is a typo in 001\r")))
	waitFor(`document.getElementById("`+idYear+`").getAttribute("data-status") === "confirmed"`, "the confirmation")

	// o opens and closes the current finding's evidence.
	eval(`document.activeElement.blur(), true`)
	key("o")
	assert.Equal(t, true, eval(`document.querySelector("#`+idYear+` details").open`))
	assert.Equal(t, true, eval(`document.querySelectorAll("#`+idYear+` details mark").length > 0`), "filled with the claims in context")
	key("o")
	assert.Equal(t, false, eval(`document.querySelector("#`+idYear+` details").open`))

	// The review file has both, in the format "crosscheck review" writes.
	got := loadDecisions(t, d.review)
	require.Len(t, got, 2)
	assert.Equal(t, review.Dismissed, got[idSigned].Status)
	assert.Equal(t, "checked: signed June 2024", got[idSigned].Reason)
	assert.Equal(t, "ana", got[idSigned].By)
	assert.Equal(t, review.Confirmed, got[idYear].Status)
	assert.Equal(t, "2024 is a typo in 001", got[idYear].Reason)
	assert.Equal(t, "ana", got[idYear].By)

	// Filters: status open leaves one; / goes to the filters.
	eval(`document.activeElement.blur(), true`)
	key("/")
	assert.Equal(t, "story-filter", eval(`document.activeElement.id`))
	setSelect := func(id, v string) {
		t.Helper()
		eval(`(function () { var s = document.getElementById("` + id + `"); s.value = "` + v + `"; s.dispatchEvent(new Event("change")); return true; })()`)
	}
	setSelect("status-filter", "open")
	assert.Equal(t, []any{idCasualt}, visibleIDs())
	setSelect("status-filter", "")
	setSelect("sev-filter", "medium")
	assert.Equal(t, []any{idSigned}, visibleIDs())
	setSelect("attr-filter", "policy.year")
	assert.Empty(t, visibleIDs(), "severity and attribute filters combine")
	setSelect("sev-filter", "")
	assert.Equal(t, []any{idYear}, visibleIDs())
	setSelect("attr-filter", "")
	// Sorting still moves every finding, filtered or not.
	setSelect("status-filter", "confirmed")
	require.NoError(t, chromedp.Do(bctx, chromedp.Click(chromedp.CSS(`th[data-key="sev"] button`))))
	setSelect("status-filter", "")
	assert.Equal(t, []any{idCasualt, idSigned, idYear}, visibleIDs(), "severity ascending")
	require.NoError(t, chromedp.Do(bctx, chromedp.Click(chromedp.CSS(`th[data-key="sev"] button`))))
	assert.Equal(t, []any{idYear, idSigned, idCasualt}, visibleIDs())

	// A decision made with "crosscheck review" meanwhile shows up.
	cliDecision(t, d.review, idCasualt, review.Confirmed, "the toll rose")
	waitFor(`document.getElementById("`+idCasualt+`").getAttribute("data-status") === "confirmed"`, "the page to notice the review file changed")

	// Re-run: an article edited so that the dismissed finding goes away.
	// The page reloads; decisions stay; the stale one is announced.
	setSelect("status-filter", "confirmed")
	moved := filepath.Join(t.TempDir(), "002-rapat-pleno.txt")
	require.NoError(t, os.Rename(filepath.Join(d.dir, "002-rapat-pleno.txt"), moved))
	require.NoError(t, chromedp.Do(bctx, chromedp.Click(chromedp.CSS("#desk-rerun"))))
	waitFor(`window.crosscheckDeskReady === true && JSON.parse(document.getElementById("desk-data").textContent).generation === 2`, "the re-run page")
	assert.Equal(t, true, eval(`document.getElementById("stale").textContent.indexOf("`+idSigned+`") >= 0`), "the stale decision is announced")
	assert.Equal(t, "confirmed", eval(`document.getElementById("status-filter").value`), "filters survive the reload")
	assert.Equal(t, "ana", eval(`document.getElementById("desk-by").value`), "so does the reviewer's name")
	assert.Equal(t, []any{idCasualt}, visibleIDs())

	// Put the article back and re-run: the findings return with their decisions.
	require.NoError(t, os.Rename(moved, filepath.Join(d.dir, "002-rapat-pleno.txt")))
	require.NoError(t, chromedp.Do(bctx, chromedp.Click(chromedp.CSS("#desk-rerun"))))
	waitFor(`window.crosscheckDeskReady === true && JSON.parse(document.getElementById("desk-data").textContent).generation === 3`, "the second re-run")
	assert.Equal(t, []any{idYear, idCasualt}, visibleIDs())
	setSelect("status-filter", "")
	assert.Equal(t, "dismissed", status(idSigned))
	assert.Equal(t, "confirmed", status(idYear))
	assert.Nil(t, eval(`document.getElementById("stale")`))
	got = loadDecisions(t, d.review)
	assert.Len(t, got, 3)

	// A re-run from elsewhere (another tab, or the watcher): the page
	// offers to reload.
	assert.Equal(t, true, eval(`document.getElementById("desk-banner").hidden`))
	code, body, _ := d.do(t, "POST", "/api/rerun", "", map[string]string{"X-CSRF-Token": d.s.Token()})
	require.Equal(t, 200, code, body)
	waitFor(`!document.getElementById("desk-banner").hidden`, "the re-run banner")
	assert.Equal(t, "The articles changed and the report was re-run. Reload", eval(`document.getElementById("desk-banner").textContent`))
	require.NoError(t, chromedp.Do(bctx, chromedp.Click(chromedp.CSS("#desk-banner button"))))
	waitFor(`window.crosscheckDeskReady === true && JSON.parse(document.getElementById("desk-data").textContent).generation === 4`, "the reload")
	assert.Equal(t, true, eval(`document.getElementById("desk-banner").hidden`))

	// Still nothing ran, and nothing broke the CSP.
	assert.Equal(t, "undefined", eval(`typeof window.__pwned`))
	assert.Nil(t, eval(`window.__alerted || null`))
	assert.Nil(t, eval(`window.__csp || null`))

	// Evidence opens under the decision controls.
	require.NoError(t, chromedp.Do(bctx, chromedp.Click(chromedp.CSS(`#`+idSigned+` details > summary`))))
	assert.Equal(t, true, eval(`document.querySelectorAll("#`+idSigned+` details mark").length > 0`))
	require.NoError(t, chromedp.Do(bctx, chromedp.Click(chromedp.CSS(`#`+idSigned+` details > summary`))))

	// The README's picture: the top of the desk, the third finding selected
	// and a reason being typed.
	eval(`(function () {
  window.scrollTo(0, 0);
  document.querySelector("#` + idCasualt + ` .desk-reason").value = "the toll rose; 001 is the newer report";
  return true;
})()`)
	eval(`document.activeElement.blur(), true`)
	key("j")
	key("j")
	require.NoError(t, chromedp.Do(bctx, chromedp.EmulateViewport(1200, 1130)))
	eval(`window.scrollTo(0, 0), true`)
	png, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	require.Greater(t, len(png), 1000)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "desk.png"), png, 0o644))
	if *screenshot {
		small, err := smallPNG(png)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(shot, small, 0o644))
	}
}
