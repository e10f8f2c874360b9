package compare_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/pipeline"
)

// story builds documents from "id: text" pairs; each text starts with its
// own dateline line.
func story(t *testing.T, articles ...string) *pipeline.Result {
	t.Helper()
	var docs []*claims.Document
	for _, a := range articles {
		id, text, ok := strings.Cut(a, ": ")
		require.True(t, ok)
		docs = append(docs, &claims.Document{ID: id, Path: id + ".txt", Text: text, Status: claims.StatusRead})
	}
	res, err := pipeline.Run(docs, pipeline.Options{Workers: 1})
	require.NoError(t, err)
	return res
}

type finding struct {
	category  compare.Category
	attribute string
}

func findings(res *pipeline.Result) []finding {
	var out []finding
	for _, f := range res.Compare.Findings {
		out = append(out, finding{f.Category, f.Attribute})
	}
	return out
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name     string
		articles []string
		want     []finding
		agree    []string // attributes expected among the agreements
	}{
		{
			name: "qualified counts agree: more than 5,000 and at least 5,100",
			articles: []string{
				"a: Monday, March 3, 2025\nFloods in the valley displaced more than 5,000 people, officials said.",
				"b: Monday, March 3, 2025\nAt least 5,100 people were displaced by the valley floods.",
			},
			agree: []string{"casualties.displaced"},
		},
		{
			name: "counts that cannot overlap conflict",
			articles: []string{
				"a: Monday, March 3, 2025\nThe floods in the valley killed 12 people, officials said.",
				"b: Monday, March 3, 2025\nThe valley floods killed 40 people, officials said.",
			},
			want: []finding{{compare.Conflict, "casualties.killed"}},
		},
		{
			name: "a higher toll in a later article is an update",
			articles: []string{
				"a: Monday, March 3, 2025\nThe floods in the valley killed 12 people, officials said.",
				"b: Wednesday, March 5, 2025\nThe valley floods have killed at least 30 people, officials said.",
			},
			want: []finding{{compare.Update, "casualties.killed"}},
		},
		{
			name: "killed and injured are different attributes",
			articles: []string{
				"a: Monday, March 3, 2025\nThe blast killed 12 people in the market.",
				"b: Monday, March 3, 2025\nThe market blast injured 40 people.",
			},
		},
		{
			name: "Indonesian separators: 4.000 is four thousand",
			articles: []string{
				"a: Senin (3/3/2025)\nBanjir di lembah Cisadane membuat 4.000 orang mengungsi, kata BNPB.",
				"b: Monday, March 3, 2025\nThe Cisadane valley floods displaced 4,000 people, BNPB said.",
			},
			agree: []string{"casualties.displaced"},
		},
		{
			name: "two similar events years apart are not compared",
			articles: []string{
				"a: Monday, March 3, 2025\nThe earthquake that struck the island on Sunday killed 10 people.",
				"b: Friday, May 9, 2008\nThe earthquake that struck the island on Thursday killed 3 people.",
			},
		},
		{
			name: "background sentence about an earlier event is not the story's figure",
			articles: []string{
				"a: Monday, March 3, 2025\nThe earthquake on Sunday killed 10 people. A stronger quake in 2003 killed more than 26,000 people.",
				"b: Monday, March 3, 2025\nSunday's earthquake killed 10 people, officials said.",
			},
			agree: []string{"casualties.killed"},
		},
		{
			name: "syndicated copies are one source",
			articles: []string{
				"a: Monday, March 3, 2025\nThe floods in the northern valley killed 12 people and destroyed hundreds of homes, the regional disaster agency said on Monday, adding that rescue teams were still searching villages cut off by landslides.",
				"b: Monday, March 3, 2025\nThe floods in the northern valley killed 12 people and destroyed hundreds of homes, the regional disaster agency said on Monday, adding that rescue teams were still searching villages cut off by landslides. Reporting by staff.",
			},
		},
		{
			name: "a pact's signing dated in two years conflicts across languages",
			articles: []string{
				"a: December 30, 2024\nVladimir Putin and Kim Jong Un signed a mutual defence agreement in 2023.",
				"b: Senin (30/12/2024)\nPyongyang dan Moskow menandatangani pakta pertahanan pada bulan Juni.",
			},
			want: []finding{{compare.Conflict, "pact.signed"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := story(t, tc.articles...)
			assert.ElementsMatch(t, tc.want, findings(res), "findings: %+v", res.Compare.Findings)
			var agreed []string
			for _, a := range res.Compare.Agreements {
				agreed = append(agreed, a.Attribute)
			}
			for _, a := range tc.agree {
				assert.Contains(t, agreed, a)
			}
		})
	}
}

