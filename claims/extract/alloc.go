package extract

import (
	"math"
	"math/bits"
	"strconv"
	"unsafe"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
)

// Allocation per claim. Text dense in figures (a table, a list of dates)
// carries ten times news's claims per MB, and there each claim's separate
// small allocations (the claim, its value, the value's bounds, its id,
// its one trigger) and the collector's work on them were a quarter of
// extraction. What is made here is made per document (Pass), never
// shared with another document, so nothing keeps another document's
// claims alive.

// floatArena hands out the bounds of a document's numbers
// (NumberValue.Low and High) from shared chunks, which hold no pointer
// and so cost the collector nothing to scan: each bound was an
// allocation of its own, two or three per number read.
type floatArena struct{ buf []float64 }

// ptr returns a pointer to a new float64 holding v. Each pointer is to a
// slot of its own, as claims.Ptr's are.
func (a *floatArena) ptr(v float64) *float64 {
	if len(a.buf) == cap(a.buf) {
		// Chunks double from 16 values (128 bytes) up to 512 (4 KB), so
		// that a short article wastes little and a long one allocates
		// rarely.
		a.buf = make([]float64, 0, min(max(2*cap(a.buf), 16), 512))
	}
	a.buf = append(a.buf, v)
	return &a.buf[len(a.buf)-1]
}

// numClaim is a number claim and its value in one allocation: they are
// made, kept and dropped together (a claim with its 96-byte value fills
// the same size class as the two apart).
type numClaim struct {
	c  claims.Claim
	nv claims.NumberValue
}

// claimArena makes a document's claims: one by one for its first
// arenaFrom, as an article needs, and from then on from chunks, which only
// a page of figures or dates (a table, a transcript, a feed read as one
// document) reaches. There, tens of thousands of claims of 360 to 480
// bytes each were a fifth of the time: every small span the allocator
// took for them had its heap bitmap cleared and set, where a chunk is one
// large object with one type header. One by one first, because chunks
// cost memory on ordinary articles: a chunk's unused tail, and the claims
// a step makes and drops, stay alive with their neighbours (handing every
// number claim out of chunks raised a real-text run's peak from 102 to
// 108 MB).
type claimArena struct {
	n    int // claims made
	date []claims.Claim
	num  []numClaim
	vals []byte // number values spelled apart from their text (see Pass.numberValue)
}

// arenaFrom is how many claims are made one by one before the chunks
// start.
const arenaFrom = 512

// A chunk is as many claims as fill chunkBytes: above the allocator's 32
// KB small-object limit, and a whole number of its 8 KB pages, which is
// what a large object takes (128 claims of 456 bytes left a ninth of
// their eighth page empty, and a page-faulted, zeroed and scanned ninth
// is a ninth more of the cost a page of figures pays for its claims'
// memory).
const chunkBytes = 64 << 10

// A chunk after the first is one more than twice as long as the one
// before, up to maxChunk claims (under a megabyte): every large object
// costs the allocator some 4,500 instructions beyond zeroing its memory,
// and the runtime's allocation profile walks the stack of one in every
// few (some 17,000 more), which at 64 KB a chunk was 800 objects and 6 M
// instructions on a megabyte of figures. Only a document past arenaFrom
// claims makes chunks, so an article never has one, and a page of
// figures leaves at most one chunk's unused tail of each kind alive.
const maxChunk = 2048

var (
	dateChunk = chunkBytes / int(unsafe.Sizeof(claims.Claim{}))
	numChunk  = chunkBytes / int(unsafe.Sizeof(numClaim{}))
)

// nextChunk is the length of the chunk after one of length last (0
// before the first), for claims of which perChunk fill chunkBytes
// (dateChunk or numChunk): perChunk, then 3 and 7 times it (whole pages,
// as the first), then maxChunk.
func nextChunk(last, perChunk int) int {
	return min(2*last+perChunk, maxChunk)
}

// reserve sets aside n claims in one allocation for a step that makes at
// most n (the date step: one a match), when they would all be made one by
// one (before arenaFrom). An article has a few dates, and each claim's own
// allocation was most of what making it cost; their one allocation lives
// as long as they do, with the document's claims. They are a chunk that
// claim hands out first.
func (a *claimArena) reserve(n int) {
	if n > 1 && a.n+n <= arenaFrom && len(a.date) == cap(a.date) {
		a.date = make([]claims.Claim, 0, n)
	}
}

