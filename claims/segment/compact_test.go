package segment

import (
	"flag"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
)

var updateTraining = flag.Bool("update-training", false, "rewrite english.punkt from the library's training data")

// TestCompactTrainingIsLibrarys: the embedded compact English model is
// exactly what the library decodes from its own data/english.json, and
// the process reads it (no fallback). With -update-training it is
// rewritten from the library's data first.
func TestCompactTrainingIsLibrarys(t *testing.T) {
	b, err := data.Asset("data/english.json")
	require.NoError(t, err)
	want, err := sentences.LoadTraining(b)
	require.NoError(t, err)
	if *updateTraining {
		s, ok := encodeCompact(want)
		require.True(t, ok)
		require.NoError(t, os.WriteFile("english.punkt", []byte(s), 0o644))
		englishTraining = s
	}
	got, ok := decodeCompact(englishTraining)
	require.True(t, ok, "english.punkt does not decode")
	require.Equal(t, want, got)
	m, err := model()
	require.NoError(t, err)
	require.Nil(t, m.Storage.OrthoContext, "OrthoContext is read through the table")
	st := *m.Storage
	st.OrthoContext = m.ortho.toSet()
	require.Equal(t, want, &st)
	requireOrthoAnswers(t, &m.ortho, want.OrthoContext)
}

// requireOrthoAnswers: the table answers each key of set with its value,
// and 0 for strings near them that set does not hold.
func requireOrthoAnswers(t *testing.T, tab *orthoTable, set sentences.SetString) {
	t.Helper()
	for k, v := range set {
		require.Equal(t, v, tab.get([]byte(k)), "%q", k)
		for _, miss := range []string{k + "x", k + "\t", "x" + k, k[:len(k)/2], strings.ToUpper(k)} {
			if _, ok := set[miss]; !ok {
				require.Zero(t, tab.get([]byte(miss)), "%q", miss)
			}
		}
	}
	require.Equal(t, set[""], tab.get(nil))
}

// TestCompactShapes: decodeCompact reads back what encodeCompact writes,
// and refuses what it did not write.
func TestCompactShapes(t *testing.T) {
	st := &sentences.Storage{
		AbbrevTypes:  sentences.SetString{"dr": 1, "u.s": 3},
		Collocations: sentences.SetString{"x,y": -7},
		SentStarters: sentences.SetString{},
		OrthoContext: sentences.SetString{"a": 4, "b": 0, "é": 123456789},
	}
	s, ok := encodeCompact(st)
	require.True(t, ok)
	got, ok := decodeCompact(s)
	require.True(t, ok)
	require.Equal(t, st, got)
	fallback := orthoFromSet(st.OrthoContext)
	requireOrthoAnswers(t, &fallback, st.OrthoContext)
	_, ok = encodeCompact(&sentences.Storage{AbbrevTypes: sentences.SetString{"a\tb": 1}})
	require.False(t, ok, "a key with a tab")
	for _, in := range []string{
		"",
		s + "x", // trailing bytes
		strings.Replace(s, "dr\t1", "dr\t1.0", 1),
		strings.Replace(s, "dr\t1", "dr\t", 1),
		strings.Replace(s, "dr\t1", "dr 1", 1),
		strings.Replace(s, "dr\t1", "u.s\t1", 1), // a key twice
		strings.Replace(s, "b\t0", "a\t0", 1),    // an OrthoContext key twice
		strings.Replace(s, "b\t0", "b\t", 1),
		strings.Replace(s, "b\t0", "b0", 1),
		strings.Replace(s, "AbbrevTypes 2", "AbbrevTypes 3", 1),
		strings.Replace(s, "AbbrevTypes 2", "AbbrevTypes -1", 1),
		strings.Replace(s, "Collocations", "Colocations", 1),
		strings.Replace(s, "123456789", "1234567890", 1),
		s[:len(s)-1], // no final line break
	} {
		_, ok := decodeCompact(in)
		require.False(t, ok, "%q", in)
	}
}

// decodeCompactRef is decodeCompact written plainly: lines split, counts
// and values read by strconv.
func decodeCompactRef(s string) (*sentences.Storage, bool) {
	if !strings.HasSuffix(s, "\n") {
		return nil, false
	}
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	st := &sentences.Storage{}
	for _, name := range trainingSets {
		if len(lines) == 0 {
			return nil, false
		}
		f := strings.Split(lines[0], " ")
		if len(f) != 2 || f[0] != name {
			return nil, false
		}
		n, err := strconv.Atoi(f[1])
		if err != nil || n < 0 || n > len(lines)-1 {
			return nil, false
		}
		set := sentences.SetString{}
		for _, line := range lines[1 : n+1] {
			k, v, ok := strings.Cut(line, "\t")
			digits := strings.TrimPrefix(v, "-")
			if !ok || len(digits) == 0 || len(digits) > 9 || strings.Trim(digits, "0123456789") != "" {
				return nil, false
			}
			x, _ := strconv.Atoi(v)
			if _, dup := set[k]; dup {
				return nil, false
			}
			set[k] = x
		}
		*storageSet(st, name) = set
		lines = lines[n+1:]
	}
	return st, len(lines) == 0
}

// FuzzDecodeCompact: on any input, decodeCompact accepts what the plain
// reference accepts, with the same sets.
func FuzzDecodeCompact(f *testing.F) {
	f.Add("AbbrevTypes 1\ndr\t1\nCollocations 0\nSentStarters 0\nOrthoContext 2\na\t4\nb\t-2\n")
	f.Add("AbbrevTypes 0\nCollocations 1\nx,y\t-7\nSentStarters 0\nOrthoContext 0\n")
	f.Fuzz(func(t *testing.T, in string) {
		got, ok := decodeCompact(in)
		want, wantOK := decodeCompactRef(in)
		if ok != wantOK {
			t.Fatalf("%q: ok %v, reference %v", in, ok, wantOK)
		}
		if ok {
			require.Equal(t, want, got, in)
			_, ortho, _ := decodeModel(in)
			requireOrthoAnswers(t, &ortho, want.OrthoContext)
		}
	})
}
