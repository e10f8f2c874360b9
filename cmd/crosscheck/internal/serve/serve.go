// Package serve is "crosscheck serve": the HTML report served on a
// loopback address as a review desk, where an editor reads each finding's
// evidence and confirms or dismisses it in the same place. Decisions go to
// the review file "crosscheck review" writes (compare/review), so the page
// and the command line never disagree.
//
// The server is standard library net/http. It serves the page, a small JSON
// API and two exports, and nothing from the file system. Its defences:
// requests whose Host is not the address served are refused (DNS
// rebinding); a state-changing request needs the page's CSRF token in
// X-CSRF-Token and, when the browser says where it comes from, the page's
// own origin; the page carries the HTML report's Content-Security-Policy,
// which admits only the report's script and the desk's, by hash.
package serve

import (
	"context"
	"crypto/rand"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/ingest"
	"github.com/crosscheck/crosscheck/compare/pipeline"
	"github.com/crosscheck/crosscheck/compare/report"
)

// DefaultAddr is where the desk listens unless told otherwise.
const DefaultAddr = "127.0.0.1:8787"

//go:embed desk.js
var deskJS string

//go:embed desk.css
var deskCSS string

// Options say what to serve.
type Options struct {
	// Paths are the articles, as "crosscheck report" takes them (files or
	// directories; not "-": standard input cannot be read again on a re-run).
	Paths    []string
	Ingest   ingest.Options
	Pipeline pipeline.Options
	// AllowEmpty accepts inputs from which no document is read.
	AllowEmpty bool
	// ReviewPath is the review file, found by the caller with the rules
	// "crosscheck review" uses.
	ReviewPath string
	// Author is the ClaimReview author (the config's claimreview_author).
	Author string
	// Watch is how often the inputs are checked for changes, which re-run
	// the report; 0 turns watching off (the page's Re-run still works).
	Watch time.Duration
	// Now is the clock for decisions' "at" and the page's footer; nil is
	// time.Now.
	Now func() time.Time
	// Log receives the start-up lines, decisions and re-runs; nil discards.
	Log io.Writer
}

// Server is a review desk over one set of articles and one review file.
type Server struct {
	opt   Options
	token string
	hosts hostCheck

	mu   sync.RWMutex // guards snap and lastErr
	snap *snapshot
	// lastErr is why the latest re-run failed ("" when it did not); the
	// previous report stays served.
	lastErr string

	rerunMu  sync.Mutex // one re-run at a time
	reviewMu sync.Mutex // one review-file write at a time
}

// snapshot is one run of the pipeline, without review decisions applied.
type snapshot struct {
	gen       int
	report    *report.Report
	snippets  map[string]report.Snippet
	sentences map[string]string
	summary   string // ingest.Summary
	inputs    string // fingerprint of the inputs when they were read
	at        time.Time
}

