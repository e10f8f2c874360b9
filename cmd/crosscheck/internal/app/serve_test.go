package app

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestServeCommand runs "crosscheck serve" in-process on a loopback port,
// fetches the page and the API, records a decision with the token from the
// page, and stops it as Ctrl-C would; the decision is where "crosscheck
// review" and "report" look for it.
func TestServeCommand(t *testing.T) {
	wd := t.TempDir()
	env, out, errb := testEnv("", wd)
	ctx, stop := context.WithCancel(context.Background())
	origContext := serveContext
	serveContext = func() (context.Context, context.CancelFunc) { return ctx, stop }
	var page, api string
	var post int
	serveReady = func(url string) {
		defer stop() // as Ctrl-C
		get := func(path string) string {
			resp, err := http.Get(url + path)
			if !assert.NoError(t, err) {
				return ""
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return string(b)
		}
		page = get("")
		api = get("api/report")
		m := regexp.MustCompile(`<meta name="csrf-token" content="([^"]+)">`).FindStringSubmatch(page)
		if !assert.NotNil(t, m) {
			return
		}
		req, _ := http.NewRequest("POST", url+"api/review", strings.NewReader(`{"id": "cc-06752D9801", "decision": "dismiss", "reason": "checked: June 2024", "by": "ana"}`))
		req.Header.Set("X-CSRF-Token", m[1])
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if assert.NoError(t, err) {
			post = resp.StatusCode
			resp.Body.Close()
		}
	}
	t.Cleanup(func() { serveReady = nil; serveContext = origContext })

	code := Run([]string{"serve", "--addr", "127.0.0.1:0", "--watch", "0", exampleDir}, env)
	require.Equal(t, ExitOK, code, errb.String())
	assert.Regexp(t, `^crosscheck review desk: http://127\.0\.0\.1:\d+/ \(Ctrl-C stops\)\n$`, out.String())
	assert.Contains(t, errb.String(), "read 5 documents; 3 findings; review decisions: "+filepath.Join(wd, ".crosscheck-review.yaml"))
	assert.Contains(t, errb.String(), "CC-06752d9801 dismissed by ana")
	assert.Contains(t, errb.String(), "crosscheck serve: stopped")
	assert.Contains(t, page, `id="CC-528b4ecc92"`)
	assert.Contains(t, api, `"CC-06752d9801": "open"`)
	assert.Equal(t, 200, post)

	// The CLI sees the page's decision: report hides the dismissed finding.
	env2, out2, errb2 := testEnv("", wd)
	code = Run([]string{"report", "--format", "json", exampleDir}, env2)
	assert.Equal(t, ExitFindings, code, errb2.String())
	assert.Contains(t, errb2.String(), "review decisions: "+filepath.Join(wd, ".crosscheck-review.yaml")+" (1 decision)")
	assert.NotContains(t, out2.String(), `"id": "CC-06752d9801"`)
	data, err := os.ReadFile(filepath.Join(wd, ".crosscheck-review.yaml"))
	require.NoError(t, err)
	assert.Contains(t, string(data), "reason: 'checked: June 2024'")
}

func TestServeUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no paths", []string{"serve"}, "no input paths"},
		{"standard input", []string{"serve", "-"}, "cannot be served"},
		{"a missing path", []string{"serve", "--watch", "0", "nope-not-here"}, "nope-not-here"},
		{"a bad address", []string{"serve", "--addr", "127.0.0.1:http-alt-nope", exampleDir}, "cannot listen on 127.0.0.1:http-alt-nope"},
		{"a negative watch", []string{"serve", "--watch", "-1s", exampleDir}, "--watch -1s"},
		{"an unknown language", []string{"serve", "--lang", "xx", exampleDir}, `unknown language "xx"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCmd(t, tc.args...)
			assert.Equal(t, ExitError, r.code)
			assert.Contains(t, r.stderr, tc.want)
		})
	}
	r := runCmd(t, "serve", "-h")
	assert.Equal(t, ExitOK, r.code)
	assert.Contains(t, r.stderr, "-addr")
}

// TestServeStopsOnInterrupt runs the real binary and presses Ctrl-C
// (SIGINT): the server finishes and exits 0.
func TestServeStopsOnInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "crosscheck")
	build := exec.Command("go", "build", "-o", bin, "github.com/crosscheck/crosscheck/cmd/crosscheck")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	wd := t.TempDir()
	example, err := filepath.Abs(exampleDir)
	require.NoError(t, err)
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--watch", "0", example)
	cmd.Dir = wd
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { cmd.Process.Kill() })

	line, err := bufio.NewReader(stdout).ReadString('\n')
	require.NoError(t, err)
	url := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(line)
	require.NotEmpty(t, url, line)
	resp, err := http.Get(url + "api/state")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode)

	require.NoError(t, cmd.Process.Signal(os.Interrupt))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		assert.NoError(t, err, stderr.String())
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop on SIGINT")
	}
	assert.Contains(t, stderr.String(), "crosscheck serve: stopped")
}
