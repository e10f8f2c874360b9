package review

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck/crosscheck/compare/report"
)

func TestLoadMissingFileIsEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), DefaultPath)
	f, err := Load(path)
	require.NoError(t, err)
	assert.Equal(t, path, f.Path)
	assert.Empty(t, f.Decisions)
}

func TestRecordSaveLoadRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), DefaultPath)
	f, err := Load(path)
	require.NoError(t, err)

	require.NoError(t, f.Record(report.Decision{ID: "CC-bbbbbbbbbb", Status: Dismissed, Reason: "crowd estimates vary", By: "ben", At: "2025-03-13T10:00:00Z"}))
	require.NoError(t, f.Record(report.Decision{ID: "CC-aaaaaaaaaa", Status: Confirmed, Reason: "city hall: 8 March\nsecond line: with # and: colon", By: "ana"}))
	// A later decision for the same finding replaces the earlier one.
	require.NoError(t, f.Record(report.Decision{ID: " CC-bbbbbbbbbb ", Status: Confirmed, Reason: "organisers' count is 4,000", By: "ana", At: "2025-03-14T09:00:00Z"}))
	require.Len(t, f.Decisions, 2)
	assert.Equal(t, "CC-aaaaaaaaaa", f.Decisions[0].ID, "sorted by id")
	require.NoError(t, f.Save())

	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, header+`version: 1
decisions:
  - id: CC-aaaaaaaaaa
    status: confirmed
    reason: |-
      city hall: 8 March
      second line: with # and: colon
    by: ana
  - id: CC-bbbbbbbbbb
    status: confirmed
    reason: organisers' count is 4,000
    by: ana
    at: "2025-03-14T09:00:00Z"
`, string(data))

	back, err := Load(path)
	require.NoError(t, err)
	assert.Equal(t, f.Decisions, back.Decisions)

	// Saving again without changes writes the same bytes: no diff noise.
	require.NoError(t, back.Save())
	again, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, data, again)

	// No temporary files are left behind.
	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	assert.Len(t, entries, 1)
}

func TestSaveKeepsPermissions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "review.yaml")
	require.NoError(t, os.WriteFile(path, []byte("version: 1\n"), 0o600))
	f, err := Load(path)
	require.NoError(t, err)
	require.NoError(t, f.Record(report.Decision{ID: "CC-1", Status: Confirmed}))
	require.NoError(t, f.Save())
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
}

func TestSaveFailsCleanly(t *testing.T) {
	f := &File{Path: filepath.Join(t.TempDir(), "missing-dir", "review.yaml")}
	require.NoError(t, f.Record(report.Decision{ID: "CC-1", Status: Confirmed}))
	assert.Error(t, f.Save())
	assert.EqualError(t, (&File{}).Save(), "review file has no path")
}

func TestRecordValidates(t *testing.T) {
	for _, tc := range []struct {
		d    report.Decision
		want string
	}{
		{report.Decision{ID: "CC-1", Status: "maybe"}, `decision for CC-1 has status "maybe" (want "confirmed" or "dismissed")`},
		{report.Decision{ID: "CC-1"}, `decision for CC-1 has no status (want "confirmed" or "dismissed")`},
		{report.Decision{Status: Confirmed}, "decision without an id"},
		{report.Decision{ID: "CC 1", Status: Confirmed}, `finding id "CC 1" contains white space`},
	} {
		f := &File{}
		assert.EqualError(t, f.Record(tc.d), tc.want)
		assert.Empty(t, f.Decisions)
	}
}

