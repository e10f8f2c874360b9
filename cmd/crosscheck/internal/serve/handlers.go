package serve

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/compare/report"
	"github.com/crosscheck/crosscheck/compare/review"
)

// Limits on what a decision request may carry.
const (
	maxBody   = 64 << 10
	maxReason = 4000 // characters
	maxBy     = 200
)

// Handler is the desk's HTTP handler: the page, the API and the exports,
// behind the Host check. Listen must have been called first (it fixes
// the Host names answered); until then every request is refused.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page)
	mux.HandleFunc("GET /api/report", s.apiReport)
	mux.HandleFunc("GET /api/state", s.apiState)
	mux.HandleFunc("POST /api/review", s.guard(s.apiReview))
	mux.HandleFunc("POST /api/rerun", s.guard(s.apiRerun))
	mux.HandleFunc("GET /export/claimreview.jsonld", s.exportClaimReview)
	mux.HandleFunc("GET /export/confirmed.csv", s.exportCSV)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cache-Control", "no-store")
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		if !s.hosts.allows(r.Host) {
			httpError(w, http.StatusForbidden, fmt.Sprintf("host %q is not the address this desk serves", r.Host))
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// guard admits a state-changing request only from the page itself: the
// CSRF token in X-CSRF-Token, and, when the browser names where the
// request comes from (Origin, Sec-Fetch-Site), the page's own origin.
// Scripts (curl) send no Origin and pass on the token alone.
func (s *Server) guard(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if o := r.Header.Get("Origin"); o != "" && !s.hosts.allowsOrigin(o) {
			httpError(w, http.StatusForbidden, fmt.Sprintf("origin %q is not this desk's", o))
			return
		}
		if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
			httpError(w, http.StatusForbidden, "cross-site request refused (Sec-Fetch-Site: "+site+")")
			return
		}
		got := r.Header.Get("X-CSRF-Token")
		if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(s.token)) != 1 {
			httpError(w, http.StatusForbidden, `missing or wrong X-CSRF-Token: send the token in the page's <meta name="csrf-token">`)
			return
		}
		next(w, r)
	}
}

type errorBody struct {
	Error string `json:"error"`
}

