package extract

import (
	mbits "math/bits"

	"github.com/crosscheck/crosscheck/claims/token"
)

// boundaries holds, for the tokens counted so far, how many of each kind
// of marker stand before each token: clause breaks (clauseBreak, before
// the ", or" exception of clauseBetween), commas or semicolons not inside a
// number (mentions) and future and past tense markers (spanTense). It
// answers "is there one between i and j" in O(1).
//
// Every question is about tokens of one sentence (a claim and its
// evidence, a date's clause), so only the sentences asked about are
// counted (cover): counting every token up to the last one asked about
// counted, in real news, half as many tokens again as the questions
// needed (those of sentences with no claim and no date). The counts are
// then prefix counts within each run of counted tokens, not over the
// whole text: two counts of one run differ by the markers between them,
// and counts of different runs, or of tokens not counted, mean nothing
// (no question reads them).
type boundaries struct {
	// The counts, len(p.Toks)+1 each once allocated: index k is the count
	// before token k.
	clause, comma, future, past []int32
	// counted has bit k set for each token k counted. Within a sentence
	// (a unit, see unitStart) the counted tokens are always a prefix of
	// it, since every cover starts at a unit's first token.
	counted []int32
	// Tokens [last1-1, last1-1+lastN) are the last range covered:
	// counted, in one run. (Its start plus one and its length, so that
	// extend tests the token before b against it at one comparison.)
	last1, lastN int
	warned       bool // the document has the long-sentence warning
}

// alloc makes the four counts, each of n entries, and the counted bits
// in the pooled storage of sc (a pass never counts past its last token).
func (bs *boundaries) alloc(sc *scratch, n int) {
	words := (n + 31) / 32
	if cap(sc.counts) < 4*n+words {
		sc.counts = make([]int32, 4*n+words)
	}
	buf := sc.counts[:4*n+words]
	bs.clause, bs.comma, bs.future, bs.past = buf[:n:n], buf[n:2*n:2*n], buf[2*n:3*n:3*n], buf[3*n:4*n:4*n]
	bs.counted = buf[4*n:]
	clear(bs.counted)
}

// has reports whether token k is counted.
func (bs *boundaries) has(k int) bool {
	return uint(k>>5) < uint(len(bs.counted)) && bs.counted[k>>5]>>(k&31)&1 != 0
}

// extend makes the counts answer for the sentence of token b-1, from its
// first token up to token b: Clause and spanTense ask for a sentence, or
// a clause of one, ending at b. It is written to inline: most calls ask
// for tokens of the range covered last (each date's clause and tense),
// and paid a call each.
func (bs *boundaries) extend(p *Pass, b int) {
	if uint(b-bs.last1) >= uint(bs.lastN) {
		bs.coverTo(p, b)
	}
}

// coverTo is extend past the range covered last.
func (bs *boundaries) coverTo(p *Pass, b int) {
	if !bs.has(b - 1) {
		bs.cover(p, b-1, b)
	}
}

// coverRange makes the counts of tokens [lo, hi] answer, for questions
// that know the tokens they read (a claim and its evidence), which may
// stand in more than one sentence. The last range covered answers most
// calls without one.
func (bs *boundaries) coverRange(p *Pass, lo, hi int) {
	if lo < bs.last1-1 || hi > bs.last1-1+bs.lastN {
		bs.cover(p, lo, hi)
	}
}

// cover counts the tokens not counted yet from the start of lo's sentence
// (unitStart) up to token hi, so that its counts are one run's: a run of
// counted tokens after a gap just counted is moved by the difference at
// its start (shift), so that the runs on both sides of the gap agree.
func (bs *boundaries) cover(p *Pass, lo, hi int) {
	if bs.clause == nil {
		bs.alloc(p.scratch, len(p.Toks)+1)
	}
	lo, hi = max(lo, 0), min(hi, len(p.Toks))
	if lo >= hi {
		return
	}
	start := p.unitStart(lo)
	for k := start; ; {
		k = bs.next(k, hi, false)
		if k >= hi {
			break
		}
		v := bs.next(k, hi, true)
		if !bs.has(k - 1) {
			// A run begins here: any base will do, and none near the
			// int32 limits (the searches compare counts, not only
			// their differences).
			bs.clause[k], bs.comma[k], bs.future[k], bs.past[k] = 0, 0, 0, 0
		}
		if bs.has(v) {
			bs.countShifting(p, k, v)
		} else {
			bs.count(p, k, v)
		}
		bs.mark(k, v)
		k = v
	}
	bs.last1, bs.lastN = start+1, hi-start
}

