package rules

import (
	"fmt"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// anchorTexts are texts with every kind of token AnchorsRead tells apart:
// words of the indexes and others, numbers, numeral and prefixed words,
// spoken years, signs, punctuation and line starts.
var anchorTexts = []string{
	"3 minute read\nCopyright © 2019-2024 Example Ltd. (c) 2020 all rights reserved",
	"On March 3, 2024 at 5 p.m. the talks resume; in two weeks, on Tuesday.\n\nLast year",
	"nineteen ninety-six the year two thousand -5 .08 ½ 1,200 Q3 H1 III t14 june5",
	"Pada hari Senin (12/3/2024) pukul 10.00 WIB, kedua belah pihak 5 menit baca",
	"",
	"\n\n\n",
}

// anchorIndexes are the indexes an extractor builds for language l, in its
// order and sharing one Vocab: the large dates index and the small
// furniture one (whose Vocab then holds words it has no key for).
func anchorIndexes(l *Language) (*Vocab, []*Index) {
	v := NewVocab(l)
	dates := NewIndexIn(v, l.Dates, l.Relative, l.Durations)
	return v, []*Index{dates, NewIndexIn(v, l.Furniture)}
}

// slowAnchors is AnchorsRead with every token read in full: the reference
// the dull-token shortcut must agree with.
func slowAnchors(x *Index, toks []token.Token, ws []TokenWord) []uint64 {
	ref := *x
	ref.liveShapes = ^uint16(0)
	ref.liveIDs = nil
	ref.liveBit = 0 // read by the tables above, not by TokenWord.live
	for _, tw := range ws {
		for int(tw.id)/64 >= len(ref.liveIDs) {
			ref.liveIDs = append(ref.liveIDs, ^uint64(0))
		}
	}
	return ref.AnchorsRead(toks, ws, nil)
}

// langIndexes are anchorIndexes of one language.
type langIndexes struct {
	code string
	v    *Vocab
	xs   []*Index
}

// allAnchorIndexes builds anchorIndexes for every language of set.
func allAnchorIndexes(set *Set) []langIndexes {
	var all []langIndexes
	for _, code := range set.Codes {
		v, xs := anchorIndexes(set.Languages[code])
		all = append(all, langIndexes{code, v, xs})
	}
	return all
}

// checkDullAgrees compares AnchorsRead with slowAnchors on text in every
// language (into a new buffer and into a used one), and checks that a
// dull token really gets at most a line bit.
func checkDullAgrees(t *testing.T, all []langIndexes, text string) {
	toks := token.Scan(text, nil)
	for _, li := range all {
		code, xs := li.code, li.xs
		ws := li.v.Read(toks, nil)
		for k, x := range xs {
			got := x.AnchorsRead(toks, ws, nil)
			require.Equal(t, slowAnchors(x, toks, ws), got, "%s index %d %q", code, k, text)
			// A reused buffer: the masks of the tokens passed over are
			// cleared, not left as they were.
			dirty := make([]uint64, len(toks)+3)
			for i := range dirty {
				dirty[i] = ^uint64(0)
			}
			require.Equal(t, fmt.Sprint(got), fmt.Sprint(x.AnchorsRead(toks, ws, dirty)), "%s index %d %q, reused buffer", code, k, text)
			for i, tw := range ws[:len(toks)] {
				if x.dull(tw) {
					require.Zero(t, got[i]&^lineBit, "%s index %d %q token %d", code, k, text, i)
				}
			}
		}
	}
}

// TestAnchorsDull checks AnchorsRead's shortcut for dull tokens against
// the full reading of every token, and that it applies to most tokens of
// the small furniture index.
func TestAnchorsDull(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	all := allAnchorIndexes(set)
	for _, text := range anchorTexts {
		checkDullAgrees(t, all, text)
	}
	l := set.Languages["en"]
	v, xs := anchorIndexes(l)
	toks := token.Scan("the minister said the talks went well", nil)
	for _, tw := range v.Read(toks, nil)[:len(toks)] {
		require.True(t, xs[1].dull(tw), "plain words are dull to the furniture index")
	}
	num := v.Read(token.Scan("5", nil), nil)[0]
	require.False(t, xs[1].dull(num), "a number is never dull")
	// A numeral word is live to the dates, which look for spoken years,
	// and dull to the furniture, which does not.
	two := v.Read(token.Scan("two", nil), nil)[0]
	require.NotZero(t, two.shape&shapeSpoken)
	require.False(t, xs[0].dull(two), "a numeral word may open a spoken year")
	require.True(t, xs[1].dull(two), "the furniture has no spoken years")
}

// FuzzAnchorsDull is TestAnchorsDull on arbitrary text.
//
//	go test ./rules -run=^$ -fuzz=FuzzAnchorsDull -fuzztime=1m
func FuzzAnchorsDull(f *testing.F) {
	for _, s := range anchorTexts {
		f.Add(s)
	}
	set, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	all := allAnchorIndexes(set)
	f.Fuzz(func(t *testing.T, text string) { checkDullAgrees(t, all, text) })
}
