package rules

import "github.com/crosscheck/crosscheck/claims/token"

// Tails remembers, for one search at a token i (Index.LongestLeadInto),
// the patterns whose optional first part was present at i: the token
// where that part ended, and how the rest of the pattern matched from
// there (its end, or a failure).
//
// A date scan that finds "at 5 p.m." at "at" searches again at "5", for a
// match that ends later ("5 p.m. on ..."), and the patterns that open with
// an optional preposition ("@time_prep? $hour:?$minute? @ampm") matched
// their rest at "5" in the first search already: that second search was a
// fifth of the extraction on text dense in clock times. At a token their
// first part does not open, such a pattern reads what its rest read there
// (see Pattern.tailAlike), so Index.LongestPastInto skips it when the rest
// failed or ended too early.
type Tails struct {
	n, next int
	at      [8]tailRead
	// state is the working state of the searches given t, kept here so
	// that they do not zero it at each token (see searchState).
	state searchState
}

// tailRead is the rest of pattern p matched from token from: ok, and end.
type tailRead struct {
	p         *Pattern
	from, end int
	ok        bool
}

// add records that the rest of p after its first part, matched from
// token from, ended at end (ok) or failed. The oldest record gives way
// when all are in use: a search at a preposition tries a few patterns.
func (t *Tails) add(p *Pattern, from, end int, ok bool) {
	t.at[ringSlot(&t.n, &t.next, len(t.at))] = tailRead{p: p, from: from, end: end, ok: ok}
}

// find returns the rest of p matched from token from, if t holds it.
func (t *Tails) find(p *Pattern, from int) (end int, ok, found bool) {
	for k := 0; k < t.n; k++ {
		if r := &t.at[k]; r.p == p && r.from == from {
			return r.end, r.ok, true
		}
	}
	return 0, false, false
}

// settled reports whether pattern p, which must be tailAlike, is known to
// match at toks[i] no further than token past (or not at all): its first
// part does not open at toks[i], which is no line's first token, and t
// holds the rest of p matched from i, which failed or ended by past.
func (t *Tails) settled(p *Pattern, toks []token.Token, i, past int) bool {
	if t == nil || t.n == 0 || toks[i].Is(token.NewlineBefore) || p.parts[0].mayOpen(&toks[i]) {
		return false
	}
	end, ok, found := t.find(p, i)
	return found && (!ok || end <= past)
}

// tailAlike reports whether p's match at a token its optional first part
// does not open is what its rest (the parts after the first) read there
// in a match that started earlier, or a failure: Pattern.match then goes
// straight on to the rest, and the only difference is that a part read at
// a match's first token is not asked to be on the same line or glued to
// the token before. So the parts that may be read at that token (the
// second part, and each after it while the ones before are optional) must
// not be glued; and Tails.settled asks that the token opens no line.
// (A match that ends at that token, every part of the rest absent, is a
// failure there, and no longer than the rest's.)
func (p *Pattern) tailAlike() bool {
	if len(p.parts) < 2 || !p.parts[0].optional {
		return false
	}
	for k := 1; k < len(p.parts); k++ {
		if p.parts[k].glued {
			return false
		}
		if !p.parts[k].optional {
			break
		}
	}
	return true
}
