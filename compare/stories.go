package compare

import (
	"cmp"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// unionFind groups indexes.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u unionFind) union(a, b int) {
	a, b = u.find(a), u.find(b)
	if a == b {
		return
	}
	if a > b {
		a, b = b, a
	}
	u[b] = a
}

// docWords is what grouping needs from one document's text.
type docWords struct {
	shingles []uint64  // sampled 5-gram hashes, sorted and distinct: syndication
	keywords []keyword // distinct: story grouping
	lead     lead      // the title's and lead's anchors: the event layer (events.go)
}

// analyse scans every document's text once, on GOMAXPROCS goroutines, and
// derives from that one token list the participants it names (when
// extraction did not record them), its shingles and its keywords. Each of
// those used to scan the text on its own, and the participants' scan ran on
// one goroutine: at a million claims that was a fifth of the comparison.
func analyse(docs []*claims.Document, set *rules.Set, stop map[string]bool) []docWords {
	return analyseWith(docs, set, stop, nil)
}

// analyseWith is analyse taking the words read beforehand where given
// (words[id], see Analyser), each with a lead of its own (addFigures
// appends to it).
func analyseWith(docs []*claims.Document, set *rules.Set, stop map[string]bool, given map[string]*Words) []docWords {
	out := make([]docWords, len(docs))
	stops := newStopSet(set, stop)
	perDoc(docs, newScratch, func(i int, s *scratch) {
		if w := given[docs[i].ID]; w != nil {
			out[i] = w.w
			l := &out[i].lead
			l.mags, l.money = slices.Clone(l.mags), slices.Clone(l.money)
			return
		}
		out[i] = s.analyseOne(docs[i], set, stops)
	})
	return out
}

// Words are one document's grouping words (keywords, sampled shingles,
// the lead's anchors), read while its tokens are at hand (Analyser), so
// that comparing does not scan its text again.
type Words struct{ w docWords }

// Analyser reads Words under a rule set; safe for concurrent use.
type Analyser struct {
	set   *rules.Set
	stop  map[string]bool // stopWords(set); stops.stop
	stops *stopSet
	pool  sync.Pool // *scratch
}

// NewAnalyser reads words under set.
func NewAnalyser(set *rules.Set) *Analyser {
	stop := stopWords(set)
	return &Analyser{set: set, stop: stop, stops: newStopSet(set, stop), pool: sync.Pool{New: func() any { return newScratch() }}}
}

// Words reads d's grouping words from its tokens, as token.Scan gives them
// for d.Text (extract.Engine.ExtractThen hands them over); nil toks scans
// the text.
func (a *Analyser) Words(d *claims.Document, toks []token.Token) *Words {
	s := a.pool.Get().(*scratch)
	defer a.pool.Put(s)
	if toks == nil {
		return &Words{s.analyseOne(d, a.set, a.stops)}
	}
	return &Words{s.analyseTokens(d, toks, a.set, a.stops)}
}

// analyseOne derives one document's words (see analyse).
func (s *scratch) analyseOne(d *claims.Document, set *rules.Set, stops *stopSet) docWords {
	s.toks = token.Scan(d.Text, s.toks[:0])
	return s.analyseTokens(d, s.toks, set, stops)
}

// analyseTokens is analyseOne over the document's tokens as token.Scan
// gave them (extraction's, when it hands them over).
func (s *scratch) analyseTokens(d *claims.Document, toks []token.Token, set *rules.Set, stops *stopSet) docWords {
	own := s.toks
	s.toks = toks
	defer func() { s.toks = own }()
	if s.stops != stops {
		s.table.empty() // its stop and calendar answers were another set's
	}
	s.stops = stops
	parts := d.Participants // found during extraction
	if parts == nil {
		parts = set.NamedIn(s.toks)
	}
	s.titleEnd, s.leadEnd = titleSpan(d.Text), leadEnd(d.Text)
	s.index()
	w := docWords{shingles: s.shingles(), keywords: s.keywords(parts)}
	w.lead = s.readLead(d, set, stops.stop)
	return w
}

// shingles returns the distinct hashes (FNV-1a over the lower-case words,
// each followed by a zero byte) of the word 5-grams of the scanned text
// (s.toks, indexed: see index), sampled 1 in 4 by hash so that
// near-duplicate detection stays linear in corpus size, sorted.
//
// The hash is computed inline rather than through hash/fnv, whose Write
// takes a []byte: converting every word cost two allocations per word and
// window, most of syndication's time on a large corpus. And it is computed
// only for the windows the sample keeps: whether a window's hash is 0
// modulo 4 is known from its words' flips (see wordFlips), composed. The
// composition of a window is read off running sums of the flips (see
// flipSum), the window's first and the one after its last, at a fraction
// of the cost of composing five words' flips for every window, let alone
// of hashing them. index lists the words and their flips.
func (s *scratch) shingles() []uint64 {
	words, toks := s.words, s.toks
	// Hashes are gathered in scratch space, which grows once for the
	// longest document; the result is a copy of its sorted, distinct ones
	// (kept until the stories are made: no spare room).
	out := s.hashes[:0]
	for _, j := range s.sampledEnds() {
		out = append(out, fnvWords(toks, words[j-4:j+1:j+1]))
	}
	s.hashes = out
	out = s.sortHashes(out)
	if out = slices.Compact(out); len(out) == 0 {
		return nil
	}
	return slices.Clone(out)
}

// sampledEnds returns, in scratch space, the last words' places of the
// windows of five words (s.flips) whose hashes the sample keeps. The loop
// makes no call, so that its state stays in registers.
func (s *scratch) sampledEnds() []int32 {
	flips := s.flips
	if len(flips) < 5 {
		return nil
	}
	ends := slices.Grow(s.ends[:0], len(flips))[:len(flips)]
	// ring holds the sums before words j-4 to j (that before word j in
	// its low byte), x the sum after word j.
	var ring uint64
	x := uint8(0)
	for _, f := range flips[:4] {
		ring = ring<<8 | uint64(x)
		x = flipSum(x, f)
	}
	m := 0
	for j := 4; j < len(flips); j++ {
		ring = ring<<8 | uint64(x)
		x = flipSum(x, flips[j])
		ends[m] = int32(j)
		// The sum before word j-4 (ring's byte 4, below 16) in the
		// index's high four bits, that after word j in its low four.
		m += int(sampledPairs[uint8(ring>>28)&0xf0|x])
	}
	s.ends = ends
	return ends[:m]
}

// sortHashes returns hs sorted, in hs or in scratch space. Shingle
// hashes are spread evenly over their range, so one counting pass by their
// top bits, into about as many buckets as there are hashes, leaves them
// nearly sorted, and an insertion sort finishes: a fraction of the
// comparisons of slices.Sort, which was a third of shingles' time. Small
// inputs go to slices.Sort, and so do hashes that fill a bucket as evenly
// spread ones would not (a text repeating itself, or built to collide),
// where the insertion sort could take quadratic time.
func (s *scratch) sortHashes(hs []uint64) []uint64 {
	const small, full = 32, 32
	if len(hs) < small {
		slices.Sort(hs)
		return hs
	}
	b := min(bits.Len(uint(len(hs)))-1, 16) // 2^b buckets, at most len(hs)
	shift := 64 - b
	at := slices.Grow(s.bucketAt[:0], 1<<b+1)[:1<<b+1]
	clear(at)
	for _, h := range hs {
		at[h>>shift+1]++
	}
	most := int32(0)
	for k := 1; k < len(at); k++ {
		most = max(most, at[k])
		at[k] += at[k-1] // at[k]: where bucket k starts
	}
	out := slices.Grow(s.sorted[:0], len(hs))[:len(hs)]
	for _, h := range hs {
		k := h >> shift
		out[at[k]] = h
		at[k]++
	}
	s.bucketAt, s.sorted = at, out
	if most > full {
		slices.Sort(out)
		return out
	}
	for i := 1; i < len(out); i++ {
		x, j := out[i], i
		for ; j > 0 && out[j-1] > x; j-- {
			out[j] = out[j-1]
		}
		out[j] = x
	}
	return out
}

