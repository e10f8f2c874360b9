package pipeline

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The agreements file gives its agreements back in the report's order (by
// attribute, then first claim), and agreements equal in both in the
// order the comparison would list them (by block key, then as handed
// over), whatever order they came in; Close removes the file.
func TestAgreementFileOrder(t *testing.T) {
	af, err := newAgreementFile(t.TempDir())
	require.NoError(t, err)
	put := func(key string, seq int, attr, value string, ids ...string) {
		require.NoError(t, af.put(key, seq, compare.Agreement{Attribute: attr, Value: value, IDs: ids, Sources: []string{"s"}}))
	}
	put("k2", 3, "b.count", "tie, later key", "x:1", "a:1")
	put("k1", 5, "b.count", "tie, earlier key, later seq", "a:1", "y:1")
	put("k1", 4, "b.count", "tie, earlier key, earlier seq", "a:1", "z:1")
	put("k0", 0, "a.date", "first attribute", "q:9", "p:1")
	put("k0", 1, "b.count", "later first claim", "b:1", "c:1")
	src, err := af.source()
	require.NoError(t, err)
	var got []string
	require.NoError(t, src.Each(func(a *report.Agreement) error {
		got = append(got, a.Value)
		return nil
	}))
	assert.Equal(t, []string{"first attribute", "tie, earlier key, earlier seq", "tie, earlier key, later seq",
		"tie, later key", "later first claim"}, got)
	assert.Equal(t, 5, src.N)
	require.NoError(t, af.close())
	assert.Error(t, src.Each(func(*report.Agreement) error { return nil }), "the file is gone")
}

// The spill keeps a story's kept claims apart once its records are
// flushed (compare.KeptStore), and gives them back as they were; before
// the flush it refuses them.
func TestSpillKeptClaims(t *testing.T) {
	sp, err := newSpill(t.TempDir())
	require.NoError(t, err)
	defer sp.close()
	low := 2023.0
	kept := []*claims.Claim{
		{ID: "a:1:5", Doc: "a", Kind: claims.KindDate, Attribute: "pact.signed", Participants: []string{"KP", "RU"},
			Text: "in 2023", Start: 4, End: 11, Sentence: 1, Value: "2023"},
		{ID: "a:2:1", Doc: "a", Kind: claims.KindCount, Attribute: "summit.count", Text: "2023", Start: 20, End: 24,
			Sentence: 2, Value: "2023", Num: &claims.NumberValue{Low: &low, High: &low}},
	}
	require.NoError(t, sp.put(&claims.Document{ID: "a", Text: "text"}, kept, nil))
	_, err = sp.PutKept(kept)
	assert.Error(t, err, "kept claims before the flush")
	require.NoError(t, sp.flush())
	ref, err := sp.PutKept(kept)
	require.NoError(t, err)
	ref2, err := sp.PutKept(kept[1:])
	require.NoError(t, err)
	got, err := sp.Kept(ref)
	require.NoError(t, err)
	assert.Equal(t, kept, got)
	got, err = sp.Kept(ref2)
	require.NoError(t, err)
	assert.Equal(t, kept[1:], got)
	cs, err := sp.Claims("a")
	require.NoError(t, err)
	assert.Equal(t, kept, cs, "the record itself is untouched")
}
