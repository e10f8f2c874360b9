package extract

import (
	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
)

// readContext sets the NominalDate flag of each claim's Context: what
// its words say about which occurrence of an event it is about
// (claims.Context). The comparison decides from these flags, and the
// story's dates, whether a sentence is background; reading them here, on
// the tokens already in hand, spares it a scan of the text per sentence and
// per date.
//
// The flags of the claim's sentence are not read here: assignFrames sets
// them (sentenceInfo.context), from the sentence it reads anyway for the
// claim's frame, and the scan of its triggers it makes there, which
// spares a second scan of every claim's sentence.
func (p *Pass) readContext(cs []*claims.Claim) {
	for _, c := range cs {
		if c.Date != nil && p.nominalDate(c) {
			c.Context |= claims.NominalDate
		}
	}
}

// sentenceOpens reads how the sentence of tokens [a, b) opens: with
// background ("Earlier, ...") or with a word that points back.
func (p *Pass) sentenceOpens(a, b int) claims.Context {
	var f claims.Context
	if a >= b {
		return f
	}
	// (MayStart inlines: most sentences open with neither, and cost no
	// call.)
	toks := p.Toks[a:b] // the sentence alone: no phrase reaches past it
	set, t := p.Rules, &toks[0]
	if set.Background.MayStart(t) && set.Background.Has(toks, 0) {
		f |= claims.OpensBackground
	}
	if set.Anaphora.MayStart(t) && set.Anaphora.Has(toks, 0) {
		f |= claims.OpensAnaphora
	}
	return f
}

// sentenceContext reads the flags of the sentence of tokens [a, b): how it
// opens, and whether it names an event as a known one. (Extraction reads
// the two apart: sentenceOpens and sentenceInfo.definite.)
func (p *Pass) sentenceContext(a, b int) claims.Context {
	f := p.sentenceOpens(a, b)
	if a < b && p.definiteEventIn(p.Toks[a:b], 0, b-a) {
		f |= claims.DefiniteEvent
	}
	return f
}

// definiteEventIn reports a trigger starting at sent[from:to] with a
// definite word before or after it ("the meeting", "rapat ini"), the
// trigger and the words read in the sentence sent alone: no phrase reaches
// past it.
func (p *Pass) definiteEventIn(sent []token.Token, from, to int) bool {
	// Only a trigger with a definite word before or after it counts
	// (definiteAt), and looking a trigger up costs far more than the
	// tables' filters, which inline: a trigger is looked up only where the
	// word before it may end a definite phrase, or where some word after
	// it may start one. after is the first token past the trigger that
	// may, found lazily and at most once per token (len(sent): none).
	after := 0
	for k := from; k < to; k++ {
		if !p.Rules.Triggers.MayStart(&sent[k]) {
			continue
		}
		if k == 0 || !p.Rules.DefiniteBefore.MayEnd(&sent[k-1]) {
			if after <= k {
				after = p.nextDefiniteAfter(sent, k+1)
			}
			if after == len(sent) {
				continue
			}
		}
		if end, _, ok := p.Rules.Triggers.Match(sent, k); ok && p.definiteAt(sent, k, end) {
			return true
		}
	}
	return false
}

// nextDefiniteAfter returns the first token of toks from i on that may
// start a definite phrase written after a trigger ("rapat ini"), or
// len(toks).
func (p *Pass) nextDefiniteAfter(toks []token.Token, i int) int {
	for ; i < len(toks); i++ {
		if p.Rules.DefiniteAfter.MayStart(&toks[i]) {
			return i
		}
	}
	return len(toks)
}

// definiteAt reports a definite word before the trigger at toks[k:end]
// ("the meeting") or after it ("rapat ini"). The filters of the tables'
// last and first words inline, so that most triggers cost no call.
func (p *Pass) definiteAt(toks []token.Token, k, end int) bool {
	if k > 0 && p.Rules.DefiniteBefore.MayEnd(&toks[k-1]) {
		if _, _, ok := p.Rules.DefiniteBefore.MatchBefore(toks, k, 3); ok {
			return true
		}
	}
	return end < len(toks) && p.Rules.DefiniteAfter.MayStart(&toks[end]) && p.Rules.DefiniteAfter.Has(toks, end)
}

// nominalDate reports a date that modifies a noun rather than placing its
// sentence in time: written after a word such as "of" ("the tsunami of
// 2004"), or a bare year right before an event word ("the 2004 tsunami")
// with no clause preposition before it ("in 2004 killed" is a time for the
// clause).
//
// Each table is asked through its filter first (MayStart inlines): most
// words around a date start no such phrase, and cost no call.
func (p *Pass) nominalDate(c *claims.Claim) bool {
	set := p.Rules
	ci, ce := p.tokenAt(c.Start), p.tokenAt(c.End)
	span := p.Toks[ci:ce]
	if len(span) > 1 && set.DateOf.MayStart(&span[0]) && set.DateOf.Has(span, 0) {
		return true
	}
	// The word before the span: spans may leave a preposition out, as
	// TimeML does ("the tsunami of [2004]").
	before := p.Toks[:ci]
	n := len(before)
	if n > 0 && set.DateOf.MayStart(&before[n-1]) && set.DateOf.Has(before, n-1) {
		return true
	}
	if len(span) != 1 || n > 0 && set.DateAt.MayStart(&before[n-1]) && set.DateAt.Has(before, n-1) {
		return false // "pada 2018 menewaskan", "in 2004 killed": a time for the clause
	}
	return ce < len(p.Toks) && p.Toks[ce].Kind == token.Word && set.Triggers.MayStart(&p.Toks[ce]) && set.Triggers.Has(p.Toks, ce)
}