// fnvWords is the FNV-1a hash of the lower-case forms of the tokens at
// places at, each followed by a zero byte. Eight bytes a round, then
// four, and the last one to three, without a loop: the byte-at-a-time
// loop spent more on its own counting and bounds than on the hash, the
// largest part of shingles (most words are short: one to seven bytes take
// no round of the loop).
func fnvWords(toks []token.Token, at []int32) uint64 {
	h := uint64(fnvOffset64)
	for _, k := range at {
		w := toks[k].Lower
		for ; len(w) >= 8; w = w[8:] {
			h = (h ^ uint64(w[0])) * fnvPrime64
			h = (h ^ uint64(w[1])) * fnvPrime64
			h = (h ^ uint64(w[2])) * fnvPrime64
			h = (h ^ uint64(w[3])) * fnvPrime64
			h = (h ^ uint64(w[4])) * fnvPrime64
			h = (h ^ uint64(w[5])) * fnvPrime64
			h = (h ^ uint64(w[6])) * fnvPrime64
			h = (h ^ uint64(w[7])) * fnvPrime64
		}
		if len(w) >= 4 {
			h = (h ^ uint64(w[0])) * fnvPrime64
			h = (h ^ uint64(w[1])) * fnvPrime64
			h = (h ^ uint64(w[2])) * fnvPrime64
			h = (h ^ uint64(w[3])) * fnvPrime64
			w = w[4:]
		}
		switch len(w) {
		case 3:
			h = (h ^ uint64(w[0])) * fnvPrime64
			h = (h ^ uint64(w[1])) * fnvPrime64
			h = (h ^ uint64(w[2])) * fnvPrime64
		case 2:
			h = (h ^ uint64(w[0])) * fnvPrime64
			h = (h ^ uint64(w[1])) * fnvPrime64
		case 1:
			h = (h ^ uint64(w[0])) * fnvPrime64
		}
		h *= fnvPrime64 // the zero byte: h ^= 0 is a no-op
	}
	return h
}

// FNV-1a's 64-bit offset basis and prime.
const fnvOffset64, fnvPrime64 = 14695981039346656037, 1099511628211

// wordFlips is what hashing w and its zero byte (see shingles) does to
// the two low bits of an FNV-1a state, lo and hi: lo is flipped by bit
// flipL, hi by bit flipH, and hi once more where lo was 1 before by bit
// flipO.
//
// A product's low bits depend only on its factors' low bits, and the prime
// is 3 modulo 4, so one byte c takes lo and hi to lo^c0 and hi^c1^(lo^c0)
// (c0 and c1 being c's two low bits: -x modulo 4 keeps x's low bit and
// flips its high bit when the low bit is set): flips c0, c1^c0 and 1. One
// such step after another (l1, h1, o1 then l2, h2, o2) composes to
// l1^l2, h1^h2^(o2&l1) and o1^o2. Over a word of n bytes, then, lo is
// flipped by the parity of the c0s, o is the parity of n+1 (the zero byte
// included), and hi is flipped by the c1s, the c0s, and the c0 of each
// byte j once for each later byte, n-1-j times (and once more by the zero
// byte): by the c1s, the c0s, and once more the c0s of the bytes j with
// n-j odd.
//
// So the flips need only the XOR of the bytes at even places and that of
// the bytes at odd places, which wordFlips gathers eight bytes at a time
// (wordFlipsRef is the byte-at-a-time form): it is computed for every
// distinct word of every document (wordTable.add).
func wordFlips(w string) uint8 {
	var v uint64 // XOR of w's 8-byte blocks: byte i holds places i mod 8
	n := len(w)
	for ; len(w) >= 8; w = w[8:] {
		v ^= uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
	}
	// The rest: four, two, then one byte, each block starting at an even
	// place.
	if len(w) >= 4 {
		v ^= uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24
		w = w[4:]
	}
	if len(w) >= 2 {
		v ^= uint64(w[0]) | uint64(w[1])<<8
		w = w[2:]
	}
	if len(w) >= 1 {
		v ^= uint64(w[0])
	}
	v ^= v >> 32
	v ^= v >> 16
	even, odd := uint8(v), uint8(v>>8) // XOR of the bytes at even and odd places
	all := even ^ odd
	last := even // the bytes j with n-j odd: j has the parity of n-1
	if n&1 == 0 {
		last = odd
	}
	h := all ^ all>>1 ^ last
	o := uint8(n+1) & 1
	return all&1*flipL | h&1*flipH | o*flipO
}

// The bits of wordFlips, and of the running sums of flipSum (which adds
// flipQ).
const (
	flipL = 1 << iota
	flipO
	flipH
	flipQ
)

// flipSum adds the flips f of one more word to a running sum x of those
// of the words before it, which holds in flipL, flipO and flipH the XOR of
// theirs, and in flipQ the XOR over those words m of o_m & L_m (L_m being
// flipL of the sum before word m). Composing the words i to j-1 (see
// wordFlips) then flips lo by L = flipL of d = x_j^x_i, hi by H ^ Q ^
// (L_i & O), and hi where lo was 1 by O (H, Q and O d's other bits): the
// cross terms o_m & l_k (k < m) of the words in between are those of Q
// less those pairing a word before i, L_i & O.
func flipSum(x, f uint8) uint8 {
	return x ^ f ^ (f>>1&x&1)<<3 // flipO of f and flipL of x, to flipQ
}

// sampled reports whether the words from the one with the running sum a
// (see flipSum) to the one before that with the sum b take FNV-1a's
// offset basis to a state 0 modulo 4: a sampled shingle.
func sampled(a, b uint8) bool {
	return sampledWindows>>((a^b|a&1<<4)&31)&1 != 0
}

// sampledPairs[a<<4|b] is 1 when sampled(a, b), 0 otherwise (a and b
// running sums, below 16): sampledEnds reads it without a branch.
var sampledPairs = func() (t [256]uint8) {
	for k := range t {
		if sampled(uint8(k>>4), uint8(k&15)) {
			t[k] = 1
		}
	}
	return t
}()

// sampledWindows has bit d|L_i<<4 set when flips d (see flipSum), composed
// after a sum whose flipL is L_i, take FNV-1a's offset basis to a state 0
// modulo 4 (sampled).
const sampledWindows = 0xa00a2882

// perDoc computes f for every document on GOMAXPROCS goroutines, each with
// its own scratch space from newScratch. Results are stored by index, so
// the output does not depend on scheduling.
func perDoc[S any](docs []*claims.Document, newScratch func() S, f func(i int, s S)) {
	forEach(len(docs), runtime.GOMAXPROCS(0), newScratch, f)
}

// forEach calls f for every index below n on at most workers goroutines,
// each with its own scratch space from newScratch. f must store its
// results by index, so that they do not depend on scheduling.
func forEach[S any](n, workers int, newScratch func() S, f func(i int, s S)) {
	workers = min(workers, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := newScratch()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i, s)
			}
		}()
	}
	wg.Wait()
}

// scratch is one worker's reusable space for shingles and keywords.
type scratch struct {
	toks []token.Token
	// words are the places in toks of the words shingles hashes (every
	// token but punctuation), and flips[i] is wordFlips of words[i]'s
	// lower-case form. Places, not the strings: storing a string is a
	// pointer write, with the collector's check, for every word.
	words []int32
	flips []uint8
	ends  []int32 // sampledEnds' space
	// capitals are the places of the capitalised words and of the
	// numbers of four characters in the lead (index lists them): the
	// tokens readLead reads, about a third of them, which it found by
	// testing every token again.
	capitals []int32
	// pending are the places of the capitalised words opening a sentence
	// before another name whose count waits for the end of index (see
	// countCapital).
	pending []int32
	hashes  []uint64 // shingles' sample
	// sortHashes' space: the sorted hashes and where each bucket starts.
	sorted   []uint64
	bucketAt []int32
	table    wordTable
	ids      []int32     // per token: its word's entry in table, or -1
	ranked   [2][]ranked // top's lists
	cands    [2][]ranked // top's candidates
	kw       []keyword
	stops    *stopSet // analyseTokens' stop words
	// titleEnd is where the document's title ends (titleSpan): index
	// marks the names the body capitalises after it, for readLead.
	titleEnd int
	// leadEnd is where the document's lead ends (leadEnd): index lists
	// the numbers before it that may be years, for readLead.
	leadEnd int
}

func newScratch() *scratch { return &scratch{} }

