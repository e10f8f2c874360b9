package app

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck/compare/comparetest"
)

// runVerify runs expectation cases (see package comparetest for the case
// format): every *.txtar file named or found under a named directory. It
// prints PASS or FAIL per case, the unmet expectations and unexpected
// findings of each failure, and a closing "N passed, N failed" line that
// scripts can grep.
//
// Exit status: 0 when every case passes, 1 when any fails, 2 when a case is
// malformed or a path cannot be read. A malformed case does not stop the
// run: the other cases still tell the author what they need to know, and the
// error names the file and line to fix.
func runVerify(args []string, env Env) (int, error) {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var rulesDirs multiFlag
	fs.Var(&rulesDirs, "rules", "directory of extra rule files (repeatable); default: the config's rules, else the built-in rules")
	lang := fs.String("lang", "", "force the language of every article (en, id, ...) instead of detecting it")
	cfgPath := fs.String("config", "", "configuration file (default: .crosscheck.yaml found from the working directory up)")
	quiet := fs.Bool("q", false, "print only failing cases and the summary")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: crosscheck verify [flags] PATH...\n\nRuns expectation cases: .txtar files, or directories searched recursively for them.\nExit status: 0 all cases pass, 1 a case fails, 2 a case is malformed.\n\nFlags:")
		fs.PrintDefaults()
	}
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return ExitError, err
	}
	if len(paths) == 0 {
		fs.Usage()
		return ExitError, errors.New("no case files or directories given")
	}
	cfg, err := loadConfig(*cfgPath, env)
	if err != nil {
		return ExitError, err
	}
	if cfg != nil {
		rulesDirs = append(append(multiFlag{}, cfg.Rules...), rulesDirs...)
		if *lang == "" {
			*lang = cfg.Language
		}
	}
	set, err := ruleSet(rulesDirs)
	if err != nil {
		return ExitError, err
	}
	if err := checkLanguage(*lang, set); err != nil {
		return ExitError, err
	}
	opts := []comparetest.Option{comparetest.WithRules(set)}
	if *lang != "" {
		opts = append(opts, comparetest.WithLanguage(*lang))
	}

	var files []string
	for _, p := range paths {
		found, err := comparetest.Cases(p)
		if err != nil {
			return ExitError, err
		}
		if len(found) == 0 {
			return ExitError, fmt.Errorf("%s: no *.txtar cases found", p)
		}
		files = append(files, found...)
	}

	passed, failed := 0, 0
	var malformed []string
	out := env.Stdout
	for _, f := range files {
		res, err := comparetest.Check(f, opts...)
		if err != nil {
			failed++
			malformed = append(malformed, err.Error())
			fmt.Fprintf(out, "FAIL %s\n    malformed case: %v\n", f, err)
			continue
		}
		if res.Passed() {
			passed++
			if !*quiet {
				fmt.Fprintf(out, "PASS %s\n", f)
			}
			continue
		}
		failed++
		fmt.Fprintf(out, "FAIL %s\n", f)
		for _, p := range res.Problems {
			fmt.Fprintf(out, "  %s\n", strings.ReplaceAll(p.Message, "\n", "\n  "))
		}
	}
	fmt.Fprintf(out, "%d passed, %d failed\n", passed, failed)
	switch {
	case len(malformed) == 1:
		return ExitError, errors.New(malformed[0])
	case len(malformed) > 1:
		return ExitError, fmt.Errorf("%d malformed cases:\n  %s", len(malformed), strings.Join(malformed, "\n  "))
	case failed > 0:
		return ExitFindings, nil
	}
	return ExitOK, nil
}
