package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/extract"
	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/internal/corpusgen"
	"github.com/crosscheck/crosscheck/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The JSON report is written element by element; its bytes must be those
// json.MarshalIndent gives for the whole value, for every shape of report
// (nil and empty slices, no stale reviews, HTML-escaped strings).
func TestJSONStreamMatchesMarshalIndent(t *testing.T) {
	full := fixtureReport(t)
	noStale := fixtureReport(t)
	noStale.Stale = nil
	cases := map[string]*Report{
		"fixture":       full,
		"no stale":      noStale,
		"nil slices":    {Version: Version},
		"empty slices":  {Version: Version, Documents: []Document{}, Claims: []Claim{}, Discrepancies: []Discrepancy{}, Agreements: []Agreement{}},
		"one of each":   {Version: Version, Documents: full.Documents[:1], Claims: full.Claims[:1], Discrepancies: full.Discrepancies[:1], Agreements: []Agreement{}},
		"html in texts": {Version: Version, Documents: []Document{{ID: "a<b>", Title: `x & "y" </script>`, Status: "read"}}},
	}
	for name, r := range cases {
		t.Run(name, func(t *testing.T) {
			want, err := json.MarshalIndent(r, "", "  ")
			require.NoError(t, err)
			assert.Equal(t, string(want)+"\n", render(t, r, "json", RenderOptions{}))

			co := ClaimsOutput{Version: r.Version, Documents: r.Documents, Claims: r.Claims}
			if co.Documents == nil {
				co.Documents = []Document{}
			}
			if co.Claims == nil {
				co.Claims = []Claim{}
			}
			want, err = json.MarshalIndent(co, "", "  ")
			require.NoError(t, err)
			assert.Equal(t, string(want)+"\n", renderClaims(t, r, "json", RenderOptions{}))
		})
	}
}

// lazyInput is a small Build input with claims of both kinds, given out of
// order (Build sorts them).
func lazyInput() Input {
	low, high := 40.0, 40.0
	docs := []*claims.Document{
		{ID: "b", Text: "Forty died on 3 May 2024.", Language: "en"},
		{ID: "a", Text: "About 40 died.", Language: "en"},
	}
	cs := []*claims.Claim{
		{ID: "b:1:15", Doc: "b", Kind: claims.KindDate, Text: "3 May 2024", Start: 14, End: 24, Line: 1, Col: 15, Value: "2024-05-03",
			Date: &claims.DateValue{Written: []string{"year", "month", "day"}}},
		{ID: "b:1:1", Doc: "b", Kind: claims.KindCount, Text: "Forty", Start: 0, End: 5, Line: 1, Col: 1, Value: "40",
			Num: &claims.NumberValue{Low: &low, High: &high}, Attribute: "casualties.killed"},
		{ID: "a:1:7", Doc: "a", Kind: claims.KindCount, Text: "40", Start: 6, End: 8, Line: 1, Col: 7, Value: "40",
			Num: &claims.NumberValue{Low: &low, High: &high, Approx: true}, Attribute: "casualties.killed"},
	}
	return Input{Documents: docs, Claims: cs}
}

// A report built with LazyClaims renders exactly as one built with its
// claims converted up front, in every format, and Materialize makes the
// two equal.
func TestLazyClaimsRenderTheSame(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f, func(t *testing.T) {
			eager := Build(lazyInput())
			in := lazyInput()
			in.LazyClaims = true
			lazy := Build(in)
			assert.Nil(t, lazy.Claims, "lazy: claims not converted until needed")
			assert.Equal(t, 3, lazy.ClaimCount())
			assert.Equal(t, render(t, eager, f, RenderOptions{}), render(t, lazy, f, RenderOptions{}))
		})
	}
	for _, f := range ClaimFormats() {
		eager := Build(lazyInput())
		in := lazyInput()
		in.LazyClaims = true
		assert.Equal(t, renderClaims(t, eager, f, RenderOptions{}), renderClaims(t, Build(in), f, RenderOptions{}), f)
	}
	in := lazyInput()
	in.LazyClaims = true
	lazy := Build(in)
	require.NoError(t, lazy.Materialize())
	assert.Equal(t, Build(lazyInput()), lazy)
}

// docSource stands for in's documents as an archive run's DocumentSource
// does: converted as read, in id order, never held by the report.
func docSource(in Input) *DocumentSource {
	docs := Build(Input{Documents: in.Documents, Stories: in.Stories, Syndicated: in.Syndicated}).Documents
	return &DocumentSource{N: len(docs), Each: func(f func(*Document) error) error {
		for _, d := range docs {
			if err := f(&d); err != nil {
				return err
			}
		}
		return nil
	}}
}

