package report

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/crosscheck/crosscheck/compare"
)

// Counts of people (and ordinals) are whole numbers: the summary never
// shows the comparison's fractional rounding margins as their bounds.
func TestCountBoundsAreWhole(t *testing.T) {
	const frac = "Casualties killed: a says 11 people; b says 12 people — a's upper bound (11.49) is below b's lower bound (11.51)."
	for kind, want := range map[string]string{
		"count":   "Casualties killed: a says 11 people; b says 12 people — a's upper bound (11) is below b's lower bound (12).",
		"ordinal": "Casualties killed: a says 11 people; b says 12 people — a's upper bound (11) is below b's lower bound (12).",
		// A quantity may be fractional (2.5 km): left as it is.
		"quantity": frac,
	} {
		d := FromFinding(compare.Finding{ID: "CC-0000000000", Kind: kind, Summary: frac})
		assert.Equal(t, want, d.Summary, kind)
	}
	d := FromFinding(compare.Finding{Kind: "count", Summary: "x's upper bound (4999.5) is below y's lower bound (5000.5); also lower bound (-2.5)"})
	assert.Equal(t, "x's upper bound (4999) is below y's lower bound (5001); also lower bound (-2)", d.Summary)
}
