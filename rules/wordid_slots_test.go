package rules

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// TestVocabSlots: lookup finds in the slots what ids holds for every word
// of the Vocabs of both languages' indexes (flags set after the words
// were added included), scanned capitalised or not, and the zero
// vocabWord for words it lacks, long ones and tokens without a hash
// included; a Vocab grown a word at a time agrees too.
func TestVocabSlots(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	check := func(v *Vocab, w string) {
		t.Helper()
		for _, text := range []string{w, strings.ToUpper(w[:1]) + w[1:]} {
			toks := token.Scan(text, nil)
			if len(toks) != 1 {
				continue
			}
			want := vocabWord{}
			if p := v.ids.Ref(&toks[0]); p != nil {
				want = *p
			}
			require.Equal(t, want, v.lookup(&toks[0]), "%q", text)
			toks[0].Hash = 0
			require.Equal(t, want, v.lookup(&toks[0]), "%q without a hash", text)
		}
	}
	others := []string{"quake", "x", "internationalisation", "yesterdays", "januaryy", "kedua", "mm", "thirteenth", "pemerintahan"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for k := 1 + r.IntN(20); k > 0; k-- {
			b.WriteByte(byte('a' + r.IntN(26)))
		}
		others = append(others, b.String())
	}
	for _, li := range allAnchorIndexes(set) {
		require.Equal(t, li.v.shortWords, countShort(li.v), li.code)
		li.v.ids.Each(func(w string, _ vocabWord) { check(li.v, w) })
		for _, w := range others {
			check(li.v, w)
		}
	}
	v := &Vocab{}
	for k, w := range others {
		v.add(w)
		v.orFlags(v.add(others[k/2]), uint8(1)<<(k%8))
		if k%97 == 0 {
			for _, w2 := range others[:k+1] {
				check(v, w2)
			}
		}
	}
}

// countShort counts the words of v of up to 16 bytes.
func countShort(v *Vocab) int {
	n := 0
	v.ids.Each(func(w string, _ vocabWord) {
		if len(w) <= 16 {
			n++
		}
	})
	return n
}