func TestSyndicatedCopiesMerged(t *testing.T) {
	body := "The floods in the northern valley killed 12 people and destroyed hundreds of homes, the regional disaster agency said on Monday, adding that rescue teams were still searching villages cut off by landslides."
	res := story(t, "a: Monday, March 3, 2025\n"+body, "b: Monday, March 3, 2025\n"+body+" More to follow.")
	assert.Equal(t, res.Compare.SourceOf["a"], res.Compare.SourceOf["b"])
	assert.Equal(t, []string{"b"}, res.Compare.Copies["a"])
	for _, d := range res.Report.Documents {
		assert.NotEmpty(t, d.SyndicatedWith, d.ID)
	}
}

func TestFindingCarriesEvidence(t *testing.T) {
	res := story(t,
		"a: Monday, March 3, 2025\nThe valley floods killed 12 people, officials said.",
		"b: Monday, March 3, 2025\nThe floods in the valley killed 40 people, officials said.")
	require.Len(t, res.Compare.Findings, 1)
	f := res.Compare.Findings[0]
	assert.Regexp(t, `^CC-[0-9a-f]{10}$`, f.ID)
	assert.Equal(t, compare.SevHigh, f.Severity)
	require.Len(t, f.Sides, 2)
	for _, s := range f.Sides {
		require.NotEmpty(t, s.Claims)
		assert.NotEmpty(t, s.Sources)
		assert.NotEmpty(t, s.Describe)
	}
	assert.Contains(t, f.Summary, "upper bound")
	assert.Contains(t, f.Why, "casualties.killed")
}

// TestStableIDIgnoresOffsets: a finding's ID depends on documents and words,
// not on where the words stand.
func TestStableIDIgnoresOffsets(t *testing.T) {
	a := story(t,
		"a: Monday, March 3, 2025\nThe valley floods killed 12 people.",
		"b: Monday, March 3, 2025\nThe floods in the valley killed 40 people.")
	b := story(t,
		"a: Monday, March 3, 2025\nIn other news, a bridge reopened.\nThe valley floods killed 12 people.",
		"b: Monday, March 3, 2025\nThe floods in the valley killed 40 people.",
		"c: Monday, March 3, 2025\nA festival opened in the capital.")
	require.Len(t, a.Compare.Findings, 1)
	require.Len(t, b.Compare.Findings, 1)
	assert.Equal(t, a.Compare.Findings[0].ID, b.Compare.Findings[0].ID)
}

func TestInternalChecks(t *testing.T) {
	tests := []struct {
		name, text, kind string
	}{
		{"weekday does not match date", "Monday, March 3, 2025\nThe court ruled on Tuesday, February 6, 2023, officials recalled.", compare.KindWeekdayMismatch},
		{"conversion does not hold", "Monday, March 3, 2025\nThe missile flew 10 km (3 miles) before falling into the sea.", compare.KindConversion},
		{"duration does not match range", "Monday, March 3, 2025\nThe five-day meeting ran from 23 to 26 February.", compare.KindDurationRange},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := story(t, "a: "+tc.text)
			require.Len(t, res.Compare.Findings, 1, "%+v", res.Claims)
			assert.Equal(t, tc.kind, res.Compare.Findings[0].Kind)
			assert.Equal(t, compare.Internal, res.Compare.Findings[0].Category)
		})
	}
	ok := story(t, "a: Monday, March 3, 2025\nIt can hit targets 15,000 kilometers (9,320 miles) away.")
	assert.Empty(t, ok.Compare.Findings, "a correct conversion is quiet")
}

func TestParseSeverity(t *testing.T) {
	for _, s := range []string{"info", "low", "medium", "HIGH "} {
		_, ok := compare.ParseSeverity(s)
		assert.True(t, ok, s)
	}
	_, ok := compare.ParseSeverity("urgent")
	assert.False(t, ok)
}
