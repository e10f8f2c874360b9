// Package review keeps an editor's decisions about findings — confirmed or
// dismissed, why, by whom — in a plain YAML file that lives next to the
// articles and diffs well in version control.
//
// Decisions are keyed by a finding's stable id (compare.StableID), which
// survives unrelated edits to the articles, so a decision sticks to its
// finding across runs. When a finding disappears (the text changed, or a
// rule did), its decision is reported as stale rather than silently lost.
package review

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/crosscheck/crosscheck/compare/report"
)

// DefaultPath is the review file used when configuration names none,
// relative to the working directory.
const DefaultPath = ".crosscheck-review.yaml"

// FormatVersion is the version written to and accepted from review files.
const FormatVersion = 1

// Statuses a decision can have.
const (
	Confirmed = report.StatusConfirmed
	Dismissed = report.StatusDismissed
)

// File is a review file: where it lives and its decisions, sorted by id
// with at most one per id.
type File struct {
	Path      string
	Decisions []report.Decision
}

// header is written at the top of every saved file, so that whoever opens
// it knows what it is and how it is meant to change.
const header = `# crosscheck review decisions: one entry per finding id, sorted by id.
# Record decisions with "crosscheck review ID --confirm|--dismiss --reason ...";
# hand edits are fine, and the file is checked strictly when read.
`

// Load reads the review file at path. A missing file is an empty review,
// since no one has reviewed anything yet; a file that exists but is not a
// valid review file is an error naming path:line, because silently ignoring
// a reviewer's decisions would resurrect findings they dismissed.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &File{Path: path}, nil
	}
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads a review file's content, as Load does with what it reads
// from path (which names the file in errors and becomes the File's Path).
// Empty content is an empty review. A caller that must not overwrite a
// change made on disk meanwhile reads the bytes itself, parses them here,
// and saves with SaveChecked comparing the file to those bytes.
func Parse(path string, data []byte) (*File, error) {
	f := &File{Path: path}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(path, err)
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return f, nil // empty, or only comments
	}
	doc := root.Content[0]
	if doc.Kind == yaml.ScalarNode && doc.Tag == "!!null" {
		return f, nil
	}
	if doc.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: a review file is a mapping with a \"decisions\" list", path, doc.Line)
	}
	if err := noDuplicateKeys(path, doc); err != nil {
		return nil, err
	}
	firstLine := map[string]int{}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		switch k.Value {
		case "version":
			n, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil || n != FormatVersion {
				return nil, fmt.Errorf("%s:%d: unsupported review file version %q (want %d)", path, v.Line, v.Value, FormatVersion)
			}
		case "decisions":
			if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
				continue
			}
			if v.Kind != yaml.SequenceNode {
				return nil, fmt.Errorf("%s:%d: \"decisions\" must be a list", path, v.Line)
			}
			for _, item := range v.Content {
				d, err := decodeDecision(path, item)
				if err != nil {
					return nil, err
				}
				if line, dup := firstLine[strings.ToLower(d.ID)]; dup {
					return nil, fmt.Errorf("%s:%d: second decision for %s (the first is at line %d)", path, item.Line, d.ID, line)
				}
				firstLine[strings.ToLower(d.ID)] = item.Line
				f.Decisions = append(f.Decisions, d)
			}
		default:
			return nil, fmt.Errorf("%s:%d: unknown key %q", path, k.Line, k.Value)
		}
	}
	f.sort()
	return f, nil
}

