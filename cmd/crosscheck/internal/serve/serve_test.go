package serve

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck/crosscheck/compare/pipeline"
	"github.com/crosscheck/crosscheck/compare/report"
	"github.com/crosscheck/crosscheck/compare/review"
	"github.com/crosscheck/crosscheck/rules"
)

const exampleDir = "../../../../testdata/example"

// The example story's findings (README, "A short tour").
const (
	idYear    = "CC-528b4ecc92" // high, policy.year
	idSigned  = "CC-06752d9801" // medium, pact.signed
	idCasualt = "CC-678213613c" // info update, casualties.killed
)

// desk is a server over a copy of the example articles, listening on a
// loopback port.
type desk struct {
	s      *Server
	ts     *httptest.Server
	dir    string // the articles
	review string // the review file
	host   string // "127.0.0.1:PORT"
	log    *bytes.Buffer
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(to, 0o755))
	entries, err := os.ReadDir(from)
	require.NoError(t, err)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(to, e.Name()), data, 0o644))
	}
}

// newDesk starts a desk; extra articles (name -> text) are added to the
// example's.
func newDesk(t *testing.T, extra map[string]string, mod func(*Options)) *desk {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "articles")
	copyDir(t, exampleDir, dir)
	for name, text := range extra {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	set, err := rules.Builtin()
	require.NoError(t, err)
	log := &bytes.Buffer{}
	opt := Options{
		Paths:      []string{dir},
		Pipeline:   pipeline.Options{Rules: set},
		ReviewPath: filepath.Join(root, review.DefaultPath),
		Now:        func() time.Time { return time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC) },
		Log:        log,
	}
	if mod != nil {
		mod(&opt)
	}
	s, err := New(opt)
	require.NoError(t, err)
	ln, err := s.Listen("127.0.0.1:0")
	require.NoError(t, err)
	ts := httptest.NewUnstartedServer(s.Handler())
	ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	t.Cleanup(ts.Close)
	return &desk{s: s, ts: ts, dir: dir, review: opt.ReviewPath, host: ln.Addr().String(), log: log}
}

// do sends a request; headers may set "Host".
func (d *desk) do(t *testing.T, method, path, body string, headers map[string]string) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, d.ts.URL+path, strings.NewReader(body))
	require.NoError(t, err)
	for k, v := range headers {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := d.ts.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b), resp.Header
}

// post sends a decision as the page does.
func (d *desk) post(t *testing.T, body string) (int, string) {
	t.Helper()
	code, b, _ := d.do(t, "POST", "/api/review", body, map[string]string{
		"X-CSRF-Token": d.s.Token(), "Content-Type": "application/json", "Origin": "http://" + d.host,
	})
	return code, b
}

func decisionBody(id, decision, reason, by string) string {
	b, _ := json.Marshal(map[string]string{"id": id, "decision": decision, "reason": reason, "by": by})
	return string(b)
}

func loadDecisions(t *testing.T, path string) map[string]report.Decision {
	t.Helper()
	f, err := review.Load(path)
	require.NoError(t, err)
	out := map[string]report.Decision{}
	for _, d := range f.Decisions {
		out[d.ID] = d
	}
	return out
}