// claim returns a new zero claim: from the chunk at hand (or reserved),
// else one by one before arenaFrom, else from a new chunk.
func (a *claimArena) claim() *claims.Claim {
	a.n++
	if len(a.date) == cap(a.date) {
		if a.n <= arenaFrom {
			return new(claims.Claim)
		}
		a.date = make([]claims.Claim, 0, nextChunk(cap(a.date), dateChunk))
	}
	a.date = a.date[:len(a.date)+1]
	return &a.date[len(a.date)-1]
}

// numClaim returns a new claim whose Num holds a copy of nv.
func (a *claimArena) numClaim(nv *claims.NumberValue) *claims.Claim {
	return a.numSlot().set(nv)
}

// numSlot returns a new zero number claim.
func (a *claimArena) numSlot() *numClaim {
	if a.n++; a.n <= arenaFrom {
		return new(numClaim)
	}
	if len(a.num) == cap(a.num) {
		a.num = make([]numClaim, 0, nextChunk(cap(a.num), numChunk))
	}
	a.num = a.num[:len(a.num)+1]
	return &a.num[len(a.num)-1]
}

// numClaims returns n new zero number claims in one allocation of exactly
// n, for a batch of claims read before any is made (numberBatch).
func (a *claimArena) numClaims(n int) []numClaim {
	a.n += n
	return make([]numClaim, n)
}

// set copies nv into the zero claim nc's value and returns the claim,
// whose Num points to it. The slot is zero already: the value is copied
// into it, where appending a new numClaim to a chunk zeroed one and copied
// all 456 bytes of it.
func (nc *numClaim) set(nv *claims.NumberValue) *claims.Claim {
	nc.nv = *nv
	nc.c.Num = &nc.nv
	return &nc.c
}

// exact bounds nv at its value on both sides.
func (p *Pass) exact(nv *claims.NumberValue) {
	nv.Low, nv.High = p.floats.ptr(nv.Value), p.floats.ptr(nv.Value)
}

// exactOwn is exact for a claim's own value (numClaim.nv), which nothing
// changes once the claim is made: its bounds point to its Value itself,
// where exact's two floats from the arena cost some 60 instructions a
// claim, and half of a page of figures' number claims are exact. (Only a
// made claim's value: exact's callers bound values still being read, or
// copied into a claim later, whose Value a pointer must not follow.)
func exactOwn(nv *claims.NumberValue) {
	nv.Low, nv.High = &nv.Value, &nv.Value
}

// idArena spells a document's claim ids ("<doc>:<line>:<col>") into one
// byte buffer, which holds no pointer, instead of one string allocation
// per claim. ExtractThen sizes the buffer to the ids exactly (idLength);
// should it be short, a new one is started. Bytes are only appended, never
// rewritten, so the strings made over them stay immutable (as token's
// lowerArena does).
type idArena struct{ buf []byte }

