// Package app is the crosscheck command line: flag parsing, configuration,
// reading inputs, running the pipeline, rendering and exit codes. It lives
// apart from main so that tests can run the whole command in-process.
package app

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/ingest"
	"github.com/crosscheck/crosscheck/claims/segment"
	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/config"
	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/pipeline"
	"github.com/crosscheck/crosscheck/compare/report"
	"github.com/crosscheck/crosscheck/compare/review"
	"github.com/crosscheck/crosscheck/rules"
	"golang.org/x/term"
)

// Exit codes, as in Vale: 0 clean, 1 findings, 2 usage or input error.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitError    = 2
)

const usage = `crosscheck — find where news articles about the same story disagree

Usage:
  crosscheck report [flags] PATH...   contradiction report (table by default)
  crosscheck claims [flags] PATH...   list every claim read (table or json)
  crosscheck verify [flags] PATH...   run expectation cases (.txtar files or directories)
  crosscheck review ID (--confirm|--dismiss) --reason TEXT [--by NAME]
  crosscheck serve [flags] PATH...    review desk in the browser on http://127.0.0.1:8787/
  crosscheck explain [flags] PATH... (--at DOC:LINE[:COL] | --phrase TEXT)
                                      why a claim was or was not compared
  crosscheck version

PATH may be a file (.txt, .md, .jsonl, .html, .htm), a directory (read
recursively) or - for standard input.

Exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage or input error.
Run 'crosscheck COMMAND -h' for a command's flags.
`

// Env is what a command sees of the process.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Getwd          func() (string, error)
	IsTerminal     func(w io.Writer) bool
	TermWidth      func(w io.Writer) int
	Now            func() time.Time
}

// Main runs the command with arguments args and returns the exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return Run(args, Env{
		Stdin: stdin, Stdout: stdout, Stderr: stderr, Getenv: os.Getenv, Getwd: os.Getwd,
		IsTerminal: isTerminal, TermWidth: termWidth, Now: time.Now,
	})
}

// Run is Main with an explicit environment.
func Run(args []string, env Env) int {
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage)
		return ExitError
	}
	cmd, rest := args[0], args[1:]
	var err error
	code := ExitOK
	switch cmd {
	case "report":
		code, err = runReport(rest, env, false)
	case "claims":
		code, err = runReport(rest, env, true)
	case "verify":
		code, err = runVerify(rest, env)
	case "review":
		code, err = runReview(rest, env)
	case "explain":
		code, err = runExplain(rest, env)
	case "serve":
		code, err = runServe(rest, env)
	case "version", "--version":
		fmt.Fprintln(env.Stdout, versionLine())
	case "help", "-h", "--help":
		fmt.Fprint(env.Stdout, usage)
	default:
		fmt.Fprintf(env.Stderr, "crosscheck: unknown command %q\n\n%s", cmd, usage)
		return ExitError
	}
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK // -h asked for the usage, which the flag set printed
		}
		fmt.Fprintf(env.Stderr, "crosscheck %s: %v\n", cmd, err)
		return ExitError
	}
	return code
}

// versionLine is what "crosscheck version" prints: the module version (or
// "devel" for a build from a checkout), the VCS revision the binary was
// built from, and the JSON report's schema version.
func versionLine() string {
	version, rev, dirty, when := "devel", "unknown", false, ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			version = v
		}
		for _, kv := range bi.Settings {
			switch kv.Key {
			case "vcs.revision":
				rev = kv.Value
				if len(rev) > 12 {
					rev = rev[:12]
				}
			case "vcs.modified":
				dirty = kv.Value == "true"
			case "vcs.time":
				when = kv.Value
			}
		}
	}
	if dirty {
		rev += "-dirty"
	}
	if when != "" {
		rev += " " + when
	}
	return fmt.Sprintf("crosscheck %s (revision %s), report schema version %d", version, rev, report.Version)
}

// parseInterleaved lets flags follow paths ("report DIR --format json"), as
// users type them.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

type reportFlags struct {
	format, lang, minSev, failOn, reviewFile, output, config string
	stdinFormat                                              string
	rules                                                    multiFlag
	all, keepGoing, allowEmpty, noColor                      bool
	maxDocSize                                               sizeFlag
	spill                                                    string
}

