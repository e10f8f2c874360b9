package segment

import (
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
)

// TestLoadTrainingMatchesLibrary: the English model as the fast path reads
// it is the library's, and the fast path does read it (a fallback every
// time would pass the comparison while saving nothing).
func TestLoadTrainingMatchesLibrary(t *testing.T) {
	b, err := data.Asset("data/english.json")
	require.NoError(t, err)
	want, err := sentences.LoadTraining(b)
	require.NoError(t, err)
	got, ok := decodeTraining(string(b))
	require.True(t, ok, "the fast path refused the English model")
	require.Equal(t, want, got)
	require.Greater(t, len(got.OrthoContext), 10000)
}

// TestLoadTrainingShapes: inputs the fast path must refuse are decoded by
// the library, with the library's result.
func TestLoadTrainingShapes(t *testing.T) {
	for _, in := range []string{
		`{"AbbrevTypes":{"dr":1},"OrthoContext":{"a":4,"b":-2}}`,
		`{"AbbrevTypes":{}}`,
		`{}`,
		`{"abbrevtypes":{"dr":1}}`,      // json matches field names case-insensitively
		`{"AbbrevTypes":{"d\u0072":1}}`, // an escape
		`{"AbbrevTypes":{"dr":1.0}}`,    // not an integer
		`{"AbbrevTypes":{"dr":1},"AbbrevTypes":{"mr":2}}`, // a field twice: json merges
		`{"Other":{"x":1},"SentStarters":{"but":1}}`,      // an unknown field
		`{"AbbrevTypes":{"dr":1,"dr":3}}`,                 // a key twice: the last wins
		`{"AbbrevTypes":null}`,
	} {
		want, wantErr := sentences.LoadTraining([]byte(in))
		got, gotErr := loadTraining([]byte(in))
		require.Equal(t, wantErr == nil, gotErr == nil, in)
		require.Equal(t, want, got, in)
	}
}

// FuzzLoadTraining: whatever the fast path accepts, it decodes as the
// library does.
func FuzzLoadTraining(f *testing.F) {
	f.Add(`{"AbbrevTypes":{"dr":1},"OrthoContext":{"a":4}}`)
	f.Add(`{ "SentStarters" : { "but" : 12 , "and" : 0 } }`)
	f.Add(`{"Collocations":{"x,y":-7}}`)
	f.Fuzz(func(t *testing.T, in string) {
		got, ok := decodeTraining(in)
		if !ok {
			return
		}
		want, err := sentences.LoadTraining([]byte(in))
		if err != nil {
			t.Fatalf("fast path accepted %q, the library refused it: %v", in, err)
		}
		require.Equal(t, want, got, in)
	})
}
