package rules

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// anchorsReadRef is AnchorsRead as it was before it read a TokenWord as
// one number (tokenWords): it tells a dull token by its fields. The masks
// of AnchorsRead must be the same (TestAnchorsRef).
func anchorsReadRef(x *Index, toks []token.Token, ws []TokenWord, dst []uint64) []uint64 {
	masks := dst[:0]
	if cap(masks) < len(toks) {
		masks = make([]uint64, len(toks))
	}
	masks = masks[:len(toks)]
	if ws == nil {
		ws = x.vocab.Read(toks, nil)
	}
	ws = ws[:len(toks)]
	byID := x.byID
	// The tokens are read from the last: a token's start bit depends on
	// the masks after it (see nearAhead), which are then done, and so are
	// the nearest token after it with an anchor bit (ahead) and the
	// nearest that starts a line (stop).
	ahead, stop := len(ws), len(ws)
	live := x.liveBit
	for i := len(ws) - 1; i >= 0; i-- {
		tw := ws[i]
		if tw.live&live == 0 && (live != 0 || x.dullByTables(tw)) { // dull, without reloading liveBit
			var m uint64
			if tw.shape&shapeLine != 0 {
				m = lineBit
				stop = i
			}
			masks[i] = m
			continue
		}
		var key wordKey
		if uint(tw.id) < uint(len(byID)) {
			key = byID[tw.id] // 0, not in the Vocab: no bits, no list
		}
		m := key.bits | x.shapeBits[uint8(tw.shape)]
		if key.cond != 0 && i+1 < len(ws) {
			// A word that opens only longer phrases ("at night"), before
			// a word the Vocab holds.
			if next := ws[i+1].id; next != 0 {
				m |= x.condBits(key.cond, next)
			}
		}
		// The candidates (see candidatesFor): a word's are those of its
		// key; digits open the number patterns, and a word an ordinal
		// prefix opens ("kedua") the ordinal ones too.
		own, more := key.list, (*candList)(nil)
		if own != nil && own.sign && !glueNumberAt(toks, i+1) {
			own = own.bare
		}
		if tw.shape&(shapeNumber|shapePrefixed|shapeSpoken) != 0 {
			// A year in words is a numeral: only an index that reads
			// numerals (the dates) looks for one ("nineteen ninety-six",
			// "the year two thousand").
			if tw.shape&shapeSpoken != 0 && x.spokenYears && x.spokenYearStart(toks, ws, i) {
				m |= x.yearBit
			}
			if tw.shape&shapeNumber != 0 {
				own = x.numLists[numClass(toks[i].Text)]
			} else if tw.shape&shapePrefixed != 0 {
				more = x.ordList
			}
		}
		// A token is a start only if the anchor of one of its candidate
		// groups occurs within reach (or a group is untracked): most
		// prepositions and numbers open no pattern here, and the search
		// is then never set up.
		if (own != nil || more != nil) && (nearAhead(masks, i, m, own, ahead, stop) || nearAhead(masks, i, m, more, ahead, stop)) {
			m |= startBit
		}
		if m&^startBit != 0 {
			ahead = i
		}
		// From the shape rather than the token: the loop then reads
		// the tokens only at numbers and numeral words.
		if tw.shape&shapeLine != 0 {
			m |= lineBit
			stop = i
		}
		masks[i] = m
	}
	return masks
}

// TestAnchorsRef holds AnchorsRead to anchorsReadRef in every language,
// with both indexes, on the anchor texts, texts of many line starts and
// live tokens side by side, and random runs of their words.
func TestAnchorsRef(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	for _, li := range allAnchorIndexes(set) {
		for _, text := range refTexts() {
			checkRef(t, li, text)
		}
	}
}

// refTexts are anchorTexts with a few more, and random runs of words the
// indexes key on, numbers, numeral words and line breaks, where live
// tokens, dull ones and line starts alternate in every way.
func refTexts() []string {
	texts := append([]string{
		"5\n6\n\n7 8\nMarch\n\nthe\n2024",
		"\n3 minute read\n\n\nCopyright 2020\n",
		"on Monday\nat 5\n\nin 2024 the year two thousand\n12/3\n",
		// Figures, whose lists' anchors (a year, a month) are some
		// numbers on (readLive's aheadNum), or past the line's end.
		"62,784 23% 50,449 18.6 94% 39.7 5085 32.0 2073 33% 7 12 1990 March 5 12 7 2024 18 3 9\n4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 June",
	}, anchorTexts...)
	words := strings.Fields("the of in at on a said Monday March Senin Maret tahun year two thousand nineteen ninety-six kedua 5 12 2024 1,200 -5 . , / ( ) % read minute Copyright © III Q3 t14 june5 \n \n\n")
	r := rand.New(rand.NewPCG(13, 16))
	for range 200 {
		var b strings.Builder
		for k := r.IntN(60); k > 0; k-- {
			b.WriteString(strings.ReplaceAll(words[r.IntN(len(words))], `\n`, "\n"))
			b.WriteByte(" \n"[r.IntN(6)/5])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// checkRef compares AnchorsRead with anchorsReadRef on text, into a
// new buffer and into a used one.
func checkRef(t *testing.T, li langIndexes, text string) {
	toks := token.Scan(text, nil)
	ws := li.v.Read(toks, nil)
	for k, x := range li.xs {
		// And as an index without a liveBit (past the Vocab's
		// maxLiveIndexes) reads them: the reference by its tables.
		unbit := *x
		unbit.liveBit = 0
		require.Equal(t, anchorsReadRef(&unbit, toks, ws, nil), unbit.AnchorsRead(toks, ws, nil), "%s index %d %q, no liveBit", li.code, k, text)
		want := anchorsReadRef(x, toks, ws, nil)
		require.Equal(t, want, x.AnchorsRead(toks, ws, nil), "%s index %d %q", li.code, k, text)
		require.Equal(t, anchorsReadRef(x, toks, ws, usedBuffer(len(toks))), x.AnchorsRead(toks, ws, usedBuffer(len(toks))),
			"%s index %d %q, used buffer", li.code, k, text)
	}
}

// usedBuffer is a buffer of masks for n tokens, all bits set.
func usedBuffer(n int) []uint64 {
	b := make([]uint64, n, n+3)
	for i := range b {
		b[i] = ^uint64(0)
	}
	return b
}

// FuzzAnchorsRef is TestAnchorsRef on arbitrary text.
//
//	go test ./rules -run=^$ -fuzz=FuzzAnchorsRef -fuzztime=1m
func FuzzAnchorsRef(f *testing.F) {
	for _, s := range anchorTexts {
		f.Add(s)
	}
	set, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	all := allAnchorIndexes(set)
	f.Fuzz(func(t *testing.T, text string) {
		for _, li := range all {
			checkRef(t, li, text)
		}
	})
}

// TestShapeNumClass holds shapeNumClass of a number's shape to numClass
// of its digits.
func TestShapeNumClass(t *testing.T) {
	for _, d := range []string{"0", "7", "12", "99", "100", "999", "1000", "1990", "1996", "2000", "2024", "2990", "3000", "3010", "0990", "10000", "20240", "123456"} {
		require.Equal(t, numClass(d), shapeNumClass(numberShape(d)), d)
	}
}