// New reads the articles and runs the report once; the server is then
// ready to Listen and Serve.
func New(opt Options) (*Server, error) {
	if len(opt.Paths) == 0 {
		return nil, errors.New("no input paths")
	}
	for _, p := range opt.Paths {
		if p == "-" {
			return nil, errors.New(`"-" (standard input) cannot be served: a re-run reads the articles again; give files or directories`)
		}
	}
	if opt.ReviewPath == "" {
		return nil, errors.New("no review file path")
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	opt.Log = &lockedWriter{w: opt.Log} // handlers log from many goroutines
	token, err := newToken()
	if err != nil {
		return nil, err
	}
	s := &Server{opt: opt, token: token}
	snap, err := s.build(1)
	if err != nil {
		return nil, err
	}
	s.snap = snap
	return s, nil
}

func newToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("cannot make a CSRF token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// Token is the CSRF token the page carries and POST requests must send.
func (s *Server) Token() string { return s.token }

// build reads the articles and runs the pipeline.
func (s *Server) build(gen int) (*snapshot, error) {
	fp := fingerprint(s.opt.Paths, s.opt.ReviewPath)
	docs, err := ingest.Read(s.opt.Paths, s.opt.Ingest)
	if err != nil {
		return nil, err
	}
	read := 0
	for _, d := range docs {
		if d.Status != claims.StatusSkipped {
			read++
		}
	}
	if read == 0 && !s.opt.AllowEmpty {
		return nil, fmt.Errorf("no documents read from %s (%s): nothing to compare; pass --allow-empty to accept an empty input",
			strings.Join(s.opt.Paths, " "), ingest.Summary(docs))
	}
	res, err := pipeline.Run(docs, s.opt.Pipeline)
	if err != nil {
		return nil, err
	}
	texts := make(map[string]string, len(res.Documents))
	for _, d := range res.Documents {
		texts[d.ID] = d.Text
	}
	return &snapshot{
		gen:       gen,
		report:    res.Report,
		snippets:  report.SnippetsFor(texts, res.Report, 160),
		sentences: report.SentencesFor(texts, res.Claims),
		summary:   ingest.Summary(docs),
		inputs:    fp,
		at:        s.opt.Now(),
	}, nil
}

// current returns the snapshot served now.
func (s *Server) current() *snapshot {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.snap
}

// Rerun reads the articles again and runs the report; decisions stay in
// the review file and apply to the new findings by their stable IDs. On
// an error the previous report stays served.
func (s *Server) Rerun() (*snapshot, error) {
	s.rerunMu.Lock()
	defer s.rerunMu.Unlock()
	snap, err := s.build(s.current().gen + 1)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.lastErr = err.Error()
		return nil, err
	}
	s.lastErr = ""
	s.snap = snap
	return snap, nil
}

// Listen opens the listener for addr ("host:port"; DefaultAddr when empty)
// and fixes the Host names the server answers to from the address actually
// bound. It warns on the log when the address is not a loopback one.
func (s *Server) Listen(addr string) (net.Listener, error) {
	if addr == "" {
		addr = DefaultAddr
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s.hosts = newHostCheck(ln.Addr())
	if !s.hosts.loopback {
		fmt.Fprintf(s.opt.Log, "warning: listening on %s, which is not a loopback address: anyone who can reach it can read these articles and record review decisions (there is no login)\n", ln.Addr())
	}
	return ln, nil
}

// URL is the page's address for a listener opened by Listen.
func URL(ln net.Listener) string {
	a, ok := ln.Addr().(*net.TCPAddr)
	if !ok {
		return "http://" + ln.Addr().String() + "/"
	}
	host := a.IP.String()
	if a.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(a.Port)) + "/"
}

// Serve answers on ln until ctx ends, then shuts down gracefully: requests
// in flight (a decision being written) finish, for up to five seconds.
// Input watching runs alongside when Options.Watch is set.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	if s.opt.Watch > 0 {
		go s.watch(ctx, s.opt.Watch)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// watch re-runs the report when the inputs' fingerprint changes.
func (s *Server) watch(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	failed := "" // the inputs' fingerprint when a re-run last failed: not retried until they change again
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		fp := fingerprint(s.opt.Paths, s.opt.ReviewPath)
		if fp == s.current().inputs || fp == failed {
			continue
		}
		snap, err := s.Rerun()
		if err != nil {
			failed = fp
			fmt.Fprintf(s.opt.Log, "articles changed; re-run failed (the previous report stays served): %v\n", err)
			continue
		}
		failed = ""
		fmt.Fprintf(s.opt.Log, "articles changed; re-ran: %s, %d findings\n", snap.summary, len(snap.report.Discrepancies))
	}
}

// Describe is the start-up line: what was read, what was found, and the
// review file decisions go to.
func (s *Server) Describe() string {
	snap := s.current()
	n := 0
	if f, _, err := s.loadReview(); err == nil {
		n = len(f.Decisions)
	}
	return fmt.Sprintf("%s; %d findings; review decisions: %s (%d now)", snap.summary, len(snap.report.Discrepancies), s.opt.ReviewPath, n)
}

// lockedWriter serialises writes to the log.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