// spillAbove is how many articles `--spill auto` compares in memory; a
// larger input runs as an archive (see runReport). At 20,000 generated
// articles an in-memory run peaks at about 1.2 GB; an archive run costs
// about half as much CPU again.
const spillAbove = 20000

// smallInput: inputs whose files hold no more bytes than this are read
// into memory without counting their articles first (20,000 articles of
// news are 60–100 MB).
const smallInput = 32 << 20

// archiveGCPercent is the collector's setting during an archive run.
const archiveGCPercent = 50

// addInputFlags registers the flags every command that reads articles
// takes: language, rule directories, unreadable files, configuration and
// size limit.
func (f *reportFlags) addInputFlags(fs *flag.FlagSet) {
	fs.StringVar(&f.lang, "lang", "", "force the language of every document (en, id, ...) instead of detecting it")
	fs.Var(&f.rules, "rules", "directory of extra rule files (repeatable)")
	fs.BoolVar(&f.keepGoing, "keep-going", false, "report unreadable files as skipped documents instead of stopping")
	fs.StringVar(&f.config, "config", "", "configuration file (default: .crosscheck.yaml found from the working directory up)")
	fs.Var(&f.maxDocSize, "max-doc-size", maxDocSizeUsage)
}

// applyInputConfig fills the input settings the flags left unset from the
// configuration; its rule directories come before the flags'.
func (f *reportFlags) applyInputConfig(cfg *config.Config) {
	if f.lang == "" {
		f.lang = cfg.Language
	}
	f.rules = append(append(multiFlag{}, cfg.Rules...), f.rules...)
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

func runReport(args []string, env Env, claimsOnly bool) (code int, err error) {
	name := "report"
	formats := report.Formats()
	if claimsOnly {
		name, formats = "claims", report.ClaimFormats()
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var f reportFlags
	fs.StringVar(&f.format, "format", "", "output format: "+strings.Join(formats, "|")+" (default table, or the config's format)")
	f.addInputFlags(fs)
	fs.StringVar(&f.output, "o", "", "write the output to this file instead of standard output; without --format, the format follows its extension (.html, .md, .csv, .json, .jsonl)")
	fs.StringVar(&f.output, "output", "", "same as -o")
	fs.BoolVar(&f.noColor, "no-color", false, "no colour in the table (as NO_COLOR=1 does)")
	fs.StringVar(&f.stdinFormat, "stdin-format", "", "what standard input (-) holds: text|html|jsonl (default: detected)")
	fs.StringVar(&f.spill, "spill", "auto", "json and jsonl: spill articles and claims to a temporary file and compare a story window at a time, in memory bounded by the windows: always, never, or auto (above 20,000 articles); the output is the same")
	fs.BoolVar(&f.allowEmpty, "allow-empty", false, "accept inputs from which no document is read (otherwise exit 2)")
	if !claimsOnly {
		fs.StringVar(&f.minSev, "min-severity", "", "hide findings below this severity: info|low|medium|high")
		fs.StringVar(&f.failOn, "fail-on", "", "exit 1 when a finding at or above this severity remains: info|low|medium|high, or none (never exit 1); default low")
		fs.BoolVar(&f.all, "all", false, "show dismissed findings too (marked)")
		fs.StringVar(&f.reviewFile, "review-file", "", "review decisions file (default .crosscheck-review.yaml)")
	}
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return ExitError, err
	}
	if len(paths) == 0 {
		fs.Usage()
		return ExitError, errors.New("no input paths")
	}
	if n := countOf(paths, "-"); n > 1 {
		return ExitError, errors.New(`"-" (standard input) given twice: standard input can be read only once`)
	}
	if f.stdinFormat != "" && !contains([]string{"text", "html", "jsonl"}, f.stdinFormat) {
		return ExitError, fmt.Errorf("unknown --stdin-format %q (want text, html or jsonl)", f.stdinFormat)
	}
	cfg, err := loadConfig(f.config, env)
	if err != nil {
		return ExitError, err
	}
	if f.format == "" && f.output != "" {
		f.format = formatFor(f.output, formats)
	}
	if cfg != nil {
		// claims has fewer formats: a report-only format in the config
		// (html, claimreview) leaves it at its default.
		if f.format == "" && contains(formats, cfg.Format) {
			f.format = cfg.Format
		}
		f.applyInputConfig(cfg)
		if f.minSev == "" {
			f.minSev = cfg.MinSeverity
		}
		if f.failOn == "" {
			f.failOn = cfg.FailOn
		}
	}
	if f.format == "" {
		f.format = "table"
	}
	if !contains(formats, f.format) {
		return ExitError, fmt.Errorf("unknown format %q (want one of %s)", f.format, strings.Join(formats, ", "))
	}
	minSev, failOn, neverFail := compare.SevInfo, compare.SevLow, false
	if f.minSev != "" {
		s, ok := compare.ParseSeverity(f.minSev)
		if !ok {
			return ExitError, fmt.Errorf("unknown severity %q for --min-severity (want info, low, medium or high)", f.minSev)
		}
		minSev = s
	}
	if f.failOn == "none" || f.failOn == "never" {
		neverFail = true
	} else if f.failOn != "" {
		s, ok := compare.ParseSeverity(f.failOn)
		if !ok {
			return ExitError, fmt.Errorf("unknown severity %q for --fail-on (want info, low, medium, high or none)", f.failOn)
		}
		failOn = s
	}
	// Whether the inputs are read into memory is settled first (planInputs
	// says why).
	plan := f.planInputs(paths)
	// The built-in rules compile, and the sentence model loads, while the
	// inputs are read (ruleSetLater): start-up's largest costs, done on
	// the second core. Rules of the user's own are compiled first, so
	// that an error in them is reported before any input is read; so is
	// the rule set when --lang must be checked against it.
	segment.Preload()
	rulesDone := ruleSetLater(f.rules)
	if len(f.rules) > 0 || f.lang != "" {
		set, err := rulesDone()
		if err != nil {
			return ExitError, err
		}
		if err := checkLanguage(f.lang, set); err != nil {
			return ExitError, err
		}
	}
	// The output file is opened before any article is read, so a mistyped
	// directory fails at once rather than after the whole run.
	out := env.Stdout
	if f.output != "" {
		fh, created, err := openOutput(f.output)
		if err != nil {
			return ExitError, err
		}
		defer func() {
			fh.Close()
			if created && code == ExitError {
				os.Remove(f.output)
			}
		}()
		out = &truncOnWrite{f: fh}
	}
	iopt := ingest.Options{KeepGoing: f.keepGoing, Stdin: env.Stdin, StdinFormat: f.stdinFormat, MaxFileBytes: f.maxDocSize.maxFileBytes()}
	// JSON and JSON Lines are written from an archive run: articles are
	// listed first, then read one at a time; each article's text and
	// claims go to a spill file once extracted and come back a story at a
	// time, so memory holds the open story windows, not the archive
	// (ingest.Stream, pipeline.RunArchive; the output is the same as
	// Run's). The other formats quote the texts and keep everything in
	// memory.
	if !contains([]string{"auto", "always", "never"}, f.spill) {
		return ExitError, fmt.Errorf("unknown --spill %q (want auto, always or never)", f.spill)
	}
	docs, src, err := f.readInputs(paths, iopt, plan)
	if err != nil {
		return ExitError, err
	}
	set, err := rulesDone()
	if err != nil {
		return ExitError, err
	}
	archive, n := src != nil, len(docs)
	if archive {
		defer src.Close()
		n = src.Len()
	} else if err := f.checkRead(describe(docs), paths); err != nil {
		return ExitError, err
	}
	// Listing claims needs each document's story, not the findings.
	opt := pipeline.Options{Rules: set, Language: f.lang, LazyClaims: f.format == "json" || f.format == "jsonl", GroupOnly: claimsOnly}
	if env.IsTerminal(env.Stderr) && n >= 200 {
		last := time.Time{}
		opt.Progress = func(done, total int) {
			if now := time.Now(); now.Sub(last) > 200*time.Millisecond || done == total {
				last = now
				fmt.Fprintf(env.Stderr, "\rreading claims: %d/%d documents", done, total)
				if done == total {
					fmt.Fprintln(env.Stderr)
				}
			}
		}
	}
	var res *pipeline.Result
	var r *report.Report
	var in inputs
	if archive {
		// The heap may grow by half between collections rather than
		// double (or treble: see main): an archive run keeps little alive,
		// makes garbage fast while reading, and is run to bound memory.
		if env.Getenv("GOGC") == "" {
			defer debug.SetGCPercent(debug.SetGCPercent(archiveGCPercent))
		}
		a, err := pipeline.RunArchive(src, opt, "")
		if err != nil {
			return ExitError, err
		}
		defer a.Close()
		in = inputs{read: a.Read, skipped: a.Skipped, warnings: a.Warnings}
		if err := f.checkRead(in, paths); err != nil {
			return ExitError, err
		}
		r = a.Report
		res = &pipeline.Result{Report: a.Report}
	} else {
		if res, err = pipeline.Run(docs, opt); err != nil {
			return ExitError, err
		}
		r = res.Report
		in = describe(res.Documents)
	}
	fmt.Fprintln(env.Stderr, ingest.SummaryOf(in.read, in.skipped))
	for _, w := range in.warnings {
		fmt.Fprintf(env.Stderr, "warning: %s\n", w) // w starts with the path
	}
	ropt := report.RenderOptions{
		Color:   f.output == "" && !f.noColor && env.IsTerminal(env.Stdout) && env.Getenv("NO_COLOR") == "",
		Width:   env.TermWidth(env.Stdout),
		Now:     env.Now,
		ShowAll: f.all,
	}
	if cfg != nil {
		ropt.Author = cfg.ClaimReviewAuthor
	}
	if claimsOnly {
		return ExitOK, report.RenderClaims(out, r, f.format, ropt)
	}
	// Editors' decisions first, on every finding (a decision about a
	// finding below --min-severity is not stale), then the severity filter.
	rf, err := review.Load(reviewPath(f.reviewFile, cfg, env))
	if err != nil {
		return ExitError, err
	}
	if n := len(rf.Decisions); n > 0 {
		fmt.Fprintf(env.Stderr, "review decisions: %s (%d %s)\n", rf.Path, n, plural(n, "decision", "decisions"))
	}
	rf.Apply(r)
	kept := r.Discrepancies[:0]
	below := 0
	for _, d := range r.Discrepancies {
		if s, ok := compare.ParseSeverity(d.Severity); ok && s >= minSev {
			kept = append(kept, d)
		} else {
			below++
		}
	}
	r.Discrepancies = kept
	if below > 0 {
		fmt.Fprintf(env.Stderr, "%d %s below --min-severity %s hidden\n", below, plural(below, "finding", "findings"), minSev)
	}
	// The table and Markdown carry the stale-decision warning themselves;
	// when they go to standard output, saying it on standard error as well
	// would show it twice on the terminal.
	if !(out == env.Stdout && (f.format == "table" || f.format == "markdown")) {
		for _, s := range r.Stale {
			fmt.Fprintf(env.Stderr, "warning: review decision for %s (%s) matches no finding in this run\n", s.ID, s.Status)
		}
	}
	if !f.all {
		// Dismissed findings leave every format, JSON included, unless
		// --all asks for them; the review file keeps the decision.
		shown := r.Discrepancies[:0]
		hidden := 0
		for _, d := range r.Discrepancies {
			if d.Review != nil && d.Review.Status == "dismissed" {
				hidden++
				continue
			}
			shown = append(shown, d)
		}
		r.Discrepancies = shown
		if hidden > 0 {
			fmt.Fprintf(env.Stderr, "%d dismissed finding(s) hidden (--all shows them)\n", hidden)
		}
	}
	if f.format == "html" || f.format == "markdown" {
		texts := map[string]string{}
		for _, d := range res.Documents {
			texts[d.ID] = d.Text
		}
		ropt.Snippets = report.SnippetsFor(texts, r, 160)
	}
	if f.format == "claimreview" {
		texts := map[string]string{}
		for _, d := range res.Documents {
			texts[d.ID] = d.Text
		}
		ropt.Sentences = report.SentencesFor(texts, res.Claims)
		if ropt.Author == "" {
			fmt.Fprintln(env.Stderr, "warning: claimreview_author is not set in the configuration: the drafts' author.name is empty")
		}
		confirmed := 0
		for _, d := range r.Discrepancies {
			if d.Review != nil && d.Review.Status == review.Confirmed {
				confirmed++
			}
		}
		if confirmed == 0 {
			fmt.Fprintln(env.Stderr, "no confirmed findings: nothing to draft (ClaimReview drafts only confirmed findings; confirm one with 'crosscheck review ID --confirm --reason ...')")
		}
	}
	if err := report.Render(out, r, f.format, ropt); err != nil {
		return ExitError, err
	}
	for _, d := range r.Discrepancies {
		if d.Review != nil && d.Review.Status == "dismissed" {
			continue
		}
		if s, ok := compare.ParseSeverity(d.Severity); ok && s >= failOn && !neverFail {
			return ExitFindings, nil
		}
	}
	return ExitOK, nil
}

// hugeHeapBytes is how much of the heap inMemoryHeap prepares: more than
// an in-memory `claims` or `report` run on a few thousand articles uses
// (about 95 MB for 5 MB of real text; 350 MB for 10,000 generated
// articles). Beyond it the heap grows on ordinary pages.
const hugeHeapBytes = 512 << 20

var hugeHeapOnce sync.Once

// inMemoryHeap prepares the heap of a run that reads its inputs into
// memory, once per process: huge pages under it (HugeHeap says why) unless
// CROSSCHECK_HUGEPAGES=off (for comparison), and a collector that waits
// for a budget rather than a ratio (collectByBudget says why). Archive
// runs never ask.
func inMemoryHeap() {
	if os.Getenv("CROSSCHECK_HUGEPAGES") != "off" {
		hugeHeapOnce.Do(func() { HugeHeap(hugeHeapBytes) })
	}
	budgetOnce.Do(func() { collectByBudget(inMemoryBudget, os.Getenv) })
}

// inputPlan is what a run decides of its inputs before reading them.
type inputPlan struct {
	// archive: the inputs are listed first, and read one at a time unless
	// the listing finds few enough articles (readInputs); otherwise they
	// are read into memory at once.
	archive bool
	// stated holds what inputBytes learnt of the files, for reading to
	// use (ingest.Options.Stated) instead of stating them again.
	stated map[string]fs.FileInfo
}

// planInputs decides whether the run may be an archive run: only JSON and
// JSON Lines are written from one, and `--spill auto` runs one only for
// inputs over smallInput bytes (that list more than spillAbove articles:
// readInputs). It reads no article, and runs before the rules load, so
// that an in-memory run prepares its heap (inMemoryHeap) while the heap is
// still almost empty: the collection that doing so takes then has next to
// nothing to mark, where with the rules loading it took about 30 M
// instructions and stopped their goroutines.
func (f *reportFlags) planInputs(paths []string) inputPlan {
	plan := inputPlan{archive: (f.format == "json" || f.format == "jsonl") && f.spill != "never"}
	if plan.archive && f.spill == "auto" && !contains(paths, "-") {
		var n int64
		n, plan.stated = inputBytes(paths)
		if n <= smallInput {
			plan.archive = false // plainly small: read at once, without listing first
		}
	}
	if !plan.archive {
		inMemoryHeap()
	}
	return plan
}

// readInputs reads the inputs into memory, or, for an archive run, opens
// them to be read one at a time (src not nil; the caller closes it), as
// plan (planInputs) says.
func (f *reportFlags) readInputs(paths []string, iopt ingest.Options, plan inputPlan) (docs []*claims.Document, src *ingest.Source, err error) {
	iopt.Stated = plan.stated
	if !plan.archive {
		inMemoryHeap()
		docs, err = ingest.Read(paths, iopt)
		return docs, nil, err
	}
	if src, err = ingest.Stream(paths, iopt); err != nil {
		return nil, nil, err
	}
	if f.spill == "always" || src.Len() > spillAbove {
		return nil, src, nil
	}
	// Small enough to hold after all: read the listed articles into memory.
	inMemoryHeap()
	defer src.Close()
	err = src.Each(func(d *claims.Document) error { docs = append(docs, d); return nil })
	return docs, nil, err
}

// inputBytes is the size of the regular files under paths (what `--spill
// auto` looks at first; errors and special files count as nothing here,
// reading reports them), and what it learnt of each of them, by path, for
// reading to use (ingest.Options.Stated) instead of stating them again.
func inputBytes(paths []string) (int64, map[string]fs.FileInfo) {
	var n int64
	stated := map[string]fs.FileInfo{}
	for _, p := range paths {
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				if fi, err := d.Info(); err == nil {
					n += fi.Size()
					stated[path] = fi
				}
			}
			return nil
		})
	}
	return n, stated
}

