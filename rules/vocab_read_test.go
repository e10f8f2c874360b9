package rules

import (
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// slowWord is what Vocab.Read finds at t, written token by token with a
// plain map of the Vocab's words and asking each index of xs (all those
// built on v) by its own tables: the reference Read must agree with.
func slowWord(v *Vocab, words map[string]int32, xs []*Index, t *token.Token) TokenWord {
	l := v.lang
	id := words[t.Lower]
	var s uint16
	if t.Is(token.NewlineBefore) {
		s = shapeLine
	}
	switch t.Kind {
	case token.Number:
		s |= shapeNumber | shapeNumLike | shapeNumStart
		if n := len(t.Text); n <= 2 {
			s |= shapeSmall
		} else if n == 4 && (t.Text[0] == '1' || t.Text[0] == '2') {
			s |= shapeYear
			if t.Text[3] == '0' {
				s |= shapeRoundYear
			}
		}
	case token.Punct:
		s |= shapeNumLike | shapeNumStart
	case token.Word:
		w := t.Lower
		if l.prefixedOrdinal(w) {
			s |= shapePrefixed | shapeNumLike | shapeSpoken | shapeNumStart
		} else if v.flagsOf(id)&numStartFlag != 0 {
			s |= shapeNumLike | shapeSpoken | shapeNumStart
		}
		_, unit := l.Units.byFirst[w]
		if isDigit(w[len(w)-1]) || unit || w == "m" {
			s |= shapeNumStart
		}
		if len(w) == 2 && isDigit(w[1]) {
			s |= shapeTwo
		}
		if isDigit(w[len(w)-1]) && l.canStart(&part{kind: partSlot, slot: slotMonthDay}, t) {
			s |= shapeMonthDay
		}
		if len(w) > 1 && w[0] == 't' && isDigit(w[1]) && isDigit(w[len(w)-1]) {
			s |= shapeTHour
		}
		if _, ok := romanOrdinals[t.Text]; ok && t.Flags&token.Capital != 0 {
			s |= shapeRoman
		}
	}
	if t.Kind != token.Word && t.Kind != token.Number && t.Kind != token.Punct {
		s |= shapeNumStart
	}
	tw := TokenWord{id: id, shape: s}
	for _, x := range xs {
		if x.liveBit != 0 && !x.dullByTables(tw) {
			tw.live |= x.liveBit
		}
		if x.gated && slices.Contains(allGateWords(x), t.Lower) {
			tw.live |= gateFlag(x.liveBit)
		}
	}
	return tw
}

// allGateWords is the gateWords of every pattern of x.
func allGateWords(x *Index) []string {
	var words []string
	for _, p := range x.pats {
		words = append(words, p.gateWords()...)
	}
	return words
}

// checkRead compares Vocab.Read with slowWord at every token of text in
// every language.
func checkRead(t *testing.T, all []langIndexes, text string) {
	toks := token.Scan(text, nil)
	for _, li := range all {
		words := map[string]int32{}
		li.v.ids.Each(func(w string, e vocabWord) { words[w] = e.id })
		ws := li.v.Read(toks, nil)
		require.Len(t, ws, len(toks))
		for i := range toks {
			require.Equal(t, slowWord(li.v, words, li.xs, &toks[i]), ws[i], "%s %q token %d %q", li.code, text, i, toks[i].Text)
		}
	}
}

// TestVocabRead checks Read on texts with every shape it marks.
func TestVocabRead(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	all := allAnchorIndexes(set)
	texts := append([]string{"Henry VIII and Q3 t14 t1 june5 Juni5 12 123 1999 3000 kedua, ketiga pertama"}, anchorTexts...)
	for _, text := range texts {
		checkRead(t, all, text)
	}
	for _, li := range all {
		for k, x := range li.xs {
			require.Equal(t, uint8(1)<<k, x.liveBit, "%s index %d", li.code, k)
		}
	}
}

// TestLiveBitsRunOut checks that the indexes of a Vocab past its last live
// bit read their own tables, and agree with those that have one.
func TestLiveBitsRunOut(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	l := set.Languages["en"]
	v := NewVocab(l)
	var xs []*Index
	for k := 0; k < maxLiveIndexes+2; k++ {
		xs = append(xs, NewIndexIn(v, l.Dates, l.Relative, l.Durations))
	}
	require.NotZero(t, xs[maxLiveIndexes-1].liveBit)
	require.Zero(t, xs[maxLiveIndexes].liveBit)
	for _, text := range anchorTexts {
		toks := token.Scan(text, nil)
		ws := v.Read(toks, nil)
		want := xs[0].AnchorsRead(toks, ws, nil)
		for _, x := range xs[1:] {
			require.Equal(t, want, x.AnchorsRead(toks, ws, nil), text)
		}
	}
}

// FuzzVocabRead compares Read with slowWord on arbitrary text.
func FuzzVocabRead(f *testing.F) {
	for _, text := range anchorTexts {
		f.Add(text)
	}
	set, err := Builtin()
	require.NoError(f, err)
	all := allAnchorIndexes(set)
	f.Fuzz(func(t *testing.T, text string) { checkRead(t, all, text) })
}
