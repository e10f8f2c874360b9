// Package rules loads crosscheck's rule data — per-language lexicons and
// patterns, event frames and participant aliases — from YAML, validates it,
// and compiles it once into lookup tables and token matchers.
//
// Rules are data so that adding a language is adding a file: the Go code
// knows slot types and actions, never words. Files are decoded strictly
// (unknown keys are errors) and every error names file:line.
package rules

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck/claims"
	"gopkg.in/yaml.v3"
)

//go:embed data
var builtinFS embed.FS

// Set is a complete, compiled rule set.
type Set struct {
	Languages map[string]*Language
	Codes     []string // language codes, sorted

	Frames      []*Frame
	frameByName map[string]*Frame
	attrByName  map[string]AttrRef // by AttributeName
	// Triggers finds words that evoke frames; the payload indexes
	// TriggerFrames, the frames a word evokes (a word may evoke several).
	Triggers      *Phrases
	TriggerFrames [][]int
	// AttrWords finds attribute words; the payload indexes AttrRefs.
	AttrWords *Phrases
	AttrRefs  [][]AttrRef

	Participants   *Phrases // case-sensitive; payload: index into ParticipantIDs
	ParticipantIDs []string
	// UTCOffsets holds, per participant id, the range of UTC offsets in
	// hours its local time can have ([7, 9] for Indonesia): what "local
	// time" means in a story about it. Absent when the data gives none.
	UTCOffsets     map[string][2]float64
	DefiniteBefore *Phrases
	DefiniteAfter  *Phrases
	Counted        *Phrases // payload: index into CountedIDs
	CountedIDs     []string
	// Anaphora opens a sentence that continues the previous one ("It killed
	// 612 people").
	Anaphora *Phrases
	// ClauseWords join clauses ("and", "dan"): a number's attribute word
	// must not lie across one.
	ClauseWords *Phrases
	// Background opens a sentence about an earlier occurrence
	// ("Sebelumnya, ...").
	Background *Phrases
	// PartialBefore and PartialAfter mark a count as an addition to an
	// earlier one ("another four people died", "empat orang lagi"): a
	// part of the total, never the total itself.
	PartialBefore, PartialAfter *Phrases
	// Restate words after a comma give the same figure again in another
	// unit: "$7.70, or 17 percent".
	Restate *Phrases
	// DateOf words make a date part of a noun phrase: "the tsunami of 2004".
	DateOf *Phrases
	// DateAt words make a date a time for its clause ("in 2004", "pada
	// 2018"), even when an event word follows it.
	DateAt *Phrases
	// Appositive words open a phrase after a comma that describes the
	// name before it ("Manokwari, a city of 160,000 people").
	Appositive *Phrases
	// ScopeBefore words open the place a count is limited to ("in the
	// province", "di Aceh"); ScopeNouns are the places named by a common
	// noun ("province", "kabupaten").
	ScopeBefore, ScopeNouns *Phrases
	// StoryStop holds, lower-cased, the capitalised words too common in
	// news to say which story a text belongs to, in any language: each
	// language's story_stop list and its month and weekday names (the
	// first name of each, not the abbreviations, which are often names:
	// "Sun", "Mar").
	StoryStop map[string]bool
}

// AttrRef names attribute Attr of frame Frame.
type AttrRef struct{ Frame, Attr int }

// AttributeName is the name claims carry for attribute ai of the frame
// ("casualties.killed"): the one place that knows how it is made, so that
// nothing splits it again (Set.Attribute goes the other way).
func (f *Frame) AttributeName(ai int) string { return f.Name + "." + f.Attributes[ai].Name }

// Attribute resolves a claim's attribute name (Frame.AttributeName) to its
// frame and attribute; ok is false when the rules define no such
// attribute.
func (s *Set) Attribute(name string) (fr *Frame, at *Attribute, ok bool) {
	r, ok := s.attrByName[name]
	if !ok {
		return nil, nil, false
	}
	fr = s.Frames[r.Frame]
	return fr, fr.Attributes[r.Attr], true
}