// inputs is what the command says about the documents it was given: how
// many were read, the skipped ones, and their warnings (an archive run
// gives these without keeping every document).
type inputs struct {
	read     int
	skipped  []*claims.Document
	warnings []string
}

func describe(docs []*claims.Document) inputs {
	var in inputs
	for _, d := range docs {
		if d.Status == claims.StatusSkipped {
			in.skipped = append(in.skipped, d)
		} else {
			in.read++
		}
		in.warnings = append(in.warnings, d.Warnings...)
	}
	return in
}

// checkRead refuses a run in which no document was read, unless
// --allow-empty accepts it.
func (f *reportFlags) checkRead(in inputs, paths []string) error {
	if f.allowEmpty || in.read > 0 {
		return nil
	}
	why := ""
	if len(in.skipped) > 0 {
		why = " (" + ingest.SummaryOf(in.read, in.skipped) + ")"
	}
	return fmt.Errorf("no documents read from %s%s: nothing to compare; pass --allow-empty to accept an empty input",
		strings.Join(paths, " "), why)
}

// formatFor infers the output format from an -o file's extension; "" when
// the extension says nothing (the default then applies).
func formatFor(path string, formats []string) string {
	var f string
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		f = "html"
	case ".md", ".markdown":
		f = "markdown"
	case ".csv":
		f = "csv"
	case ".json":
		f = "json"
	case ".jsonl", ".ndjson":
		f = "jsonl"
	case ".jsonld":
		f = "claimreview"
	}
	if !contains(formats, f) {
		return ""
	}
	return f
}

