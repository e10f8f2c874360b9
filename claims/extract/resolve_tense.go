package extract

import "github.com/crosscheck/crosscheck/claims"

// clauseMemo is what the date step knows about the sentence and the clause
// of the date at hand: their token ranges and the tenses their markers
// give. A date's resolution asks for them up to four times (the claim's
// tense, the tense that infers a year, the sentence's for either), and the
// dates of a sentence or clause share them: on a page of dates in one long
// sentence, each question looked the sentence up again (sentenceIndex,
// sentToks), and each clause question ran Clause's checks and searches,
// which cost more than the rest of resolving a clock time.
//
// The sentence part holds while the date's first token lies in sentence
// si (the test sentenceIndex makes first, without its call); the clause
// part while the token lies in [ca, cb) of that sentence, where every
// token has the same clause (see clauseSearch). Both are filled by the
// plain path: sentenceTokens, Clause or clauseSearch, and spanTense.
type clauseMemo struct {
	sentOK bool
	si     int // the sentence (sentenceIndex; -1 when the pass has none)
	a, b   int // its tokens (sentenceTokens)
	// stDone is set once st holds the tense the sentence's markers give
	// (SentenceTense), read when first needed: most clauses of news
	// text give their own.
	stDone bool
	st     claims.Tense
	// edDone is set once ed holds edPastMemo(a, b), the sentence's past
	// form, which the date step asks for each date of a sentence whose
	// clauses and markers say nothing.
	edDone bool
	ed     claims.Tense

	clauseOK bool
	ca, cb   int          // the clause (Clause)
	ct       claims.Tense // the tense its markers give (ClauseTense)
	// onlyDone is set once only holds onlyReporting(ca, cb), which each
	// date of a past clause asks.
	onlyDone, only bool
}

// sentenceHolds reports whether byte off lies in sentence si, as
// sentenceIndex would answer: si is the first sentence ending after off,
// or the last when none does. With no sentences every offset is in the
// one span sentenceTokens gives.
func (r *dateRun) sentenceHolds(si, off int) bool {
	s := r.sents
	if len(s) == 0 {
		return true
	}
	return (si == len(s)-1 || s[si].End > off) && (si == 0 || s[si-1].End <= off)
}

// clauseAt returns the memo filled for token i < len(r.Toks).
func (r *dateRun) clauseAt(i int) *clauseMemo {
	return r.clauseOf(r.sentenceAt(i), i)
}

// clauseOf fills the clause part of the memo cm for token i, whose
// sentence part is i's (sentenceAt), and returns it.
func (r *dateRun) clauseOf(cm *clauseMemo, i int) *clauseMemo {
	if !cm.clauseOK || i < cm.ca || i >= cm.cb {
		r.enterClause(i)
	}
	return cm
}

// sentenceAt returns the memo with its sentence part filled for token
// i < len(r.Toks) (its clause part may be another token's).
func (r *dateRun) sentenceAt(i int) *clauseMemo {
	cm := &r.clauses
	if off := r.Toks[i].Start; !cm.sentOK || !r.sentenceHolds(cm.si, off) {
		r.enterSentence(i)
	}
	return cm
}

// enterSentence fills the sentence part for the sentence of token i.
func (r *dateRun) enterSentence(i int) {
	off := r.Toks[i].Start
	cm := &r.clauses
	*cm = clauseMemo{sentOK: true, si: r.sentenceIndex(off)}
	cm.a, cm.b = r.sentenceTokens(off)
	r.bounds.extend(r.Pass, max(cm.b, i)) // as Clause does
}

// sentenceTense is the memo's sentence's tense (SentenceTense).
func (r *dateRun) sentenceTense(cm *clauseMemo) claims.Tense {
	if !cm.stDone {
		cm.st, cm.stDone = r.spanTense(cm.a, cm.b), true
	}
	return cm.st
}

// enterClause fills the clause part for token i of the memo's sentence.
// A token outside the sentence's tokens (which sentenceTokens never
// gives) is asked of Clause and not kept.
func (r *dateRun) enterClause(i int) {
	cm := &r.clauses
	a, b := cm.a, cm.b
	if i < a || i >= b {
		cm.ca, cm.cb = r.Clause(i)
		cm.ct, cm.clauseOK, cm.onlyDone = r.spanTense(cm.ca, cm.cb), false, false
		return
	}
	r.bounds.extend(r.Pass, b) // as Clause does: the search reads the counts
	cm.ca, cm.cb = r.clauseSearch(a, b, i)
	cm.ct, cm.clauseOK = r.spanTense(cm.ca, cm.cb), true
	cm.onlyDone = false
}

// clauseOnlyReporting is onlyReporting over the memo's clause, read once
// per clause.
func (r *dateRun) clauseOnlyReporting(cm *clauseMemo) bool {
	if !cm.onlyDone {
		cm.only, cm.onlyDone = r.onlyReporting(cm.ca, cm.cb), true
	}
	return cm.only
}

// sentenceEd is edPastMemo over the memo's sentence, read once per
// sentence.
func (r *dateRun) sentenceEd(cm *clauseMemo) claims.Tense {
	if !cm.edDone {
		cm.ed, cm.edDone = r.edPastMemo(cm.a, cm.b), true
	}
	return cm.ed
}