// DefaultWindowDays is how long before a story's first article an event
// may have happened and still be the story's own, for a frame whose data
// gives no window_days; compare also takes it as the least window when it
// decides whether a dated sentence is background. One constant, so the
// loader's default and compare's floor cannot drift apart.
const DefaultWindowDays = 21

// Frame is an event type with its attributes.
type Frame struct {
	Name string
	// Once: the event happens once for given participants (a treaty's
	// signing); every other frame is recurring, compared only within one
	// occurrence.
	Once      bool
	NoCompare bool // claims attached here are never compared (reporting verbs)
	// WindowDays: how long before the story's first article a recurring
	// event may have happened and still be the story's own
	// (DefaultWindowDays when the data gives none).
	WindowDays int
	// CountsAs merges things counted when the frame's claims are
	// compared: in a casualties frame a count of victims is a count of
	// people ("35 korban luka" are 35 people hurt). Keys and values are
	// names of the counted table.
	CountsAs   map[string]string
	Attributes []*Attribute
	File       string
	Line       int
}

// Attribute is one property of a frame.
type Attribute struct {
	Name    string
	Kinds   []claims.Kind
	Units   []string
	Default bool
	Growing bool
	Gran    []string // accepted date granularities ("year", ...); empty = any
	// Forward marks attributes that look ahead ("policies for 2025"): with
	// future tense, a value already over at the dateline is an anachronism.
	Forward bool
	// PerSubject attributes belong to a named subject (a candidate's vote
	// share): claims are compared only when their subjects match.
	PerSubject bool
	// Several says which of an article's values stands for it when it
	// gives several incompatible ones for this attribute and no sub-event
	// tells them apart: SeveralMax (the strongest shock is the quake's
	// magnitude), SeveralFirst (the lead's figure), or SeveralNone (the
	// article is left out of the comparison).
	Several Several
	// SentenceWide: a claim in one of the attribute's units belongs to it
	// anywhere in a sentence that evokes the frame, across commas ("The
	// first quake, magnitude 7.6, struck ..."): for units that measure
	// nothing else in such a sentence (a quake's magnitude), not for
	// kilometres.
	SentenceWide bool
	// Counted and NotCounted restrict a count attribute by what its claims
	// count (rules/data/frames counted names, or the noun as written):
	// only those listed, or any but those ("killed in 13 countries" is no
	// death toll).
	Counted, NotCounted []string
	Words               *Phrases
}

// Several is an attribute's rule for an article that gives several values.
type Several uint8

const (
	SeveralNone Several = iota
	SeveralFirst
	SeveralMax
)

var severalNames = map[string]Several{"": SeveralNone, "none": SeveralNone, "first": SeveralFirst, "max": SeveralMax}

// Accepts reports whether the attribute takes claims of kind k (and unit u,
// when the attribute restricts units).
func (a *Attribute) Accepts(kind claims.Kind, unit string) bool {
	if !slices.Contains(a.Kinds, kind) {
		return false
	}
	return len(a.Units) == 0 || contains(a.Units, unit)
}

// TakesCounted reports whether the attribute takes a count of this thing
// ("" for a count whose noun was not found).
func (a *Attribute) TakesCounted(counted string) bool {
	if len(a.Counted) > 0 && !contains(a.Counted, counted) {
		return false
	}
	return !contains(a.NotCounted, counted)
}

var (
	builtinOnce sync.Once
	builtinSet  *Set
	builtinErr  error
)

// Builtin returns the rules shipped with crosscheck, compiled once per process.
func Builtin() (*Set, error) {
	builtinOnce.Do(func() { builtinSet, builtinErr = Load() })
	return builtinSet, builtinErr
}