// syndication groups near-duplicate documents (the same wire story on
// several sites): two documents are copies when at least 60% of the smaller
// one's sampled 5-word shingles appear in the other. Candidate pairs come
// from the documents' shingles sorted by hash (an inverted index without a
// map), never from all pairs; a shingle found in more than 50 documents is
// boilerplate and ignored.
func syndication(docs []*claims.Document, words []docWords) (source map[string]string, copies map[string][]string) {
	n := len(docs)
	total := 0
	for _, w := range words {
		total += len(w.shingles)
	}
	all := sortPostings(words, total)
	// Boilerplate as the sketch counts it (sketchEstimates), so that
	// Stream, which cannot hold every shingle, agrees. The hashes are
	// counted first, so that each list is allocated once at its size.
	nDistinct, nShared := 0, 0
	for lo := 0; lo < len(all); {
		hi := runEnd(all, lo)
		nDistinct++
		if hi-lo >= 2 {
			nShared++
		}
		lo = hi
	}
	distinct := make([]shingleCount, 0, nDistinct)
	shared := make([]uint64, 0, nShared)
	for lo := 0; lo < len(all); {
		hi := runEnd(all, lo)
		distinct = append(distinct, shingleCount{all[lo].h, hi - lo})
		if hi-lo >= 2 {
			shared = append(shared, all[lo].h)
		}
		lo = hi
	}
	est := sketchEstimates(distinct, shared)
	// The runs of a shingle held by 2 to 50 documents, and each
	// document's places in them. A document then counts the shingles it
	// shares with each later one in a dense counter, on GOMAXPROCS
	// goroutines: a map of counts per pair of documents cost a hashed
	// update per pair and shingle, most of syndication's time on a corpus
	// with many copies. A run lists its documents in ascending order, each
	// once (a document's shingles are distinct, and the sort is stable),
	// so the later ones are those after the document's place: walking the
	// whole run and skipping the earlier ones did twice the work.
	runs := sharedRuns(all, est)
	at, placesOf := byDocument(n, runs.member)
	const chunk = 256
	join := make([][][2]int32, (n+chunk-1)/chunk)
	forEach(len(join), counterWorkers(), func() *counter { return newCounter(n) }, func(c int, cnt *counter) {
		for i := c * chunk; i < min(n, (c+1)*chunk); i++ {
			for _, a := range placesOf[at[i]:at[i+1]] {
				w := runs.weight[a]
				for _, j := range runs.docs[a+1 : runs.end[a]] {
					cnt.addN(j, w)
				}
			}
			for _, j := range cnt.touched {
				k := cnt.take(j)[0]
				small := min(len(words[i].shingles), len(words[j].shingles))
				if small >= 5 && float64(k) >= 0.6*float64(small) && copyWindow(docs[i], docs[j]) {
					join[c] = append(join[c], [2]int32{int32(i), j})
				}
			}
			cnt.touched = cnt.touched[:0]
		}
	})
	u := newUnionFind(n)
	for _, pairs := range join {
		for _, p := range pairs {
			u.union(int(p[0]), int(p[1]))
		}
	}
	source = make(map[string]string, n)
	copies = map[string][]string{}
	for _, idx := range u.groups() {
		ids := make([]string, len(idx))
		for k, i := range idx {
			ids[k] = docs[i].ID
		}
		sort.Strings(ids)
		for k, id := range ids {
			source[id] = ids[0]
			if len(ids) > 1 {
				copies[id] = without(ids, k)
			}
		}
	}
	return source, copies
}

// shingleRuns are the runs of postings that can join copies (syndication),
// their documents stored end to end: the later documents of a run than
// the one at place a are docs[a+1:end[a]]. Walking them there, rather
// than along the postings comparing hashes, reads a twelfth of the bytes
// per step. Runs listing the same documents are stored once, with their
// number as weight: the copies of one wire story share most of their
// shingles, and counting each shared shingle of each pair of them was
// most of syndication's time.
type shingleRuns struct {
	docs   []int32    // the runs' documents, run after run
	end    []int32    // per place in docs: where its run ends
	weight []int32    // per place in docs: how many runs list its run's documents
	member [][2]int32 // per place in docs: (its document, the place)
}

// sharedRuns gathers the runs of all (sorted by hash) of a shingle held
// by 2 to boilerplateDocs documents by the sketch's estimates est, which
// has one for each run of two or more, in order.
func sharedRuns(all []posting, est []int) shingleRuns {
	var r shingleRuns
	first := map[uint64]int32{} // a hash of a run's documents -> its first place in docs
	shared := 0
	for lo := 0; lo < len(all); {
		hi := runEnd(all, lo)
		if hi-lo >= 2 {
			if est[shared] <= boilerplateDocs {
				r.add(all[lo:hi], first)
			}
			shared++
		}
		lo = hi
	}
	return r
}

// add stores the documents of run, or adds one to the weight of the run
// already stored with the same documents (first finds it by a hash of
// them; runs whose hashes collide are stored apart).
func (r *shingleRuns) add(run []posting, first map[uint64]int32) {
	h := uint64(len(run))
	for _, p := range run {
		h = (h ^ uint64(p.doc)) * fnvPrime64
	}
	if a, ok := first[h]; ok && int(r.end[a]-a) == len(run) && sameDocs(r.docs[a:r.end[a]], run) {
		for k := a; k < r.end[a]; k++ {
			r.weight[k]++
		}
		return
	} else if !ok {
		first[h] = int32(len(r.docs))
	}
	end := int32(len(r.docs) + len(run))
	for _, p := range run {
		r.member = append(r.member, [2]int32{p.doc, int32(len(r.docs))})
		r.docs = append(r.docs, p.doc)
		r.end = append(r.end, end)
		r.weight = append(r.weight, 1)
	}
}

// sameDocs reports whether docs lists the documents of run, in order.
func sameDocs(docs []int32, run []posting) bool {
	for k, p := range run {
		if docs[k] != p.doc {
			return false
		}
	}
	return true
}

// posting is a sampled shingle of a document (syndication), or its k-th
// keyword (indexKeywords), by hash.
type posting struct {
	h   uint64
	doc int32
	k   int32 // the keyword's index in the document's keywords
}

// runEnd returns where the run of postings with the hash of all[lo] ends
// (all sorted by hash).
func runEnd(all []posting, lo int) int {
	h, hi := all[lo].h, lo+1 // h held: all[lo] was loaded and checked again for every posting
	for hi < len(all) && all[hi].h == h {
		hi++
	}
	return hi
}

// without returns a copy of xs without xs[k]: a copy's list of the others
// in its group, assigned once (appending them one at a time to the map's
// entry cost a map assignment per pair of copies, 69,000 on 2,110 real
// articles with wire copies in groups of up to 50).
func without(xs []string, k int) []string {
	out := make([]string, 0, len(xs)-1)
	out = append(out, xs[:k]...)
	return append(out, xs[k+1:]...)
}

// boilerplateDocs: a shingle more documents than this have (by
// shingleCounts) is boilerplate, not shared text.
const boilerplateDocs = 50

// copyDays is how far apart two dated copies may be published: a wire
// story's reprints appear within days, and a window keeps syndication
// within the story window that an archive run holds (Stream). An undated
// article may be a copy of any other.
const copyDays = storyDays + 1

// copyWindow reports whether a and b may be copies by their dates.
func copyWindow(a, b *claims.Document) bool {
	if !a.HasDate() || !b.HasDate() {
		return true
	}
	d := unixDay(a.Published) - unixDay(b.Published)
	return d >= -copyDays && d <= copyDays
}

// join unions the sets of a and b and returns the root kept and the one
// merged into it, for a caller that keeps data per root; ok is false when
// they were one set already.
func (u unionFind) join(a, b int32) (root, other int32, ok bool) {
	ra, rb := int32(u.find(int(a))), int32(u.find(int(b)))
	if ra == rb {
		return ra, rb, false
	}
	u.union(int(ra), int(rb))
	if int32(u.find(int(ra))) == ra {
		return ra, rb, true
	}
	return rb, ra, true
}

// groups lists the members of every set, in index order, sets in the order
// of their smallest member (which is also their root: union keeps the
// smaller root). It replaces a map from root to members, which at 50,000
// documents cost a map assignment and a growing slice per document.
func (u unionFind) groups() [][]int {
	size := make([]int, len(u))
	for i := range u {
		size[u.find(i)]++
	}
	out := make([][]int, 0, len(u))
	at := make([]int, len(u)) // root -> index in out
	flat := make([]int, 0, len(u))
	for i := range u {
		r := u.find(i)
		if r == i {
			at[i] = len(out)
			out = append(out, flat[len(flat):len(flat):len(flat)+size[i]])
			flat = flat[:len(flat)+size[i]]
		}
		out[at[r]] = append(out[at[r]], i)
	}
	return out
}

// Story is a group of documents reporting the same story.
type Story struct {
	ID         int
	Docs       []string
	Start, End time.Time // publication window; zero when no document is dated
}

