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
	for i := nameStart(p, toks, 0); i < len(toks); i = nameStart(p, toks, i+1) {
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

// nameStart returns the first token of toks from i on where a name of p
// may start, by inlined tests: when every name opens with a capital
// (capsOnly), a token Scan made without the Capital flag (see
// scannedLower); then the first words' filter, the case (a lower-case word
// that passed the filter cost a call each) and the wide filter, which
// Match would ask first. In a loop of its own, which calls nothing, the
// loop's state stays in registers: NamedIn's own loop kept its list on
// the stack, written back at every token.
func nameStart(p *Phrases, toks []token.Token, i int) int {
	capsOnly := p.caseSensitive && !p.lowerFirst
	for ; i < len(toks); i++ {
		t := &toks[i]
		if capsOnly && scannedLower(t) {
			continue
		}
		if p.MayStart(t) && p.casePasses(t) && p.mayHead(t) {
			return i
		}
	}
	return len(toks)
}

// scannedLower reports a token that token.Scan made (its Hash is set) and
// did not flag Capital: no ASCII capital opens it, so no case-sensitive
// name whose first word starts with one (casePasses) starts there. Most
// tokens are such words, and their flag is a byte of the token, where the
// first words' filter reads the hash and a word of the filter.
func scannedLower(t *token.Token) bool {
	return t.Flags&token.Capital == 0 && t.Hash != 0
}