// A report built with a DocumentSource (and a lazy claim list) renders
// exactly as one built with its documents in memory, in every format, and
// Materialize makes the two equal; with no documents, the JSON still says
// [] (an archive run's list was never nil).
func TestDocumentSourceRendersTheSame(t *testing.T) {
	lazyDocs := func() *Report {
		in := lazyInput()
		in.Stories = map[string]int{"a": 1, "b": 1}
		in.DocumentSource, in.Documents, in.LazyClaims = docSource(in), nil, true
		return Build(in)
	}
	eagerIn := lazyInput()
	eagerIn.Stories = map[string]int{"a": 1, "b": 1}
	for _, f := range Formats() {
		t.Run(f, func(t *testing.T) {
			lazy := lazyDocs()
			assert.Nil(t, lazy.Documents, "documents not held until needed")
			assert.Equal(t, 2, lazy.DocumentCount())
			assert.Equal(t, render(t, Build(eagerIn), f, RenderOptions{}), render(t, lazy, f, RenderOptions{}))
		})
	}
	for _, f := range ClaimFormats() {
		assert.Equal(t, renderClaims(t, Build(eagerIn), f, RenderOptions{}), renderClaims(t, lazyDocs(), f, RenderOptions{}), f)
	}
	lazy := lazyDocs()
	require.NoError(t, lazy.Materialize())
	assert.Equal(t, Build(eagerIn), lazy)

	none := Build(Input{DocumentSource: &DocumentSource{Each: func(func(*Document) error) error { return nil }}})
	assert.Contains(t, render(t, none, "json", RenderOptions{}), `"documents": [],`)
}

// An AgreementSource in the report's order renders as the agreements
// Build sorts itself, in JSON and JSON Lines, and Materialize makes the two
// reports equal; its error is the renderer's.
func TestAgreementSourceRendersTheSame(t *testing.T) {
	ags := []compare.Agreement{
		{Attribute: "casualties.killed", Value: "40", IDs: []string{"b:1:1", "a:1:7"}, Sources: []string{"a", "b"}},
		{Attribute: "casualties.injured", Value: "12", IDs: []string{"c:2:1", "a:2:3"}, Sources: []string{"a", "c"}},
		{Attribute: "casualties.killed", Value: "40", IDs: []string{"a:3:1", "d:1:1"}, Sources: []string{"a", "d"}},
	}
	eagerIn := lazyInput()
	eagerIn.Agreements = ags
	var sorted []Agreement
	for _, a := range ags {
		sorted = append(sorted, FromAgreement(a))
	}
	slices.SortStableFunc(sorted, func(a, b Agreement) int {
		if AgreementLess(&a, &b) {
			return -1
		}
		if AgreementLess(&b, &a) {
			return 1
		}
		return 0
	})
	lazy := func(err error) *Report {
		in := lazyInput()
		in.AgreementSource = &AgreementSource{N: len(sorted), Each: func(f func(*Agreement) error) error {
			if err != nil {
				return err
			}
			for _, a := range sorted {
				if err := f(&a); err != nil {
					return err
				}
			}
			return nil
		}}
		return Build(in)
	}
	for _, f := range []string{"json", "jsonl", "markdown", "table"} {
		r := lazy(nil)
		assert.Nil(t, r.Agreements, "agreements not held until needed")
		assert.Equal(t, 3, r.AgreementCount())
		assert.Equal(t, render(t, Build(eagerIn), f, RenderOptions{}), render(t, r, f, RenderOptions{}), f)
	}
	r := lazy(nil)
	require.NoError(t, r.Materialize())
	assert.Equal(t, Build(eagerIn), r)
	bad := errors.New("agreements file: gone")
	for _, f := range []string{"json", "jsonl", "table"} {
		assert.ErrorIs(t, Render(io.Discard, lazy(bad), f, RenderOptions{}), bad, f)
	}
}

// A document source's error is the renderer's.
func TestDocumentSourceError(t *testing.T) {
	bad := errors.New("spill file: gone")
	r := Build(Input{DocumentSource: &DocumentSource{N: 1, Each: func(func(*Document) error) error { return bad }}})
	for _, f := range []string{"json", "jsonl"} {
		assert.ErrorIs(t, Render(io.Discard, r, f, RenderOptions{}), bad, f)
	}
	assert.ErrorIs(t, Render(io.Discard, r, "table", RenderOptions{}), bad, "materialized for the table")
}