// storyDays is how far apart two dated articles of one story may be
// published.
const storyDays = 10

// stories groups documents: two dated documents belong together when they
// were published within storyDays of each other and share enough names
// (participants and proper nouns); an undated document joins the story it
// shares most names with, if it shares enough, and otherwise stands alone.
//
// The keywords come from analyse; x indexes them. Each document's
// candidates are counted on GOMAXPROCS goroutines, each with a dense
// counter; the joins are applied afterwards, and since a union-find's sets
// do not depend on the order of unions, neither does the result.
func stories(docs []*claims.Document, words []docWords) ([]Story, map[string]int) {
	n := len(docs)
	day := make([]int64, n)
	counts := make([][2]int, n) // names and content words per document
	for i, d := range docs {
		if d.HasDate() {
			day[i] = unixDay(d.Published)
		}
		for _, w := range words[i].keywords {
			counts[i][w.kind()]++
		}
	}
	x := indexKeywords(docs, words, day, maxPosting(n))
	// Candidates are counted per chunk of documents; join[c] holds the
	// pairs chunk c found.
	const chunk = 256
	join := make([][][2]int32, (n+chunk-1)/chunk)
	forEach(len(join), counterWorkers(), func() *counter { return newCounter(n) }, func(c int, cnt *counter) {
		for i := c * chunk; i < min(n, (c+1)*chunk); i++ {
			if docs[i].HasDate() {
				join[c] = x.datedJoins(docs, i, day, counts, cnt, join[c])
			} else if j := x.undatedJoin(docs, i, counts, cnt); j >= 0 {
				join[c] = append(join[c], [2]int32{int32(i), int32(j)})
			}
		}
	})
	u := newUnionFind(n)
	for _, pairs := range join {
		for _, p := range pairs {
			u.union(int(p[0]), int(p[1]))
		}
	}
	groups := u.groups()
	slices.SortStableFunc(groups, func(a, b []int) int { return strings.Compare(docs[a[0]].ID, docs[b[0]].ID) })
	out := make([]Story, 0, len(groups))
	byDoc := make(map[string]int, n)
	for k, g := range groups {
		st := Story{ID: k + 1, Docs: make([]string, 0, len(g))}
		for _, i := range g {
			d := docs[i]
			st.Docs = append(st.Docs, d.ID)
			byDoc[d.ID] = st.ID
			if d.HasDate() {
				if st.Start.IsZero() || d.Published.Before(st.Start) {
					st.Start = d.Published
				}
				if d.Published.After(st.End) {
					st.End = d.Published
				}
			}
		}
		sort.Strings(st.Docs)
		out = append(out, st)
	}
	return out, byDoc
}

// datedJoins appends to pairs the later documents (by index) that dated
// document i joins: published within storyDays of it and similar enough.
func (x *keywordIndex) datedJoins(docs []*claims.Document, i int, day []int64, counts [][2]int, cnt *counter, pairs [][2]int32) [][2]int32 {
	d := docs[i]
	for _, p := range x.wordsOf(i) {
		// Only documents published within the story window (with a day's
		// margin for times off midnight; the exact test follows).
		l := x.datedOf(p)
		k := sort.Search(len(l), func(k int) bool { return l[k].day >= day[i]-storyDays-1 })
		end := k + sort.Search(len(l)-k, func(e int) bool { return l[k+e].day > day[i]+storyDays+1 })
		if end-k > maxWindowPosting {
			continue // common in this window: says little here, and would make dense archives quadratic
		}
		for ; k < end; k++ {
			if j := l[k].doc; int(j) > i {
				cnt.add(j, x.kind[p])
			}
		}
	}
	for _, j := range cnt.touched {
		k := cnt.take(j)
		dd := docs[j].Published.Sub(d.Published)
		if dd < 0 {
			dd = -dd
		}
		if dd <= storyDays*24*time.Hour && similarity(&k, counts[i], counts[j]) >= 0.25 {
			pairs = append(pairs, [2]int32{int32(i), j})
		}
	}
	cnt.touched = cnt.touched[:0]
	return pairs
}

// undatedJoin returns the dated document that undated document i shares
// most names with (the first by index among equals), or -1 when it shares
// too few with any.
func (x *keywordIndex) undatedJoin(docs []*claims.Document, i int, counts [][2]int, cnt *counter) int {
	for _, p := range x.wordsOf(i) {
		if len(x.docsOf(p)) > maxWindowPosting {
			continue // see maxWindowPosting
		}
		for _, j := range x.docsOf(p) {
			if int(j) != i && docs[j].HasDate() {
				cnt.add(j, x.kind[p])
			}
		}
	}
	best, bestScore := -1, 0.0
	for _, j := range cnt.touched {
		k := cnt.take(j)
		if s := similarity(&k, counts[i], counts[j]); s > bestScore || s == bestScore && int(j) < best {
			best, bestScore = int(j), s
		}
	}
	cnt.touched = cnt.touched[:0]
	if best >= 0 && bestScore >= 0.4 {
		return best
	}
	return -1
}

// counter counts, for one document at a time, what it shares with every
// other document (keywords by kind, or shingles). A dense array with a
// list of the entries touched replaces a map per document: the same counts
// without hashing.
type counter struct {
	n       [][2]int32
	touched []int32
}

func newCounter(n int) *counter { return &counter{n: make([][2]int32, n)} }

// counterWorkers is how many goroutines count with a counter each: as many
// as there are processors, up to 8, so that the counters (8 bytes per
// document each) stay small beside the corpus on a machine with many.
func counterWorkers() int { return min(runtime.GOMAXPROCS(0), 8) }

func (c *counter) add(j int32, kind uint8) {
	if c.n[j] == [2]int32{} {
		c.touched = append(c.touched, j)
	}
	c.n[j][kind]++
}

// addN counts w of kind 0 for j.
func (c *counter) addN(j, w int32) {
	if c.n[j] == [2]int32{} {
		c.touched = append(c.touched, j)
	}
	c.n[j][0] += w
}

// take returns j's counts and zeroes them for the next document.
func (c *counter) take(j int32) [2]int {
	k := c.n[j]
	c.n[j] = [2]int32{}
	return [2]int{int(k[0]), int(k[1])}
}

// keywordIndex is an inverted index of the keywords that can join
// documents: those that at least two and at most maxPosting documents
// have. (A keyword of one document meets no other; one of many documents
// says little about which story a document belongs to.) Postings are
// stored end to end in flat slices, addressed by offsets, rather than as a
// map of small slices.
type keywordIndex struct {
	kind    []uint8 // per posting: 0 for names, 1 for content words
	all     []int32 // documents having posting p, in index order: all[allAt[p]:allAt[p+1]]
	allAt   []int
	dated   []post // the dated ones, by publication day then index
	datedAt []int
	words   []int32 // postings of document i: words[wordsAt[i]:wordsAt[i+1]]
	wordsAt []int
}

// post is a dated document in a posting.
type post struct {
	day int64
	doc int32
}

func (x *keywordIndex) docsOf(p int32) []int32 { return x.all[x.allAt[p]:x.allAt[p+1]] }
func (x *keywordIndex) datedOf(p int32) []post { return x.dated[x.datedAt[p]:x.datedAt[p+1]] }
func (x *keywordIndex) wordsOf(i int) []int32  { return x.words[x.wordsAt[i]:x.wordsAt[i+1]] }