func TestRefusals(t *testing.T) {
	d := newDesk(t, nil, nil)
	_, port, _ := net.SplitHostPort(d.host)
	good := decisionBody(idSigned, "dismiss", "checked", "ana")
	for _, tc := range []struct {
		name         string
		method, path string
		headers      map[string]string
		want         int
		wantErr      string
	}{
		{"rebinding host on the page", "GET", "/", map[string]string{"Host": "evil.example:" + port}, 403, `host "evil.example:`},
		{"rebinding host on the API", "GET", "/api/report", map[string]string{"Host": "evil.example:" + port}, 403, "is not the address"},
		{"a name that ends like localhost", "GET", "/api/report", map[string]string{"Host": "localhost.evil.example:" + port}, 403, "is not the address"},
		{"another port", "GET", "/api/report", map[string]string{"Host": "127.0.0.1:1"}, 403, "is not the address"},
		{"no port", "GET", "/api/report", map[string]string{"Host": "127.0.0.1"}, 403, "is not the address"},
		{"localhost is the address", "GET", "/api/state", map[string]string{"Host": "localhost:" + port}, 200, ""},
		{"another loopback literal", "GET", "/api/state", map[string]string{"Host": "127.0.0.2:" + port}, 200, ""},
		{"no token", "POST", "/api/review", map[string]string{"Content-Type": "application/json"}, 403, "X-CSRF-Token"},
		{"wrong token", "POST", "/api/review", map[string]string{"X-CSRF-Token": otherToken(d.s.Token())}, 403, "X-CSRF-Token"},
		{"another origin", "POST", "/api/review", map[string]string{"X-CSRF-Token": d.s.Token(), "Origin": "http://evil.example"}, 403, `origin "http://evil.example"`},
		{"another origin on the same port", "POST", "/api/review", map[string]string{"X-CSRF-Token": d.s.Token(), "Origin": "http://evil.example:" + port}, 403, "origin"},
		{"opaque origin", "POST", "/api/review", map[string]string{"X-CSRF-Token": d.s.Token(), "Origin": "null"}, 403, "origin"},
		{"https origin", "POST", "/api/review", map[string]string{"X-CSRF-Token": d.s.Token(), "Origin": "https://" + d.host}, 403, "origin"},
		{"cross-site fetch", "POST", "/api/review", map[string]string{"X-CSRF-Token": d.s.Token(), "Sec-Fetch-Site": "cross-site"}, 403, "cross-site"},
		{"rebinding host with the token", "POST", "/api/review", map[string]string{"X-CSRF-Token": d.s.Token(), "Host": "evil.example:" + port}, 403, "is not the address"},
		{"re-run without the token", "POST", "/api/rerun", nil, 403, "X-CSRF-Token"},
		{"re-run from another origin", "POST", "/api/rerun", map[string]string{"X-CSRF-Token": d.s.Token(), "Origin": "http://evil.example"}, 403, "origin"},
		{"decisions are not a GET", "GET", "/api/review", nil, 405, ""},
		{"nor a PUT", "PUT", "/api/review", map[string]string{"X-CSRF-Token": d.s.Token()}, 405, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body, h := d.do(t, tc.method, tc.path, good, tc.headers)
			assert.Equal(t, tc.want, code, body)
			if tc.wantErr != "" {
				var e errorBody
				require.NoError(t, json.Unmarshal([]byte(body), &e), body)
				assert.Contains(t, e.Error, tc.wantErr)
			}
			assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"))
		})
	}
	_, err := os.Stat(d.review)
	assert.True(t, os.IsNotExist(err), "no refused request wrote the review file")

	// The same request with the token and the page's origin lands.
	code, body := d.post(t, good)
	require.Equal(t, 200, code, body)
	assert.Equal(t, "dismissed", loadDecisions(t, d.review)[idSigned].Status)
	// So does a script's (no Origin, as curl sends).
	code, body, _ = d.do(t, "POST", "/api/review", decisionBody(idYear, "confirm", "typo", ""), map[string]string{"X-CSRF-Token": d.s.Token()})
	require.Equal(t, 200, code, body)
	assert.Equal(t, "confirmed", loadDecisions(t, d.review)[idYear].Status)
}