// decodeDecision reads one list item strictly: known keys only, scalar
// values, an id and a valid status.
func decodeDecision(path string, n *yaml.Node) (report.Decision, error) {
	var d report.Decision
	if n.Kind != yaml.MappingNode {
		return d, fmt.Errorf("%s:%d: a decision is a mapping with id, status, reason, by and at", path, n.Line)
	}
	if err := noDuplicateKeys(path, n); err != nil {
		return d, err
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		var dst *string
		switch k.Value {
		case "id":
			dst = &d.ID
		case "status":
			dst = &d.Status
		case "reason":
			dst = &d.Reason
		case "by":
			dst = &d.By
		case "at":
			dst = &d.At
		default:
			return d, fmt.Errorf("%s:%d: unknown key %q", path, k.Line, k.Value)
		}
		if v.Kind != yaml.ScalarNode {
			return d, fmt.Errorf("%s:%d: %q must be a single value", path, v.Line, k.Value)
		}
		*dst = v.Value
	}
	if err := validate(d); err != nil {
		return d, fmt.Errorf("%s:%d: %w", path, n.Line, err)
	}
	return d, nil
}

// noDuplicateKeys rejects a mapping that repeats a key. yaml.v3 accepts
// repeats when building nodes, and letting the last one win would hide one
// of two conflicting edits (a typical bad merge).
func noDuplicateKeys(path string, m *yaml.Node) error {
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if line, dup := seen[k.Value]; dup {
			return fmt.Errorf("%s:%d: key %q repeated (first at line %d)", path, k.Line, k.Value, line)
		}
		seen[k.Value] = k.Line
	}
	return nil
}

// validate checks what every decision needs, for Load and Record alike.
func validate(d report.Decision) error {
	if strings.TrimSpace(d.ID) == "" {
		return errors.New("decision without an id")
	}
	if strings.ContainsFunc(d.ID, func(r rune) bool { return r <= ' ' }) {
		return fmt.Errorf("finding id %q contains white space", d.ID)
	}
	switch d.Status {
	case Confirmed, Dismissed:
		return nil
	case "":
		return fmt.Errorf("decision for %s has no status (want %q or %q)", d.ID, Confirmed, Dismissed)
	}
	return fmt.Errorf("decision for %s has status %q (want %q or %q)", d.ID, d.Status, Confirmed, Dismissed)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlError turns a yaml.v3 syntax error ("yaml: line 3: ...") into
// "path:3: ...", the form editors jump to.
func yamlError(path string, err error) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s: %s", path, m[1], msg[len(m[0]):])
	}
	return fmt.Errorf("%s: %s", path, strings.TrimPrefix(msg, "yaml: "))
}

// idPattern is the form of a finding id (compare.StableID): "CC-" and ten
// hexadecimal digits.
var idPattern = regexp.MustCompile(`^(?i)cc-[0-9a-f]{10}$`)

// ParseID checks a finding id as a person typed it and returns it in the
// report's spelling ("CC-" and lower-case hex), so that "cc-97F1206574"
// names the same finding as "CC-97f1206574".
func ParseID(s string) (string, error) {
	s = strings.TrimSpace(s)
	if !idPattern.MatchString(s) {
		return "", fmt.Errorf("%q is not a finding id: want CC- and ten hexadecimal digits, as in the report's FINDING column (CC-97f1206574)", s)
	}
	return "CC-" + strings.ToLower(s[3:]), nil
}

// sameID compares finding ids ignoring case.
func sameID(a, b string) bool { return strings.EqualFold(a, b) }

// Record adds d, replacing an earlier decision for the same finding: the
// latest word of a reviewer is the one that counts. The caller fills At
// and By; Record only checks that the decision is well formed.
func (f *File) Record(d report.Decision) error {
	_, _, err := f.RecordReplacing(d)
	return err
}

// RecordReplacing is Record that also returns the decision it replaced, if
// any, so that the command can say what changed. Ids match ignoring case.
func (f *File) RecordReplacing(d report.Decision) (prev report.Decision, replaced bool, err error) {
	d.ID = strings.TrimSpace(d.ID)
	if err := validate(d); err != nil {
		return prev, false, err
	}
	for i := range f.Decisions {
		if sameID(f.Decisions[i].ID, d.ID) {
			prev = f.Decisions[i]
			f.Decisions[i] = d
			return prev, true, nil
		}
	}
	f.Decisions = append(f.Decisions, d)
	f.sort()
	return prev, false, nil
}

