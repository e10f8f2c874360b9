package app

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExplainCompared: a claim of a finding is explained with its group,
// why it was paired and the conflicting claim it met.
func TestExplainCompared(t *testing.T) {
	r := runCmd(t, "explain", exampleDir, "--phrase", "2023", "--format", "json")
	require.Equal(t, ExitOK, r.code, r.stderr)
	var out []explainedClaim
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out), r.stdout)
	require.NotEmpty(t, out)
	var met []string
	for _, e := range out {
		for _, o := range e.Outcomes {
			if o.Compared {
				assert.NotEmpty(t, o.Group)
				assert.Contains(t, o.Why, "Paired as")
				for _, m := range o.Met {
					met = append(met, m.Verdict+" "+m.Text)
				}
			}
		}
	}
	assert.Contains(t, strings.Join(met, "\n"), "conflict", "the 2023 pact date meets the June one: %v", met)
}

// TestExplainNotCompared: a claim never compared says why, in words.
func TestExplainNotCompared(t *testing.T) {
	r := runCmd(t, "explain", exampleDir, "--phrase", "3 minute", "--format", "json")
	// "3 minute read" is page furniture: no claim at all.
	assert.Equal(t, ExitFindings, r.code)
	assert.Contains(t, r.stderr, "no claim was read there")

	r = runCmd(t, "explain", exampleDir, "--phrase", "2016")
	require.Equal(t, ExitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "not compared:", "the 2016 plan is another occurrence")
}

func TestExplainUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"explain", exampleDir}, "--at DOC:LINE"},
		{[]string{"explain", exampleDir, "--at", "x"}, "want DOC:LINE"},
		{[]string{"explain", exampleDir, "--at", "nosuchdoc:3"}, "no document"},
		{[]string{"explain", exampleDir, "--at", "001-annual-plenary:0"}, "the line must be"},
		{[]string{"explain", exampleDir, "--phrase", "x", "--format", "csv"}, "unknown format"},
	} {
		r := runCmd(t, tc.args...)
		assert.Equal(t, ExitError, r.code, tc.args)
		assert.Contains(t, r.stderr, tc.want, tc.args)
	}
}