// indexKeywords builds the index by sorting every (keyword hash, document)
// pair rather than through a map keyed by the words: a large corpus has
// about as many distinct words as documents times keywords, and growing a
// string-keyed map to millions of entries was most of the story grouping's
// time. Equal hashes are checked word for word, so a hash collision never
// joins two different keywords.
func indexKeywords(docs []*claims.Document, words []docWords, day []int64, limit int) *keywordIndex {
	total := 0
	for _, w := range words {
		total += len(w.keywords)
	}
	// By hash, then document and keyword.
	refs := sortKeywords(words, total)
	kw := func(r posting) keyword { return words[r.doc].keywords[r.k] }
	x := &keywordIndex{allAt: []int{0}, datedAt: []int{0}}
	var member [][2]int32 // (document, posting)
	// add makes a posting of refs, one keyword's documents in index order.
	add := func(refs []posting) {
		if len(refs) < 2 || len(refs) > limit {
			return
		}
		p := int32(len(x.kind))
		x.kind = append(x.kind, kw(refs[0]).kind())
		from := len(x.dated)
		for _, r := range refs {
			x.all = append(x.all, r.doc)
			if docs[r.doc].HasDate() {
				x.dated = append(x.dated, post{day[r.doc], r.doc})
			}
			member = append(member, [2]int32{r.doc, p})
		}
		if l := x.dated[from:]; len(l) > 1 {
			slices.SortStableFunc(l, func(a, b post) int { return cmp.Compare(a.day, b.day) })
		}
		x.allAt = append(x.allAt, len(x.all))
		x.datedAt = append(x.datedAt, len(x.dated))
	}
	for lo := 0; lo < len(refs); {
		hi := lo + 1
		same := true
		for hi < len(refs) && refs[hi].h == refs[lo].h {
			same = same && kw(refs[hi]) == kw(refs[lo])
			hi++
		}
		run := refs[lo:hi]
		if !same {
			// A hash collision: split the run by keyword, keeping each
			// keyword's documents in index order.
			slices.SortStableFunc(run, func(a, b posting) int {
				ka, kb := kw(a), kw(b)
				return cmp.Or(cmp.Compare(ka.class, kb.class), strings.Compare(ka.word, kb.word))
			})
			for len(run) > 0 {
				m := 1
				for m < len(run) && kw(run[m]) == kw(run[0]) {
					m++
				}
				add(run[:m])
				run = run[m:]
			}
		} else {
			add(run)
		}
		lo = hi
	}
	x.wordsAt, x.words = byDocument(len(docs), member)
	return x
}

// byDocument turns (document, item) pairs into each document's items, in
// the pairs' order, stored end to end: document i's are
// items[at[i]:at[i+1]]. It is a counting sort on the document.
func byDocument(n int, member [][2]int32) (at []int, items []int32) {
	at = make([]int, n+1)
	for _, m := range member {
		at[m[0]+1]++
	}
	for i := 0; i < n; i++ {
		at[i+1] += at[i]
	}
	items = make([]int32, len(member))
	fill := slices.Clone(at[:n])
	for _, m := range member {
		items[fill[m[0]]] = m[1]
		fill[m[0]]++
	}
	return at, items
}

// sortPostings returns the total shingles of words as postings sorted by
// hash, each hash's in document order (a stable sort). It distributes
// them into buckets by the hash's top bits, then sorts each bucket, which
// holds a few when the hashes are spread: at a million claims, sorting
// keyword and shingle postings with comparison sorts was a tenth of the
// comparison's time. The postings are written once, into their buckets,
// without an unsorted slice first: for syndication's shingles at 40,000
// articles that slice alone was 110 MB.
func sortPostings(words []docWords, total int) []posting {
	shift := 64 - bucketWidth(total)
	at := make([]int, 1<<(64-shift)+1) // bucket b is out[at[b]:at[b+1]]
	for _, w := range words {
		for _, h := range w.shingles {
			at[h>>shift+1]++
		}
	}
	out, next := placeBuckets(at, total)
	for i, w := range words {
		for _, h := range w.shingles {
			b := h >> shift
			out[next[b]] = posting{h: h, doc: int32(i)}
			next[b]++
		}
	}
	sortBuckets(out, at)
	return out
}

// sortKeywords is sortPostings for the total keywords of words, each
// posting naming its keyword by document and index.
func sortKeywords(words []docWords, total int) []posting {
	shift := 64 - bucketWidth(total)
	at := make([]int, 1<<(64-shift)+1)
	for _, w := range words {
		for _, kw := range w.keywords {
			at[kw.hash>>shift+1]++
		}
	}
	out, next := placeBuckets(at, total)
	for i, w := range words {
		for k, kw := range w.keywords {
			b := kw.hash >> shift
			out[next[b]] = posting{kw.hash, int32(i), int32(k)}
			next[b]++
		}
	}
	sortBuckets(out, at)
	return out
}

// bucketWidth is how many top bits of the hash n postings are bucketed
// by: about four postings per bucket.
func bucketWidth(n int) int { return max(4, min(20, bits.Len(uint(n))-2)) }

// placeBuckets turns at's counts (bucket b's at at[b+1]) into where each
// bucket starts in the n postings out, and returns out and a copy of the
// starts to fill the buckets from.
func placeBuckets(at []int, n int) (out []posting, next []int) {
	for b := 1; b < len(at); b++ {
		at[b] += at[b-1]
	}
	return make([]posting, n), slices.Clone(at[:len(at)-1])
}

// sortBuckets sorts each bucket of out (bucket b is out[at[b]:at[b+1]])
// by hash, stably.
func sortBuckets(out []posting, at []int) {
	for b := 0; b+1 < len(at); b++ {
		seg := out[at[b]:at[b+1]]
		if len(seg) > 64 { // many equal hashes: boilerplate, or one keyword in many documents
			byHash := func(a, b posting) int { return cmp.Compare(a.h, b.h) }
			if !slices.IsSortedFunc(seg, byHash) {
				slices.SortStableFunc(seg, byHash)
			}
			continue
		}
		for i := 1; i < len(seg); i++ { // insertion sort: stable
			x := seg[i]
			j := i
			for ; j > 0 && x.h < seg[j-1].h; j-- {
				seg[j] = seg[j-1]
			}
			seg[j] = x
		}
	}
}

// unixDay is the day number of t since 1970 (rounded down).
func unixDay(t time.Time) int64 {
	s := t.Unix()
	d := s / 86400
	if s%86400 < 0 {
		d--
	}
	return d
}

// maxPosting is the document frequency above which a keyword is ignored
// for grouping.
func maxPosting(n int) int { return max(20, n/50) }

// maxWindowPosting bounds the walk of one posting for one document: a
// keyword that more than this many documents within the story window share
// (or, for an undated document, that more than this many documents share)
// is ignored for that document, as maxPosting ignores one too common in the
// whole archive. It equals maxPosting at 10,000 documents, so it changes
// nothing up to that size, and keeps grouping linear in archives where
// thousands of articles fall within a few days.
const maxWindowPosting = 200

// Keyword classes. A participant and a proper noun are both names (kind
// 0); a content word is kind 1. The classes keep "@@kim", "@kim" and "kim"
// (a participant, a name and a word, as they were once spelt) apart.
const (
	kwParticipant uint8 = iota
	kwProper
	kwContent
)

// keyword is one word that tells stories apart, with a hash of its class
// and word by which the index sorts it.
type keyword struct {
	hash  uint64
	word  string
	class uint8
}

func newKeyword(class uint8, w string) keyword {
	const offset64, prime64 = 14695981039346656037, 1099511628211
	h := (offset64 ^ uint64(class)) * prime64
	for k := 0; k < len(w); k++ {
		h ^= uint64(w[k])
		h *= prime64
	}
	return keyword{h, w, class}
}

// appendKey appends the keyword's key to b: its class byte, then its
// word, which is how the archive-wide counts of a Stream and its window's
// postings name it. A map looked up with string(b) builds no string.
func (k keyword) appendKey(b []byte) []byte { return append(append(b, k.class), k.word...) }

// kind tells names (participants and proper nouns) from content words.
func (k keyword) kind() uint8 {
	if k.class == kwContent {
		return 1
	}
	return 0
}

// similarity of two documents for story grouping. Names (participants and
// proper nouns) decide when both documents have any: they carry across
// languages ("Kim", "KCNA", "Pyongyang") and tell two shootings in one week
// apart (Denver, Memphis) where content words ("gunman", "killed") would
// merge them. Documents without names fall back to content words.
func similarity(shared *[2]int, na, nb [2]int) float64 {
	k := 0
	if na[0] == 0 || nb[0] == 0 {
		k = 1
	}
	m := min(na[k], nb[k])
	if m == 0 {
		return 0
	}
	return float64(shared[k]) / float64(m)
}

// keywords are what tells two stories apart: a document's participants,
// the proper nouns it uses (capitalised words that do not open a sentence,
// in any language), and its most frequent content words (four letters or
// more, not a function word of any language). Two reports of one flood share
// "valley", "floods", the town's name; a report of last year's flood shares
// them too, which is why stories also need publication dates close together.
//
// They are read from the scanned text (s.toks), whose words index counted
// as names and content words, and returned distinct, as a slice: a set
// per document, built once and only ever read in full, needs no map.
func (s *scratch) keywords(participants []string) []keyword {
	t := &s.table
	out := s.kw[:0]
	for _, p := range participants {
		out = append(out, newKeyword(kwParticipant, p))
	}
	// Participants given with the document may repeat.
	slices.SortFunc(out, func(a, b keyword) int { return strings.Compare(a.word, b.word) })
	out = slices.CompactFunc(out, func(a, b keyword) bool { return a.word == b.word })
	proper, content := s.top(20)
	for _, r := range proper {
		out = append(out, newKeyword(kwProper, t.word(r.k)))
	}
	for _, r := range content {
		out = append(out, newKeyword(kwContent, t.word(r.k)))
	}
	s.kw = out
	return slices.Clip(slices.Clone(out)) // kept until the stories are made: no spare room
}