func TestBadBodies(t *testing.T) {
	d := newDesk(t, nil, nil)
	for _, tc := range []struct {
		name, body string
		want       int
		wantErr    string
	}{
		{"empty", "", 400, "empty body"},
		{"not JSON", "id=CC-06752d9801", 400, "bad JSON body"},
		{"cut short", `{"id": "CC-06752d9801", "decision": "dismiss"`, 400, "bad JSON body"},
		{"an array", `[{"id": "CC-06752d9801"}]`, 400, "bad JSON body"},
		{"a string id of the wrong type", `{"id": 7, "decision": "dismiss", "reason": "r"}`, 400, "bad JSON body"},
		{"unknown field", `{"id": "CC-06752d9801", "decision": "dismiss", "reason": "r", "status": "dismissed"}`, 400, `unknown field "status"`},
		{"two objects", decisionBody(idSigned, "dismiss", "r", "") + decisionBody(idYear, "confirm", "r", ""), 400, "more than one JSON value"},
		{"trailing junk", decisionBody(idSigned, "dismiss", "r", "") + " ]", 400, "after the JSON object"},
		{"no id", `{"decision": "dismiss", "reason": "r"}`, 400, "is not a finding id"},
		{"malformed id", decisionBody("CC-06752d98", "dismiss", "r", ""), 400, "is not a finding id"},
		{"unknown decision", decisionBody(idSigned, "maybe", "r", ""), 400, `"decision" is "maybe"`},
		{"status words are not decisions", decisionBody(idSigned, "dismissed", "r", ""), 400, `want "confirm", "dismiss" or "clear"`},
		{"no reason", decisionBody(idSigned, "confirm", "  ", ""), 400, `"reason" is required`},
		{"a name over lines", decisionBody(idSigned, "confirm", "r", "ana\nben"), 400, "one line"},
		{"too long a reason", decisionBody(idSigned, "confirm", strings.Repeat("x", maxReason+1), ""), 400, "characters long"},
		{"too large a body", `{"id": "` + strings.Repeat("x", maxBody) + `"}`, 400, "larger than"},
		{"a finding not in the report", decisionBody("CC-0000000000", "dismiss", "r", ""), 404, "no finding CC-0000000000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body := d.post(t, tc.body)
			assert.Equal(t, tc.want, code, body)
			var e errorBody
			require.NoError(t, json.Unmarshal([]byte(body), &e), body)
			assert.Contains(t, e.Error, tc.wantErr)
		})
	}
	t.Run("not JSON by its type", func(t *testing.T) {
		code, body, _ := d.do(t, "POST", "/api/review", decisionBody(idSigned, "dismiss", "r", ""),
			map[string]string{"X-CSRF-Token": d.s.Token(), "Content-Type": "text/plain"})
		assert.Equal(t, 400, code)
		assert.Contains(t, body, "send application/json")
	})
	_, err := os.Stat(d.review)
	assert.True(t, os.IsNotExist(err), "no bad request wrote the review file")
	entries, err := os.ReadDir(filepath.Dir(d.review))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "only the articles' folder: no temporary files either")
}

// TestParallelDecisions sends 50 decisions at once, from "many tabs", on
// 50 findings: every one must be in the review file afterwards.
func TestParallelDecisions(t *testing.T) {
	d := newDesk(t, nil, nil)
	// The example has three findings; give the served report fifty, copies
	// of a real one under other IDs (the write path does not care where
	// the IDs come from).
	snap := *d.s.current()
	rep := *snap.report
	rep.Discrepancies = nil
	ids := make([]string, 50)
	for i := range ids {
		ids[i] = fmt.Sprintf("CC-%010x", 0xa000000000+i)
		f := snap.report.Discrepancies[0]
		f.ID = ids[i]
		rep.Discrepancies = append(rep.Discrepancies, f)
	}
	snap.report = &rep
	d.s.mu.Lock()
	d.s.snap = &snap
	d.s.mu.Unlock()

	var wg sync.WaitGroup
	codes := make([]int, len(ids))
	bodies := make([]string, len(ids))
	start := make(chan struct{})
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			decision := "confirm"
			if i%2 == 1 {
				decision = "dismiss"
			}
			<-start
			req, _ := http.NewRequest("POST", d.ts.URL+"/api/review", strings.NewReader(decisionBody(id, decision, fmt.Sprintf("reason %d", i), fmt.Sprintf("tab %d", i))))
			req.Header.Set("X-CSRF-Token", d.s.Token())
			req.Header.Set("Content-Type", "application/json")
			resp, err := d.ts.Client().Do(req)
			if err != nil {
				bodies[i] = err.Error()
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			codes[i], bodies[i] = resp.StatusCode, string(b)
		}()
	}
	close(start)
	wg.Wait()
	for i := range ids {
		assert.Equal(t, 200, codes[i], bodies[i])
	}
	got := loadDecisions(t, d.review)
	require.Len(t, got, 50)
	for i, id := range ids {
		want := review.Confirmed
		if i%2 == 1 {
			want = review.Dismissed
		}
		assert.Equal(t, want, got[id].Status, id)
		assert.Equal(t, fmt.Sprintf("reason %d", i), got[id].Reason)
		assert.Equal(t, fmt.Sprintf("tab %d", i), got[id].By)
		assert.Equal(t, "2025-01-02T03:04:05Z", got[id].At)
	}
	entries, err := os.ReadDir(filepath.Dir(d.review))
	require.NoError(t, err)
	assert.Len(t, entries, 2, "the articles and the review file: no temporary files left")
}