func TestApply(t *testing.T) {
	r := &report.Report{Discrepancies: []report.Discrepancy{
		{ID: "CC-aaaaaaaaaa"}, {ID: "CC-bbbbbbbbbb"}, {ID: "CC-cccccccccc", Review: &report.Decision{ID: "CC-cccccccccc", Status: Confirmed}},
	}}
	f := &File{Decisions: []report.Decision{
		{ID: "CC-aaaaaaaaaa", Status: Confirmed, By: "ana"},
		{ID: "CC-bbbbbbbbbb", Status: Dismissed, Reason: "same event, rounding"},
		{ID: "CC-zzzzzzzzzz", Status: Dismissed, Reason: "gone"},
		{ID: "CC-0000000000", Status: Confirmed},
	}}
	f.Apply(r)
	require.NotNil(t, r.Discrepancies[0].Review)
	assert.Equal(t, Confirmed, r.Discrepancies[0].Review.Status)
	assert.Equal(t, "ana", r.Discrepancies[0].Review.By)
	require.NotNil(t, r.Discrepancies[1].Review)
	assert.Equal(t, Dismissed, r.Discrepancies[1].Review.Status)
	assert.Nil(t, r.Discrepancies[2].Review, "a decision not in the file is cleared")
	assert.Equal(t, []report.Decision{
		{ID: "CC-0000000000", Status: Confirmed},
		{ID: "CC-zzzzzzzzzz", Status: Dismissed, Reason: "gone"},
	}, r.Stale)

	// Reviews are copies: changing the file later does not change the report.
	f.Decisions[0].Status = Dismissed
	assert.Equal(t, Confirmed, r.Discrepancies[0].Review.Status)

	// Nothing stale: the field is empty, so the JSON omits it.
	(&File{}).Apply(r)
	assert.Nil(t, r.Stale)
	assert.Nil(t, r.Discrepancies[0].Review)
}

func TestLoadAccepts(t *testing.T) {
	for name, content := range map[string]string{
		"empty":           "",
		"comments only":   "# nothing yet\n",
		"null":            "~\n",
		"no decisions":    "version: 1\n",
		"null decisions":  "decisions:\n",
		"without version": "decisions:\n  - id: CC-1\n    status: dismissed\n",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "r.yaml")
			require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
			_, err := Load(path)
			assert.NoError(t, err)
		})
	}
}

func TestLoadRejects(t *testing.T) {
	for _, tc := range []struct {
		name, content, want string
	}{
		{"unknown top-level key", "version: 1\nreviews: []\n", `:2: unknown key "reviews"`},
		{"unknown decision key", "decisions:\n  - id: CC-1\n    status: confirmed\n    note: x\n", `:4: unknown key "note"`},
		{"bad status", "decisions:\n  - id: CC-1\n    status: confirmed\n  - id: CC-2\n    status: dissmissed\n", `:4: decision for CC-2 has status "dissmissed" (want "confirmed" or "dismissed")`},
		{"missing id", "decisions:\n  - status: confirmed\n", `:2: decision without an id`},
		{"duplicate id", "decisions:\n  - id: CC-1\n    status: confirmed\n  - id: CC-1\n    status: dismissed\n", `:4: second decision for CC-1 (the first is at line 2)`},
		{"syntax error", "decisions:\n  - id: CC-1\n    status: confirmed\n    by: ana: ben\n", `:4: mapping values are not allowed in this context`},
		{"repeated key", "decisions:\n  - id: CC-1\n    status: confirmed\n    status: dismissed\n", `:4: key "status" repeated (first at line 3)`},
		{"repeated list", "decisions:\n  - id: CC-1\n    status: confirmed\ndecisions:\n", `:4: key "decisions" repeated (first at line 1)`},
		{"wrong version", "version: 2\n", `:1: unsupported review file version "2" (want 1)`},
		{"decisions not a list", "decisions: CC-1\n", `:1: "decisions" must be a list`},
		{"decision not a mapping", "decisions:\n  - CC-1\n", `:2: a decision is a mapping`},
		{"nested value", "decisions:\n  - id: CC-1\n    status: confirmed\n    by: [ana, ben]\n", `:4: "by" must be a single value`},
		{"not a mapping", "- id: CC-1\n", `:1: a review file is a mapping`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "r.yaml")
			require.NoError(t, os.WriteFile(path, []byte(tc.content), 0o644))
			_, err := Load(path)
			require.Error(t, err)
			assert.Contains(t, err.Error(), path+tc.want)
		})
	}
}

func TestLookup(t *testing.T) {
	f := &File{}
	require.NoError(t, f.Record(report.Decision{ID: "CC-1", Status: Dismissed}))
	d, ok := f.Lookup("CC-1")
	assert.True(t, ok)
	assert.Equal(t, Dismissed, d.Status)
	_, ok = f.Lookup("CC-2")
	assert.False(t, ok)
}