// Remove takes the decision for id (ignoring case) out of the file and
// returns it; ok is false when there was none. A finding whose decision is
// removed is open again.
func (f *File) Remove(id string) (removed report.Decision, ok bool) {
	for i := range f.Decisions {
		if sameID(f.Decisions[i].ID, id) {
			removed = f.Decisions[i]
			f.Decisions = append(f.Decisions[:i], f.Decisions[i+1:]...)
			return removed, true
		}
	}
	return removed, false
}

// Lookup returns the decision for id (ignoring case), if any.
func (f *File) Lookup(id string) (report.Decision, bool) {
	for _, d := range f.Decisions {
		if sameID(d.ID, id) {
			return d, true
		}
	}
	return report.Decision{}, false
}

func (f *File) sort() {
	sort.SliceStable(f.Decisions, func(i, j int) bool { return f.Decisions[i].ID < f.Decisions[j].ID })
}

// fileYAML is the on-disk shape. Field order is the order written.
type fileYAML struct {
	Version   int            `yaml:"version"`
	Decisions []decisionYAML `yaml:"decisions"`
}

type decisionYAML struct {
	ID     string `yaml:"id"`
	Status string `yaml:"status"`
	Reason string `yaml:"reason,omitempty"`
	By     string `yaml:"by,omitempty"`
	At     string `yaml:"at,omitempty"`
}

// Marshal renders the file as saved: the header comment, then the
// decisions sorted by id, one key per line, so that a change to one decision
// is a change to its own lines only.
func (f *File) Marshal() ([]byte, error) {
	f.sort()
	out := fileYAML{Version: FormatVersion, Decisions: make([]decisionYAML, 0, len(f.Decisions))}
	for _, d := range f.Decisions {
		out.Decisions = append(out.Decisions, decisionYAML(d))
	}
	var buf bytes.Buffer
	buf.WriteString(header)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Save writes the file atomically: to a temporary file in the same
// directory, synced, then renamed over the old one, so that a crash or a
// full disk never leaves a half-written review file behind. An existing
// file's permissions are kept.
func (f *File) Save() error { return f.SaveChecked(nil) }

// SaveChecked is Save with a last check: check, when not nil, runs after
// the temporary file is written and just before it is renamed over the
// old one, and an error from it abandons the write (the temporary file is
// removed, the old file left as it was) and is returned. crosscheck serve
// uses it to re-read a review file that another program changed while a
// decision was being recorded, instead of overwriting it blind.
func (f *File) SaveChecked(check func() error) error {
	if f.Path == "" {
		return errors.New("review file has no path")
	}
	data, err := f.Marshal()
	if err != nil {
		return err
	}
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(f.Path); err == nil {
		mode = st.Mode().Perm()
	}
	dir := filepath.Dir(f.Path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(f.Path)+".*.tmp")
	if err != nil {
		return err
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if check != nil {
		if err := check(); err != nil {
			return err
		}
	}
	if err := os.Rename(name, f.Path); err != nil {
		return err
	}
	ok = true
	return nil
}

// Apply puts the decisions on the report: each discrepancy whose id has a
// decision gets it as Review (others get none), and decisions whose finding
// is not in the report go to r.Stale, sorted by id, so that renderers can
// warn about them.
func (f *File) Apply(r *report.Report) {
	byID := make(map[string]report.Decision, len(f.Decisions))
	for _, d := range f.Decisions {
		byID[strings.ToLower(d.ID)] = d
	}
	present := make(map[string]bool, len(r.Discrepancies))
	for i := range r.Discrepancies {
		disc := &r.Discrepancies[i]
		present[strings.ToLower(disc.ID)] = true
		if d, ok := byID[strings.ToLower(disc.ID)]; ok {
			disc.Review = &d
		} else {
			disc.Review = nil
		}
	}
	r.Stale = nil
	for _, d := range f.Decisions {
		if !present[strings.ToLower(d.ID)] {
			r.Stale = append(r.Stale, d)
		}
	}
	sort.SliceStable(r.Stale, func(i, j int) bool { return r.Stale[i].ID < r.Stale[j].ID })
}