// cliDecision records a decision the way "crosscheck review" does.
func cliDecision(t *testing.T, path, id, status, reason string) {
	t.Helper()
	f, err := review.Load(path)
	require.NoError(t, err)
	require.NoError(t, f.Record(report.Decision{ID: id, Status: status, Reason: reason, By: "cli"}))
	require.NoError(t, f.Save())
}

// TestReviewFileChangedOnDisk: a decision made with "crosscheck review"
// between two of the page's is kept — also when it lands in the middle of
// the page's write, just before the rename.
func TestReviewFileChangedOnDisk(t *testing.T) {
	d := newDesk(t, nil, nil)
	code, body := d.post(t, decisionBody(idSigned, "dismiss", "page", "ana"))
	require.Equal(t, 200, code, body)
	cliDecision(t, d.review, idCasualt, review.Confirmed, "from the command line")
	code, body = d.post(t, decisionBody(idYear, "confirm", "page again", "ana"))
	require.Equal(t, 200, code, body)
	got := loadDecisions(t, d.review)
	assert.Equal(t, "page", got[idSigned].Reason)
	assert.Equal(t, "from the command line", got[idCasualt].Reason)
	assert.Equal(t, "page again", got[idYear].Reason)

	// The worst moment: the other program writes after the page's read,
	// just before its rename. The write starts over and keeps both.
	once := sync.Once{}
	testHookBeforeCheck = func() {
		once.Do(func() { cliDecision(t, d.review, idCasualt, review.Dismissed, "changed meanwhile") })
	}
	t.Cleanup(func() { testHookBeforeCheck = nil })
	code, body = d.post(t, decisionBody(idSigned, "clear", "", "ana"))
	require.Equal(t, 200, code, body)
	got = loadDecisions(t, d.review)
	assert.NotContains(t, got, idSigned, "cleared")
	assert.Equal(t, "changed meanwhile", got[idCasualt].Reason, "the other program's decision survived")
	assert.Equal(t, "page again", got[idYear].Reason)

	// A review file broken by hand is not overwritten.
	require.NoError(t, os.WriteFile(d.review, []byte("decisions: [\n"), 0o644))
	code, body = d.post(t, decisionBody(idSigned, "dismiss", "page", "ana"))
	assert.Equal(t, 500, code)
	assert.Contains(t, body, "cannot read the review file")
	data, err := os.ReadFile(d.review)
	require.NoError(t, err)
	assert.Equal(t, "decisions: [\n", string(data))
}

func getJSON(t *testing.T, d *desk, path string, v any) {
	t.Helper()
	code, body, h := d.do(t, "GET", path, "", nil)
	require.Equal(t, 200, code, body)
	assert.Equal(t, "application/json; charset=utf-8", h.Get("Content-Type"))
	require.NoError(t, json.Unmarshal([]byte(body), v), body)
}

