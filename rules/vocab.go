package rules

import (
	"slices"
	"sort"

	"github.com/crosscheck/crosscheck/claims/token"
)

// Words lists every single word this language's lexicon knows (function
// words included), for building detection tables once.
func (l *Language) Words() []string {
	seen := map[string]bool{}
	var out []string
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for w := range l.Detect {
		add(w)
	}
	for w := range l.months {
		add(w)
	}
	for w := range l.weekdays {
		add(w)
	}
	for w := range l.numWords {
		add(w)
	}
	for w := range l.vague {
		add(w)
	}
	for w := range l.ordinals {
		add(w)
	}
	for w := range l.DurUnits {
		add(w)
	}
	for w := range l.Units.byFirst {
		add(w)
	}
	for w := range l.Qualifiers.byFirst {
		add(w)
	}
	return out
}

// NamedIn lists, sorted, the participant ids (alias table) that tokens name.
func (s *Set) NamedIn(toks []token.Token) []string {
	out := []string{} // not nil: callers tell "none named" from "not read"
	p := s.Participants
	if p == nil {
		return out
	}
	for i := 0; i < len(toks); i++ {
		// Most words, at the cost of inlined tests: the first words'
		// filter, then the case (names are capitalised, and a lower-case
		// word that passed the filter cost a call each) and the wide
		// filter, which matchAt would ask first.
		if t := &toks[i]; !p.MayStart(t) || !p.casePasses(t) || !p.mayHead(t) {
			continue
		}
		if end, v, ok := p.matchAt(toks, i); ok {
			// A document names a handful of participants: a list is
			// searched faster than a map is made.
			if id := s.ParticipantIDs[v]; !slices.Contains(out, id) {
				out = append(out, id)
			}
			i = end - 1
		}
	}
	sort.Strings(out)
	return out
}
