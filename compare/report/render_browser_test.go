package report

import (
	"context"
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
)

// TestHTMLInBrowser opens the HTML report in headless Chromium and checks
// what only a browser can: that no payload in the article text ran or
// became an element, that the page's own script is allowed by its CSP and
// sorts the findings, and that the evidence expands.
//
// It skips when no browser is installed (apt-get install -y chromium).
func TestHTMLInBrowser(t *testing.T) {

	r := fixtureReport(t)
	opt := fixtureOptions(r)
	opt.ShowAll = true // two findings, so sorting is observable
	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	require.NoError(t, os.WriteFile(file, []byte(render(t, r, "html", opt)), 0o644))

	// The deadline covers the whole browser: chromedp stops it when the
	// allocator's context ends.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	bctx := browsertest.Start(t, ctx, dir)

	// Before any page script runs, trap alert() and record CSP violations,
	// so that a payload that did run is seen even if it only called alert
	// or was stopped by the CSP rather than by escaping.
	trap := func(ctx context.Context, tgt *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tgt, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `window.alert = function (m) { (window.__alerted = window.__alerted || []).push(String(m)); };
document.addEventListener("securitypolicyviolation", function (e) {
  (window.__csp = window.__csp || []).push(e.violatedDirective + " " + e.blockedURI);
});`,
		})
		return chromedp.Void{}, err
	}
	require.NoError(t, chromedp.Do(bctx, trap, chromedp.Navigate("file://"+file)))

	eval := func(js string) any {
		t.Helper()
		v, err := chromedp.Run(bctx, chromedp.Evaluate[any](js))
		require.NoError(t, err, js)
		return v
	}
	order := func() []any {
		t.Helper()
		return eval(`Array.from(document.querySelectorAll("#findings tbody.finding")).map(function (b) { return b.id; })`).([]any)
	}

	// Nothing from the article ran or became markup.
	assert.Equal(t, "undefined", eval(`typeof window.__pwned`), "an injected script or handler ran")
	assert.Nil(t, eval(`window.__alerted || null`), "alert() was called")
	assert.Nil(t, eval(`window.__csp || null`), "something tried to load or run against the CSP")
	assert.EqualValues(t, 0, eval(`document.querySelectorAll("img, [onerror], iframe, object, embed").length`))
	assert.EqualValues(t, 1, eval(`Array.from(document.scripts).filter(function (s) { return !s.type; }).length`), "one executable script")
	assert.EqualValues(t, 1, eval(`document.querySelectorAll('script[type="application/json"]').length`), "and one data block")
	assert.Equal(t, true, eval(`window.crosscheckReady === true`), "the page's script ran (its CSP hash matches)")

	// The table has the expected rows, most severe first.
	assert.Equal(t, []any{"CC-1a2b3c4d5e", "CC-9f8e7d6c5b"}, order())
	assert.Equal(t, "bravo dates the opening to 9 March 2025 (year inferred from the publication date); alpha and charlie to 8 March 2025: the two cannot both hold",
		eval(`document.querySelector("#CC-1a2b3c4d5e td.summary").textContent`))

	// Clicking the headers sorts (which also proves the CSP hash admits the script).
	require.NoError(t, chromedp.Do(bctx, chromedp.Click(chromedp.CSS(`th[data-key="sev"] button`))))
	assert.Equal(t, []any{"CC-9f8e7d6c5b", "CC-1a2b3c4d5e"}, order(), "severity ascending")
	assert.Equal(t, "ascending", eval(`document.querySelector('th[data-key="sev"]').getAttribute("aria-sort")`))
	require.NoError(t, chromedp.Do(bctx, chromedp.Click(chromedp.CSS(`th[data-key="attr"] button`))))
	assert.Equal(t, []any{"CC-1a2b3c4d5e", "CC-9f8e7d6c5b"}, order(), "attribute ascending: bridge.opened, ceremony.attendees")
	require.NoError(t, chromedp.Do(bctx, chromedp.Click(chromedp.CSS(`th[data-key="attr"] button`))))
	assert.Equal(t, []any{"CC-9f8e7d6c5b", "CC-1a2b3c4d5e"}, order(), "attribute descending")
	assert.Nil(t, eval(`document.querySelector('th[data-key="sev"]').getAttribute("aria-sort")`))

	// Each finding's evidence expands to the sentences with the claim marked.
	assert.Equal(t, false, eval(`document.querySelector("#CC-1a2b3c4d5e details").open`))
	require.NoError(t, chromedp.Do(bctx, chromedp.Click(chromedp.CSS(`#CC-1a2b3c4d5e details > summary`))))
	assert.Equal(t, true, eval(`document.querySelector("#CC-1a2b3c4d5e details").open`))
	assert.Equal(t, []any{"on 9 March", "on 8 March 2025", "8 Maret 2025"},
		eval(`Array.from(document.querySelectorAll("#CC-1a2b3c4d5e details mark")).map(function (m) { return m.textContent; })`))
	assert.Equal(t, true, eval(`document.querySelector("#CC-1a2b3c4d5e details mark").getBoundingClientRect().height > 0`), "the marked words are visible once open")

	// The evidence, built from the data block, shows the payloads as text.
	assert.Equal(t, true, eval(`document.querySelector("#CC-1a2b3c4d5e details").textContent.indexOf('"<script>alert(1)</script>" and "><img src=x onerror=alert(2)>') >= 0`),
		"the payloads are shown as text")
	assert.EqualValues(t, 0, eval(`document.querySelectorAll("img, [onerror], iframe, object, embed").length`))
	assert.Equal(t, []any{"news.example"}, eval(`Array.from(document.querySelectorAll("#CC-1a2b3c4d5e details a")).map(function (a) { return a.hostname; })`),
		"only the http(s) source link; charlie's javascript: URL is text")

	// A story opens to its consensus and timeline.
	require.NoError(t, chromedp.Do(bctx, chromedp.Click(chromedp.CSS(`details.story[data-story="1"] > summary`))))
	assert.Equal(t, "bridge.opened 3 sources · contested", eval(`document.querySelector('details.story[data-story="1"] .attribute h4').textContent`))
	assert.EqualValues(t, 3, eval(`document.querySelectorAll('details.story[data-story="1"] .tl-row').length`))

	// Still nothing ran after interaction.
	assert.Equal(t, "undefined", eval(`typeof window.__pwned`))
	assert.Nil(t, eval(`window.__alerted || null`), "alert() was called")
	assert.Nil(t, eval(`window.__csp || null`), "something tried to load or run against the CSP")
}