func TestReportAPIAndRerun(t *testing.T) {
	d := newDesk(t, nil, nil)
	code, body := d.post(t, decisionBody(idSigned, "dismiss", "signed June 2024", "ana"))
	require.Equal(t, 200, code, body)

	var rep apiReportBody
	getJSON(t, d, "/api/report", &rep)
	assert.Equal(t, 1, rep.Generation)
	assert.Equal(t, d.review, rep.ReviewFile)
	assert.Equal(t, map[string]string{idYear: "open", idSigned: "dismissed", idCasualt: "open"}, rep.Statuses)
	require.Len(t, rep.Report.Discrepancies, 3, "dismissed findings stay in, with their review")
	for _, f := range rep.Report.Discrepancies {
		if f.ID == idSigned {
			require.NotNil(t, f.Review)
			assert.Equal(t, "signed June 2024", f.Review.Reason)
		}
	}

	// Take away the Indonesian article both conflicts rest on: a re-run
	// loses them, and the dismissal is stale (not lost).
	moved := filepath.Join(t.TempDir(), "002-rapat-pleno.txt")
	require.NoError(t, os.Rename(filepath.Join(d.dir, "002-rapat-pleno.txt"), moved))
	var rr rerunResponse
	code, body, _ = d.do(t, "POST", "/api/rerun", "", map[string]string{"X-CSRF-Token": d.s.Token()})
	require.Equal(t, 200, code, body)
	require.NoError(t, json.Unmarshal([]byte(body), &rr))
	// (Without 002, 001's "in 2024" is an internal finding of its own.)
	assert.Equal(t, rerunResponse{Generation: 2, Summary: "read 4 documents", Findings: 2, Stale: 1}, rr)
	rep = apiReportBody{}
	getJSON(t, d, "/api/report", &rep)
	assert.Equal(t, map[string]string{idCasualt: "open", "CC-a40aa1859d": "open"}, rep.Statuses)
	require.Len(t, rep.Report.Stale, 1)
	assert.Equal(t, idSigned, rep.Report.Stale[0].ID)
	_, page, _ := d.do(t, "GET", "/", "", nil)
	assert.Contains(t, page, `id="stale"`, "the page warns about the stale decision")
	assert.Contains(t, page, idSigned)

	// A stale decision can be cleared although its finding is gone.
	code, body = d.post(t, decisionBody(idSigned, "clear", "", ""))
	require.Equal(t, 200, code, body)
	cliDecision(t, d.review, idSigned, review.Dismissed, "signed June 2024")

	// Put it back: the findings return with their decision, as IDs are stable.
	require.NoError(t, os.Rename(moved, filepath.Join(d.dir, "002-rapat-pleno.txt")))
	code, body, _ = d.do(t, "POST", "/api/rerun", "", map[string]string{"X-CSRF-Token": d.s.Token()})
	require.Equal(t, 200, code, body)
	rep = apiReportBody{}
	getJSON(t, d, "/api/report", &rep)
	assert.Equal(t, 3, rep.Generation)
	assert.Equal(t, map[string]string{idYear: "open", idSigned: "dismissed", idCasualt: "open"}, rep.Statuses)
	assert.Empty(t, rep.Report.Stale)

	// A re-run that fails keeps the previous report and says why.
	require.NoError(t, os.RemoveAll(d.dir))
	code, body, _ = d.do(t, "POST", "/api/rerun", "", map[string]string{"X-CSRF-Token": d.s.Token()})
	assert.Equal(t, 500, code)
	assert.Contains(t, body, "the previous report stays served")
	var st apiStateBody
	getJSON(t, d, "/api/state", &st)
	assert.Equal(t, 3, st.Generation)
	assert.NotEmpty(t, st.RerunError)
	rep = apiReportBody{}
	getJSON(t, d, "/api/report", &rep)
	assert.Len(t, rep.Statuses, 3)
}

// TestWatchAndShutdown: with watching on, editing an article re-runs the
// report by itself; cancelling the context stops the server cleanly.
func TestWatchAndShutdown(t *testing.T) {
	d := newDesk(t, nil, func(o *Options) { o.Watch = 20 * time.Millisecond })
	ln, err := d.s.Listen("127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.s.Serve(ctx, ln) }()
	url := URL(ln)
	assert.True(t, strings.HasPrefix(url, "http://127.0.0.1:"), url)

	state := func() apiStateBody {
		resp, err := http.Get(url + "api/state")
		require.NoError(t, err)
		defer resp.Body.Close()
		var st apiStateBody
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&st))
		return st
	}
	assert.Equal(t, 1, state().Generation)
	// A decision is not an article change (TestFingerprint: nor is the
	// review file when it sits among the articles).
	req, err := http.NewRequest("POST", url+"api/review", strings.NewReader(decisionBody(idSigned, "dismiss", "r", "")))
	require.NoError(t, err)
	req.Header.Set("X-CSRF-Token", d.s.Token())
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	time.Sleep(100 * time.Millisecond)
	assert.Equal(t, 1, state().Generation)

	require.NoError(t, os.WriteFile(filepath.Join(d.dir, "005-more.txt"), []byte("December 31, 2024\nAnother short note.\n"), 0o644))
	deadline := time.Now().Add(10 * time.Second)
	for state().Generation == 1 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	assert.Equal(t, 2, state().Generation)
	assert.Contains(t, d.s.current().summary, "read 6 documents")

	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after the context ended")
	}
	_, err = http.Get(url + "api/state")
	assert.Error(t, err, "nothing listens any more")
}

