package extract

import (
	"fmt"
	mbits "math/bits"
	"slices"
	"sort"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// evidence is a word in a sentence that evokes a frame (a trigger) or an
// attribute of one. It holds indexes into the rule set's tables rather
// than the slices themselves, and no text, so that it holds no pointer: a
// sentence thousands of tokens long has as many pieces of evidence, which
// the collector then need not scan, and which cost a quarter of the memory
// to grow.
type evidence struct {
	start, end int   // token range
	trig       int32 // index into rules.Set.TriggerFrames, or -1
	attr       int32 // index into rules.Set.AttrRefs, or -1
	definite   bool
	// fmask has bit f set for each frame f < 64 that the trigger evokes,
	// so that a rule set of no more than 64 frames (candidates) finds
	// those a window of evidence evokes by or-ing one word per piece.
	fmask uint64
}

// frames returns the frames the evidence evokes (none for an attribute
// word alone).
func (ev *evidence) frames(set *rules.Set) []int {
	if ev.trig < 0 {
		return nil
	}
	return set.TriggerFrames[ev.trig]
}

// attrs returns the attributes the evidence names.
func (ev *evidence) attrs(set *rules.Set) []rules.AttrRef {
	if ev.attr < 0 {
		return nil
	}
	return set.AttrRefs[ev.attr]
}

// evidenceText is the evidence as written.
func (p *Pass) evidenceText(ev *evidence) string {
	return p.Doc.Text[p.Toks[ev.start].Start:p.Toks[ev.end-1].End]
}

type sentenceInfo struct {
	ev []evidence
	// evoked has bit f set for each frame f < 64 that ev evokes, and
	// evokedOver lists the others (over 64 frames), each once: a mask
	// rather than a list, which every sentence read grew (an allocation
	// or two per document).
	evoked       uint64
	evokedOver   []int
	participants []string
	entities     []string // participants plus prose entities, when asked for
	// definite is the claims' DefiniteEvent: some trigger of the
	// sentence has a definite word beside it, all read in the sentence
	// alone (definiteEventIn). readEvidence reads it on its way through
	// the triggers: a scan of its own cost a tenth of the frame step.
	definite bool
	// opens holds how the sentence opens (sentenceOpens), read with
	// its evidence for its claims' Context.
	opens claims.Context
	// slab holds participants' storage, kept from sentence to sentence
	// read into the same sentenceInfo (see partSlab).
	slab partSlab
}

// context is the Context the sentence gives each of its claims.
func (si *sentenceInfo) context() claims.Context {
	if si.definite {
		return si.opens | claims.DefiniteEvent
	}
	return si.opens
}

// assignFrames decides what each claim is about: the frame evoked nearest to
// it in its sentence (by trigger or attribute word), the attribute within
// that frame, the participants named in the sentence, and whether the event
// is referred to as a known one ("the meeting", "rapat ini"). It works in
// three steps for each claim: find the mentions of frames in its sentence
// and where each stands from the claim (mentions), score each frame that
// could take the claim as a candidate with the reason it qualified
// (candidates), and pick the winner or fall back to the article's or the
// previous sentence's frame (pick).
func (e *Engine) assignFrames(p *Pass, cs []*claims.Claim) {
	sc := p.scratch
	fa := frameAssigner{p: p, set: e.Rules, claims: len(cs),
		cands: sc.cands[:0], scores: sc.scores[:0], slot: sc.slot}
	fa.cache[0].si.ev, fa.cache[1].si.ev = sc.evs[0][:0], sc.evs[1][:0]
	if sc.kinds == nil || sc.kinds.set != e.Rules {
		// A scratch's memo answers for its engine's rules only: made
		// anew should they be another set (initMemo).
		sc.acceptMemo, sc.attrBase, sc.wide, sc.kinds = nil, nil, nil, nil
	}
	fa.acceptMemo, fa.attrBase, fa.wide, fa.kinds = sc.acceptMemo, sc.attrBase, sc.wide, sc.kinds
	for _, c := range cs {
		if c.Dateline {
			// Its sentence is read for no frame, but a dateline's
			// context is read all the same.
			c.Context |= p.sentenceContext(p.sentenceTokens(c.Start))
			continue
		}
		fa.assign(c)
	}
	// The scratch slices go back to the pool with the document's buffers.
	sc.cands, sc.scores, sc.slot = fa.cands[:0], fa.scores[:0], fa.slot
	sc.evs[0], sc.evs[1] = fa.cache[0].si.ev[:0], fa.cache[1].si.ev[:0]
	sc.acceptMemo, sc.attrBase, sc.wide, sc.kinds = fa.acceptMemo, fa.attrBase, fa.wide, fa.kinds
	p.markPartial(cs)
	p.markScopes(cs)
}

// frameAssigner is assignFrames' state over one document: the evidence of
// the last two sentences asked for, and scratch slices reused from claim to
// claim (and, through the engine's pooled scratch, from document to
// document).
type frameAssigner struct {
	p   *Pass
	set *rules.Set
	// cache holds the evidence of the last two sentences read: claims come
	// in text order, and a claim asks only for its own sentence and the
	// one before (previousFrame). (A map of every sentence's evidence
	// grew with the document; a sentence read again is read the same.)
	cache  [2]cachedSentence
	recent int // the cache slot used last
	cands  []frameCandidate
	scores []frameScore // candidates' working state, one per evoked frame
	slot   []int32      // by frame: its index in scores, or -1
	// acceptMemo holds, for each kind of claim as accepts tells them
	// apart, whether each attribute (by attrBase[frame] + index) takes
	// it: 0 not yet asked, 1 yes, 2 no; and after the attributes, by
	// frame, whether some attribute of the frame does, the same way
	// (frameTakes); and after those, by frame, its default attribute
	// that takes it (see defaultOf), once the frame's answer is in.
	// Claims of a kind are many, and asking again for each was a sixth
	// of scoring. It depends on the rules alone, and is kept
	// with the engine's pooled buffers.
	acceptMemo map[acceptKey][]int8
	attrBase   []int
	wide       []rules.AttrRef // the sentence-wide attributes, in the rules' order (unitFrame)
	lastKey    acceptKey       // acceptsOf's last key and answer
	lastMemo   []int8
	lastSlot   *kindMemo // the kind cache's slot holding lastMemo
	// kinds caches the map's entries by a cheap hash of their keys
	// (kindCache).
	kinds     *kindCache
	lastClaim *claims.Claim // the claim acceptsOf last answered for (candidates and unitFrame ask for one claim in turn)
	// subjectFrom is where the claim at hand's search for a subject starts
	// (its sentence's start, or its window's in an over-long sentence), and
	// long says the sentence is over frameSentenceCap (see evidenceWindow).
	subjectFrom int
	long        bool
	// win finds each claim's window of an over-long sentence's evidence.
	win windowCursor
	// trigIx indexes an over-long sentence's triggers by frame
	// (weighIndexed), made at the first claim that reads it.
	// plainWeigh turns the index off, for tests that hold it to
	// weighByMask.
	trigIx     *triggerIndex
	plainWeigh bool
	// allCands has candidates score every frame for every claim, for
	// tests that hold its leaving out of the farther ones to the full
	// list.
	allCands bool
	// evokedTo is the token evokes reads from next.
	evokedTo int
	// span is the sentence of the claim asked for last (inSpan).
	span claimSpan
	// trigs holds the first trigger of each claim (see addTrigger), room
	// for claims claims.
	trigs  []string
	claims int
}

// addTrigger appends trigger s to c's. A claim's first trigger goes into
// one list shared by the document's claims, each claim seeing only its
// own element (its slice's capacity ends there, so a second trigger
// copies it): most claims have one trigger, and its one-string slice was
// an allocation per claim.
func (fa *frameAssigner) addTrigger(c *claims.Claim, s string) {
	if c.Triggers != nil {
		c.Triggers = append(c.Triggers, s)
		return
	}
	if len(fa.trigs) == cap(fa.trigs) {
		fa.trigs = make([]string, 0, max(fa.claims, 1))
	}
	fa.trigs = append(fa.trigs, s)
	n := len(fa.trigs)
	c.Triggers = fa.trigs[n-1 : n : n]
}

// acceptKey is what accepts reads of a claim: its kind, unit and counted
// noun (for a count with a number), and its date's granularity, range and
// fuzziness (-1 without a date).
type acceptKey struct {
	kind          claims.Kind
	unit, counted string
	hasNum        bool
	date          int
}

// equal reports k == o, the fields that differ most often and cost least
// to compare first (==, on a claim at a time, called the key type's
// generated equality).
func (k *acceptKey) equal(o *acceptKey) bool {
	return k.kind == o.kind && k.date == o.date && k.hasNum == o.hasNum && k.unit == o.unit && k.counted == o.counted
}

// initMemo makes the accepts memo's layout (attrBase: where each
// frame's attributes start) and the list of sentence-wide attributes, on
// first use.
func (fa *frameAssigner) initMemo() {
	if fa.attrBase != nil {
		return
	}
	n := 0
	for fi, fr := range fa.set.Frames {
		fa.attrBase = append(fa.attrBase, n)
		n += len(fr.Attributes)
		for ai, at := range fr.Attributes {
			if at.SentenceWide {
				fa.wide = append(fa.wide, rules.AttrRef{Frame: fi, Attr: ai})
			}
		}
	}
	fa.attrBase = append(fa.attrBase, n)
	fa.acceptMemo = map[acceptKey][]int8{}
	fa.kinds = &kindCache{set: fa.set}
}

// acceptsOf returns the memo of which attributes take claims like c (see
// frameAssigner.acceptMemo).
func (fa *frameAssigner) acceptsOf(c *claims.Claim) []int8 {
	if c == fa.lastClaim && fa.lastMemo != nil {
		return fa.lastMemo
	}
	fa.initMemo()
	k := acceptKey{kind: c.Kind, date: -1}
	if c.Num != nil {
		k.unit, k.hasNum = c.Num.Unit, true
		if c.Kind == claims.KindCount {
			k.counted = c.Num.Counted
		}
	}
	if d := c.Date; d != nil {
		k.date = int(d.Gran) << 2
		if d.Range {
			k.date |= 2
		}
		if d.Fuzzy {
			k.date |= 1
		}
	}
	fa.lastClaim = c
	if fa.lastMemo != nil && k.equal(&fa.lastKey) {
		return fa.lastMemo // claims of a kind often come in a row
	}
	// Kinds take turns (a table of counts and percentages, dates and
	// figures in one sentence, counted nouns): the cache is read before
	// the map, whose hash of the key cost more than the rest.
	slot := &fa.kinds.slots[k.slot()]
	if slot.memo != nil && k.equal(&slot.key) {
		fa.lastKey, fa.lastMemo, fa.lastSlot = k, slot.memo, slot
		return slot.memo
	}
	m := fa.acceptMemo[k]
	if m == nil {
		if len(fa.acceptMemo) >= 4096 {
			clear(fa.acceptMemo) // units and nouns as written are many
			fa.lastMemo = nil
		}
		m = make([]int8, fa.attrBase[len(fa.attrBase)-1]+2*len(fa.set.Frames))
		fa.acceptMemo[k] = m
	}
	*slot = kindMemo{key: k, memo: m}
	fa.lastKey, fa.lastMemo, fa.lastSlot = k, m, slot
	return m
}

// kindCache holds entries of the accepts memo in front of its map, each
// in the slot its key's hash (acceptKey.slot) names, the last one read
// there. The map's own hash of a key, three strings, a flag and a
// number, cost some 315 instructions; on real news two calls of three reached
// it, among some 130 kinds in all. A memo cleared from the map stays
// valid (its answers depend on the rules alone), so the cache need not
// be cleared with it; and for the same reason it is kept from document
// to document with the engine's pooled scratch, set naming the rules it
// answers for.
type kindCache struct {
	set   *rules.Set
	slots [kindSlots]kindMemo
}

// kindSlots is the size of kindCache, 1<<kindBits. Of 31,800 calls on
// real news, 2,000 still reach the map with 256 slots, 670 with 1,024,
// at the same cost in all.
const (
	kindBits  = 8
	kindSlots = 1 << kindBits
)

// kindMemo is one of kindCache's slots: a key of the accepts memo and
// its entry (nil in an empty slot), and the memo's answers by frame
// (below 64) as masks: known has bit f set once the memo answers for
// frame f (frameTakes), takes once that answer is yes. candidates finds
// the frames that take the claim among those a window evokes by and-ing
// two masks (learnTaking teaches them), where reading the memo for each
// frame cost more than the rest of finding them. (A slot given another
// key starts them empty.)
type kindMemo struct {
	key          acceptKey
	memo         []int8
	known, takes uint64
}

// slot is k's slot in a kindCache: a hash of every field, reading only
// the lengths and the first, middle and last bytes of the strings, which
// tell most kinds, units and counted nouns apart at a few instructions
// ("people" and "police" differ in the middle). The fields are laid
// side by side in one word and mixed by one multiplication, whose top
// bits depend on all of them.
func (k *acceptKey) slot() int {
	x := uint64(ends(string(k.kind))) ^ uint64(ends(k.unit))<<21 ^ uint64(ends(k.counted))<<42 ^ uint64(k.date)<<56
	if k.hasNum {
		x ^= 1 << 63
	}
	return int(x * 0x9e3779b97f4a7c15 >> (64 - kindBits))
}

// ends is s's length and its first, middle and last bytes, for
// acceptKey.slot.
func ends(s string) uint32 {
	if s == "" {
		return 0
	}
	n := len(s)
	return uint32(n)<<24 | uint32(s[0])<<16 | uint32(s[n/2])<<8 | uint32(s[n-1])
}

// takes is frameTakes with the memo's answer for the frame read first:
// after the first claim of a kind, there is one, at no call. base is
// where the frames' answers start in memo, after the attributes'.
func (fa *frameAssigner) takes(memo []int8, base, fi int, c *claims.Claim) bool {
	t := memo[base+fi]
	return t == 1 || t == 0 && fa.frameTakes(memo, fi, c)
}

// frameTakes reports whether some attribute of frame fi takes claim c,
// whose memo (acceptsOf) is memo; afterwards the memo answers for every
// attribute of the frame, and for its default (defaultOf).
func (fa *frameAssigner) frameTakes(memo []int8, fi int, c *claims.Claim) bool {
	n := fa.attrBase[len(fa.attrBase)-1]
	takes := &memo[n+fi]
	if *takes == 0 {
		*takes = 2
		base := fa.attrBase[fi]
		for ai, at := range fa.set.Frames[fi].Attributes {
			if memo[base+ai] == 0 {
				memo[base+ai] = 2
				if accepts(at, c) {
					memo[base+ai] = 1
				}
			}
			if memo[base+ai] == 1 {
				*takes = 1
			}
		}
		def := defaultAttr(fa.set.Frames[fi], memo[base:fa.attrBase[fi+1]])
		switch {
		case def < 0:
			memo[n+len(fa.set.Frames)+fi] = 0
		case def < 127:
			memo[n+len(fa.set.Frames)+fi] = int8(def + 1)
		default:
			memo[n+len(fa.set.Frames)+fi] = -1 // (past int8: score looks)
		}
	}
	return *takes == 1
}

// defaultAttr returns the first attribute of fr marked default that takes
// the claim (accepting: the frame's run of the accepts memo), or -1.
func defaultAttr(fr *rules.Frame, accepting []int8) int {
	for ai, at := range fr.Attributes {
		if accepting[ai] == 1 && at.Default {
			return ai
		}
	}
	return -1
}

// defaultOf is frame fi's default attribute that takes the claim of memo
// as frameTakes left it: 1 + its index, 0 for none, -1 for an index past
// int8's (which defaultAttr finds again). Read once per claim kind, it
// spares score a walk of the frame's attributes for every claim.
func (fa *frameAssigner) defaultOf(memo []int8, fi int) int8 {
	return memo[fa.attrBase[len(fa.attrBase)-1]+len(fa.set.Frames)+fi]
}

// cachedSentence is one slot of frameAssigner.cache: the sentence whose
// first token is a, when ok.
type cachedSentence struct {
	a  int
	ok bool
	si sentenceInfo
}

// place is where one piece of evidence stands from the claim: its distance
// in tokens, and whether a clause boundary or a comma lies between.
type place struct {
	d             int
	clause, comma bool
}

// frameCandidate is a frame that can take the claim: the attribute it would
// take, the claim's distance to the frame's nearest evidence (dist) and to
// its nearest trigger (trigDist), the trigger itself, and why the frame
// qualified.
type frameCandidate struct {
	frame, attr, dist, trigDist int
	ev                          *evidence
	how                         how // why the frame qualified and took that attribute
}

// how records why a candidate frame qualified (by a trigger in the claim's
// clause, an attribute word beside it, or its unit) and how it chose its
// attribute (an attribute word, the default, or the default because the
// claim is attached to the trigger). Two small numbers rather than a
// string, so that scoring allocates nothing; String spells them out.
type how struct {
	frameBy, attrBy uint8
}

const (
	byTrigger uint8 = iota
	byAttrBeside
	byUnit
)

const (
	attrByWord uint8 = iota
	attrByDefault
	attrAttached
)

// String says why, as tests and readers want it.
func (h how) String() string {
	s := [...]string{"trigger in its clause", "attribute word beside it, trigger across a clause", "unit only one attribute takes, trigger across a clause"}[h.frameBy]
	switch h.attrBy {
	case attrByDefault:
		return s + "; default attribute"
	case attrAttached:
		return s + "; attached to the trigger; default attribute"
	}
	if h.frameBy != byTrigger {
		return s
	}
	return s + "; attribute word"
}

// assign gives claim c its frame, attribute, participants and triggers.
func (fa *frameAssigner) assign(c *claims.Claim) {
	p := fa.p
	if !fa.inSpan(c.Start) {
		fa.readClaimSentence(c.Start)
	}
	a, b, si := fa.span.a, fa.span.b, &fa.cache[fa.recent&1].si // the claim's sentence
	c.Participants = si.participants
	c.Context |= si.context()
	ci, ce := p.tokenAt(c.Start), p.tokenAt(c.End)
	if len(si.ev) == 0 {
		// No evidence (a table or a page of figures): no window to
		// find, nor candidates; only pick's fallbacks, from where the
		// window would start. (Finding the empty window and copying the
		// sentence for it were most of the step on a page of figures.)
		fa.subjectFrom, fa.long, fa.win.moved = a, b-a > frameSentenceCap, false
		if fa.long {
			p.warnLong()
			fa.subjectFrom = max(a, ci-frameWindow)
		}
		fa.pick(c, si, a, ci, ce, fa.cands[:0])
		return
	}
	// In an over-long sentence only the evidence near the claim counts.
	win := si
	if evs, sa := fa.win.window(p, si.ev, a, b, ci, ce); len(evs) != len(si.ev) || sa != a {
		w := *si
		w.ev = evs
		win = &w
		fa.subjectFrom, fa.long = sa, true
	} else {
		fa.subjectFrom, fa.long = a, b-a > frameSentenceCap
	}
	cands := fa.cands[:0]
	if len(win.ev) > 0 {
		// (None without evidence in the window.) pick reads every
		// candidate only under an adverbial; else only the nearest.
		cands = fa.candidates(c, win, ci, ce, fa.allCands || fa.adverbial(a, ci, ce))
	}
	fa.pick(c, win, a, ci, ce, cands)
}

// inSpan reports that byte off is in the sentence kept (claimSpan),
// whose evidence its cache slot still holds, and makes that slot the one
// used last, as sentence would (candidates reads it). Claims come in
// text order, most in the sentence of the one before: then assign asks
// neither sentenceTokens nor sentence again (on a page of figures, the
// two calls were a fifth of the frame step). It is written to inline: in
// real news most claims are the first of their sentence, and a call to
// find that out cost as much as it saved.
func (fa *frameAssigner) inSpan(off int) bool {
	s := &fa.span
	if cs := &fa.cache[s.slot&1]; off >= s.lo && off < s.end && cs.a == s.a && cs.ok {
		fa.recent = s.slot
		return true
	}
	return false
}

// readClaimSentence reads the sentence of byte off (sentenceTokens,
// sentence) for assign, and keeps it (claimSpan). The sentences sentenceIndex reads are in text order and
// apart, each holding the bytes from the end of the one before to its
// own end: the bytes from its first token's start to its last's lie in
// it.
func (fa *frameAssigner) readClaimSentence(off int) {
	p := fa.p
	a, b := p.sentenceTokens(off)
	fa.sentence(a, b)
	fa.span = claimSpan{a: a, b: b, slot: fa.recent} // (no byte, with no token)
	if a < b {
		fa.span.lo, fa.span.end = p.Toks[a].Start, p.Toks[b-1].Start+1
	}
}

// claimSpan is the sentence of the claim assign read last: bytes
// [lo, end) are in it, its tokens are [a, b), and its evidence is in
// cache slot slot, while that still holds it.
type claimSpan struct {
	lo, end, a, b, slot int
}

// sentence returns the evidence of the sentence of tokens [a, b), from the
// cache or read into the slot used less recently (whose evidence buffer it
// reuses). The answer stays valid until the next call but one.
func (fa *frameAssigner) sentence(a, b int) *sentenceInfo {
	for k := range fa.cache {
		if s := &fa.cache[k]; s.ok && s.a == a {
			fa.recent = k
			return &s.si
		}
	}
	fa.recent = 1 - fa.recent
	s := &fa.cache[fa.recent]
	s.a, s.ok = a, true
	s.si = sentenceInfo{ev: s.si.ev[:0], evokedOver: s.si.evokedOver[:0], slab: s.si.slab}
	fa.p.readEvidence(&s.si, a, b)
	s.si.opens = fa.p.sentenceOpens(a, b)
	s.si.participants = s.si.slab.close(s.si.participants)
	return &s.si
}

// placer measures where evidence words of a sentence stand from the claim
// at tokens [ci, ce) (see place), for candidates to read as it goes.
//
// Whether a clause boundary stands between is clauseBetween's answer, and
// whether a comma or semicolon not inside a number does, both read from
// the boundary counts directly: the counts are extended once, as far as
// the last word needs, and the ", or" exception is tested once per claim.
// (The places were once gathered into a slice first and read back, which
// in a long run of event words cost a fifth of the frame step.)
type placer struct {
	clause, comma []int32 // the boundary counts (boundaries)
	ci, ce        int
	// restateTo is the token two before the claim when it is the comma
	// of "soared $7.70, or 17 percent", which does not part the claim
	// from what stands before; else -1.
	restateTo int
}

// newPlacer starts measuring from the claim at tokens [ci, ce), for
// evidence si.
func (fa *frameAssigner) newPlacer(si *sentenceInfo, ci, ce int) placer {
	p := fa.p
	n := len(p.Toks)
	if len(si.ev) > 0 {
		// at reads the counts from the earliest piece's start (or the
		// claim) to the last piece's start (or the claim).
		p.bounds.coverRange(p, min(ci, si.ev[0].start), max(ci, si.ev[len(si.ev)-1].start))
	}
	pc := placer{clause: p.bounds.clause, comma: p.bounds.comma, ci: ci, ce: ce, restateTo: -1}
	if k := ci - 2; k >= 0 && k < n && p.Toks[k].Text == "," && !inNumber(p.Toks, k) && p.restates(k, ci) {
		pc.restateTo = k
	}
	return pc
}

// at is where evidence ev stands from the claim: after it, before it, or
// overlapping or touching it (nothing between). Only a comma before the
// claim can be the restating one, and only evidence that ends at or
// before it has it between. It is written to inline.
func (pc *placer) at(ev *evidence) place {
	a, b := pc.between(ev)
	if a >= b {
		return place{}
	}
	nc := pc.clause[b] - pc.clause[a]
	if ev.end <= pc.restateTo && nc > 0 {
		nc--
	}
	return place{d: b - a, clause: nc > 0, comma: pc.comma[b]-pc.comma[a] > 0}
}

// between returns the tokens [a, b) between evidence ev and the claim (a
// >= b: none, they touch or overlap), whose boundaries at reads.
func (pc *placer) between(ev *evidence) (a, b int) {
	if ev.start >= pc.ce {
		return pc.ce, ev.start
	}
	return ev.end, pc.ci
}

// flat reports that no clause break and no comma stands anywhere between
// the claim and evidence evs (sorted by start, as a sentence's are): then
// each piece's place is its distance alone (gap), and weighing reads no
// count for it. Most windows of a run of words, and many short sentences,
// have none.
func (pc *placer) flat(evs []evidence) bool {
	if len(evs) == 0 {
		return true
	}
	// at reads the counts at tokens between the earliest piece's start
	// and the claim, and between the claim and the last piece's start.
	lo, hi := min(pc.ci, evs[0].start), max(pc.ci, evs[len(evs)-1].start)
	return pc.clause[lo] == pc.clause[hi] && pc.comma[lo] == pc.comma[hi]
}

// gap is the distance of ev from the claim, as at measures it: at's d
// when the placer is flat for ev.
func (pc *placer) gap(ev *evidence) int {
	a, b := pc.between(ev)
	return max(b-a, 0)
}

// candidates scores every frame that can take c, in the rules' frame order.
//
// A frame none of the sentence's evidence words evokes is never a
// candidate (it needs its trigger, in the claim's clause or across), so
// only the evoked frames are scored: most sentences evoke one or two of the
// rules' frames, and scoring each frame's attributes for every claim was
// the frame step's largest cost. The evidence is then read once for all of
// them (see frameScore): weighing every evoked frame against every word
// cost the product of the two, which in text that is all event words (a
// window of an over-long sentence evokes most frames) was most of the step.
//
// Without all, only the candidates that may be the nearest are scored
// (frameScore.reach): a frame that cannot come as near as a frame sure to
// be a candidate (nearestBound) is left out, as pick, which then reads
// only the nearest (nearestCandidate), would pass over it.
func (fa *frameAssigner) candidates(c *claims.Claim, si *sentenceInfo, ci, ce int, all bool) []frameCandidate {
	set := fa.set
	if len(fa.slot) < len(set.Frames) {
		fa.slot = make([]int32, len(set.Frames))
		for k := range fa.slot {
			fa.slot[k] = -1
		}
	}
	// The evoked frames that take c, in the rules' order. Only the frames
	// some attribute of which takes c are weighed: a frame that takes no
	// such claim is never its candidate (score), and what the evidence
	// tells it is read by no one. (In a run of event words, a third of the
	// frames a window evokes took no figure there, and were weighed
	// against every word of it.)
	var memo []int8
	var scored uint64 // the frames (below 64) scored, by mask
	scores := fa.scores[:0]
	if len(set.Frames) <= 64 {
		// The frames the window evokes: the cursor's tally of a
		// window it moved to, else read from each piece.
		var evoked uint64
		if fa.win.moved {
			evoked = fa.win.tally.evoked
		} else {
			for k := range si.ev {
				evoked |= si.ev[k].fmask
			}
		}
		var taking uint64
		if evoked != 0 {
			memo = fa.acceptsOf(c)
			ks := fa.lastSlot
			if evoked&^ks.known != 0 {
				fa.learnTaking(memo, evoked, c)
			}
			taking = evoked & ks.takes
		}
		scored = taking
		for bits := taking; bits != 0; bits &= bits - 1 {
			f := mbits.TrailingZeros64(bits)
			fa.slot[f] = int32(len(scores)) // (read only under scored: never cleared)
			scores = append(scores, fa.newScore(f, memo))
		}
	} else {
		scores = fa.evokedFrames(si, scores)
		if len(scores) > 0 {
			memo = fa.acceptsOf(c)
		}
		taking, base := scores[:0], len(memo)-2*len(set.Frames)
		for _, sc := range scores {
			fa.slot[sc.frame] = -1 // (set while gathering, over 256 frames)
			if fa.takes(memo, base, sc.frame, c) {
				taking = append(taking, fa.newScore(sc.frame, memo))
			}
		}
		scores = taking
	}
	if len(scores) == 0 {
		// No frame evoked that takes c: no candidate (a figure in a
		// table of figures).
		fa.scores, fa.cands = scores, fa.cands[:0]
		return fa.cands
	}
	byMask := len(set.Frames) <= 64
	if !byMask {
		// (By mask, the slots are set as the scores are made, and read
		// only for a frame of scored: see weighing.)
		for k := range scores {
			fa.slot[scores[k].frame] = int32(k)
		}
	}
	pc := fa.newPlacer(si, ci, ce)
	w := weighing{scores: scores, slot: fa.slot, set: set, memo: memo, pc: &pc, ev: si.ev, numeric: c.Kind != claims.KindDate,
		byMask: byMask, scored: scored, bound: -1}
	if w.byMask && fa.win.moved && !fa.plainWeigh && pc.flat(si.ev) {
		// A window the cursor moved to in an over-long sentence
		// (whose ends are sorted), with no break between: the
		// triggers come from the sentence's index, not from reading
		// each piece of the window (weighIndexed). The sentence is
		// the one assign asked for last (fa.recent).
		if fa.trigIx == nil {
			fa.trigIx = new(triggerIndex)
		}
		sent := fa.cache[fa.recent].si.ev
		fa.trigIx.over(sent, fa.win.sent-1, set.AttrRefs)
		w.weighIndexed(fa.trigIx, sent, fa.win.at)
	} else {
		w.weigh()
	}
	cands := fa.cands[:0]
	nearest := maxReach // no candidate stands farther than the nearest
	switch {
	case all:
	case w.bound >= 0:
		nearest = w.bound // (weighIndexed's, read as it found the triggers)
	default:
		nearest = nearestBound(scores)
	}
	for k := range scores {
		sc := &scores[k]
		if !byMask {
			fa.slot[sc.frame] = -1
		}
		if sc.reach() > nearest {
			continue // farther than some candidate: never the nearest
		}
		cands = fa.score(cands, c, sc, si.ev, memo)
	}
	fa.scores, fa.cands = scores, cands
	return cands
}

// learnTaking has the masks of the kind cache slot (kindMemo) of memo,
// the claim c's accepts memo, answer for every frame of evoked (below
// 64): which take c, asked of the memo for the frames they do not
// answer for yet. memo must be acceptsOf's last answer (lastSlot holds
// it).
func (fa *frameAssigner) learnTaking(memo []int8, evoked uint64, c *claims.Claim) {
	ks := fa.lastSlot
	base := len(memo) - 2*len(fa.set.Frames) // the frames' answers, after the attributes'
	for bits := evoked &^ ks.known; bits != 0; bits &= bits - 1 {
		f := mbits.TrailingZeros64(bits)
		if fa.takes(memo, base, f, c) {
			ks.takes |= 1 << f
		}
		ks.known |= 1 << f
	}
}

// evokedFrames appends to scores the frames the evidence evokes, each
// once, in the rules' order, for rules of more than 64 frames (with no
// more, candidates or-s the evidence's masks). Over 256 frames, it leaves
// each frame's index in scores in slot.
func (fa *frameAssigner) evokedFrames(si *sentenceInfo, scores []frameScore) []frameScore {
	set := fa.set
	var evoked [4]uint64 // by frame index, when there are no more than 256
	if len(set.Frames) <= len(evoked)*64 {
		for k := range si.ev {
			for _, f := range si.ev[k].frames(set) {
				evoked[f>>6] |= 1 << (f & 63)
			}
		}
		for w, bits := range evoked {
			for ; bits != 0; bits &= bits - 1 {
				scores = append(scores, frameScore{frame: w<<6 | mbits.TrailingZeros64(bits)})
			}
		}
		return scores
	}
	for k := range si.ev {
		for _, f := range si.ev[k].frames(set) {
			if fa.slot[f] < 0 {
				fa.slot[f] = int32(len(scores))
				scores = append(scores, frameScore{frame: f})
			}
		}
	}
	slices.SortFunc(scores, func(x, y frameScore) int { return x.frame - y.frame })
	return scores
}

// newScore is the starting score of frame fi, which takes the claim of
// memo (frameTakes has answered for it there).
func (fa *frameAssigner) newScore(fi int, memo []int8) frameScore {
	return frameScore{frame: fi, takes: true, accept: fa.attrBase[fi], noCompare: fa.set.Frames[fi].NoCompare,
		def: fa.defaultOf(memo, fi), bestDist: -1, bestAttr: -1, bestAttrDist: -1}
}

// frameScore is what candidates gathers for one evoked frame fi from the
// sentence's evidence: its nearest trigger in the claim's clause (a date
// may reach across a clause at a cost) and whether it has one across, and
// its nearest attribute word that takes c within reach.
type frameScore struct {
	frame                            int
	accept                           int  // where the frame's attributes start in the claim's accepts memo (attrBase)
	takes                            bool // some attribute of the frame takes the claim
	noCompare                        bool // the frame's NoCompare
	def                              int8 // the frame's default attribute that takes the claim (defaultOf)
	triggered, triggeredAcross       bool
	bestDist, bestAttr, bestAttrDist int
	// bestK and bestAttrK are the indexes in the evidence of the nearest
	// trigger and attribute word: of two as near, the earlier wins.
	bestK, bestAttrK int
}

// maxReach stands for no distance at all in frameScore.reach: farther
// than any.
const maxReach = int(^uint(0) >> 1)

// reach is the least distance score can give sc's frame as a candidate
// (maxReach when it cannot be one): its nearest trigger, or its nearest
// attribute word, nearer; without a trigger in the claim's clause, the
// attribute word beside it or the unit's clausePenalty (or -1, score's
// distance for a unit with no attribute word). Scoring a frame cost more
// than this, and in a run of event words most frames of a window stand
// farther from the claim than the nearest.
func (sc *frameScore) reach() int {
	switch {
	case sc.triggered && sc.bestAttr >= 0:
		return min(sc.bestDist, sc.bestAttrDist)
	case sc.triggered:
		return sc.bestDist
	case sc.triggeredAcross:
		return min(clausePenalty, sc.bestAttrDist) // (-1 with no attribute word)
	}
	return maxReach
}

// nearestBound is a distance the nearest candidate of scores stands at or
// within: that of the nearest trigger of a frame that is sure to be a
// candidate, one with a trigger in the claim's clause and a default
// attribute that takes the claim (score gives it a distance no farther
// than its trigger's); maxReach when there is none.
func nearestBound(scores []frameScore) int {
	bound := maxReach
	for k := range scores {
		if sc := &scores[k]; sc.triggered && sc.def > 0 {
			bound = min(bound, sc.bestDist)
		}
	}
	return bound
}

// score rates the frame of sc as a candidate for claim c, from what the
// evidence gave (frameScore) and which of its attributes take c (memo,
// the claim's accepts memo, 1 for yes): when it qualifies, it appends to
// cands the attribute that wins and why the frame qualified.
func (fa *frameAssigner) score(cands []frameCandidate, c *claims.Claim, sc *frameScore, ev []evidence, memo []int8) []frameCandidate {
	if !sc.takes {
		return cands
	}
	fi := sc.frame
	fr := fa.set.Frames[fi]
	bestDist, bestAttr, bestAttrDist := sc.bestDist, sc.bestAttr, sc.bestAttrDist
	var bestEv *evidence
	if sc.bestDist >= 0 {
		bestEv = &ev[sc.bestK]
	}
	var why how
	if !sc.triggered {
		// "Gempa ... mengguncang Garut, dengan kedalaman 25 km": the
		// event word is across a comma, but an attribute word right
		// beside the number names the frame.
		switch {
		case sc.triggeredAcross && bestAttr >= 0 && bestAttrDist <= 2:
			bestDist = bestAttrDist
			why.frameBy = byAttrBeside
		case sc.triggeredAcross && unitAttr(fr, accepting(memo, sc, fr), c) >= 0:
			// "The first quake, magnitude 7.6, struck ...": a figure
			// in a unit only one attribute of the frame takes is
			// that attribute, whatever clause it stands in.
			bestAttr, bestDist = unitAttr(fr, accepting(memo, sc, fr), c), clausePenalty
			why.frameBy = byUnit
		default:
			return cands
		}
	}
	trigDist := bestDist
	// A claim attached directly to the frame's word ("policies in
	// 2024", "strategi untuk tahun 2025") takes the frame's default
	// attribute: in "adopted a strategy that will guide policies in
	// 2024", "adopted" is not about the year. Otherwise the nearest
	// attribute word decides ("Turnout in the election was 81.8%").
	if bestAttr >= 0 && trigDist == 0 && bestAttrDist > 0 {
		bestAttr = -1
		why.attrBy = attrAttached
	}
	if bestAttr >= 0 && bestAttrDist < bestDist {
		bestDist = bestAttrDist
	}
	if bestAttr < 0 {
		def := int(sc.def) - 1
		if sc.def < 0 {
			def = defaultAttr(fr, accepting(memo, sc, fr))
		}
		if def >= 0 {
			bestAttr = def
			if why.attrBy != attrAttached {
				why.attrBy = attrByDefault
			}
		}
	}
	if bestAttr < 0 {
		return cands
	}
	return append(cands, frameCandidate{fi, bestAttr, bestDist, trigDist, bestEv, why})
}

// accepting is frame fr's run of the accepts memo, for its score sc:
// which of its attributes take the claim. Only score's rare fallbacks
// read it (unitAttr, defaultAttr): sliced for every frame scored, as an
// argument of score, it was a sixth of the call.
func accepting(memo []int8, sc *frameScore, fr *rules.Frame) []int8 {
	return memo[sc.accept : sc.accept+len(fr.Attributes)]
}

// pick gives c the nearest candidate's frame and attribute (ties to the
// nearer trigger), plus the others' attributes when a sentence-opening
// adverbial scopes over them; with no candidate, it falls back to the one
// frame whose unit c has, or the previous sentence's frame.
func (fa *frameAssigner) pick(c *claims.Claim, si *sentenceInfo, a, ci, ce int, choices []frameCandidate) {
	p, set := fa.p, fa.set
	if len(choices) == 0 && c.Num != nil {
		// "The USGS put the magnitude at 6.1.": a figure in a unit only
		// one frame's attribute measures (sentence_wide) belongs to
		// that frame in an article that evokes it anywhere.
		if fi, ai, ok := fa.unitFrame(c); ok {
			fr := set.Frames[fi]
			c.Frame, c.Attribute = fr.Name, p.engine.attrName(fi, ai)
			fa.addTrigger(c, "(the article's "+fr.Name+")")
			return
		}
	}
	if len(choices) == 0 && c.Kind == claims.KindDate && p.Rules.Anaphora.Has(p.Toks, a) {
		// "It took place at 7:37 AM local time.": a date in a sentence
		// that opens with a pronoun for the previous one's event takes
		// that event's frame, across a line break too.
		if fi, ai, ok := fa.previousFrame(c, a, func(int) int { return -1 }, true); ok {
			fr := set.Frames[fi]
			c.Frame, c.Attribute = fr.Name, p.engine.attrName(fi, ai)
			fa.addTrigger(c, "(previous sentence)")
		}
		return
	}
	if len(choices) == 0 && c.Kind != claims.KindDate {
		// "Prabowo won 58.6% of the vote. Anies came second with
		// 24.9%.": a figure in a sentence that names no event
		// continues the previous sentence's, when that sentence, in the
		// same paragraph, evokes exactly one frame that takes it.
		// "Turnout was 71 percent.", "Kmart climbed 8%": an attribute
		// word of the frame beside the figure chooses the attribute.
		near := func(fi int) int {
			ai := -1
			for k := range si.ev {
				ev := &si.ev[k]
				for _, r := range ev.attrs(set) {
					if r.Frame == fi && accepts(set.Frames[fi].Attributes[r.Attr], c) && gap(ci, ce, ev.start, ev.end) <= numericReach &&
						!p.clauseBetween(ci, ce, ev.start, ev.end) {
						ai = r.Attr
					}
				}
			}
			return ai
		}
		if fi, ai, ok := fa.previousFrame(c, a, near, false); ok {
			fr := set.Frames[fi]
			c.Frame, c.Attribute = fr.Name, p.engine.attrName(fi, ai)
			fa.addTrigger(c, "(previous sentence)")
			if fr.Attributes[ai].PerSubject {
				c.Subject = p.subjectBefore(fa.subjectFrom, ci)
			}
		}
		return
	}
	if len(choices) == 0 {
		return
	}
	// A sentence-opening adverbial ("Earlier in 2023, ...") scopes over
	// every event of the sentence: then every candidate is read, nearest
	// first; else only the nearest.
	adverbial := fa.adverbial(a, ci, ce)
	primary := nearestCandidate(choices, adverbial)
	fr := set.Frames[primary.frame]
	if fr.Once && len(c.Participants) < 2 && !fa.long {
		// The alias table does not name both sides of a once-only
		// event; ask prose's entity model, on this sentence only (not
		// over an over-long one: see frameSentenceCap).
		c.Participants = p.entityParticipants(si, c.SentenceStart, c.SentenceEnd)
	}
	c.Frame = fr.Name
	c.Attribute = p.engine.attrName(primary.frame, primary.attr)
	if fr.Attributes[primary.attr].PerSubject {
		c.Subject = p.subjectBefore(fa.subjectFrom, ci)
	}
	if primary.ev != nil {
		fa.addTrigger(c, p.evidenceText(primary.ev))
		c.Definite = primary.ev.definite
	}
	if adverbial {
		for _, ch := range choices[1:] {
			f := set.Frames[ch.frame]
			if f.NoCompare || fr.NoCompare {
				continue
			}
			c.Also = append(c.Also, p.engine.attrName(ch.frame, ch.attr))
			if ch.ev != nil {
				fa.addTrigger(c, p.evidenceText(ch.ev))
			}
		}
	}
}

// adverbial reports a claim at tokens [ci, ce) that is a sentence-opening
// adverbial of the sentence starting at token a ("Earlier in 2023, ..."),
// which takes every candidate's attribute (pick).
func (fa *frameAssigner) adverbial(a, ci, ce int) bool {
	return ci-a <= 2 && ce < len(fa.p.Toks) && fa.p.Toks[ce].Text == ","
}

// nearestCandidate returns the candidate nearest the claim (ties to the
// nearer trigger, then to the earlier frame), and with all set sorts
// choices that way, stably, so that it is choices[0]. Without all, choices
// is left as it is: a claim in a long run of event words has many
// candidates, and sorting them all for the first was a tenth of the frame
// step there.
func nearestCandidate(choices []frameCandidate, all bool) frameCandidate {
	if all && len(choices) > 1 {
		slices.SortStableFunc(choices, compareCandidates)
		return choices[0]
	}
	// (The distances are compared in place: compareCandidates takes
	// two candidates by value, which copied both for each one read.)
	best := 0
	for k := 1; k < len(choices); k++ {
		x, y := &choices[k], &choices[best]
		if x.dist < y.dist || x.dist == y.dist && x.trigDist < y.trigDist {
			best = k // only a strictly nearer one: ties keep the earlier, as the stable sort does
		}
	}
	return choices[best]
}

// compareCandidates orders candidates by distance, then by their
// trigger's distance.
func compareCandidates(x, y frameCandidate) int {
	if x.dist != y.dist {
		return x.dist - y.dist
	}
	return x.trigDist - y.trigDist
}

// markScopes records the place a count is limited to, when its words name
// one right after it: "killed 170,000 people in the province" (province),
// "in 13 countries" (countries), "tewas di Cianjur" (cianjur). Counts of
// different scopes count different wholes (compare never sets them
// against each other).
func (p *Pass) markScopes(cs []*claims.Claim) {
	for _, c := range cs {
		if c.Kind != claims.KindCount || c.Attribute == "" {
			continue
		}
		c.Scope = p.scopeAfter(p.tokenAt(c.End))
	}
}

// scopeAfter reads a scope from token k on: a few words (the counted noun,
// "were killed"), a scope word, then a count of countries, a place noun or
// a name.
func (p *Pass) scopeAfter(k int) string {
	set := p.Rules
	for n := 0; n < 4 && k < len(p.Toks); n++ {
		t := &p.Toks[k]
		if t.Is(token.NewlineBefore) || t.Kind == token.Punct {
			return ""
		}
		// (MayStart inlines: most words open no scope, and cost no call.)
		if set.ScopeBefore.MayStart(t) {
			if end, _, ok := set.ScopeBefore.Match(p.Toks, k); ok {
				k = end
				break
			}
		}
		if n == 3 {
			return ""
		}
		k++
	}
	if k >= len(p.Toks) {
		return ""
	}
	if p.Toks[k].Kind == token.Number && k+1 < len(p.Toks) && set.ScopeNouns.Has(p.Toks, k+1) {
		return p.Toks[k+1].Lower // "in 13 countries": the scope is countries, whatever their number
	}
	if p.Lang.DetectAt(&p.Toks[k]) && k+1 < len(p.Toks) {
		k++ // "the", "this"
	}
	t := &p.Toks[k]
	if set.ScopeNouns.Has(p.Toks, k) {
		return t.Lower
	}
	if t.Kind == token.Word && (t.Is(token.Capital) || t.Is(token.AllCaps)) && !t.Is(token.NewlineBefore) {
		if _, _, ok := p.Lang.MonthAt(t); ok {
			return ""
		}
		if _, _, ok := p.Lang.WeekdayAt(t); ok {
			return ""
		}
		return t.Lower
	}
	return ""
}

// frameSentenceCap is the longest sentence, in tokens, in which a claim
// weighs every event and attribute word; in a longer one (a table, a
// transcript or a page without full stops read as one sentence) it weighs
// only those within frameWindow tokens of it, so that frame assignment stays
// linear in the text; nor does it run the entity model over it. News
// sentences are far shorter.
const (
	frameSentenceCap = 300
	frameWindow      = 30
)

// evidenceWindow returns the evidence of the sentence [a, b) that a claim at
// tokens [ci, ce) weighs, and where its search for a subject starts: all of
// it and the sentence start, unless the sentence is longer than
// frameSentenceCap (then the first time, a warning on the document).
func (p *Pass) evidenceWindow(ev []evidence, a, b, ci, ce int) ([]evidence, int) {
	if b-a <= frameSentenceCap {
		return ev, a
	}
	p.warnLong()
	lo := searchEvidence(ev, func(e *evidence) bool { return e.end >= ci-frameWindow })
	hi := searchEvidence(ev, func(e *evidence) bool { return e.start > ce+frameWindow })
	if hi < lo {
		hi = lo
	}
	return ev[lo:hi], max(a, ci-frameWindow)
}

// windowCursor is evidenceWindow for the claims of a document in turn:
// the window of an over-long sentence is found by moving its ends from
// where the previous claim's were, not by two binary searches for every
// claim (in a page with no full stop, a twentieth of frame assignment).
// Claims come in text order, so the ends move a few pieces of evidence
// each, forward.
type windowCursor struct {
	sent   int  // the sentence's first token plus one (0: no window yet)
	sorted bool // the ends of its evidence do not decrease
	lo, hi int  // the last window
	// moved says the cursor found the last window (over sorted ends),
	// which starts at piece at of the sentence's evidence.
	moved bool
	at    int
	// tally counts the frames of the moved window's evidence, made at
	// the first window moved in the document (most have none: a
	// frameAssigner's zeroing per document paid for its counts).
	tally *frameTally
}

// frameTally counts, by frame (below 64), the pieces of a run of
// evidence [lo, hi) whose triggers evoke it, and keeps the frames with
// a count in evoked: moved with a window from claim to claim, a few
// pieces at each end, it gives the frames a window evokes without
// reading its every piece (some twenty, on a page of event words), as
// candidates did for each claim.
type frameTally struct {
	lo, hi int
	evoked uint64
	count  [64]int32
}

// moveTo makes the tally that of ev[lo:hi], from its last run's.
func (t *frameTally) moveTo(ev []evidence, lo, hi int) {
	if lo >= t.hi || hi <= t.lo {
		t.reset(lo) // (none of the last run kept)
	}
	for ; t.hi < hi; t.hi++ {
		t.add(ev[t.hi].fmask)
	}
	for t.hi > hi {
		t.hi--
		t.remove(ev[t.hi].fmask)
	}
	for t.lo > lo {
		t.lo--
		t.add(ev[t.lo].fmask)
	}
	for ; t.lo < lo; t.lo++ {
		t.remove(ev[t.lo].fmask)
	}
}

// reset empties the tally, to a run starting at piece at.
func (t *frameTally) reset(at int) {
	for bits := t.evoked; bits != 0; bits &= bits - 1 {
		t.count[mbits.TrailingZeros64(bits)] = 0
	}
	t.lo, t.hi, t.evoked = at, at, 0
}

// add counts a piece evoking the frames of mask.
func (t *frameTally) add(mask uint64) {
	for bits := mask; bits != 0; bits &= bits - 1 {
		f := mbits.TrailingZeros64(bits)
		t.count[f]++
		t.evoked |= 1 << f
	}
}

// remove takes away a piece evoking the frames of mask.
func (t *frameTally) remove(mask uint64) {
	for bits := mask; bits != 0; bits &= bits - 1 {
		f := mbits.TrailingZeros64(bits)
		if t.count[f]--; t.count[f] == 0 {
			t.evoked &^= 1 << f
		}
	}
}

// window is p.evidenceWindow(ev, a, b, ci, ce), with the same answer. The
// ends are moved only where both searches' tests are monotone over ev, as
// they are over sorted ends (starts increase, one piece of evidence per
// token); otherwise, where a phrase's evidence ends after the next
// piece's, window searches.
func (wc *windowCursor) window(p *Pass, ev []evidence, a, b, ci, ce int) ([]evidence, int) {
	wc.moved = false
	if b-a <= frameSentenceCap {
		return ev, a
	}
	if wc.sent != a+1 || wc.lo > len(ev) || wc.hi > len(ev) {
		wc.sent, wc.lo, wc.hi, wc.sorted = a+1, 0, 0, true
		if wc.tally != nil {
			wc.tally.reset(0)
		}
		for k := 1; k < len(ev); k++ {
			if ev[k].end < ev[k-1].end {
				wc.sorted = false
				break
			}
		}
	}
	p.warnLong()
	if len(ev) == 0 {
		// A page of figures has no evidence, and no window to move:
		// evidenceWindow's searches of nothing cost more than the rest of
		// the claim's window.
		return ev, max(a, ci-frameWindow)
	}
	if !wc.sorted {
		return p.evidenceWindow(ev, a, b, ci, ce)
	}
	lo, hi := wc.lo, wc.hi
	from, to := ci-frameWindow, ce+frameWindow
	for lo > 0 && ev[lo-1].end >= from {
		lo--
	}
	for lo < len(ev) && ev[lo].end < from {
		lo++
	}
	for hi > 0 && ev[hi-1].start > to {
		hi--
	}
	for hi < len(ev) && ev[hi].start <= to {
		hi++
	}
	wc.lo, wc.hi, wc.moved, wc.at = lo, hi, true, lo
	hi = max(hi, lo)
	if wc.tally == nil {
		wc.tally = new(frameTally)
	}
	wc.tally.moveTo(ev, lo, hi)
	return ev[lo:hi], max(a, from)
}

// warnLong warns, once per document, that a sentence is read by windows.
func (p *Pass) warnLong() {
	if !p.bounds.warned {
		p.bounds.warned = true
		p.Doc.Warnings = append(p.Doc.Warnings, fmt.Sprintf("a sentence longer than %d tokens (no full stops?): claims in it are tied to event words at most %d tokens away", frameSentenceCap, frameWindow))
	}
}

// searchEvidence is sort.Search over ev, f given a pointer to each piece
// of evidence tried (sort.Search's index closure copied it, for every
// claim of a long sentence).
func searchEvidence(ev []evidence, f func(*evidence) bool) int {
	lo, hi := 0, len(ev)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if !f(&ev[m]) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// unitFrame finds the frame whose sentence-wide attribute takes c by its
// unit, when the article evokes that frame somewhere.
//
// Only the sentence-wide attributes are read, in the rules' order, and
// whether each takes c comes from the accepts memo.
func (fa *frameAssigner) unitFrame(c *claims.Claim) (frame, attr int, ok bool) {
	fa.initMemo()
	if !fa.wideUnit(c) {
		return 0, 0, false
	}
	memo := fa.acceptsOf(c)
	for _, r := range fa.wide {
		at := fa.set.Frames[r.Frame].Attributes[r.Attr]
		if k := fa.attrBase[r.Frame] + r.Attr; memo[k] == 0 {
			memo[k] = 2
			if accepts(at, c) {
				memo[k] = 1
			}
		}
		if memo[fa.attrBase[r.Frame]+r.Attr] == 1 && fa.evokes(r.Frame) {
			return r.Frame, r.Attr, true
		}
	}
	return 0, 0, false
}

// wideUnit reports whether some sentence-wide attribute may take c by
// its unit, as rules.Attribute.Accepts reads units: only then can
// unitFrame answer, and a figure in no such unit (most: the built-in rules
// have one, a quake's magnitude) is turned away before the accepts memo,
// whose key of strings cost more than the rest of unitFrame.
func (fa *frameAssigner) wideUnit(c *claims.Claim) bool {
	unit := ""
	if c.Num != nil {
		unit = c.Num.Unit
	}
	for _, r := range fa.wide {
		if at := fa.set.Frames[r.Frame].Attributes[r.Attr]; len(at.Units) == 0 || slices.Contains(at.Units, unit) {
			return true
		}
	}
	return false
}

// evokes reports whether some word of the article is a trigger of frame
// fi. The article is read only as far as the first trigger of fi, the
// frames found on the way kept (Pass.evoked) and the reading resumed from
// there for a frame not found yet: a page of event words evokes the frame
// asked for in its first words, where reading the whole page first cost
// more than the rest of the step's fallbacks. (The blocked flags it reads
// are settled: no step runs during frame assignment.)
func (fa *frameAssigner) evokes(fi int) bool {
	p := fa.p
	if p.evoked == nil {
		p.evoked = make([]bool, len(p.Rules.Frames))
	}
	for !p.evoked[fi] && fa.evokedTo < len(p.Toks) {
		k := fa.evokedTo
		fa.evokedTo++
		// MayStart inlines: most words start no trigger, and cost no
		// call.
		if p.blocked[k] || !p.Rules.Triggers.MayStart(&p.Toks[k]) {
			continue
		}
		if _, v, ok := p.Rules.Triggers.Match(p.Toks, k); ok {
			for _, f := range p.Rules.TriggerFrames[v] {
				p.evoked[f] = true
			}
		}
	}
	return p.evoked[fi]
}

// unitAttr returns the attribute of fr that takes c by its unit anywhere
// in the sentence (rules.Attribute.SentenceWide: a quake's magnitude; not
// its depth, whose kilometres may be any distance), or -1.
func unitAttr(fr *rules.Frame, accepting []int8, c *claims.Claim) int {
	if c.Num == nil || c.Num.Unit == "" {
		return -1
	}
	for ai, at := range fr.Attributes {
		if accepting[ai] == 1 && at.SentenceWide {
			return ai
		}
	}
	return -1
}

// markPartial takes their attribute from counts that are only part of
// one: a partitive ("one of the fatalities", "15 of them on Qeshm") and an
// addition to a count the article already gave for the same attribute
// ("Another four people died in hospital" after "one man was killed"; but
// not "Twelve were killed. Another 40 were injured", whose 40 is the first
// count of the injured). Such a claim keeps its value, with a note, and is
// not compared.
func (p *Pass) markPartial(cs []*claims.Claim) {
	// The attributes of the counts so far: an article's counts have few,
	// and a map's assignment for every count cost more than looking
	// through them.
	var room [8]string
	seen := room[:0]
	set := p.Rules
	for _, c := range cs {
		if c.Kind != claims.KindCount || c.Attribute == "" {
			continue
		}
		ci, ce := p.tokenAt(c.Start), p.tokenAt(c.End)
		// (MayStart and MayEnd inline: most words around a count start
		// and end no such phrase, and cost no call.)
		partitive := ce < len(p.Toks) && set.PartialAfter.MayStart(&p.Toks[ce]) && set.PartialAfter.Has(p.Toks, ce)
		addition := false
		if ci > 0 && ci <= len(p.Toks) && set.PartialBefore.MayEnd(&p.Toks[ci-1]) {
			_, _, addition = set.PartialBefore.MatchBefore(p.Toks, ci, 3)
		}
		had := slices.Contains(seen, c.Attribute)
		addition = addition && had
		if !had {
			seen = append(seen, c.Attribute)
		}
		if partitive || addition {
			c.Note = "part of a count (" + c.Attribute + "), not its total: not compared"
			c.Frame, c.Attribute, c.Also, c.Subject = "", "", nil, ""
		}
	}
}

// numericReach is how far (in tokens) the word saying what a number is
// about may stand from it. Dates scope over their whole sentence; numbers
// belong to their own clause ("killed 12 people", "70 others were
// injured"), not to a word across a comma ("injured ..., a city of 500,000").
const numericReach = 6

// clausePenalty is added to the distance of evidence across a clause
// boundary from a date: in "The summit in Hanoi was held on February 27 and
// 28, the second meeting between ...", the date belongs to the summit.
const clausePenalty = 5

// clauseBetween reports a clause boundary (comma, semicolon, colon,
// bracket, dash) between a claim and a piece of evidence. It counts the
// boundaries in the range from prefix sums, so each call costs O(1) however
// far apart the two stand.
func (p *Pass) clauseBetween(ci, ce, es, ee int) bool {
	a, b := ee, ci
	if es >= ce {
		a, b = ce, es
	}
	b = min(b, len(p.Toks))
	if a >= b {
		return false
	}
	p.bounds.coverRange(p, a, b)
	n := p.bounds.clause[b] - p.bounds.clause[a]
	if k := ci - 2; n > 0 && k >= a && k < b && p.Toks[k].Text == "," && !inNumber(p.Toks, k) && p.restates(k, ci) {
		n-- // "soared $7.70, or 17 percent": the same figure again
	}
	return n > 0
}

// restates reports a comma at k that opens ", or" right before the claim
// at ci: "$7.70, or 17 percent" gives one move twice, in one clause.
func (p *Pass) restates(k, ci int) bool {
	return p.Toks[k].Text == "," && k+2 == ci && p.Rules.Restate.Has(p.Toks, k+1)
}

// inNumber reports a separator glued between two digit runs.
func inNumber(toks []token.Token, k int) bool {
	return k > 0 && k+1 < len(toks) && toks[k-1].Kind == token.Number && toks[k+1].Kind == token.Number &&
		toks[k].Glued() && toks[k+1].Glued()
}

// subjectBefore finds who a per-subject figure belongs to: the nearest
// capitalised name before the claim in its clause ("Prabowo won 58.6%",
// "Prabowo-Gibran meraih 58,59 persen"), as its first word in lower case.
func (p *Pass) subjectBefore(sentStart, ci int) string {
	for k := ci - 1; k >= sentStart; k-- {
		t := &p.Toks[k]
		if t.Text == "," && p.restates(k, ci) {
			ci = k // "Sears shares soared $7.70, or 17 percent": read on
			continue
		}
		if t.Text == ")" {
			// "Sears (up $7.79 to $52.99) stock up 22 percent": an aside.
			depth := 0
			for ; k > sentStart; k-- {
				if p.Toks[k].Text == ")" {
					depth++
				} else if p.Toks[k].Text == "(" {
					if depth--; depth == 0 {
						break
					}
				}
			}
			continue
		}
		if t.Text == "," || t.Text == "." || clauseMark(t.Text) {
			if (t.Text == "," || t.Text == ".") && inNumber(p.Toks, k) {
				continue // "$7.70"
			}
			if t.Text == "," && k+1 < ci && p.Rules.Appositive.Has(p.Toks, k+1) {
				continue // "Manokwari, a city of 160,000 people": the name before the appositive
			}
			return ""
		}
		if t.Kind != token.Word || !t.Is(token.Capital) {
			continue
		}
		if _, _, ok := p.Lang.MonthAt(t); ok || p.Rules.AttrWords.Has(p.Toks, k) || p.Rules.Triggers.Has(p.Toks, k) || p.Lang.DetectAt(t) {
			continue // "Turnout", "The": capitalised, but not a name
		}
		// Walk back to the first word of the name ("Anies Baswedan",
		// "Prabowo-Gibran").
		for k > sentStart && !p.Rules.Triggers.Has(p.Toks, k-1) && !p.Lang.DetectAt(&p.Toks[k-1]) && (p.Toks[k-1].Kind == token.Word && p.Toks[k-1].Is(token.Capital) ||
			p.Toks[k-1].Text == "-" && p.Toks[k-1].Glued() && k > sentStart+1 && p.Toks[k-2].Is(token.Capital)) {
			k--
		}
		if p.Toks[k].Kind != token.Word {
			k++
		}
		return p.Toks[k].Lower
	}
	return ""
}

func accepts(at *rules.Attribute, c *claims.Claim) bool {
	unit := ""
	if c.Num != nil {
		unit = c.Num.Unit
	}
	if !at.Accepts(c.Kind, unit) {
		return false
	}
	if c.Kind == claims.KindCount && c.Num != nil && !at.TakesCounted(c.Num.Counted) {
		return false
	}
	if len(at.Gran) > 0 {
		if c.Date == nil || c.Date.Range || c.Date.Fuzzy {
			return false
		}
		g := c.Date.Gran.String()
		for _, x := range at.Gran {
			if x == g {
				return true
			}
		}
		return false
	}
	return true
}

// gap is the number of tokens between [a, b) and [c, d); 0 when they touch
// or overlap.
func gap(a, b, c, d int) int {
	switch {
	case d <= a:
		return a - d
	case c >= b:
		return c - b
	}
	return 0
}

// readEvidence reads the evidence, evoked frames and participants of the
// sentence of tokens [a, b) into si, appending to its (empty) slices.
func (p *Pass) readEvidence(si *sentenceInfo, a, b int) {
	p.readEvidenceIn(si, a, b, &p.index.lanes)
}

// The lanes of evidenceLanes, one per table readEvidence reads.
const (
	laneTrigger = 1 << iota
	laneAttr
	laneParticipant
)

// evidenceLanes sets in f the lanes of the tables readEvidence reads:
// f.Lanes(t) tells which of them may open a phrase at word t, as their
// MayOpen would, at one load for all three (most words: none).
func evidenceLanes(set *rules.Set, f *rules.LaneFilter) {
	set.Triggers.AddOpens(f, laneTrigger)
	set.AttrWords.AddOpens(f, laneAttr)
	set.Participants.AddOpens(f, laneParticipant)
}

// readEvidenceIn is readEvidence with lanes for evidenceLanes' (a
// test passes others).
func (p *Pass) readEvidenceIn(si *sentenceInfo, a, b int, lanes *rules.LaneFilter) {
	// The tokens are a local: read through p, they were loaded again for
	// every token.
	set, toks := p.Rules, p.Toks
	for k := a; k < b; k++ {
		// Most words no table holds cost one load; a word one table
		// may hold costs no test of the others, and its match does not
		// ask that table's filters again (MatchOpen).
		t := &toks[k]
		l := lanes.Lanes(t)
		if l == 0 {
			continue
		}
		trig, attr, part := l&laneTrigger != 0, l&laneAttr != 0, l&laneParticipant != 0
		end, v, ok := 0, 0, false
		if trig {
			end, v, ok = set.Triggers.MatchOpen(toks, k)
		}
		if ok && end <= b {
			ev := evidence{start: k, end: end, trig: int32(v), attr: -1, definite: p.definiteAt(toks, k, end)}
			// Read in the sentence alone the trigger is the same (it
			// ends in it), and a definite word found there is found in
			// the text too: only a trigger definite here may be there.
			if ev.definite && !si.definite {
				si.definite = p.definiteAt(toks[a:b], k-a, end-a)
			}
			if attr {
				if e2, v2, ok := set.AttrWords.MatchOpen(toks, k); ok && e2 <= b {
					ev.attr = int32(v2)
				}
			}
			for _, f := range set.TriggerFrames[v] {
				if f < 64 {
					ev.fmask |= 1 << f
				} else if !slices.Contains(si.evokedOver, f) {
					si.evokedOver = append(si.evokedOver, f)
				}
			}
			si.evoked |= ev.fmask
			si.ev = append(si.ev, ev)
		} else {
			if ok && !si.definite {
				// A trigger running past the sentence: in it alone a
				// shorter one may start here.
				si.definite = p.definiteEventIn(toks[a:b], k-a, k-a+1)
			}
			if attr {
				if end, v, ok := set.AttrWords.MatchOpen(toks, k); ok && end <= b {
					si.ev = append(si.ev, evidence{start: k, end: end, trig: -1, attr: int32(v)})
				}
			}
		}
		if !part || datelinePlace(toks, k) {
			continue // datelinePlace: "JAKARTA, Senin (30/12/2024) -": where it was filed, not who took part
		}
		if end, v, ok := set.Participants.MatchOpen(toks, k); ok && end <= b {
			// A sentence names few participants: a map to keep them
			// apart cost more than looking through them.
			if id := set.ParticipantIDs[v]; !slices.Contains(si.participants, id) {
				si.participants = si.slab.add(si.participants, id)
			}
			if !si.definite && end > k+1 {
				// The words of a participant read no evidence, but a
				// trigger among them still makes the event known.
				si.definite = p.definiteEventIn(toks[a:b], k+1-a, end-a)
			}
			k = end - 1
		}
	}
	if len(si.participants) > 1 {
		sort.Strings(si.participants) // (most sentences name none: a call for nothing)
	}
}

// entityParticipants adds the proper names the name finder (names.go)
// reads in one sentence to the alias-table participants: a name the table
// knows as its id, any other in lower case. It is called only for claims
// about once-only events with fewer than two known participants, and cached
// per sentence. (prose's entity model did this until the finder replaced
// it: loading the model cost more than the rest of a small run.)
func (p *Pass) entityParticipants(si *sentenceInfo, start, end int) []string {
	if si.entities != nil {
		return si.entities
	}
	seen := map[string]bool{}
	out := append([]string{}, si.participants...)
	for _, id := range out {
		seen[id] = true
	}
	if end > start && end <= len(p.Doc.Text) {
		for _, id := range p.nameIDs(p.properNames(p.tokenAt(start), p.tokenAt(end))) {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	sort.Strings(out)
	si.entities = out
	return out
}

// previousFrame finds the single frame evoked by the sentence before the one
// starting at token a, on the same line unless acrossLines, that takes c: by its default
// attribute, or by the attribute near(frame) finds named beside c in its
// own sentence (-1 for none), which is preferred.
//
// It reads the frames the sentence evokes (sentenceInfo.evoked), each once:
// a frame's answer is the same at each of its triggers, and the triggers of
// a long sentence, read again for each claim of the next, made the step
// quadratic.
func (fa *frameAssigner) previousFrame(c *claims.Claim, a int, near func(int) int, acrossLines bool) (frame, attr int, ok bool) {
	p := fa.p
	if a == 0 || p.Toks[a].Is(token.NewlineBefore) && !acrossLines {
		return 0, 0, false
	}
	pa, pb := p.sentenceTokens(p.Toks[a-1].Start)
	si := fa.sentence(pa, pb)
	found := -1
	// one reads frame fi, and reports false on a second candidate: then
	// previousFrame does not guess.
	one := func(fi int) bool {
		ai := previousAttr(p.Rules.Frames[fi], fi, c, near)
		if ai < 0 {
			return true
		}
		if found >= 0 && found != fi {
			return false
		}
		found, attr = fi, ai
		return true
	}
	for bits := si.evoked; bits != 0; bits &= bits - 1 {
		if !one(mbits.TrailingZeros64(bits)) {
			return 0, 0, false
		}
	}
	for _, fi := range si.evokedOver {
		if !one(fi) {
			return 0, 0, false
		}
	}
	return found, attr, found >= 0
}

// previousAttr is the attribute of frame fr (index fi) that previousFrame
// gives c: the one near(fi) finds, else its first default attribute that
// takes c; -1 for none, and for a frame not compared.
func previousAttr(fr *rules.Frame, fi int, c *claims.Claim, near func(int) int) int {
	if fr.NoCompare {
		return -1
	}
	ai := near(fi)
	for k, at := range fr.Attributes {
		if ai < 0 && at.Default && accepts(at, c) {
			ai = k
		}
	}
	return ai
}

// datelinePlace reports a capitalised place opening a line before a comma,
// the way datelines name where a report was filed.
func datelinePlace(toks []token.Token, k int) bool {
	return (k == 0 || toks[k].Is(token.NewlineBefore)) && toks[k].Is(token.AllCaps) &&
		k+1 < len(toks) && toks[k+1].Text == ","
}

// markersAt adds to the counts of clause breaks, commas, future and past
// markers those token k is (boundaries).
func (p *Pass) markersAt(k int, cl, cm, fu, pa int32) (int32, int32, int32, int32) {
	t := &p.Toks[k]
	if t.Kind == token.Word {
		if p.Rules.ClauseWords.MayStart(t) && p.Rules.ClauseWords.Has(p.Toks, k) {
			cl++
		}
	} else {
		// clauseBreak and the comma test, the mark read once and a
		// comma's inNumber asked once: most tokens here are commas and
		// periods.
		switch t.Text {
		case ",":
			if !inNumber(p.Toks, k) {
				cl++
				cm++
			}
		case ".":
			if !inNumber(p.Toks, k) {
				cl++
			}
		case ";":
			cl++
			if !inNumber(p.Toks, k) {
				cm++
			}
		default:
			if clauseMark(t.Text) || p.Rules.ClauseWords.MayStart(t) && p.Rules.ClauseWords.Has(p.Toks, k) {
				cl++
			}
		}
	}
	// MayStart inlines: most tokens are no marker and cost no call.
	if p.Lang.Future.MayStart(t) && p.Lang.Future.Has(p.Toks, k) {
		fu++
	}
	if p.Lang.Past.MayStart(t) && p.Lang.Past.Has(p.Toks, k) {
		pa++
	}
	return cl, cm, fu, pa
}