// id returns the id of a claim at line:col of document doc.
func (a *idArena) id(doc string, line, col int) string {
	// Room for any line and column (20 digits each) is asked for first:
	// counting the digits is needed only near the buffer's end.
	if room := cap(a.buf) - len(a.buf); room < len(doc)+42 {
		if n := idLength(doc, line, col); room < n {
			a.buf = make([]byte, 0, n)
		}
	}
	start := len(a.buf)
	a.buf = append(append(a.buf, doc...), ':')
	a.buf = append(appendDecimal(a.buf, line), ':')
	a.buf = appendDecimal(a.buf, col)
	b := a.buf[start:]
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// idLength is the length of the id idArena.id spells.
func idLength(doc string, line, col int) int {
	return len(doc) + 2 + decimalLength(line) + decimalLength(col)
}

// decimalLength is the length of n in decimal, with its sign: an estimate
// of the digits from n's bit length, corrected by one power of ten (a loop
// dividing by ten cost more than spelling the id, on a page with columns in
// the millions).
func decimalLength(n int) int {
	k := 0
	u := uint64(n)
	if n < 0 {
		k, u = 1, -u
	}
	t := bits.Len64(u|1) * 1233 >> 12 // about log10(u)
	if u|1 < pow10[t] {
		t--
	}
	return k + t + 1
}

// appendDecimal is strconv.AppendInt(b, int64(n), 10), written in b's
// room when it has enough (as id and valueInt's buffers have) two digits
// at a time from a table: strconv spells into a buffer of its own and
// copies it with a call, which was a third of a claim's id (two numbers
// per claim; a page of figures has a hundred thousand claims, at columns
// of six and seven digits).
//
// A one-digit number, the line of every claim in a short document or a
// page of figures on one line, is appended where it is asked (the
// function inlines), without the call and the count of digits.
func appendDecimal(b []byte, n int) []byte {
	if uint(n) < 10 {
		return append(b, byte('0'+n))
	}
	return appendDigits(b, n)
}

// appendDigits is appendDecimal for a number of any length.
func appendDigits(b []byte, n int) []byte {
	k := decimalLength(n)
	if n < 0 || cap(b)-len(b) < k {
		return strconv.AppendInt(b, int64(n), 10)
	}
	at := len(b)
	b = b[:at+k]
	d := b[at : at+k]
	u := uint64(n)
	for len(d) > 2 {
		q := u / 100
		r := 2 * (u - 100*q)
		d[len(d)-2], d[len(d)-1] = digitPairs[r], digitPairs[r+1]
		d, u = d[:len(d)-2], q
	}
	if len(d) == 2 {
		d[0], d[1] = digitPairs[2*u], digitPairs[2*u+1]
	} else {
		d[0] = byte('0' + u)
	}
	return b
}

// digitPairs holds "00" to "99" in order: digits 2k and 2k+1 spell k.
const digitPairs = "00010203040506070809" + "10111213141516171819" + "20212223242526272829" + "30313233343536373839" +
	"40414243444546474849" + "50515253545556575859" + "60616263646566676869" + "70717273747576777879" +
	"80818283848586878889" + "90919293949596979899"

// pow10[k] is 10 to the k.
var pow10 = func() (p [20]uint64) {
	p[0] = 1
	for k := 1; k < len(p); k++ {
		p[k] = 10 * p[k-1]
	}
	return p
}()

// numberValue returns claims.FormatNumber(f), the value of a number claim
// over tokens [start, end), without a string allocation of its own: the
// claim's text from one of its tokens on, when that spells the value, as
// most figures' digits do ("5000", "12.5", the "45" of "45%", the "0.5" of
// "0.50"), or else the value spelled into the claims' value buffer
// ("1,234" is 1234). On a page of figures the value's allocation was one
// per claim, over a hundred thousand per MB.
func (p *Pass) numberValue(f float64, start, end int) string {
	first := &p.Toks[start]
	whole := f == math.Trunc(f) && math.Abs(f) < 1e15
	if first.Kind == token.Number {
		if v, ok := plainDigits(first.Text); ok && float64(v) == f {
			// The first token is the value's digits: the loop
			// below would find them there, after spelling them.
			return first.Text
		}
		if whole {
			// A whole value read from figures that are not its plain
			// digits is spelled with separators or scale words
			// ("62,784", "5 million", "5.000"): the loops below would
			// scan its tokens for nothing (and where the last found
			// the digits anyway, the value buffer holds the same
			// bytes). It is spelled into the buffer directly
			// (appendNumber's spelling of a whole value), not into one
			// on the stack and copied.
			return p.made.valueInt(int64(f))
		}
	}
	// The figure that spells the value, read where the value's spelling
	// was searched for: a whole value after a word ("about 5000", "$600")
	// or a decimal ("6.1-magnitude", "58,59" in Indonesian). Spelling a
	// decimal (strconv's shortest float) to search for it cost some 300
	// instructions, most of a claim's value.
	for k := start; k < end; k++ {
		if p.Toks[k].Kind == token.Number {
			if s, ok := p.figureValue(k, end, f, whole); ok {
				return s
			}
		}
	}
	if whole {
		return p.made.valueInt(int64(f))
	}
	var buf [32]byte
	b := appendNumber(buf[:0], f)
	text, last := p.Doc.Text, p.Toks[end-1].End
	for k := start; k < end; k++ {
		// The first byte first: most tokens it turns away cost no
		// comparison call.
		if from := p.Toks[k].Start; text[from] == b[0] && from+len(b) <= last && text[from:from+len(b)] == string(b) {
			return text[from : from+len(b)]
		}
	}
	return p.made.value(b)
}

// figureValue returns claims.FormatNumber(f) read off the figure at token
// k, before token end, when it spells f: as plain digits (plainDigits)
// for a whole f, else as a decimal, digits, a glued mark and glued digits
// (decimalDigits). A decimal written with a decimal comma ("58,59") is
// spelled with a point in the value buffer.
func (p *Pass) figureValue(k, end int, f float64, whole bool) (string, bool) {
	toks := p.Toks
	if whole {
		v, ok := plainDigits(toks[k].Text)
		return toks[k].Text, ok && float64(v) == f
	}
	if k+2 >= end || !toks[k+1].Glued() || !toks[k+2].Glued() || toks[k+2].Kind != token.Number {
		return "", false
	}
	mark := toks[k+1].Text
	if mark != "." && mark != "," {
		return "", false
	}
	n, ok := decimalDigits(toks[k].Text, toks[k+2].Text, f)
	if !ok {
		return "", false
	}
	if mark == "." {
		return p.Doc.Text[toks[k].Start : toks[k+2].Start+n], true
	}
	var buf [32]byte
	b := append(append(append(buf[:0], toks[k].Text...), '.'), toks[k+2].Text[:n]...)
	return p.made.value(b), true
}

// decimalDigits reports that the decimal of whole part w and fraction
// digits fr (less any zeros they end in: n of them are left) is f, as
// claims.FormatNumber spells it: w has no leading zero (but a lone "0"),
// the fraction is not all zeros, and the two have 15 digits at most.
// Then f equals m/10^n, m the digits read as an integer, computed
// exactly (m is below 2^53 and 10^n exact, so the division rounds once,
// as strconv.ParseFloat does), and no other decimal of 15 digits or
// fewer rounds to f, so the shortest spelling of f, FormatNumber's, is
// these digits.
func decimalDigits(w, fr string, f float64) (n int, ok bool) {
	n = len(fr)
	for n > 0 && fr[n-1] == '0' {
		n--
	}
	if n == 0 || len(w) == 0 || len(w) > 1 && w[0] == '0' || len(w)+n > 15 {
		return 0, false
	}
	m := uint64(0)
	for _, s := range [2]string{w, fr[:n]} {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			m = m*10 + uint64(c-'0')
		}
	}
	return n, float64(m)/float64(pow10[n]) == f
}

