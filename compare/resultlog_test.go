package compare

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The results log gives back what was put, record by record and in order,
// with empty and missing lists told apart (JSON's [] and null).
func TestResultLogRoundTrip(t *testing.T) {
	l, err := newResultLog(t.TempDir())
	require.NoError(t, err)
	defer l.close()
	f := Finding{ID: "CC-0123456789", Kind: "count", Category: Update, Severity: SevMedium, Attribute: "quake.deaths",
		Summary: "one says 80; another 95", Why: "same story",
		Sides: []Side{{Value: "80", Describe: "80 dead", IDs: []string{"a:3:10"}, Sources: []string{"a"}},
			{Value: "95", IDs: []string{"b:4:2", "c:4:2"}, Sources: []string{}, Newest: true}}}
	a := Agreement{Attribute: "quake.magnitude", Value: "6.1", IDs: []string{"a:1:5", "b:1:9"}, Sources: []string{"a", "b"}}
	records := []struct {
		rs       []blockResult
		internal []docFindings
	}{
		{[]blockResult{{key: "quake.deaths|count|story:7", findings: []Finding{f}, agreements: []Agreement{a}}}, nil},
		{nil, []docFindings{{doc: "d", fs: []Finding{{ID: "CC-1", Kind: "weekday-mismatch", Category: Internal, Severity: SevLow}}}}},
		{[]blockResult{{key: "x|date|story:1"}, {key: "y|date|story:1", agreements: []Agreement{a}}}, nil},
	}
	for _, r := range records {
		require.NoError(t, l.put(r.rs, r.internal))
	}
	require.NoError(t, l.put(nil, nil)) // nothing to keep: no record
	k := 0
	require.NoError(t, l.each(func(rs []blockResult, internal []docFindings) {
		require.Less(t, k, len(records))
		want := records[k]
		if len(want.rs) == 0 {
			assert.Empty(t, rs)
		} else {
			assert.Equal(t, want.rs, rs)
		}
		if len(want.internal) == 0 {
			assert.Empty(t, internal)
		} else {
			assert.Equal(t, want.internal, internal)
		}
		k++
	}))
	assert.Equal(t, len(records), k)
}
