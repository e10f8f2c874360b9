package extract

import (
	"github.com/crosscheck/crosscheck/claims"
)

// lazyTense is resolutionTense(m), reckoned when a reading first asks it.
// Only a date that leaves out a part the publication date must supply
// (its year, its month, the week of a weekday) is read by the tense: a
// date that writes its year, or any date of a document with no
// publication date, is valued without it. The tense of a date's clause
// and the words beside it cost more than the rest of such a date's
// resolution (a page of undated "October 18" asked it for each).
type lazyTense struct {
	r      *dateRun
	m      *dateMatch
	done   bool
	tense  claims.Tense
	strong bool
}

// get returns resolutionTense(m) and whether the date's clause said it,
// reckoned once.
func (lt *lazyTense) get() (claims.Tense, bool) {
	if !lt.done {
		lt.tense, lt.strong = lt.r.resolutionTense(lt.m)
		lt.done = true
	}
	return lt.tense, lt.strong
}

// of returns the tense alone.
func (lt *lazyTense) of() claims.Tense {
	t, _ := lt.get()
	return t
}
