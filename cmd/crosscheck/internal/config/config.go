// Package config reads .crosscheck.yaml, the per-project settings of the
// crosscheck command: which rule directories to load, the default report
// format and thresholds, and where review decisions live.
//
// The file is found by walking up from the working directory, like
// .editorconfig or .vale.ini, so that one file at the root of a newsroom's
// repository serves every folder of articles below it. Paths in it are
// relative to the file itself, never to wherever the command is run from.
//
// Reading is strict: an unknown key or a bad value is an error naming
// path:line, because a misspelt key ("fail_no") silently ignored would
// change exit codes without anyone noticing.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/report"
)

// FileName is the name Find looks for.
const FileName = ".crosscheck.yaml"

// Config is a loaded configuration file. Empty fields mean "not set": the
// command's own defaults and flags apply.
type Config struct {
	Path string // the file read, absolute
	Dir  string // its directory; relative paths in the file are resolved against it

	Rules             []string // rule directories, absolute
	Language          string   // language override, ISO 639 code
	Format            string   // default report format, one of report.Formats()
	MinSeverity       string   // hide findings below this severity
	FailOn            string   // exit 1 when a finding at or above this severity remains
	ReviewFile        string   // review decisions file, absolute
	ClaimReviewAuthor string   // author named in ClaimReview drafts

	lines map[string]int // key -> line, for Where
}

// Where returns "path:line" of key in the file, or just the path when the
// key is not set, so that callers can point at the setting they reject
// later (a rules directory with a broken rule, say).
func (c *Config) Where(key string) string {
	if n, ok := c.lines[key]; ok {
		return fmt.Sprintf("%s:%d", c.Path, n)
	}
	return c.Path
}

// Find looks for FileName in startDir and each of its parents, and loads
// the first one found. It returns a nil Config and a nil error when there
// is none: running without a configuration file is normal.
func Find(startDir string) (*Config, error) {
	dir, err := filepath.Abs(startDir)
	if err != nil {
		return nil, err
	}
	for {
		path := filepath.Join(dir, FileName)
		st, err := os.Stat(path)
		switch {
		case err == nil && st.Mode().IsRegular():
			return Load(path)
		case err == nil:
			return nil, fmt.Errorf("%s: not a regular file", path)
		case !errors.Is(err, fs.ErrNotExist):
			return nil, err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil, nil
		}
		dir = parent
	}
}

var (
	languageCode = regexp.MustCompile(`^[a-z]{2,3}$`)
	yamlLine     = regexp.MustCompile(`^yaml: line (\d+): `)
)

// Load reads the configuration file at path.
func Load(path string) (*Config, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		return nil, err
	}
	c := &Config{Path: abs, Dir: filepath.Dir(abs), lines: map[string]int{}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		msg := err.Error()
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			return nil, fmt.Errorf("%s:%s: %s", abs, m[1], msg[len(m[0]):])
		}
		return nil, fmt.Errorf("%s: %s", abs, strings.TrimPrefix(msg, "yaml: "))
	}
	if len(root.Content) == 0 {
		return c, nil // empty or comments only
	}
	doc := root.Content[0]
	if doc.Kind == yaml.ScalarNode && doc.Tag == "!!null" {
		return c, nil
	}
	if doc.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: the configuration must be a mapping of settings", abs, doc.Line)
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		at := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: "+format, append([]any{abs, v.Line}, args...)...)
		}
		if line, dup := c.lines[k.Value]; dup {
			return nil, fmt.Errorf("%s:%d: key %q repeated (first at line %d)", abs, k.Line, k.Value, line)
		}
		if _, known := setters[k.Value]; !known {
			return nil, fmt.Errorf("%s:%d: unknown key %q", abs, k.Line, k.Value)
		}
		c.lines[k.Value] = k.Line
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue // "key:" with no value leaves the default
		}
		if err := setters[k.Value](c, v, at); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// errAt builds an error located at the value being read.
type errAt func(format string, args ...any) error

// setters decode and validate each known key.
var setters = map[string]func(c *Config, v *yaml.Node, at errAt) error{
	"rules": func(c *Config, v *yaml.Node, at errAt) error {
		items := []*yaml.Node{v}
		if v.Kind == yaml.SequenceNode {
			items = v.Content
		}
		for _, it := range items {
			if it.Kind != yaml.ScalarNode || strings.TrimSpace(it.Value) == "" {
				return fmt.Errorf("%s:%d: rules must be a list of directories", c.Path, it.Line)
			}
			dir := c.resolve(it.Value)
			st, err := os.Stat(dir)
			if err != nil || !st.IsDir() {
				return fmt.Errorf("%s:%d: rules directory %q not found (paths are relative to %s)", c.Path, it.Line, it.Value, c.Dir)
			}
			c.Rules = append(c.Rules, dir)
		}
		return nil
	},
	"language": func(c *Config, v *yaml.Node, at errAt) error {
		s, err := scalar(v, "language", at)
		if err == nil && !languageCode.MatchString(s) {
			err = at("language %q is not an ISO 639 code such as \"en\" or \"id\"", s)
		}
		c.Language = s
		return err
	},
	"format": func(c *Config, v *yaml.Node, at errAt) error {
		s, err := scalar(v, "format", at)
		if err != nil {
			return err
		}
		for _, f := range report.Formats() {
			if s == f {
				c.Format = s
				return nil
			}
		}
		return at("format %q is not a report format (want one of %s)", s, strings.Join(report.Formats(), ", "))
	},
	"min_severity": func(c *Config, v *yaml.Node, at errAt) error {
		s, err := severity(v, "min_severity", at)
		c.MinSeverity = s
		return err
	},
	"fail_on": func(c *Config, v *yaml.Node, at errAt) error {
		s, err := severity(v, "fail_on", at)
		c.FailOn = s
		return err
	},
	"review_file": func(c *Config, v *yaml.Node, at errAt) error {
		s, err := scalar(v, "review_file", at)
		if err == nil && strings.TrimSpace(s) == "" {
			err = at("review_file is empty")
		}
		c.ReviewFile = c.resolve(s)
		return err
	},
	"claimreview_author": func(c *Config, v *yaml.Node, at errAt) error {
		s, err := scalar(v, "claimreview_author", at)
		c.ClaimReviewAuthor = s
		return err
	},
}

// scalar returns a value that must be a single string (or number).
func scalar(v *yaml.Node, key string, at errAt) (string, error) {
	if v.Kind != yaml.ScalarNode {
		return "", at("%s must be a single value", key)
	}
	return v.Value, nil
}

// severity returns a severity name, normalized to lower case.
func severity(v *yaml.Node, key string, at errAt) (string, error) {
	s, err := scalar(v, key, at)
	if err != nil {
		return "", err
	}
	sev, ok := compare.ParseSeverity(s)
	if !ok {
		return "", at("%s %q is not a severity (want info, low, medium or high)", key, s)
	}
	return sev.String(), nil
}

// resolve makes p absolute against the configuration file's directory.
func (c *Config) resolve(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(c.Dir, p)
}