// Load compiles the built-in rules plus every *.yaml file under dirs. A user
// language file with the same code as a built-in one replaces it; a user
// frame with the same name replaces the built-in frame; participants add up.
func Load(dirs ...string) (*Set, error) {
	files, err := builtinSources()
	if err != nil {
		return nil, err
	}
	useSnapshot(files, builtinSnapshot)
	for _, dir := range dirs {
		var user []source
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !(strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			user = append(user, source{name: p, data: b})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("rules directory %s: %w", dir, err)
		}
		files = append(files, user...)
	}
	return compile(files)
}

// builtinSources reads the rule files compiled into the binary.
func builtinSources() ([]source, error) {
	var files []source
	err := fs.WalkDir(builtinFS, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return err
		}
		b, err := builtinFS.ReadFile(p)
		files = append(files, source{name: "rules/" + p, data: b, builtin: true})
		return err
	})
	return files, err
}

type source struct {
	name string
	data []byte
	// builtin marks the files compiled into the binary. Their keys are
	// known to be valid (TestBuiltinKnownFields decodes each strictly), so
	// they are decoded from the node already parsed rather than parsed a
	// second time: the second parse was a third of start-up's rule loading.
	builtin bool
	// snap, when set, is the file as decoded already (see snapshot), and
	// the file is not parsed at all.
	snap *snapFile
	// record, when set, receives every line compile asks for, by
	// pathKey: what a snapshot keeps of the parsed tree.
	record map[string]int
}

// builtinSnapshot is the built-in rule files decoded (see snapshot),
// written by TestSnapshotIsCurrent with -update-snapshot.
//
//go:embed builtin.snapshot.json
var builtinSnapshot []byte

// snapshot is the built-in rule files as compile reads them: each file's
// decoded struct and the lines compile asks of its tree. Parsing and
// decoding the YAML were most of compiling the rules, which every run of
// the command pays: Load went from 98 M instructions to 45 M with the
// snapshot (encoding/json decoding it is most of what remains).
//
// Rule files stay the source: the snapshot carries a digest of the files
// it was made from (Sum), and Load parses the files whenever it differs,
// so an edited or added file is read as before, only slower until the
// snapshot is written again. TestSnapshotIsCurrent holds it equal to what
// parsing gives.
type snapshot struct {
	Sum   string
	Files []snapFile
}

// snapFile is one file of a snapshot.
type snapFile struct {
	Name   string
	Kind   string // fileKind's answer
	Lang   *langFile
	Frames *framesFile
	Lines  map[string]int // by pathKey
}

// sourcesSum is the digest of files' names and bytes that a snapshot of
// them carries: each file's name, length and CRC-32 (a SHA-256 cost
// as much as the rest of reading the snapshot; a file edited to the same
// length and CRC would still be caught by TestSnapshotIsCurrent).
func sourcesSum(files []source) string {
	var b strings.Builder
	for _, f := range files {
		fmt.Fprintf(&b, "%s %d %08x\n", f.name, len(f.data), crc32.ChecksumIEEE(f.data))
	}
	return b.String()
}

// useSnapshot gives files their decoded forms from the snapshot encoded in
// b when it was made from exactly these files, and leaves them to be
// parsed otherwise (a stale snapshot, or one that no longer decodes into
// the file structs).
func useSnapshot(files []source, b []byte) {
	if len(b) == 0 {
		return
	}
	var snap snapshot
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields() // a field renamed since the snapshot
	if err := dec.Decode(&snap); err != nil || snap.Sum != sourcesSum(files) || len(snap.Files) != len(files) {
		return
	}
	for i := range files {
		if snap.Files[i].Name != files[i].name {
			return
		}
	}
	for i := range files {
		files[i].snap = &snap.Files[i]
	}
}