func TestExports(t *testing.T) {
	d := newDesk(t, nil, func(o *Options) { o.Author = "Example Desk" })
	// Nothing confirmed: an empty draft and a header-only CSV.
	code, body, h := d.do(t, "GET", "/export/claimreview.jsonld", "", nil)
	require.Equal(t, 200, code, body)
	assert.Equal(t, "[]\n", body)
	assert.Contains(t, h.Get("Content-Disposition"), "attachment")

	code, body = d.post(t, decisionBody(idYear, "confirm", "2024 is a typo in 001", "ana"))
	require.Equal(t, 200, code, body)
	code, body = d.post(t, decisionBody(idSigned, "dismiss", "signed June 2024", "ana"))
	require.Equal(t, 200, code, body)

	code, body, h = d.do(t, "GET", "/export/claimreview.jsonld", "", nil)
	require.Equal(t, 200, code, body)
	assert.Equal(t, "application/ld+json; charset=utf-8", h.Get("Content-Type"))
	assert.Equal(t, `attachment; filename="crosscheck-claimreview.jsonld"`, h.Get("Content-Disposition"))
	var drafts []map[string]any
	require.NoError(t, json.Unmarshal([]byte(body), &drafts), body)
	require.Len(t, drafts, 1, "confirmed findings only")
	assert.Equal(t, idYear, drafts[0]["identifier"])
	assert.Equal(t, "Example Desk", drafts[0]["author"].(map[string]any)["name"])
	assert.Contains(t, drafts[0]["reviewBody"], "2024 is a typo in 001")
	assert.Contains(t, drafts[0]["claimReviewed"], "2024", "the outlier's sentence")

	code, body, h = d.do(t, "GET", "/export/confirmed.csv", "", nil)
	require.Equal(t, 200, code, body)
	assert.Equal(t, "text/csv; charset=utf-8", h.Get("Content-Type"))
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	require.NoError(t, err)
	require.Greater(t, len(rows), 1)
	assert.Equal(t, "id", rows[0][0])
	for _, r := range rows[1:] {
		assert.Equal(t, idYear, r[0])
		assert.Equal(t, "confirmed", r[len(r)-1])
	}
}

// TestPageAndNothingElse: the page carries the token and the report's CSP
// with the desk's script hash; nothing from the file system is served.
func TestPageAndNothingElse(t *testing.T) {
	payload := "December 31, 2024\n<script>alert(1)</script> \"><img src=x onerror=alert(2)>\n\nNothing else here.\n"
	d := newDesk(t, map[string]string{"005-<b>payload<b>.txt": payload}, nil)
	code, page, h := d.do(t, "GET", "/", "", nil)
	require.Equal(t, 200, code)
	assert.Equal(t, "text/html; charset=utf-8", h.Get("Content-Type"))
	csp := h.Get("Content-Security-Policy")
	assert.Equal(t, report.DeskCSP(deskJS)+"; frame-ancestors 'none'", csp)
	assert.Contains(t, csp, "script-src 'sha256-")
	assert.Equal(t, 2, strings.Count(csp, "'sha256-"), "the report's script and the desk's, nothing else")
	assert.NotContains(t, csp, "unsafe-eval")
	_, scriptSrc, _ := strings.Cut(csp, "script-src")
	scriptSrc, _, _ = strings.Cut(scriptSrc, ";")
	assert.NotContains(t, scriptSrc, "unsafe-inline", "no inline scripts beyond the two hashed")
	assert.True(t, strings.Contains(page, `<meta name="csrf-token" content="`+d.s.Token()+`">`), "the token is in the page")
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(page)
	require.NotNil(t, m)
	assert.Equal(t, report.DeskCSP(deskJS), html.UnescapeString(m[1]), "the page's own CSP is the header's")
	assert.Equal(t, 2, strings.Count(page, "<script>"), "two executable scripts, both hashed")
	assert.False(t, strings.Contains(page, "<script>alert"), "article text is escaped")
	assert.False(t, strings.Contains(page, "<img"), "article text is escaped")
	assert.False(t, strings.Contains(page, "<b>payload"), "file names are escaped")
	assert.True(t, strings.Contains(page, "005-&lt;b&gt;payload&lt;b&gt;"), "and shown")

	for _, path := range []string{"/README.md", "/desk.js", "/desk.css", "/serve.go", "/testdata/example/001-annual-plenary.txt",
		"/.crosscheck-review.yaml", "/articles/001-annual-plenary.txt", "/api/", "/export/", "/index.html", "/%2e%2e/go.mod"} {
		code, body, _ := d.do(t, "GET", path, "", nil)
		assert.Equal(t, 404, code, "%s: %s", path, body)
	}
}