// index fills s.table with the distinct words of the scanned text
// (s.toks) and s.ids with each token's entry (-1 for numbers and
// punctuation), which shingles, keywords and readLead then share: each
// word is found once per token. Words the text also writes in lower case
// are not names (keywords), and those capitalised within a sentence after
// s.titleEnd may be (bodyName, readLead's, which passed over every token
// again for it). In the same pass it lists the words shingles
// hashes (every token but punctuation) with their flips in s.words and
// s.flips (wordFlips), a word's its entry's, computed once per word
// (the table keeps its words across documents), and counts the uses of
// each word as a name and as a content word (keywords, which passed over
// every token again for them): words of three letters or more that are
// not stop words (s.stops), names when capitalised and not opening a
// sentence (see countCapital), content words otherwise when of four
// letters or more.
func (s *scratch) index() {
	toks, t := s.toks, &s.table
	t.reset(toks)
	if len(t.slots) == 0 {
		t.grow() // for the first probe below
	}
	ids := slices.Grow(s.ids[:0], len(toks))[:len(toks)]
	words := slices.Grow(s.words[:0], len(toks))[:len(toks)]
	low := slices.Grow(s.flips[:0], len(toks))[:len(toks)]
	capitals := slices.Grow(s.capitals[:0], len(toks))[:len(toks)]
	s.pending = s.pending[:0]
	// The lists are stored whole and cut after the loop: their
	// capacities, which cutting them needs, were otherwise kept across
	// the loop and reloaded on every token.
	s.ids, s.words, s.flips, s.capitals = ids, words, low, capitals
	n, c := 0, 0
	for i := range toks {
		tk := &toks[i]
		switch tk.Kind {
		case token.Word:
			// add's search, inlined: most tokens repeat a word the
			// table holds, and add is a call (180 instructions, with
			// the string comparison's, when it only found a word
			// past its first slot, one word token in eight). The
			// entry found is kept, not found again by its number.
			// sameWide and sameNarrow settle words of up to 16
			// bytes; a new word, or a longer one, goes to add.
			id := int32(-1)
			var e *wordEntry
			if k := t.numbered(tk.Word); k != 0 {
				id, e = k-1, &t.entries[k-1] // numbered: no probe (see byWord)
			} else {
				h, lw := tk.KeyHash(), tk.Lower
				for s, mask := t.home(h), uint32(len(t.slots)-1); len(lw) <= 16; s = (s + 1) & mask {
					k := t.slots[s]
					if k == 0 {
						break // a new word: add's
					}
					if e = &t.entries[k-1]; e.hash == h {
						if w := t.words[k-1]; len(w) == len(lw) &&
							(len(w) >= 4 && sameWide(w, lw) || len(w) < 4 && sameNarrow(w, lw)) {
							id = k - 1
							break
						}
					}
				}
				if id < 0 {
					id = t.add(int32(i))
					e = &t.entries[id]
				}
				if tk.Word != 0 {
					t.number(tk.Word, id)
				}
			}
			if e.doc != t.doc {
				t.use(e, id, int32(i))
			}
			ids[i] = id
			words[n], low[n] = int32(i), e.flips
			n++
			if tk.Flags&(token.Capital|token.AllCaps) == 0 {
				e.lower = true
				if len(tk.Text) >= 3 && len(tk.Lower) >= 4 && !s.isStop(e) {
					t.countContent(e)
				}
				continue
			}
			capitals[c] = int32(i)
			c++
			if tk.Start >= s.titleEnd && i > 0 && !tk.Is(token.NewlineBefore) && toks[i-1].Text != "." {
				e.bodyName = true // capitalised within a sentence of the body (readLead)
			}
			if len(tk.Text) >= 3 && !s.isStop(e) {
				s.countCapital(i, e)
			}
		case token.Number:
			ids[i] = -1
			words[n], low[n] = int32(i), wordFlips(tk.Lower)
			n++
			if tk.Start < s.leadEnd && len(tk.Text) == 4 { // may be a year (readLead)
				capitals[c] = int32(i)
				c++
			}
		default:
			ids[i] = -1
		}
	}
	s.words, s.flips, s.capitals = s.words[:n], s.flips[:n], s.capitals[:c]
	for _, i := range s.pending {
		// Whether the word is written in lower case anywhere is known
		// now.
		if e := &t.entries[ids[i]]; !e.lower {
			t.countName(e)
		} else if len(toks[i].Lower) >= 4 {
			t.countContent(e)
		}
	}
}

// countCapital counts a use of the capitalised word at place i (entry e)
// of three letters or more, not a stop word (index): as a name unless it
// opens a sentence, where it is one only when it begins a run of names
// ("Kim Jong Un has ordered", "Donald Trump said", not "Police in Denver
// said") that the text never writes in lower case, or is a dateline's
// place ("JAKARTA, Rabu (27/11/2024) -"); as a content word otherwise,
// when of four letters or more. Whether the word is written in lower case
// later in the text is not known yet: a word opening a run whose entry
// has no lower-case use so far waits in s.pending.
func (s *scratch) countCapital(i int, e *wordEntry) {
	toks, t := s.toks, &s.table
	tk := &toks[i]
	opens := i == 0 || tk.Is(token.NewlineBefore)
	if !opens {
		switch toks[i-1].Text {
		case ".", "!", "?", "\"", "“", ":":
			opens = true
		}
	}
	if !opens {
		t.countName(e)
		return
	}
	if i+1 < len(toks) {
		next := &toks[i+1]
		if tk.Is(token.AllCaps) && next.Text == "," {
			t.countName(e)
			return
		}
		if next.Kind == token.Word && next.Is(token.Capital) && !next.Is(token.NewlineBefore) && !e.lower {
			s.pending = append(s.pending, int32(i))
			return
		}
	}
	if len(tk.Lower) >= 4 {
		t.countContent(e)
	}
}

// wordTable holds the distinct words (lower-case forms) of one worker's
// documents with what keywords counts of them in the current one. It is a
// hash table over the hash token.Scan already stored in every token: the
// string-keyed maps it replaces hashed each word again for every lookup
// (three or four per token), most of the keywords' time.
//
// It is kept from document to document, a vocabulary: about half the
// words of a document are new to it, but most were seen in an earlier
// one, and an entry keeps what does not depend on the document (the
// word's flips, whether it is a stop word or a calendar word) where a
// table emptied for every document made and looked them up again, most of
// add's time. What does depend on it is valid while the entry's doc is the
// table's (use resets it), and used lists the entries the current
// document uses. The table is emptied when it holds vocabLimit words, so
// that a long stream of documents does not grow it without bound.
//
// Its entries name their word by a token of the current document that
// has it, and by the string in words, kept apart: without pointers,
// storing entries needs no write barrier while the collector runs, and
// the collector does not scan them.
type wordTable struct {
	toks    []token.Token // the document's tokens, which entries point into
	entries []wordEntry   // in order of first appearance in any document
	words   []string      // entries' words, copied (not pinning a text)
	slots   []int32       // open addressing: entry index + 1, 0 when free
	shift   uint8         // 32 less log2(len(slots)): see home
	used    []int32       // the entries the document uses, in order of first use
	marks   []int32       // the entries marked inAll, each once, in order of marking (mark)
	doc     uint32        // the current document's number, from 1
	// pres are the entries' words' prefix8, which best ranks most words
	// by: computed once per word, not once per document using it.
	pres []uint64
	// byWord holds, by token.Token.Word (the process-wide number of a
	// lower-case word, which extraction writes into the tokens of the
	// words its rules key on: a third of English word tokens), the entry
	// of that word plus one, 0 when not known yet: index finds such a
	// token's entry by one load, where the hashed probe and the word
	// comparison took about 35 instructions. Nil until a numbered token
	// comes (tokens scanned here have none); a Word indexes it without a
	// bounds check.
	byWord *[1 << 16]int32
	// limit is how many words the table keeps across documents
	// (vocabLimit; tests set less).
	limit int
	// atLeast[kind][c] is how many words are counted c times or more as
	// names (kind 0) and as content words (kind 1), for c from 1 to
	// topBuckets-1 (top's cutoff).
	atLeast [2][topBuckets]int32
}