// plainDigits reads s as a decimal integer spelled as appendNumber spells
// one: digits only, no leading zero (but "0" itself), fewer than 16 of
// them, so that the value is exact in a float64.
func plainDigits(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 15 || s[0] == '0' && len(s) > 1 {
		return 0, false
	}
	v := int64(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}

// value returns a string holding b, from the value buffer: chunks, which
// hold no pointer, are only appended to, never rewritten, so the strings
// made over them stay immutable (as idArena's). The chunks double from
// 128 bytes up to 4 KB, as floatArena's: an article spells a few dozen
// values at most, and a first chunk of 4 KB for each document was a sixth
// of all the memory extraction allocated on real news (5 MB per 5 MB of
// articles), every byte of it zeroed.
func (a *claimArena) value(b []byte) string {
	a.room(len(b))
	start := len(a.vals)
	a.vals = append(a.vals, b...)
	return unsafe.String(&a.vals[start], len(b))
}

// join returns x+y from the value buffer: a date without a year given a
// clock time ("XXXX-03-03" and "T17:00") was a string allocation of its
// own, most of what joining the two cost on a page of clock times.
func (a *claimArena) join(x, y string) string {
	n := len(x) + len(y)
	if n == 0 {
		return ""
	}
	a.room(n)
	start := len(a.vals)
	a.vals = append(append(a.vals, x...), y...)
	return unsafe.String(&a.vals[start], n)
}

// room starts a new chunk of the value buffer when fewer than n bytes
// are left in it (see value for the chunks' sizes).
func (a *claimArena) room(n int) {
	if cap(a.vals)-len(a.vals) < n {
		a.vals = make([]byte, 0, max(n, min(max(2*cap(a.vals), 128), 4<<10)))
	}
}

// valueInt is value(strconv.AppendInt(nil, v, 10)), spelled in the buffer
// itself (20 bytes hold any int64).
func (a *claimArena) valueInt(v int64) string {
	a.room(20)
	start := len(a.vals)
	a.vals = appendDecimal(a.vals, int(v))
	return unsafe.String(&a.vals[start], len(a.vals)-start)
}

// appendNumber appends claims.FormatNumber(f) to dst.
func appendNumber(dst []byte, f float64) []byte {
	if f == math.Trunc(f) && math.Abs(f) < 1e18 {
		return strconv.AppendInt(dst, int64(f), 10)
	}
	return strconv.AppendFloat(dst, f, 'f', -1, 64)
}