func TestParseID(t *testing.T) {
	for in, want := range map[string]string{"CC-97f1206574": "CC-97f1206574", "cc-97F1206574": "CC-97f1206574", " CC-97f1206574 ": "CC-97f1206574"} {
		got, err := ParseID(in)
		assert.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "CC-97f120657", "CC-97f12065745", "CC-97f120657g", "97f1206574", "DD-97f1206574", "CC_97f1206574"} {
		_, err := ParseID(bad)
		assert.Error(t, err, bad)
		if err != nil {
			assert.Contains(t, err.Error(), "CC-", bad)
		}
	}
}

// IDs typed in another case are the same finding: the decision replaces
// the earlier one, which RecordReplacing returns, and Apply finds it.
func TestIDsIgnoreCase(t *testing.T) {
	f := &File{}
	_, replaced, err := f.RecordReplacing(report.Decision{ID: "CC-aaaaaaaaaa", Status: Dismissed, Reason: "first", By: "ana"})
	require.NoError(t, err)
	assert.False(t, replaced)
	prev, replaced, err := f.RecordReplacing(report.Decision{ID: "cc-AAAAAAAAAA", Status: Confirmed, Reason: "second"})
	require.NoError(t, err)
	assert.True(t, replaced)
	assert.Equal(t, "first", prev.Reason)
	assert.Equal(t, "ana", prev.By)
	require.Len(t, f.Decisions, 1)
	assert.Equal(t, "second", f.Decisions[0].Reason)

	r := &report.Report{Discrepancies: []report.Discrepancy{{ID: "CC-aaaaaaaaaa"}}}
	(&File{Decisions: []report.Decision{{ID: "cc-AAAAAAAAAA", Status: Confirmed}}}).Apply(r)
	require.NotNil(t, r.Discrepancies[0].Review)
	assert.Empty(t, r.Stale)
	d, ok := f.Lookup("CC-AAAAAAAAAA")
	assert.True(t, ok)
	assert.Equal(t, "second", d.Reason)
}

func TestSaveCheckedVetoLeavesFileAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), DefaultPath)
	old := []byte("version: 1\ndecisions:\n  - id: CC-aaaaaaaaaa\n    status: confirmed\n")
	require.NoError(t, os.WriteFile(path, old, 0o644))
	f, err := Parse(path, old)
	require.NoError(t, err)
	require.Len(t, f.Decisions, 1)
	require.NoError(t, f.Record(report.Decision{ID: "CC-bbbbbbbbbb", Status: Dismissed, Reason: "r"}))

	veto := errors.New("changed on disk")
	calls := 0
	err = f.SaveChecked(func() error { calls++; return veto })
	assert.ErrorIs(t, err, veto)
	assert.Equal(t, 1, calls)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, old, data, "a vetoed save leaves the old file")
	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "and no temporary file")

	require.NoError(t, f.SaveChecked(func() error { return nil }))
	back, err := Load(path)
	require.NoError(t, err)
	assert.Len(t, back.Decisions, 2)
}

func TestParseEmptyAndRemove(t *testing.T) {
	f, err := Parse("x.yaml", nil)
	require.NoError(t, err)
	assert.Empty(t, f.Decisions)
	assert.Equal(t, "x.yaml", f.Path)
	_, err = Parse("x.yaml", []byte("decisions: 3\n"))
	assert.EqualError(t, err, `x.yaml:1: "decisions" must be a list`)

	require.NoError(t, f.Record(report.Decision{ID: "CC-aaaaaaaaaa", Status: Confirmed}))
	require.NoError(t, f.Record(report.Decision{ID: "CC-bbbbbbbbbb", Status: Dismissed}))
	got, ok := f.Remove("cc-AAAAAAAAAA")
	assert.True(t, ok)
	assert.Equal(t, "CC-aaaaaaaaaa", got.ID)
	_, ok = f.Remove("CC-aaaaaaaaaa")
	assert.False(t, ok, "removed once")
	require.Len(t, f.Decisions, 1)
	assert.Equal(t, "CC-bbbbbbbbbb", f.Decisions[0].ID)
}
