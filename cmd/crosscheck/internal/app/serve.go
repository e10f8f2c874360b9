package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/crosscheck/crosscheck/claims/ingest"
	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/serve"
	"github.com/crosscheck/crosscheck/compare/pipeline"
)

// serveContext is the context "crosscheck serve" runs under: it ends at
// Ctrl-C or SIGTERM. Tests replace it.
var serveContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// serveReady, when set (by tests), is called with the page's URL, on its
// own goroutine, once the desk is listening.
var serveReady func(url string)

// runServe is "crosscheck serve": the report on PATH served as a review
// desk on a loopback address until Ctrl-C.
func runServe(args []string, env Env) (int, error) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	addr := fs.String("addr", serve.DefaultAddr, "address to listen on, host:port; anything but a loopback address lets others on the network decide too (a warning says so)")
	lang := fs.String("lang", "", "force the language of every document (en, id, ...) instead of detecting it")
	var ruleDirs multiFlag
	fs.Var(&ruleDirs, "rules", "directory of extra rule files (repeatable)")
	reviewFile := fs.String("review-file", "", "review decisions file (default: found as 'crosscheck review' finds it)")
	cfgPath := fs.String("config", "", "configuration file (default: .crosscheck.yaml found from the working directory up)")
	keepGoing := fs.Bool("keep-going", false, "report unreadable files as skipped documents instead of stopping")
	allowEmpty := fs.Bool("allow-empty", false, "accept inputs from which no document is read")
	watch := fs.Duration("watch", 2*time.Second, "how often to check the articles for changes, which re-run the report (0 turns it off; Re-run on the page still works)")
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return ExitError, err
	}
	if len(paths) == 0 {
		fs.Usage()
		return ExitError, errors.New("no input paths")
	}
	cfg, err := loadConfig(*cfgPath, env)
	if err != nil {
		return ExitError, err
	}
	author := ""
	if cfg != nil {
		if *lang == "" {
			*lang = cfg.Language
		}
		ruleDirs = append(append(multiFlag{}, cfg.Rules...), ruleDirs...)
		author = cfg.ClaimReviewAuthor
	}
	set, err := ruleSet(ruleDirs)
	if err != nil {
		return ExitError, err
	}
	if err := checkLanguage(*lang, set); err != nil {
		return ExitError, err
	}
	if *watch < 0 {
		return ExitError, fmt.Errorf("--watch %s: want a positive interval, or 0", *watch)
	}
	s, err := serve.New(serve.Options{
		Paths:      paths,
		Ingest:     ingest.Options{KeepGoing: *keepGoing},
		Pipeline:   pipeline.Options{Rules: set, Language: *lang},
		AllowEmpty: *allowEmpty,
		ReviewPath: reviewPath(*reviewFile, cfg, env),
		Author:     author,
		Watch:      *watch,
		Now:        env.Now,
		Log:        env.Stderr,
	})
	if err != nil {
		return ExitError, err
	}
	ln, err := s.Listen(*addr)
	if err != nil {
		return ExitError, fmt.Errorf("cannot listen on %s: %w (choose another with --addr)", *addr, err)
	}
	url := serve.URL(ln)
	fmt.Fprintf(env.Stderr, "%s\n", s.Describe())
	fmt.Fprintf(env.Stdout, "crosscheck review desk: %s (Ctrl-C stops)\n", url)
	if serveReady != nil {
		go serveReady(url) // answered once Serve runs
	}
	ctx, stop := serveContext()
	defer stop()
	if err := s.Serve(ctx, ln); err != nil {
		return ExitError, err
	}
	fmt.Fprintln(env.Stderr, "crosscheck serve: stopped")
	return ExitOK, nil
}
