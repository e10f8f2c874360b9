package rules

import "github.com/crosscheck/crosscheck/claims/token"

// MatchOpen is Match for a caller that has found MayOpen(&toks[i]) true
// (and i in toks): it does not ask the first-word and wide filters
// again (Match asks them, then matches here). readEvidence asks three tables' filters at every word of a
// sentence to learn which to match, and asking them again inside each
// Match (with its other tests) was 3 M instructions of the 21 M its
// matches cost on 5 MB of news. With MayOpen false it
// may answer what Match would not: only a phrase whose first word t's
// hash does not rule out.
func (p *Phrases) MatchOpen(toks []token.Token, i int) (end, value int, ok bool) {
	t := &toks[i]
	if !p.casePasses(t) {
		return 0, 0, false
	}
	var h *phraseHead
	if numbered(t) {
		h = p.heads.RefNumbered(t)
	} else {
		h = p.heads.Ref(t)
	}
	if h == nil {
		return 0, 0, false
	}
	list := h.tried(toks, i)
	for k := range list {
		// The common answers of matches are given here, without its
		// call, which most tries made: a longer phrase whose second
		// or third word the next tokens are not (by hash, nextMay)
		// does not occur, and a phrase of one word of a table that
		// ignores case does (its first word is how heads found it).
		ph := &list[k]
		if len(ph.words) > 1 && !nextMay(toks, i, ph) {
			continue
		}
		if len(ph.words) == 1 && !p.caseSensitive || p.matches(toks, i, ph) {
			return i + len(ph.words), ph.value, true
		}
	}
	return 0, 0, false
}
