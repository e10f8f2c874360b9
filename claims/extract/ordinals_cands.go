package extract

// ordinalCands lists, in order, the tokens scanNumbers found that may
// open an ordinal (Pass.mayOpenOrdinal) and were unblocked when it looked:
// scanOrdinals then reads those alone, where it walked every token of the
// document a second time. ready is false until scanNumbers has run in the
// pass (newPass resets it), and scanOrdinals then walks every token.
type ordinalCands struct {
	at    []int32
	ready bool
}

// listOrdinal adds token i to the ordinal candidates. The list is kept in
// the Pass, not in a local of scanNumbers: its loop had no registers to
// spare for it, and spilled others at every token.
func (p *Pass) listOrdinal(i int) { p.ordCands.at = append(p.ordCands.at, int32(i)) }

// listOrdinals lists the tokens of [a, b) that are unblocked and may open
// an ordinal: scanNumbers jumps over the tokens of a number or code it
// read, and tested none of them. (A blocked token stays blocked, so leaving
// it out changes nothing.)
func (p *Pass) listOrdinals(a, b int) {
	for j := a; j < b; j++ {
		if !p.blocked[j] && p.mayOpenOrdinal(j) {
			p.listOrdinal(j)
		}
	}
}

// listPrefixedOrdinal lists word i, which an ordinal prefix's first byte
// opens and no number table holds, when a prefix is glued to a number
// word in it ("kedua"), the only such words ReadOrdinal reads an ordinal
// at (rules.Language.PrefixedNumberAt): listed at the first byte alone,
// one word in six of Indonesian news ("kepada", "karena") cost
// scanOrdinals a reading each. It is kept out of scanNumbers' walk
// (noinline), which a language without prefixes then pays nothing for.
//
//go:noinline
func (p *Pass) listPrefixedOrdinal(i int) {
	if p.Lang.PrefixedNumberAt(&p.Toks[i]) {
		p.listOrdinal(i)
	}
}