// next returns the first token in [k, hi) whose counted bit is want, or hi.
func (bs *boundaries) next(k, hi int, want bool) int {
	for k < hi {
		w := uint32(bs.counted[k>>5])
		if !want {
			w = ^w
		}
		if w >>= k & 31; w != 0 {
			return min(k+mbits.TrailingZeros32(w), hi)
		}
		k = (k | 31) + 1
	}
	return hi
}

// countShifting counts tokens [a, b) and moves the run of counted tokens
// that starts at token b by the difference its counts at b now show, so
// that it agrees with the tokens just counted. (Claims ask about their
// sentences in text order, and the dates before them in theirs: a run is
// moved once as a gap before it is filled, and runs are short.)
func (bs *boundaries) countShifting(p *Pass, a, b int) {
	cl, cm, fu, pa := bs.clause[b], bs.comma[b], bs.future[b], bs.past[b]
	bs.count(p, a, b)
	cl, cm, fu, pa = bs.clause[b]-cl, bs.comma[b]-cm, bs.future[b]-fu, bs.past[b]-pa
	if cl|cm|fu|pa == 0 {
		return
	}
	end := bs.next(b, len(p.Toks), false) // the run is tokens [b, end)
	for k := b + 1; k <= end; k++ {
		bs.clause[k] += cl
		bs.comma[k] += cm
		bs.future[k] += fu
		bs.past[k] += pa
	}
}

// unitStart returns the first token of the sentence of token k, as
// sentenceIndex assigns tokens to sentences (by their first byte): the
// sentences so read tile the tokens, each a run of them. (A token between
// two sentences belongs to the second, and tokens after the last to it.)
func (p *Pass) unitStart(k int) int {
	if len(p.sents) == 0 {
		return 0
	}
	s := p.sentenceIndex(p.Toks[k].Start)
	if s == 0 {
		return 0
	}
	return firstTokenFrom(p.Toks, p.sents[s-1].End, k)
}

// count counts the markers of tokens [a, b), from the counts before
// token a (cover marks them counted).
func (bs *boundaries) count(p *Pass, a, b int) {
	// The counts are carried in locals and stored by index into the
	// slices resliced once: read from and stored through bs for each
	// token, they cost half of the loop. The tokens and the filter are
	// locals too: read through p, they were loaded again after every
	// store.
	clause, comma, future, past := bs.clause[:b+1], bs.comma[:b+1], bs.future[:b+1], bs.past[:b+1]
	cl, cm, fu, pa := clause[a], comma[a], future[a], past[a]
	toks, markers := p.Toks[:b], &p.index.markers
	for k := a; k < len(toks); k++ {
		// A word breaks a clause only as a clause word, and only
		// punctuation counts as a comma: most tokens are words, and the
		// punctuation tests of clauseBreak cost them a string comparison
		// each. Most words are no marker of any kind (langIndex.markers:
		// a word it turns away is none of them, at one bit test). Nor
		// is a number it turns away: digits are no punctuation mark,
		// and the filter holds the first words of all the markers.
		if t := &toks[k]; t.Kind != token.Word && t.Kind != token.Number || markers.May(t) {
			cl, cm, fu, pa = p.markersAt(k, cl, cm, fu, pa)
		}
		clause[k+1], comma[k+1], future[k+1], past[k+1] = cl, cm, fu, pa
	}
}

// mark sets the counted bits of tokens [a, b).
func (bs *boundaries) mark(a, b int) {
	for a < b {
		n := min(32-a&31, b-a) // bits of this word
		bs.counted[a>>5] |= int32(uint32(1<<n-1) << (a & 31))
		a += n
	}
}