// makeSnapshot parses and compiles files, and returns their snapshot
// encoded: fields at their zero values are left out (most of a pattern's),
// which keeps decoding it cheap, and decode back to the same.
func makeSnapshot(files []source) ([]byte, error) {
	files = slices.Clone(files)
	for i := range files {
		files[i].snap, files[i].record = nil, map[string]int{}
	}
	if _, err := compile(files); err != nil {
		return nil, err
	}
	snap := snapshot{Sum: sourcesSum(files)}
	for _, f := range files {
		var root yaml.Node
		if err := yaml.Unmarshal(f.data, &root); err != nil {
			return nil, err
		}
		sf := snapFile{Name: f.name, Kind: fileKind(&root), Lines: f.record}
		var err error
		switch sf.Kind {
		case "language":
			sf.Lang = new(langFile)
			err = root.Decode(sf.Lang)
		case "frames":
			sf.Frames = new(framesFile)
			err = root.Decode(sf.Frames)
		}
		if err != nil {
			return nil, err
		}
		snap.Files = append(snap.Files, sf)
	}
	return json.Marshal(nonZero(reflect.ValueOf(snap)))
}

// nonZero is v for encoding/json without the struct fields at their zero
// values, keeping what tells values apart on decoding: an empty slice or
// map stays one (not nil), and a pointer to a zero value stays a pointer.
func nonZero(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Struct:
		out := map[string]any{}
		for i := range v.NumField() {
			if f := v.Field(i); !f.IsZero() {
				out[v.Type().Field(i).Name] = nonZero(f)
			}
		}
		return out
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return nonZero(v.Elem())
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return nil
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = nonZero(v.Index(i))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		out := make(map[string]any, v.Len())
		for it := v.MapRange(); it.Next(); {
			out[it.Key().String()] = nonZero(it.Value())
		}
		return out
	}
	return v.Interface()
}

// fileKind peeks at the top-level keys to tell language files from frame files.
func fileKind(root *yaml.Node) string {
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		switch root.Content[i].Value {
		case "language":
			return "language"
		case "frames", "participants", "definite_before", "definite_after", "counted", "anaphora", "clause_words", "background_markers", "partial_before", "partial_after", "restate", "date_of", "date_at", "appositive", "scope_before", "scope_nouns":
			return "frames"
		}
	}
	return ""
}

type framesFile struct {
	Frames         []frameFile         `yaml:"frames"`
	Participants   []participantFile   `yaml:"participants"`
	DefiniteBefore []string            `yaml:"definite_before"`
	DefiniteAfter  []string            `yaml:"definite_after"`
	Counted        map[string][]string `yaml:"counted"`
	Anaphora       []string            `yaml:"anaphora"`
	ClauseWords    []string            `yaml:"clause_words"`
	Background     []string            `yaml:"background_markers"`
	PartialBefore  []string            `yaml:"partial_before"`
	PartialAfter   []string            `yaml:"partial_after"`
	Restate        []string            `yaml:"restate"`
	DateOf         []string            `yaml:"date_of"`
	DateAt         []string            `yaml:"date_at"`
	Appositive     []string            `yaml:"appositive"`
	ScopeBefore    []string            `yaml:"scope_before"`
	ScopeNouns     []string            `yaml:"scope_nouns"`
}

type frameFile struct {
	Name string `yaml:"name"`
	// Recurring is what a frame is unless it is once; the key is still
	// read so that rule files that say it load, and it may not contradict
	// once.
	Recurring  bool              `yaml:"recurring"`
	Once       bool              `yaml:"once"`
	Compare    *bool             `yaml:"compare"`
	WindowDays int               `yaml:"window_days"`
	Triggers   []string          `yaml:"triggers"`
	CountsAs   map[string]string `yaml:"counts_as"`
	Attributes []attributeFile   `yaml:"attributes"`
}

type attributeFile struct {
	Name         string        `yaml:"name"`
	Kinds        []claims.Kind `yaml:"kinds"`
	Units        []string      `yaml:"units"`
	Default      bool          `yaml:"default"`
	Growing      bool          `yaml:"growing"`
	Gran         []string      `yaml:"gran"`
	Forward      bool          `yaml:"forward"`
	PerSubject   bool          `yaml:"per_subject"`
	Several      string        `yaml:"several"`
	SentenceWide bool          `yaml:"sentence_wide"`
	Counted      []string      `yaml:"counted"`
	NotCounted   []string      `yaml:"not_counted"`
	Words        []string      `yaml:"words"`
}