// Every JSON Lines line is one object with a type; the lines come in the
// documented order and carry the same objects as the JSON report.
func TestJSONL(t *testing.T) {
	r := fixtureReport(t)
	out := render(t, r, "jsonl", RenderOptions{})
	var types []string
	var back Report
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var head struct {
			Type    string `json:"type"`
			Version int    `json:"version"`
		}
		require.NoError(t, json.Unmarshal(line, &head), "line %q", line)
		if len(types) == 0 || types[len(types)-1] != head.Type {
			types = append(types, head.Type)
		}
		switch head.Type {
		case "report":
			back.Version = head.Version
			var h jsonlHeader
			require.NoError(t, json.Unmarshal(line, &h))
			assert.Equal(t, len(r.Documents), h.Documents)
			assert.Equal(t, len(r.Claims), h.Claims)
			assert.Equal(t, len(r.Discrepancies), *h.Discrepancies)
		case "discrepancy":
			back.Discrepancies = append(back.Discrepancies, decode[Discrepancy](t, line))
		case "agreement":
			back.Agreements = append(back.Agreements, decode[Agreement](t, line))
		case "stale_review":
			back.Stale = append(back.Stale, decode[Decision](t, line))
		case "document":
			back.Documents = append(back.Documents, decode[Document](t, line))
		case "claim":
			back.Claims = append(back.Claims, decode[Claim](t, line))
		default:
			t.Fatalf("unknown line type %q", head.Type)
		}
	}
	require.NoError(t, sc.Err())
	assert.Equal(t, []string{"report", "discrepancy", "agreement", "stale_review", "document", "claim"}, types)
	assert.Equal(t, *r, back, "JSON Lines carries the whole report")

	claimsOut := renderClaims(t, r, "jsonl", RenderOptions{})
	lines := strings.Split(strings.TrimSuffix(claimsOut, "\n"), "\n")
	assert.Len(t, lines, 1+len(r.Documents)+len(r.Claims))
	assert.True(t, strings.HasPrefix(lines[0], `{"type":"claims","version":1,`), lines[0])
	assert.NotContains(t, claimsOut, `"discrepancies"`)
}

func decode[T any](t *testing.T, line []byte) T {
	t.Helper()
	var v T
	dec := json.NewDecoder(bytes.NewReader(line))
	require.NoError(t, dec.Decode(&v))
	return v
}

// jsonlDocument and jsonlClaim are the document and claim lines of JSON
// Lines as the encoder writes them, which jsonlDocsAndClaims writes by
// hand.
type jsonlDocument struct {
	Type string `json:"type"`
	*Document
}

type jsonlClaim struct {
	Type string `json:"type"`
	*Claim
}

// The document and claim lines of JSON Lines are the encoder's, for
// claims held (report Claims) and converted as written (LazyClaims), on
// generated articles of both languages, some listing others as copies.
func TestJSONLLinesAreTheEncoders(t *testing.T) {
	set, err := rules.Builtin()
	require.NoError(t, err)
	eng := extract.New(set)
	docs := corpusgen.Generate(3, 60, corpusgen.Mixed).Documents()
	var cs []*claims.Claim
	syn := map[string][]string{}
	for i, d := range docs {
		cs = append(cs, eng.Extract(d)...)
		if i%3 != 0 {
			syn[d.ID] = []string{docs[i-1].ID, "a <copy> & \"more\""}
		}
	}
	var want strings.Builder
	enc := json.NewEncoder(&want)
	r := Build(Input{Documents: docs, Claims: cs, Syndicated: syn})
	require.NoError(t, enc.Encode(jsonlHeader{Type: "claims", Version: r.Version, Documents: len(r.Documents), Claims: len(r.Claims)}))
	for i := range r.Documents {
		require.NoError(t, enc.Encode(jsonlDocument{"document", &r.Documents[i]}))
	}
	for i := range r.Claims {
		require.NoError(t, enc.Encode(jsonlClaim{"claim", &r.Claims[i]}))
	}
	assert.Greater(t, len(r.Claims), 100)
	for _, lazy := range []bool{false, true} {
		r := Build(Input{Documents: docs, Claims: cs, Syndicated: syn, LazyClaims: lazy})
		require.Equal(t, want.String(), renderClaims(t, r, "jsonl", RenderOptions{}), "lazy %v", lazy)
	}
}