func TestHostCheck(t *testing.T) {
	for _, tc := range []struct {
		bound string // address bound
		host  string
		want  bool
	}{
		{"127.0.0.1:8787", "127.0.0.1:8787", true},
		{"127.0.0.1:8787", "localhost:8787", true},
		{"127.0.0.1:8787", "LOCALHOST:8787", true},
		{"127.0.0.1:8787", "[::1]:8787", true},
		{"127.0.0.1:8787", "127.0.0.1:8788", false},
		{"127.0.0.1:8787", "127.0.0.1", false},
		{"127.0.0.1:8787", "evil.example:8787", false},
		{"127.0.0.1:8787", "192.168.1.5:8787", false},
		{"127.0.0.1:8787", "", false},
		{"127.0.0.1:80", "127.0.0.1", true},
		{"[::1]:8787", "[::1]:8787", true},
		{"[::1]:8787", "localhost:8787", true},
		{"192.168.1.5:8787", "192.168.1.5:8787", true},
		{"192.168.1.5:8787", "localhost:8787", false},
		{"192.168.1.5:8787", "192.168.1.6:8787", false},
		{"192.168.1.5:8787", "desk.example:8787", false},
		{"0.0.0.0:8787", "192.168.1.5:8787", true},
		{"0.0.0.0:8787", "localhost:8787", true},
		{"0.0.0.0:8787", "evil.example:8787", false},
	} {
		a, err := net.ResolveTCPAddr("tcp", tc.bound)
		require.NoError(t, err)
		h := newHostCheck(a)
		assert.Equal(t, tc.want, h.allows(tc.host), "bound %s, Host %q", tc.bound, tc.host)
		assert.Equal(t, tc.want, h.allowsOrigin("http://"+tc.host), "bound %s, Origin http://%s", tc.bound, tc.host)
	}
	h := newHostCheck(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8787})
	for _, o := range []string{"https://127.0.0.1:8787", "http://u@127.0.0.1:8787", "http://127.0.0.1:8787/x", "null", "file://"} {
		assert.False(t, h.allowsOrigin(o), o)
	}
	assert.False(t, hostCheck{}.allows("127.0.0.1:8787"), "nothing before Listen")
}

func TestNewRefuses(t *testing.T) {
	set, err := rules.Builtin()
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		opt  Options
		want string
	}{
		{"no paths", Options{ReviewPath: "r.yaml"}, "no input paths"},
		{"standard input", Options{Paths: []string{"-"}, ReviewPath: "r.yaml"}, "cannot be served"},
		{"nothing read", Options{Paths: []string{t.TempDir()}, ReviewPath: "r.yaml", Pipeline: pipeline.Options{Rules: set}}, "no documents read"},
		{"a missing path", Options{Paths: []string{filepath.Join(t.TempDir(), "nope")}, ReviewPath: "r.yaml"}, "nope"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.opt)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestListenWarnsOnlyOffLoopback(t *testing.T) {
	var log bytes.Buffer
	s := &Server{opt: Options{Log: &log}}
	ln, err := s.Listen("127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	assert.Empty(t, log.String())
	assert.True(t, s.hosts.loopback)
	// Occupied: a clear error, not a silent second server.
	_, err = s.Listen(ln.Addr().String())
	assert.Error(t, err)
}

// otherToken returns a token of the same length that differs from tok in its
// first character. Prefixing a fixed letter would give tok back whenever tok
// starts with that letter (1 time in 64 for a random base64 token).
func otherToken(tok string) string {
	first := "x"
	if tok[0] == 'x' {
		first = "y"
	}
	return first + tok[1:]
}