func httpError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, errorBody{Error: msg})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		code, b = http.StatusInternalServerError, []byte(`{"error": "cannot encode the response"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	w.Write(append(b, '\n'))
}

// loadReview reads the review file as it is on disk now, with the bytes
// read (nil for a missing file).
func (s *Server) loadReview() (*review.File, []byte, error) {
	data, err := os.ReadFile(s.opt.ReviewPath)
	if errors.Is(err, fs.ErrNotExist) {
		data, err = nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	f, err := review.Parse(s.opt.ReviewPath, data)
	return f, data, err
}

// reviewed is the snapshot's report with the review file's decisions on
// it. The snapshot itself is not changed: the discrepancies are copied.
func reviewed(snap *snapshot, f *review.File) *report.Report {
	r := *snap.report
	r.Discrepancies = append([]report.Discrepancy(nil), snap.report.Discrepancies...)
	f.Apply(&r)
	return &r
}

// Status names for findings.
const (
	statusOpen = "open"
)

func statusOf(d *report.Discrepancy) string {
	if d.Review == nil {
		return statusOpen
	}
	return d.Review.Status
}

// deskData is the page's #desk-data block.
type deskData struct {
	Generation int                         `json:"generation"`
	ReviewFile string                      `json:"review_file"`
	ReviewHash string                      `json:"review_hash"`
	Reviews    map[string]*report.Decision `json:"reviews"` // by finding id; absent = open
	Stale      []report.Decision           `json:"stale"`
	Summary    string                      `json:"summary"`
	Built      string                      `json:"built"`
	Author     bool                        `json:"author"` // a ClaimReview author is configured
}

func hashOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	snap := s.current()
	f, raw, err := s.loadReview()
	if err != nil {
		httpError(w, http.StatusInternalServerError, "cannot read the review file: "+err.Error())
		return
	}
	rep := reviewed(snap, f)
	data := deskData{
		Generation: snap.gen, ReviewFile: f.Path, ReviewHash: hashOf(raw),
		Reviews: map[string]*report.Decision{}, Stale: rep.Stale, Summary: snap.summary,
		Built: snap.at.UTC().Format(time.RFC3339), Author: s.opt.Author != "",
	}
	if data.Stale == nil {
		data.Stale = []report.Decision{}
	}
	for i := range rep.Discrepancies {
		if d := rep.Discrepancies[i].Review; d != nil {
			data.Reviews[rep.Discrepancies[i].ID] = d
		}
	}
	var buf bytes.Buffer
	opt := report.RenderOptions{ShowAll: true, Now: s.opt.Now, Snippets: snap.snippets, Author: s.opt.Author}
	desk := report.HTMLDesk{Token: s.token, Script: deskJS, CSS: deskCSS, Data: data}
	if err := report.RenderHTMLDesk(&buf, rep, opt, desk); err != nil {
		httpError(w, http.StatusInternalServerError, err.Error())
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", report.DeskCSP(deskJS)+"; frame-ancestors 'none'")
	h.Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

// apiReportBody is GET /api/report: the JSON report (schema as "report
// --format json", dismissed findings included with their review) and
// each finding's status.
type apiReportBody struct {
	Generation int               `json:"generation"`
	ReviewFile string            `json:"review_file"`
	Statuses   map[string]string `json:"statuses"` // finding id -> open|confirmed|dismissed
	Report     *report.Report    `json:"report"`
}

func (s *Server) apiReport(w http.ResponseWriter, r *http.Request) {
	snap := s.current()
	f, _, err := s.loadReview()
	if err != nil {
		httpError(w, http.StatusInternalServerError, "cannot read the review file: "+err.Error())
		return
	}
	rep := reviewed(snap, f)
	body := apiReportBody{Generation: snap.gen, ReviewFile: f.Path, Statuses: map[string]string{}, Report: rep}
	for i := range rep.Discrepancies {
		body.Statuses[rep.Discrepancies[i].ID] = statusOf(&rep.Discrepancies[i])
	}
	writeJSON(w, http.StatusOK, body)
}

// apiStateBody is what the page polls: a new generation means the report
// was re-run (the page offers to reload), a new review hash that the
// review file changed (the page refreshes the statuses).
type apiStateBody struct {
	Generation int    `json:"generation"`
	ReviewHash string `json:"review_hash"`
	RerunError string `json:"rerun_error,omitempty"`
}

func (s *Server) apiState(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	body := apiStateBody{Generation: s.snap.gen, RerunError: s.lastErr}
	s.mu.RUnlock()
	raw, err := os.ReadFile(s.opt.ReviewPath)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		httpError(w, http.StatusInternalServerError, "cannot read the review file: "+err.Error())
		return
	}
	body.ReviewHash = hashOf(raw)
	writeJSON(w, http.StatusOK, body)
}

// decisionRequest is POST /api/review's body.
type decisionRequest struct {
	ID       string `json:"id"`
	Decision string `json:"decision"` // confirm, dismiss or clear
	Reason   string `json:"reason"`
	By       string `json:"by"`
}

// decisionResponse says what the review file now holds for the finding.
type decisionResponse struct {
	ID         string           `json:"id"`
	Status     string           `json:"status"` // open, confirmed or dismissed
	Review     *report.Decision `json:"review,omitempty"`
	Replaced   *report.Decision `json:"replaced,omitempty"`
	ReviewFile string           `json:"review_file"`
	ReviewHash string           `json:"review_hash"`
}

// badRequest is an error in what the client sent (400).
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }

// notFound is a decision about a finding the desk does not know (404).
type notFound struct{ msg string }

func (e notFound) Error() string { return e.msg }

func parseDecision(w http.ResponseWriter, r *http.Request) (decisionRequest, error) {
	var req decisionRequest
	ct := r.Header.Get("Content-Type")
	if ct != "" && !strings.HasPrefix(strings.ToLower(ct), "application/json") {
		return req, badRequest{fmt.Sprintf("Content-Type %q: send application/json", ct)}
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return req, badRequest{fmt.Sprintf("body larger than %d bytes", maxBody)}
		}
		if errors.Is(err, io.EOF) {
			return req, badRequest{`empty body: send {"id", "decision": "confirm"|"dismiss"|"clear", "reason", "by"}`}
		}
		return req, badRequest{"bad JSON body: " + err.Error()}
	}
	if dec.More() {
		return req, badRequest{"bad JSON body: more than one JSON value"}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return req, badRequest{"bad JSON body: data after the JSON object"}
	}
	id, err := review.ParseID(req.ID)
	if err != nil {
		return req, badRequest{err.Error()}
	}
	req.ID = id
	req.Reason = strings.TrimSpace(req.Reason)
	req.By = strings.TrimSpace(req.By)
	switch req.Decision {
	case "confirm", "dismiss":
		if req.Reason == "" {
			return req, badRequest{`"reason" is required to confirm or dismiss: the next editor needs to know why`}
		}
	case "clear":
	default:
		return req, badRequest{fmt.Sprintf(`"decision" is %q: want "confirm", "dismiss" or "clear"`, req.Decision)}
	}
	if !utf8.ValidString(req.Reason) || !utf8.ValidString(req.By) {
		return req, badRequest{"reason and by must be UTF-8 text"}
	}
	if n := utf8.RuneCountInString(req.Reason); n > maxReason {
		return req, badRequest{fmt.Sprintf("reason is %d characters long; at most %d", n, maxReason)}
	}
	if n := utf8.RuneCountInString(req.By); n > maxBy || strings.ContainsAny(req.By, "\n\r\t") {
		return req, badRequest{fmt.Sprintf("by must be one line of at most %d characters", maxBy)}
	}
	return req, nil
}

func (s *Server) apiReview(w http.ResponseWriter, r *http.Request) {
	req, err := parseDecision(w, r)
	if err != nil {
		httpError(w, http.StatusBadRequest, err.Error())
		return
	}
	resp, err := s.decide(req)
	var nf notFound
	var bad badRequest
	switch {
	case errors.As(err, &nf):
		httpError(w, http.StatusNotFound, err.Error())
		return
	case errors.As(err, &bad):
		httpError(w, http.StatusBadRequest, err.Error())
		return
	case err != nil:
		httpError(w, http.StatusInternalServerError, err.Error())
		return
	}
	what := resp.Status
	if req.Decision == "clear" {
		what = "cleared (open)"
	}
	who := ""
	if req.By != "" {
		who = " by " + req.By
	}
	fmt.Fprintf(s.opt.Log, "%s %s%s in %s\n", resp.ID, what, who, resp.ReviewFile)
	writeJSON(w, http.StatusOK, resp)
}

// errChangedOnDisk vetoes a save when the review file changed between
// reading it and renaming the new one over it.
// testHookBeforeCheck, set by tests, runs just before the last check of a
// review-file write: where another program's write does the most harm.
var testHookBeforeCheck func()

var errChangedOnDisk = errors.New("review file changed on disk while a decision was being written")

// decide records req in the review file. Writes are serialised; each one
// reads the file as it is on disk now (so a decision made meanwhile with
// "crosscheck review", or in another tab, is kept), changes the one
// decision, and renames a complete new file over the old one — unless the
// file changed again in the meantime, in which case it starts over.
func (s *Server) decide(req decisionRequest) (decisionResponse, error) {
	s.reviewMu.Lock()
	defer s.reviewMu.Unlock()
	for attempt := 0; ; attempt++ {
		f, before, err := s.loadReview()
		if err != nil {
			return decisionResponse{}, fmt.Errorf("cannot read the review file (fix it, then try again): %w", err)
		}
		known := false
		for i := range s.current().report.Discrepancies {
			if strings.EqualFold(s.current().report.Discrepancies[i].ID, req.ID) {
				known = true
				break
			}
		}
		if _, ok := f.Lookup(req.ID); !known && !ok {
			return decisionResponse{}, notFound{fmt.Sprintf("no finding %s in this report and no decision for it in %s", req.ID, f.Path)}
		}
		resp := decisionResponse{ID: req.ID, Status: statusOpen, ReviewFile: f.Path}
		if req.Decision == "clear" {
			if prev, ok := f.Remove(req.ID); ok {
				resp.Replaced = &prev
			}
		} else {
			status := review.Confirmed
			if req.Decision == "dismiss" {
				status = review.Dismissed
			}
			d := report.Decision{ID: req.ID, Status: status, Reason: req.Reason, By: req.By, At: s.opt.Now().UTC().Format(time.RFC3339)}
			prev, replaced, err := f.RecordReplacing(d)
			if err != nil {
				return decisionResponse{}, badRequest{err.Error()}
			}
			if replaced {
				resp.Replaced = &prev
			}
			resp.Status, resp.Review = status, &d
		}
		var written []byte
		err = f.SaveChecked(func() error {
			if testHookBeforeCheck != nil {
				testHookBeforeCheck()
			}
			now, err := os.ReadFile(f.Path)
			if errors.Is(err, fs.ErrNotExist) {
				now, err = nil, nil
			}
			if err != nil {
				return err
			}
			if !bytes.Equal(now, before) {
				return errChangedOnDisk
			}
			written, err = f.Marshal()
			return err
		})
		if errors.Is(err, errChangedOnDisk) && attempt < 20 {
			continue
		}
		if err != nil {
			return decisionResponse{}, fmt.Errorf("cannot write %s: %w", f.Path, err)
		}
		resp.ReviewHash = hashOf(written)
		return resp, nil
	}
}

// rerunResponse answers POST /api/rerun.
type rerunResponse struct {
	Generation int    `json:"generation"`
	Summary    string `json:"summary"`
	Findings   int    `json:"findings"`
	Stale      int    `json:"stale"` // decisions whose finding no longer appears
}

func (s *Server) apiRerun(w http.ResponseWriter, r *http.Request) {
	snap, err := s.Rerun()
	if err != nil {
		httpError(w, http.StatusInternalServerError, "re-run failed (the previous report stays served): "+err.Error())
		return
	}
	f, _, err := s.loadReview()
	if err != nil {
		httpError(w, http.StatusInternalServerError, "cannot read the review file: "+err.Error())
		return
	}
	rep := reviewed(snap, f)
	fmt.Fprintf(s.opt.Log, "re-ran: %s, %d findings\n", snap.summary, len(rep.Discrepancies))
	writeJSON(w, http.StatusOK, rerunResponse{Generation: snap.gen, Summary: snap.summary, Findings: len(rep.Discrepancies), Stale: len(rep.Stale)})
}

// confirmedReport is the report with only its confirmed findings.
func (s *Server) confirmedReport() (*report.Report, *snapshot, error) {
	snap := s.current()
	f, _, err := s.loadReview()
	if err != nil {
		return nil, nil, err
	}
	rep := reviewed(snap, f)
	kept := rep.Discrepancies[:0]
	for _, d := range rep.Discrepancies {
		if d.Review != nil && d.Review.Status == review.Confirmed {
			kept = append(kept, d)
		}
	}
	rep.Discrepancies = kept
	return rep, snap, nil
}

func (s *Server) export(w http.ResponseWriter, format, contentType, name string) {
	rep, snap, err := s.confirmedReport()
	if err != nil {
		httpError(w, http.StatusInternalServerError, "cannot read the review file: "+err.Error())
		return
	}
	var buf bytes.Buffer
	opt := report.RenderOptions{Author: s.opt.Author, Now: s.opt.Now, Sentences: snap.sentences}
	if err := report.Render(&buf, rep, format, opt); err != nil {
		httpError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Write(buf.Bytes())
}

func (s *Server) exportClaimReview(w http.ResponseWriter, r *http.Request) {
	s.export(w, "claimreview", "application/ld+json; charset=utf-8", "crosscheck-claimreview.jsonld")
}

func (s *Server) exportCSV(w http.ResponseWriter, r *http.Request) {
	s.export(w, "csv", "text/csv; charset=utf-8", "crosscheck-confirmed.csv")
}
