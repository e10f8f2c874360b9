// Package browsertest starts headless Chromium for the tests that check
// what only a browser shows: the HTML report's escaping, CSP and script,
// and the review desk. Like net/http/httptest it is imported only by tests;
// it keeps one copy of how the browser is found and started.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// Path finds a Chromium or Chrome binary: $CROSSCHECK_CHROMIUM, then
// /usr/bin/chromium (Debian's package, which .ci/test installs), then the
// usual names on PATH; "" when there is none.
func Path() string {
	if p := os.Getenv("CROSSCHECK_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// SkipUnlessAvailable skips t in -short mode and when no browser is
// installed, before a test does work it would only need the browser for.
func SkipUnlessAvailable(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	bin := Path()
	if bin == "" {
		t.Skip("no Chromium binary found (install it with: apt-get install -y chromium, or set CROSSCHECK_CHROMIUM); skipping browser test")
	}
	return bin
}

// Start returns a headless browser's context under parent (whose deadline
// covers the whole browser: chromedp stops it when parent ends), with its
// profile under dir, skipping t as SkipUnlessAvailable does. extra adds
// allocator options (a window size). The browser is stopped when the test
// ends.
func Start(t testing.TB, parent context.Context, dir string, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	bin := SkipUnlessAvailable(t)
	opts := append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
	}, extra...)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
	})
	return bctx
}