type participantFile struct {
	ID         string    `yaml:"id"`
	Names      []string  `yaml:"names"`
	UTCOffsets []float64 `yaml:"utc_offsets"`
}

// decodeStrict decodes src, whose node tree compile has read already
// (root: its lines serve error messages), into v, refusing unknown
// fields. yaml.v3 refuses them only when decoding from the text, so a
// user's file is parsed a second time; a built-in one is decoded from the
// tree (see source.builtin): parsing YAML is most of the rules' compile
// time, which every run of the command pays.
func decodeStrict(src source, root *yaml.Node, v any) (*lineFinder, error) {
	if src.snap != nil {
		switch v := v.(type) {
		case *langFile:
			*v = *src.snap.Lang
		case *framesFile:
			*v = *src.snap.Frames
		}
		return &lineFinder{known: src.snap.Lines}, nil
	}
	if src.builtin {
		if err := root.Decode(v); err != nil {
			return nil, yamlErr(src.name, err)
		}
		return &lineFinder{root: root, record: src.record}, nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(src.data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return nil, yamlErr(src.name, err)
	}
	return &lineFinder{root: root, record: src.record}, nil
}

// yamlErr prefixes a yaml.v3 error with the file so that it reads
// "file:line: message".
func yamlErr(file string, err error) error {
	s := strings.TrimSpace(strings.TrimPrefix(err.Error(), "yaml: "))
	s = strings.TrimSpace(strings.TrimPrefix(s, "unmarshal errors:"))
	if rest, ok := strings.CutPrefix(s, "line "); ok {
		if n, msg, ok := strings.Cut(rest, ": "); ok {
			return fmt.Errorf("%s:%s: %s", file, n, msg)
		}
	}
	return fmt.Errorf("%s: %s", file, s)
}

func compile(files []source) (*Set, error) {
	set := &Set{
		Languages:    map[string]*Language{},
		Participants: newPhrases(true), DefiniteBefore: newPhrases(false), DefiniteAfter: newPhrases(false),
		Counted: newPhrases(false), Anaphora: newPhrases(false), ClauseWords: newPhrases(false), Background: newPhrases(false),
		PartialBefore: newPhrases(false), PartialAfter: newPhrases(false), Restate: newPhrases(false), DateOf: newPhrases(false), DateAt: newPhrases(false), Appositive: newPhrases(false), ScopeBefore: newPhrases(false), ScopeNouns: newPhrases(false),
	}
	frames := map[string]*Frame{}
	var frameOrder []string
	triggers := map[string][]string{}    // frame -> trigger words
	attrWords := map[string][][]string{} // frame -> attribute -> words
	participants := map[string][]string{}
	var partOrder []string
	for _, src := range files {
		var root yaml.Node
		kind := ""
		if src.snap != nil {
			kind = src.snap.Kind
		} else {
			if err := yaml.Unmarshal(src.data, &root); err != nil {
				return nil, yamlErr(src.name, err)
			}
			kind = fileKind(&root)
		}
		switch kind {
		case "language":
			var lf langFile
			lines, err := decodeStrict(src, &root, &lf)
			if err != nil {
				return nil, err
			}
			l, err := compileLanguage(&lf, src.name, lines)
			if err != nil {
				return nil, err
			}
			set.Languages[l.Code] = l
		case "frames":
			var ff framesFile
			lines, err := decodeStrict(src, &root, &ff)
			if err != nil {
				return nil, err
			}
			for i, f := range ff.Frames {
				line := lines.line("frames", i)
				if f.Name == "" || len(f.Triggers) == 0 || len(f.Attributes) == 0 {
					return nil, fmt.Errorf("%s:%d: a frame needs a name, triggers and attributes", src.name, line)
				}
				if k, w, dup := duplicate(f.Triggers); dup {
					return nil, fmt.Errorf("%s:%d: frame %q: trigger %q given twice", src.name, lines.line("frames", i, "triggers", k), f.Name, w)
				}
				if f.Once && f.Recurring {
					return nil, fmt.Errorf("%s:%d: frame %q cannot be both once and recurring", src.name, line, f.Name)
				}
				fr := &Frame{Name: f.Name, Once: f.Once, NoCompare: f.Compare != nil && !*f.Compare, WindowDays: f.WindowDays, CountsAs: f.CountsAs, File: src.name, Line: line}
				if fr.WindowDays <= 0 {
					fr.WindowDays = DefaultWindowDays
				}
				attrNames := make([]string, len(f.Attributes))
				for k, a := range f.Attributes {
					attrNames[k] = a.Name
				}
				if k, n, dup := duplicate(attrNames); dup {
					return nil, fmt.Errorf("%s:%d: frame %q: attribute %q given twice", src.name, lines.line("frames", i, "attributes", k), f.Name, n)
				}
				for k, a := range f.Attributes {
					aline := lines.line("frames", i, "attributes", k)
					if a.Name == "" || len(a.Kinds) == 0 {
						return nil, fmt.Errorf("%s:%d: attribute needs a name and kinds", src.name, aline)
					}
					for _, kd := range a.Kinds {
						if !slices.Contains(claims.Kinds, kd) {
							return nil, fmt.Errorf("%s:%d: attribute %q: unknown kind %q", src.name, aline, a.Name, kd)
						}
					}
					several, ok := severalNames[a.Several]
					if !ok {
						return nil, fmt.Errorf("%s:%d: attribute %q: several must be none, first or max, not %q", src.name, aline, a.Name, a.Several)
					}
					at := &Attribute{Name: a.Name, Kinds: a.Kinds, Units: a.Units, Default: a.Default, Growing: a.Growing, Gran: a.Gran, Forward: a.Forward, PerSubject: a.PerSubject, Several: several, SentenceWide: a.SentenceWide, Counted: a.Counted, NotCounted: a.NotCounted, Words: newPhrases(false)}
					if (len(a.Counted) > 0 || len(a.NotCounted) > 0) && !slices.Contains(a.Kinds, claims.KindCount) {
						return nil, fmt.Errorf("%s:%d: attribute %q: counted and not_counted need kind count", src.name, aline, a.Name)
					}
					if a.SentenceWide && len(a.Units) == 0 {
						return nil, fmt.Errorf("%s:%d: attribute %q: sentence_wide needs units", src.name, aline, a.Name)
					}
					if d, w, dup := duplicate(a.Words); dup {
						return nil, fmt.Errorf("%s:%d: attribute %q: word %q given twice", src.name, lines.line("frames", i, "attributes", k, "words", d), a.Name, w)
					}
					for _, w := range a.Words {
						at.Words.add(w, 0)
					}
					fr.Attributes = append(fr.Attributes, at)
				}
				if _, ok := frames[f.Name]; !ok {
					frameOrder = append(frameOrder, f.Name)
				}
				frames[f.Name] = fr
				triggers[f.Name] = f.Triggers
				aw := make([][]string, len(f.Attributes))
				for k, a := range f.Attributes {
					aw[k] = a.Words
				}
				attrWords[f.Name] = aw
			}
			for i, p := range ff.Participants {
				if p.ID == "" || len(p.Names) == 0 {
					return nil, fmt.Errorf("%s:%d: a participant needs an id and names", src.name, lines.line("participants", i))
				}
				if k, n, dup := duplicateExact(p.Names); dup {
					return nil, fmt.Errorf("%s:%d: participant %q: name %q given twice", src.name, lines.line("participants", i, "names", k), p.ID, n)
				}
				if _, ok := participants[p.ID]; !ok {
					partOrder = append(partOrder, p.ID)
				}
				participants[p.ID] = append(participants[p.ID], p.Names...)
				if len(p.UTCOffsets) > 0 {
					o := p.UTCOffsets
					if len(o) != 2 || o[0] > o[1] || o[0] < -12 || o[1] > 14 {
						return nil, fmt.Errorf("%s:%d: utc_offsets: want [min, max] hours within -12..14", src.name, lines.line("participants", i))
					}
					if set.UTCOffsets == nil {
						set.UTCOffsets = map[string][2]float64{}
					}
					set.UTCOffsets[p.ID] = [2]float64{o[0], o[1]}
				}
			}
			for _, w := range ff.DefiniteBefore {
				set.DefiniteBefore.add(w, 0)
			}
			for _, w := range ff.DefiniteAfter {
				set.DefiniteAfter.add(w, 0)
			}
			for _, w := range ff.Anaphora {
				set.Anaphora.add(w, 0)
			}
			for _, w := range ff.ClauseWords {
				set.ClauseWords.add(w, 0)
			}
			for _, w := range ff.Background {
				set.Background.add(w, 0)
			}
			for _, w := range ff.PartialBefore {
				set.PartialBefore.add(w, 0)
			}
			for _, w := range ff.PartialAfter {
				set.PartialAfter.add(w, 0)
			}
			for _, w := range ff.Restate {
				set.Restate.add(w, 0)
			}
			for _, w := range ff.DateOf {
				set.DateOf.add(w, 0)
			}
			for _, w := range ff.DateAt {
				set.DateAt.add(w, 0)
			}
			for _, w := range ff.Appositive {
				set.Appositive.add(w, 0)
			}
			for _, w := range ff.ScopeBefore {
				set.ScopeBefore.add(w, 0)
			}
			for _, w := range ff.ScopeNouns {
				set.ScopeNouns.add(w, 0)
			}
			names := make([]string, 0, len(ff.Counted))
			for n := range ff.Counted {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				set.CountedIDs = append(set.CountedIDs, n)
				for _, w := range ff.Counted[n] {
					set.Counted.add(w, len(set.CountedIDs)-1)
				}
			}
		default:
			return nil, fmt.Errorf("%s:1: not a rule file: expected a top-level \"language\" or \"frames\"/\"participants\" key", src.name)
		}
	}
	trig := newMulti[int]()
	attrs := newMulti[AttrRef]()
	for _, name := range frameOrder {
		fi := len(set.Frames)
		fr := frames[name]
		set.Frames = append(set.Frames, fr)
		for _, w := range triggers[name] {
			trig.add(w, fi)
		}
		for ai := range fr.Attributes {
			for _, w := range attrWords[name][ai] {
				attrs.add(w, AttrRef{fi, ai})
			}
		}
	}
	set.frameByName = map[string]*Frame{}
	set.attrByName = map[string]AttrRef{}
	for fi, f := range set.Frames {
		set.frameByName[f.Name] = f
		for ai := range f.Attributes {
			set.attrByName[f.AttributeName(ai)] = AttrRef{fi, ai}
		}
		for from, to := range f.CountsAs {
			if !contains(set.CountedIDs, from) || !contains(set.CountedIDs, to) {
				return nil, fmt.Errorf("%s:%d: frame %q: counts_as %s: %s: both must be names of the counted table", f.File, f.Line, f.Name, from, to)
			}
		}
	}
	set.Triggers, set.TriggerFrames = trig.build()
	set.AttrWords, set.AttrRefs = attrs.build()
	for _, id := range partOrder {
		set.ParticipantIDs = append(set.ParticipantIDs, id)
		for _, n := range participants[id] {
			set.Participants.add(n, len(set.ParticipantIDs)-1)
			// Datelines and headlines write names in capitals ("JAKARTA,").
			if up := strings.ToUpper(n); up != n {
				set.Participants.add(up, len(set.ParticipantIDs)-1)
			}
		}
	}
	for c := range set.Languages {
		set.Codes = append(set.Codes, c)
	}
	sort.Strings(set.Codes)
	if len(set.Codes) == 0 {
		return nil, errors.New("rules: no language files")
	}
	set.StoryStop = map[string]bool{}
	for _, c := range set.Codes {
		l := set.Languages[c]
		for w := range l.WordSet(ListStoryStop) {
			set.StoryStop[w] = true
		}
		for w, m := range l.months {
			if !m.abbrev {
				set.StoryStop[w] = true
			}
		}
		for w, m := range l.weekdays {
			if !m.abbrev {
				set.StoryStop[w] = true
			}
		}
	}
	return set, nil
}

// duplicateExact is duplicate for case-sensitive lists (participants'
// names, matched as written: "Kim Jong-un" and "Kim Jong-Un" are two).
func duplicateExact(words []string) (int, string, bool) {
	seen := make(map[string]bool, len(words))
	for k, w := range words {
		if seen[w] {
			return k, w, true
		}
		seen[w] = true
	}
	return 0, "", false
}

// duplicate finds a word listed twice (ignoring case), returning the index
// of its second entry: a duplicate is harmless to the matcher but is always
// a slip in the data (the same word added to a list twice, by two people),
// and it hides which copy an edit should change.
func duplicate(words []string) (int, string, bool) {
	seen := make(map[string]bool, len(words))
	for k, w := range words {
		lw := strings.ToLower(w)
		if seen[lw] {
			return k, w, true
		}
		seen[lw] = true
	}
	return 0, "", false
}

// FrameByName returns a frame, or nil. The comparer asks once per claim
// and attribute, so the lookup is a map built with the set.
func (s *Set) FrameByName(name string) *Frame {
	return s.frameByName[name]
}

// lineFinder finds the line of a node by a path of mapping keys and
// sequence indexes, so validation errors can name file:line.
type lineFinder struct {
	root *yaml.Node
	// known, for a file read from a snapshot, holds the lines instead
	// of root, by pathKey.
	known map[string]int
	// record, when set, receives every answer, by pathKey.
	record map[string]int
}

func (lf *lineFinder) line(path ...any) int {
	if lf != nil && lf.known != nil {
		return lf.known[pathKey(path)]
	}
	n := lf.lineOf(path)
	if lf != nil && lf.record != nil {
		lf.record[pathKey(path)] = n
	}
	return n
}

// pathKey is a line's path as one string ("frames/3/attributes/0").
func pathKey(path []any) string {
	var b strings.Builder
	for i, p := range path {
		if i > 0 {
			b.WriteByte('/')
		}
		switch k := p.(type) {
		case string:
			b.WriteString(k)
		case int:
			b.WriteString(strconv.Itoa(k))
		default:
			fmt.Fprint(&b, k)
		}
	}
	return b.String()
}

// lineOf is line read from the tree.
func (lf *lineFinder) lineOf(path []any) int {
	if lf == nil || lf.root == nil {
		return 1
	}
	n := lf.root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	best := n.Line
	for _, p := range path {
		var next *yaml.Node
		switch k := p.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == k {
						next = n.Content[i+1]
						best = n.Content[i].Line
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && k < len(n.Content) {
				next = n.Content[k]
				best = next.Line
			}
		}
		if next == nil {
			return best
		}
		n = next
	}
	return best
}

// multi builds a phrase index whose payload lists every value added under
// the same phrase, so one word can evoke several frames.
type multi[T comparable] struct {
	keys []string
	vals map[string][]T
}

func newMulti[T comparable]() *multi[T] { return &multi[T]{vals: map[string][]T{}} }

func (m *multi[T]) add(phrase string, v T) {
	k := strings.Join(strings.Fields(strings.ToLower(phrase)), " ")
	if _, ok := m.vals[k]; !ok {
		m.keys = append(m.keys, k)
	}
	for _, x := range m.vals[k] {
		if x == v {
			return
		}
	}
	m.vals[k] = append(m.vals[k], v)
}

func (m *multi[T]) build() (*Phrases, [][]T) {
	p := newPhrases(false)
	out := make([][]T, 0, len(m.keys))
	for _, k := range m.keys {
		p.add(k, len(out))
		out = append(out, m.vals[k])
	}
	return p, out
}