// openOutput opens the -o file for writing without truncating it (a run
// that fails before writing leaves yesterday's report as it was); created
// says whether it did not exist before (so a failed run can remove it
// instead of leaving an empty report behind).
func openOutput(path string) (fh *os.File, created bool, err error) {
	_, statErr := os.Stat(path)
	fh, err = os.OpenFile(path, os.O_WRONLY|os.O_CREATE, 0o666)
	if err != nil {
		return nil, false, fmt.Errorf("cannot write the output file: %w", err)
	}
	return fh, errors.Is(statErr, fs.ErrNotExist), nil
}

// truncOnWrite empties its file at the first write, so the old content
// goes only when the new report starts.
type truncOnWrite struct {
	f     *os.File
	begun bool
}

func (t *truncOnWrite) Write(p []byte) (int, error) {
	if !t.begun {
		t.begun = true
		if err := t.f.Truncate(0); err != nil {
			return 0, err
		}
		if _, err := t.f.Seek(0, io.SeekStart); err != nil {
			return 0, err
		}
	}
	return t.f.Write(p)
}

// checkLanguage refuses a --lang (or config language) the rules do not
// have, listing those they do.
func checkLanguage(lang string, set *rules.Set) error {
	if lang == "" || set.Languages[lang] != nil {
		return nil
	}
	return fmt.Errorf("unknown language %q (known: %s)", lang, strings.Join(set.Codes, ", "))
}

