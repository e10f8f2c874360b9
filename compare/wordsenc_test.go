package compare

import (
	"testing"

	"github.com/crosscheck/crosscheck/compare/internal/corpusgen"
	"github.com/crosscheck/crosscheck/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Grouping words survive their binary form: decoding gives the same
// keywords (hashes recomputed), shingles and lead, and encoding again the
// same bytes.
func TestWordsRoundTrip(t *testing.T) {
	set, err := rules.Builtin()
	require.NoError(t, err)
	s := NewStream(set)
	docs := append(syntheticArchive(3, 60, 6, 4, 3), corpusgen.Generate(2, 60, corpusgen.Mixed).Documents()...)
	for _, d := range docs {
		w := s.words(d, nil, nil)
		b := w.encode()
		got, err := decodeWords(b)
		require.NoError(t, err, d.ID)
		assert.Equal(t, b, got.encode(), d.ID)
		assert.Equal(t, w.keywords, got.keywords, d.ID)
		assert.Equal(t, w.shingles, got.shingles, d.ID)
		assert.Equal(t, w.lead.names, got.lead.names, d.ID)
		assert.Equal(t, w.lead.all, got.lead.all, d.ID)
		assert.Equal(t, w.lead.end, got.lead.end, d.ID)
		assert.Equal(t, w.lead.titleEnd, got.lead.titleEnd, d.ID)
		for cut := 0; cut < len(b); cut += 1 + len(b)/7 {
			_, err := decodeWords(b[:cut])
			assert.Error(t, err, "%s cut at %d", d.ID, cut)
		}
	}
}

// FuzzDecodeWords: any bytes give words or an error, never a panic, and
// what decodes encodes back to bytes that decode alike.
func FuzzDecodeWords(f *testing.F) {
	set, err := rules.Builtin()
	require.NoError(f, err)
	s := NewStream(set)
	for _, d := range syntheticArchive(1, 5, 2, 2, 1) {
		w := s.words(d, nil, nil)
		f.Add(w.encode())
	}
	f.Add([]byte{})
	f.Add([]byte{0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		w, err := decodeWords(b)
		if err != nil {
			return
		}
		again, err := decodeWords(w.encode())
		require.NoError(t, err)
		assert.Equal(t, w.encode(), again.encode())
	})
}