// vocabLimit is how many words a wordTable keeps across documents: a
// few hundred thousand bytes of entries and words, more than a worker's
// share of 2,000 news articles uses.
const vocabLimit = 1 << 16

type wordEntry struct {
	hash  uint32
	flips uint8 // wordFlips of the word (shingles)
	stop  uint8 // 0 not yet looked up, 1 a stop word, 2 not one (isStop)
	// calendar is the same for month and weekday names (isCalendar).
	calendar uint8
	// weekday is 1 and the bits of the days the word names in any
	// language (bit n for day n) once looked up (weekdays), 0 before.
	weekday uint8
	// The rest is the current document's (valid when doc is the table's:
	// see use).
	doc      uint32
	tok      int32 // the first token with the word: its Lower is the word
	lower    bool  // written in lower case somewhere in the text
	bodyName bool  // capitalised within a sentence after the title (readLead)
	inAll    bool  // a name the text uses (readLead's lead.all)
	// uses as a name and as a content word
	proper, content int32
}

// word is entry k's word.
func (t *wordTable) word(k int32) string { return t.words[k] }

// use makes entry e (number k) the current document's, first used by
// token i: what it held of an earlier document is cleared.
func (t *wordTable) use(e *wordEntry, k, i int32) {
	e.doc, e.tok = t.doc, i
	e.lower, e.bodyName, e.inAll = false, false, false
	e.proper, e.content = 0, 0
	t.used = append(t.used, k)
}

// isStop reports whether e's word is a stop word (s.stops.any), looked up
// once per word of the table (kept across documents): keywords and
// readLead ask for most tokens, and a word recurs. It is small enough to inline; the look-up is not.
func (s *scratch) isStop(e *wordEntry) bool {
	if e.stop == 0 {
		s.lookUpStop(e)
	}
	return e.stop == 1
}

// lookUpStop sets e.stop (see isStop).
func (s *scratch) lookUpStop(e *wordEntry) {
	e.stop = 2
	if t := &s.table.toks[e.tok]; s.stops.filter.May(t) {
		if s.stops.any.Ref(t) != nil {
			e.stop = 1
		}
	}
}

// stopSet holds the words that tell no story apart.
type stopSet struct {
	// stop is the function words of every language (stopWords).
	stop map[string]bool
	// any is stop and the rule set's StoryStop (capitalised words too
	// common in news to tell stories apart), keyed by token: a lookup
	// uses the hash token.Scan stored, where two string-keyed maps hashed
	// the word twice.
	any rules.WordMap[struct{}]
	// filter holds any's words: most words are none of them, and a bit
	// test turns them away before the probe.
	filter rules.WordFilter
	// langs are the rule set's languages in code order, for the month
	// and weekday lookups of readLead (weekdays, isCalendar), which
	// otherwise found each language in the set's map for every new word.
	langs []*rules.Language
}

func newStopSet(set *rules.Set, stop map[string]bool) *stopSet {
	s := &stopSet{stop: stop}
	for _, code := range set.Codes {
		s.langs = append(s.langs, set.Languages[code])
	}
	for w := range stop {
		s.any.Put(w, struct{}{})
		s.filter.Add(w)
	}
	for w := range set.StoryStop {
		s.any.Put(w, struct{}{})
		s.filter.Add(w)
	}
	return s
}

// isCalendarToken reports whether t is a month or weekday name in any of
// the rule set's languages, looked up by the hash token.Scan stored
// (rules.Language.MonthAt, WeekdayAt).
func isCalendarToken(set *rules.Set, t *token.Token) bool {
	for _, code := range set.Codes {
		l := set.Languages[code]
		if _, _, ok := l.MonthAt(t); ok {
			return true
		}
		if _, _, ok := l.WeekdayAt(t); ok {
			return true
		}
	}
	return false
}

// weekdays returns the days (bit n-1 for day n) e's word names in the
// languages of set, looked up once per word of the table (inlined; the
// look-up is not).
func (s *scratch) weekdays(e *wordEntry, set *rules.Set) uint8 {
	if e.weekday == 0 {
		s.lookUpWeekdays(e)
	}
	return e.weekday >> 1
}

// lookUpWeekdays sets e.weekday (see weekdays).
func (s *scratch) lookUpWeekdays(e *wordEntry) {
	e.weekday = 1
	t := &s.table.toks[e.tok]
	for _, l := range s.stops.langs { // set's, in code order
		if n, _, ok := l.WeekdayAt(t); ok {
			e.weekday |= 1 << n
		}
	}
}

// isCalendar is isCalendarToken of e's word, looked up once per word of
// the table (inlined; the look-up is not).
func (s *scratch) isCalendar(e *wordEntry, set *rules.Set) bool {
	if e.calendar == 0 {
		s.lookUpCalendar(e)
	}
	return e.calendar == 1
}

// lookUpCalendar sets e.calendar (see isCalendar).
func (s *scratch) lookUpCalendar(e *wordEntry) {
	e.calendar = 2
	t := &s.table.toks[e.tok]
	for _, l := range s.stops.langs { // isCalendarToken(set, t)
		_, _, month := l.MonthAt(t)
		_, _, weekday := l.WeekdayAt(t)
		if month || weekday {
			e.calendar = 1
			return
		}
	}
}

// mark marks entry k, one of the document's, inAll (lead.all), listing
// it in marks the first time.
func (t *wordTable) mark(k int32) {
	if e := &t.entries[k]; !e.inAll {
		e.inAll = true
		t.marks = append(t.marks, k)
	}
}

// marked returns the words of the entries marked inAll (lead.all), in the
// order of their first use. Marking the entries and collecting them once,
// at their number, replaced an assignment per name token into a map grown
// from empty; a list replaced the map (see lead.uses). The marked entries
// are listed as they are marked, and put in the order of their first
// tokens: finding them in used, twice to size the result, passed over
// every word of the text where a few dozen are marked. They are marked in
// the order of the tokens that mark them, mostly that of their first
// ones: an insertion sort, inline, has little to move.
func (t *wordTable) marked() []string {
	marks := t.marks
	for i := 1; i < len(marks); i++ {
		k, j := marks[i], i
		for ; j > 0 && t.entries[marks[j-1]].tok > t.entries[k].tok; j-- {
			marks[j] = marks[j-1]
		}
		marks[j] = k
	}
	m := make([]string, 0, len(t.marks))
	for _, k := range t.marks {
		m = append(m, t.word(k))
	}
	return m
}

// reset readies the table for the words of toks, a new document: the
// words it holds are kept (see wordTable) unless there are limit of them
// or more (vocabLimit when not set), or the documents' numbers wrap.
func (t *wordTable) reset(toks []token.Token) {
	limit := t.limit
	if limit == 0 {
		limit = vocabLimit
	}
	t.doc++
	if len(t.entries) >= limit || t.doc == 0 {
		t.empty()
	}
	t.used, t.marks = t.used[:0], t.marks[:0]
	t.toks = toks
	t.atLeast = [2][topBuckets]int32{}
}

// empty forgets every word the table holds.
func (t *wordTable) empty() {
	clear(t.slots)
	if t.byWord != nil {
		clear(t.byWord[:])
	}
	clear(t.words) // the strings, for the collector
	t.entries, t.words, t.pres = t.entries[:0], t.words[:0], t.pres[:0]
	t.doc = 1
}

// add returns the index of the lower-case form of token i, adding it if
// new, and makes it the document's (see use).
func (t *wordTable) add(i int32) int32 {
	if 2*(len(t.entries)+1) > len(t.slots) {
		t.grow()
	}
	tk := &t.toks[i]
	h := tk.KeyHash()
	mask := uint32(len(t.slots) - 1)
	for s := t.home(h); ; s = (s + 1) & mask {
		k := t.slots[s]
		if k == 0 {
			id := int32(len(t.entries))
			t.entries = append(t.entries, wordEntry{tok: i, hash: h, flips: wordFlips(tk.Lower)})
			t.words = append(t.words, strings.Clone(tk.Lower))
			t.pres = append(t.pres, prefix8(tk.Lower))
			t.slots[s] = id + 1
			t.use(&t.entries[id], id, i)
			return id
		}
		if e := &t.entries[k-1]; e.hash == h && t.words[k-1] == tk.Lower {
			if e.doc != t.doc {
				t.use(e, k-1, i)
			}
			return k - 1
		}
	}
}

