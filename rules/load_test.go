package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuiltinLoads(t *testing.T) {
	s, err := Builtin()
	require.NoError(t, err)
	assert.Equal(t, []string{"en", "id"}, s.Codes)
	assert.NotNil(t, s.FrameByName("pact"))
	for _, l := range s.Languages {
		assert.NotEmpty(t, l.Dates, l.Code)
	}
}

func TestLoadErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"unknown key", langWith("monthz: []\n"), "bad.yaml:7"},
		{"bad pattern slot", langWith("dates:\n  - {id: d, match: \"$fortnight\"}\n"), "unknown slot $fortnight"},
		{"bad list", langWith("dates:\n  - {id: d, match: \"@nolist $year\"}\n"), "unknown list @nolist"},
		{"duplicate id", langWith("dates:\n  - {id: d, match: \"$year\"}\n  - {id: d, match: \"$year\"}\n"), "duplicate dates pattern id"},
		{"frame without triggers", "frames:\n  - name: x\n    attributes: [{name: a, kinds: [date]}]\n", "bad.yaml:2: a frame needs"},
		{"counts_as unknown", "frames:\n  - name: x\n    triggers: [x]\n    counts_as: {victims: persons}\n    attributes: [{name: a, kinds: [count]}]\n", "bad.yaml:2: frame \"x\": counts_as victims: persons"},
		{"duplicate trigger", "frames:\n  - name: x\n    triggers:\n      - merger\n      - deal\n      - Merger\n    attributes: [{name: a, kinds: [date]}]\n", "bad.yaml:6: frame \"x\": trigger \"Merger\" given twice"},
		{"duplicate attribute word", "frames:\n  - name: x\n    triggers: [x]\n    attributes:\n      - {name: a, kinds: [date]}\n      - name: b\n        kinds: [count]\n        words:\n          - toll\n          - toll\n", "bad.yaml:10: attribute \"b\": word \"toll\" given twice"},
		{"duplicate participant name", "participants:\n  - id: lebanon\n    names:\n      - Lebanon\n      - Beirut\n      - Lebanon\n", "bad.yaml:6: participant \"lebanon\": name \"Lebanon\" given twice"},
		{"duplicate list word", strings.Replace(langWith(""), "range_to: [to]", "range_to: [to, till, To]", 1), "bad.yaml:6: list range_to: \"To\" given twice"},
		{"duplicate attribute", "frames:\n  - name: x\n    triggers: [x]\n    attributes:\n      - {name: a, kinds: [date]}\n      - {name: a, kinds: [count]}\n", "bad.yaml:6: frame \"x\": attribute \"a\" given twice"},
		{"unknown kind", "frames:\n  - name: x\n    triggers: [x]\n    attributes: [{name: a, kinds: [colour]}]\n", "unknown kind"},
		{"not a rule file", "hello: world\n", "not a rule file"},
		// Captures keep an offset word's value in an int16.
		{"offset out of range", langWith("offsets: {last: -1, aeons: 40000}\n"), "offset \"aeons\": 40000 is outside -32768..32767"},
		// A list the code reads must be declared, empty to switch its
		// feature off: a missing one used to switch it off silently.
		{"missing list", langLists("time_glue"), "bad.yaml:6: lists: missing time_glue"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte(tc.file), 0o644))
			_, err := Load(dir)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Contains(t, err.Error(), "bad.yaml")
		})
	}
}

// langWith builds a minimal valid language file plus extra sections: every
// required list is declared, empty but for range_to.
func langWith(extra string) string {
	return langLists("") + extra
}

// langLists is langWith's file without the list named skip.
func langLists(skip string) string {
	var lists []string
	for _, n := range RequiredLists {
		switch n {
		case skip:
		case "range_to":
			lists = append(lists, n+": [to]")
		default:
			lists = append(lists, n+": []")
		}
	}
	return `language: xx
name: Test
months: [[m1], [m2], [m3], [m4], [m5], [m6], [m7], [m8], [m9], [m10], [m11], [m12]]
weekdays: [[d1], [d2], [d3], [d4], [d5], [d6], [d7]]
numbers: {decimal: ".", group: ","}
lists: {` + strings.Join(lists, ", ") + `}
`
}

// TestAttributeNames: a claim's attribute name is made by
// Frame.AttributeName and read back by Set.Attribute, for every attribute
// the rules define, and nothing else resolves.
func TestAttributeNames(t *testing.T) {
	s, err := Builtin()
	require.NoError(t, err)
	n := 0
	for _, f := range s.Frames {
		for ai, a := range f.Attributes {
			fr, at, ok := s.Attribute(f.AttributeName(ai))
			require.True(t, ok, f.AttributeName(ai))
			assert.Same(t, f, fr)
			assert.Same(t, a, at)
			n++
		}
	}
	assert.Greater(t, n, 20)
	for _, name := range []string{"pact.signd", "pact", "", ".signed", "document.published"} {
		_, _, ok := s.Attribute(name)
		assert.False(t, ok, name)
	}
}

func TestUserFrameExtendsBuiltin(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "frames.yaml"), []byte(
		"frames:\n  - name: festival\n    recurring: true\n    triggers: [festival, festival musik]\n    attributes:\n      - {name: date, kinds: [date], default: true}\n"), 0o644))
	s, err := Load(dir)
	require.NoError(t, err)
	assert.NotNil(t, s.FrameByName("festival"))
	assert.NotNil(t, s.FrameByName("pact"), "built-in frames stay")
}

// FuzzLoad feeds arbitrary YAML to the rule loader: it may reject the file
// but must never panic, and a rejection must name the file.
func FuzzLoad(f *testing.F) {
	f.Add("language: xx\n")
	f.Add("frames:\n  - name: x\n    triggers: [a]\n    attributes: [{name: d, kinds: [date]}]\n")
	f.Add(langWith("dates:\n  - {id: d, match: \"$day/$mon/$year2? @range_to|x-y?\"}\n"))
	f.Add("participants:\n  - {id: a, names: [A]}\n")
	base := source{name: "base.yaml", data: []byte(langWith(""))}
	f.Fuzz(func(t *testing.T, yamlText string) {
		// compile, not Load: the built-in rules would dominate each run.
		if _, err := compile([]source{base, {name: "f.yaml", data: []byte(yamlText)}}); err != nil &&
			!strings.Contains(err.Error(), "f.yaml") && !strings.Contains(err.Error(), "base.yaml") {
			t.Fatalf("error does not name the file: %v", err)
		}
	})
}

// TestListIDsNamed: every ListID has a name of its own, so a list the code
// reads is one the loader makes every language declare.
func TestListIDsNamed(t *testing.T) {
	seen := map[string]bool{}
	for id, n := range RequiredLists {
		if n == "" || seen[n] {
			t.Errorf("ListID %d: name %q empty or given twice", id, n)
		}
		seen[n] = true
	}
}