// reviewPath finds the review file the way the configuration is found: the
// flag's path (relative to the working directory); else the config's
// review_file; else the nearest .crosscheck-review.yaml from the working
// directory up; else one beside the configuration file; else one in the
// working directory (where "review" then creates it).
func reviewPath(flagPath string, cfg *config.Config, env Env) string {
	wd, err := env.Getwd()
	if err != nil {
		wd = "."
	}
	if flagPath != "" {
		if filepath.IsAbs(flagPath) {
			return flagPath
		}
		return filepath.Join(wd, flagPath)
	}
	if cfg != nil && cfg.ReviewFile != "" {
		return cfg.ReviewFile
	}
	for dir := wd; ; {
		p := filepath.Join(dir, review.DefaultPath)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	if cfg != nil {
		return filepath.Join(cfg.Dir, review.DefaultPath)
	}
	return filepath.Join(wd, review.DefaultPath)
}

func loadConfig(path string, env Env) (*config.Config, error) {
	if path != "" {
		return config.Load(path)
	}
	wd, err := env.Getwd()
	if err != nil {
		return nil, nil
	}
	return config.Find(wd)
}

// ruleSetLater returns a function that waits for ruleSet(dirs). The
// built-in set is compiled in the background; a user's rules are compiled
// before ruleSetLater returns.
func ruleSetLater(dirs []string) func() (*rules.Set, error) {
	if len(dirs) > 0 {
		set, err := ruleSet(dirs)
		return func() (*rules.Set, error) { return set, err }
	}
	done := make(chan struct{})
	var set *rules.Set
	var err error
	go func() {
		defer close(done)
		set, err = rules.Builtin()
	}()
	return func() (*rules.Set, error) {
		<-done
		return set, err
	}
}

func ruleSet(dirs []string) (*rules.Set, error) {
	if len(dirs) == 0 {
		return rules.Builtin()
	}
	return rules.Load(dirs...)
}

func runReview(args []string, env Env) (int, error) {
	fs := flag.NewFlagSet("review", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	confirm := fs.Bool("confirm", false, "confirm the finding")
	dismiss := fs.Bool("dismiss", false, "dismiss the finding: later reports hide it")
	reason := fs.String("reason", "", "why (required)")
	by := fs.String("by", "", "who decided")
	file := fs.String("review-file", "", "review decisions file (default: config's review_file or .crosscheck-review.yaml)")
	cfgPath := fs.String("config", "", "configuration file")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return ExitError, err
	}
	if len(pos) != 1 {
		return ExitError, errors.New("want exactly one finding ID (as shown in the report)")
	}
	id, err := review.ParseID(pos[0])
	if err != nil {
		return ExitError, err
	}
	if *confirm == *dismiss {
		return ExitError, errors.New("say --confirm or --dismiss")
	}
	if strings.TrimSpace(*reason) == "" {
		return ExitError, errors.New("--reason is required: the next editor needs to know why")
	}
	cfg, err := loadConfig(*cfgPath, env)
	if err != nil {
		return ExitError, err
	}
	rf, err := review.Load(reviewPath(*file, cfg, env))
	if err != nil {
		return ExitError, err
	}
	status := "confirmed"
	if *dismiss {
		status = "dismissed"
	}
	d := report.Decision{ID: id, Status: status, Reason: *reason, By: *by, At: env.Now().UTC().Format(time.RFC3339)}
	prev, replaced, err := rf.RecordReplacing(d)
	if err != nil {
		return ExitError, err
	}
	if err := rf.Save(); err != nil {
		return ExitError, err
	}
	if replaced {
		fmt.Fprintf(env.Stderr, "%s: replaces the earlier decision: %s\n", d.ID, describeDecision(prev))
	}
	fmt.Fprintf(env.Stdout, "%s %s in %s\n", d.ID, status, rf.Path)
	return ExitOK, nil
}

// describeDecision is one decision in words: "dismissed by ana at TIME
// (reason)".
func describeDecision(d report.Decision) string {
	s := d.Status
	if d.By != "" {
		s += " by " + d.By
	}
	if d.At != "" {
		s += " at " + d.At
	}
	if d.Reason != "" {
		s += " (" + strings.Join(strings.Fields(d.Reason), " ") + ")"
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func countOf(ss []string, s string) int {
	n := 0
	for _, x := range ss {
		if x == s {
			n++
		}
	}
	return n
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// termWidth is the width the table is laid out for: $COLUMNS when set,
// else the terminal's own width when w is one, else report.DefaultWidth.
func termWidth(w io.Writer) int {
	return widthFrom(os.Getenv("COLUMNS"), func() (int, bool) {
		f, ok := w.(*os.File)
		if !ok || !term.IsTerminal(int(f.Fd())) {
			return 0, false
		}
		cols, _, err := term.GetSize(int(f.Fd()))
		return cols, err == nil && cols > 0
	})
}

func widthFrom(columns string, size func() (int, bool)) int {
	if c, err := strconv.Atoi(columns); err == nil && c > 20 {
		return c
	}
	if c, ok := size(); ok && c > 0 {
		return c
	}
	return report.DefaultWidth
}