// numbered returns the entry plus one of the word numbered w
// (token.Token.Word), 0 when w is 0 or the word is not known by its
// number yet (see byWord).
func (t *wordTable) numbered(w uint16) int32 {
	if t.byWord == nil {
		return 0
	}
	return t.byWord[w] // byWord[0] stays 0
}

// number records that the word numbered w (not 0) is entry id.
func (t *wordTable) number(w uint16, id int32) {
	if t.byWord == nil {
		t.byWord = new([1 << 16]int32)
	}
	t.byWord[w] = id + 1
}

// home is the slot where the search for a word of hash h (token.Token.Hash)
// starts: the hash's top bits, which token.HashString mixed by a
// multiplication. Its low bits were used, multiplied again, but a
// product's low bits are its factors', and every such hash is odd, so
// only the odd slots were ever a word's first: at the most the table
// holds, three in four of them taken, and index's inlined probe missed a
// word sitting in the next slot for one word token in eight, calling add.
func (t *wordTable) home(h uint32) uint32 { return h >> t.shift }

// grow doubles the slots and places the entries again.
func (t *wordTable) grow() {
	t.slots = make([]int32, max(64, 2*len(t.slots)))
	t.shift = uint8(32 - bits.TrailingZeros(uint(len(t.slots))))
	mask := uint32(len(t.slots) - 1)
	for k := range t.entries {
		e := &t.entries[k]
		i := t.home(e.hash)
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = int32(k + 1)
	}
}

// ranked is a word-table entry with one of its counts and the first
// bytes of its word (see prefix8).
type ranked struct {
	k, n int32
	pre  uint64
}

// topBuckets bounds the counts wordTable.atLeast tells apart: words
// counted topBuckets-1 times or more are all counted there.
const topBuckets = 16

// countName and countContent count one more use of e's word as a name and
// as a content word (keywords), keeping atLeast up to date.
func (t *wordTable) countName(e *wordEntry) {
	if e.proper++; e.proper < topBuckets {
		t.atLeast[0][e.proper]++
	}
}

func (t *wordTable) countContent(e *wordEntry) {
	if e.content++; e.content < topBuckets {
		t.atLeast[1][e.content]++
	}
}

// top returns the entries of the n words of the table most used as names
// and the n most used as content words, with their counts, each list
// highest count first and ties broken alphabetically (words with no count
// are left out). The order is total (words are distinct), so it does not
// depend on the table's. Only words counted at least cutoff times are
// ranked at all: most words are used once or twice, fewer than n more.
// The result is scratch space, valid until the next call.
func (s *scratch) top(n int) (proper, content []ranked) {
	t := &s.table
	proper, content = s.cands[0][:0], s.cands[1][:0]
	if n <= 0 {
		return proper, content
	}
	minProper, minContent := t.cutoff(0, n), t.cutoff(1, n)
	// Most words fall below both cutoffs: a tight loop, without calls (or
	// the registers they spill), lists the others first. The lists are
	// grown beforehand to hold every word, and written by place: append's
	// growing, a call, made the loop spill and reload its state on every
	// word. They are stored whole and cut after the loop, as index's are.
	proper = slices.Grow(proper, len(t.used))[:len(t.used)]
	content = slices.Grow(content, len(t.used))[:len(t.used)]
	s.cands = [2][]ranked{proper, content}
	np, nc := 0, 0
	for _, k := range t.used {
		e := &t.entries[k]
		if e.proper >= minProper {
			proper[np] = ranked{k: k, n: e.proper}
			np++
		}
		if e.content >= minContent {
			content[nc] = ranked{k: k, n: e.content}
			nc++
		}
	}
	proper, content = s.cands[0][:np], s.cands[1][:nc]
	proper = t.best(proper, minProper, n, s.ranked[0])
	content = t.best(content, minContent, n, s.ranked[1])
	s.ranked = [2][]ranked{proper, content}
	return proper, content
}

// best returns the n best of cand by rank (see better), sorted, in out's
// space: an insertion sort that keeps only n, in one loop without calls
// (inserting into a list of n a call at a time was most of top's time),
// the words' prefixes read from the table (pres). Every candidate is
// counted least times or more; those counted more, fewer than n unless
// least is topBuckets-1, go first, so that the many counted least times,
// ranked among themselves by their words, shift only one another.
//
// The loop makes no call, so that its state stays in registers: out is
// grown to hold n beforehand and lengthened in place, and better compares
// words past their prefixes inline (wordLess).
func (t *wordTable) best(cand []ranked, least int32, n int, out []ranked) []ranked {
	out = slices.Grow(out[:0], n)
	for _, first := range [2]bool{true, false} {
		for _, x := range cand {
			if (x.n > least) != first {
				continue
			}
			if len(out) == n && x.n < out[n-1].n {
				continue // a count below a full list's last cannot enter it
			}
			x.pre = t.pres[x.k]
			j := len(out)
			if j < n {
				out = out[:j+1]
			} else if !t.better(x, out[n-1]) {
				continue
			} else {
				j = n - 1
			}
			for ; j > 0 && t.better(x, out[j-1]); j-- {
				out[j] = out[j-1]
			}
			out[j] = x
		}
	}
	return out
}

// cutoff returns the least count, at least 1, that the n words most used
// as names (kind 0) or as content words (kind 1) all reach: the most c
// below topBuckets that n words reach (atLeast), or 1 when fewer than n
// words are counted. A word counted fewer times cannot be among the n.
func (t *wordTable) cutoff(kind, n int) int32 {
	at := &t.atLeast[kind]
	for c := topBuckets - 1; c > 1; c-- {
		if int(at[c]) >= n {
			return int32(c)
		}
	}
	return 1
}

// better reports whether a ranks above b: a higher count, or the same
// count and a word earlier in the alphabet. Most words are counted once,
// so ties are common: their first bytes mostly decide them.
func (t *wordTable) better(a, b ranked) bool {
	if a.n != b.n {
		return a.n > b.n
	}
	if a.pre != b.pre {
		return a.pre < b.pre
	}
	return wordLess(t.words[a.k], t.words[b.k])
}

// wordLess is a < b without the call a string comparison makes (see
// best): the words it is asked of share their first eight bytes, and are
// rarely that alike.
func wordLess(a, b string) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return len(a) < len(b)
}

// prefix8 packs the first eight bytes of w into a number, first byte
// highest and zero bytes past its end, so that w < v when prefix8(w) <
// prefix8(v) (and equal prefixes leave the order to the rest).
func prefix8(w string) uint64 {
	if len(w) >= 8 {
		return uint64(w[0])<<56 | uint64(w[1])<<48 | uint64(w[2])<<40 | uint64(w[3])<<32 |
			uint64(w[4])<<24 | uint64(w[5])<<16 | uint64(w[6])<<8 | uint64(w[7])
	}
	var p uint64
	for k := 0; k < len(w); k++ {
		p = p<<8 | uint64(w[k])
	}
	return p << (8 * (8 - len(w)))
}

// sameWide and sameNarrow compare a word of index's table with a token's
// of the same length, without the call a string == makes (to the
// runtime's memequal): index's probe asks of nearly every word token,
// and the registers live in its loop were saved and restored around that
// call for every word. index picks one by length, the two being each
// small enough to inline where one function holding both is not.
//
// sameWide, for words of four bytes or more, compares their first and last eight bytes (four when shorter than
// eight), which overlap and so cover a word of up to 16 bytes. It reports
// false for longer words, which index leaves to add.
func sameWide(a, b string) bool {
	n := len(a)
	if n > 16 {
		return false
	}
	pa, pb := unsafe.Pointer(unsafe.StringData(a)), unsafe.Pointer(unsafe.StringData(b))
	if n >= 8 {
		return *(*uint64)(pa) == *(*uint64)(pb) && *(*uint64)(unsafe.Add(pa, n-8)) == *(*uint64)(unsafe.Add(pb, n-8))
	}
	return *(*uint32)(pa) == *(*uint32)(pb) && *(*uint32)(unsafe.Add(pa, n-4)) == *(*uint32)(unsafe.Add(pb, n-4))
}

// sameNarrow is for words under four bytes: their first, middle and last
// bytes cover them.
func sameNarrow(a, b string) bool {
	n := len(a)
	b = b[:n] // for the compiler: b is as long as a
	return n == 0 || a[0] == b[0] && a[n>>1] == b[n>>1] && a[n-1] == b[n-1]
}
