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
	for i := 0; i < len(toks); i++ {
		if !s.Participants.MayStart(&toks[i]) {
			continue // most words, at the cost of an inlined bit test
		}
		if end, v, ok := s.Participants.Match(toks, i); ok {
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
