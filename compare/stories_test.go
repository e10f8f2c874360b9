package compare

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// TestIndexKeywordsCollision checks that keywords with equal hashes but
// different words get postings of their own, each in document order.
func TestIndexKeywordsCollision(t *testing.T) {
	docs := make([]*claims.Document, 6)
	for i := range docs {
		docs[i] = &claims.Document{ID: string(rune('a' + i))}
	}
	kw := func(class uint8, w string) keyword { return keyword{hash: 42, word: w, class: class} }
	words := []docWords{
		{keywords: []keyword{kw(kwContent, "flood"), kw(kwProper, "flood")}},
		{keywords: []keyword{kw(kwContent, "valley")}},
		{keywords: []keyword{kw(kwContent, "flood"), kw(kwContent, "valley")}},
		{keywords: []keyword{kw(kwProper, "flood")}},
		{keywords: []keyword{kw(kwContent, "flood")}},
		{keywords: []keyword{kw(kwContent, "alone")}},
	}
	x := indexKeywords(docs, words, make([]int64, len(docs)), 20)
	var got []string
	for p := range x.kind {
		var ds []string
		for _, d := range x.docsOf(int32(p)) {
			ds = append(ds, docs[d].ID)
		}
		got = append(got, strings.Join(ds, ","))
	}
	sort.Strings(got)
	want := []string{"a,c,e", "a,d", "b,c"} // content "flood", proper "flood", "valley"; "alone" is in one document
	if !slices.Equal(got, want) {
		t.Fatalf("postings %q, want %q", got, want)
	}
	for i, want := range []int{2, 1, 2, 1, 1, 0} {
		if got := len(x.wordsOf(i)); got != want {
			t.Errorf("document %d has %d postings, want %d", i, got, want)
		}
	}
}

// mapKeywords is keywords as it was written with maps, the reference the
// table-based version must match.
func mapKeywords(toks []token.Token, participants []string, stop, storyStop map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, p := range participants {
		out["@@"+p] = true
	}
	proper, content, lower := map[string]int{}, map[string]int{}, map[string]bool{}
	for _, t := range toks {
		if t.Kind == token.Word && t.Flags&(token.Capital|token.AllCaps) == 0 {
			lower[t.Lower] = true
		}
	}
	for i, t := range toks {
		if t.Kind != token.Word || len(t.Text) < 3 || stop[t.Lower] || storyStop[t.Lower] {
			continue
		}
		opens := i == 0 || t.Is(token.NewlineBefore)
		if !opens {
			switch toks[i-1].Text {
			case ".", "!", "?", "\"", "“", ":":
				opens = true
			}
		}
		capital := t.Is(token.Capital) || t.Is(token.AllCaps)
		startsName := opens && i+1 < len(toks) && toks[i+1].Kind == token.Word &&
			toks[i+1].Is(token.Capital) && !toks[i+1].Is(token.NewlineBefore) && !lower[t.Lower]
		startsName = startsName || opens && t.Is(token.AllCaps) && i+1 < len(toks) && toks[i+1].Text == ","
		if capital && (!opens || startsName) {
			proper[t.Lower]++
		} else if len(t.Lower) >= 4 {
			content[t.Lower]++
		}
	}
	top := func(count map[string]int) []string {
		var ws []string
		for w := range count {
			ws = append(ws, w)
		}
		sort.Slice(ws, func(i, j int) bool {
			if count[ws[i]] != count[ws[j]] {
				return count[ws[i]] > count[ws[j]]
			}
			return ws[i] < ws[j]
		})
		return ws[:min(20, len(ws))]
	}
	for _, w := range top(proper) {
		out["@"+w] = true
	}
	for _, w := range top(content) {
		out[w] = true
	}
	return out
}

// TestKeywordsMatchMaps runs keywords and its map-based reference over
// texts with names, datelines, stop words, non-ASCII case and repeats,
// reusing one scratch space as analyse does.
func TestKeywordsMatchMaps(t *testing.T) {
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	stop := map[string]bool{}
	for _, l := range set.Languages {
		for w := range l.Detect {
			stop[w] = true
		}
	}
	texts := []string{
		"",
		"JAKARTA, Rabu (27/11/2024) - Banjir melanda Jakarta. Warga Jakarta mengungsi.",
		"Kim Jong Un has ordered the toughest policy. Police in Denver said Denver police were ready.\nDonald Trump said: Trump will visit ÉCOLE Élysée élysée.",
		strings.Repeat("Valley floods displaced people in the valley. The Valley Authority said floods rose. ", 30),
		// Sentences opened by a run of capitals whose first word the
		// text writes in lower case only later, or before.
		"Harbour Authority staff met. Officials said the harbour was shut. Harbour Authority again.\nRiver Police said so. The river rose.",
	}
	docs, _ := synthetic(2000)
	for _, d := range docs[:40] {
		texts = append(texts, d.Text)
	}
	// Many distinct words, to grow the table past its first size.
	var many strings.Builder
	for i := 0; i < 3000; i++ {
		many.WriteString(strings.Repeat(string(rune('a'+i%26)), 4+i%7))
		many.WriteString(string(rune('a' + i/26%26)))
		many.WriteString(" Name")
		many.WriteString(string(rune('a' + i%26)))
		many.WriteString(" ")
	}
	// Then earlier ones again: the table still holds their words.
	texts = append(texts, many.String(), texts[2], texts[1])
	s := newScratch()
	s.stops = newStopSet(set, stop)
	for i, text := range texts {
		parts := []string{"kim-jong-un", "usa", "kim-jong-un"}[:i%4]
		s.toks = token.Scan(text, s.toks[:0])
		s.index()
		want := mapKeywords(s.toks, parts, stop, set.StoryStop)
		got := map[string]bool{}
		for _, k := range s.keywords(parts) {
			w := []string{"@@", "@", ""}[k.class] + k.word
			if got[w] {
				t.Errorf("text %d: keyword %q twice", i, w)
			}
			got[w] = true
			if k != newKeyword(k.class, k.word) {
				t.Errorf("text %d: keyword %q has a stale hash", i, w)
			}
		}
		if len(got) != len(want) {
			t.Errorf("text %d: %d keywords, want %d", i, len(got), len(want))
		}
		for w := range want {
			if !got[w] {
				t.Errorf("text %d: keyword %q missing", i, w)
			}
		}
	}
}

// TestCompareDeterministic compares the synthetic corpus on one goroutine
// and on several: the parallel passes must not change the result.
func TestCompareDeterministic(t *testing.T) {
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	docs, cs := synthetic(20_000)
	run := func(procs int) []byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		b, err := json.Marshal(Compare(docs, cs, set))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	one := run(1)
	for _, procs := range []int{2, 5} {
		if string(run(procs)) != string(one) {
			t.Fatalf("GOMAXPROCS=%d changes the result", procs)
		}
	}
}

// wordFlips tells what hashing the word and its zero byte does to the two
// low bits of an FNV-1a state, whatever the state's other bits.
func TestWordFlips(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, w := range []string{"", "a", "ab", "the", "ABC", "abcd", "jakarta", "é", "日本", "\x00\x01\x02\x03", "\xff\xfe", "2024", "internationally"} {
		checkWordFlips(t, r, w)
	}
}

// FuzzWordFlips checks wordFlips against hashing on any word, and against
// wordFlipsRef.
func FuzzWordFlips(f *testing.F) {
	f.Add("jakarta")
	f.Add("\xff\xfe\x00")
	f.Add("internationally")
	r := rand.New(rand.NewPCG(5, 6))
	f.Fuzz(func(t *testing.T, w string) {
		checkWordFlips(t, r, w)
		if got, want := wordFlips(w), wordFlipsRef(w); got != want {
			t.Fatalf("wordFlips(%q) = %03b, wordFlipsRef %03b", w, got, want)
		}
	})
}

// wordFlips, eight bytes at a time, agrees with wordFlipsRef on words of
// every length up to 40 (every tail of the block loop), random bytes.
func TestWordFlipsAsRef(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for n := 0; n <= 40; n++ {
		for range 200 {
			b := make([]byte, n)
			for k := range b {
				b[k] = byte(r.Uint32())
			}
			if got, want := wordFlips(string(b)), wordFlipsRef(string(b)); got != want {
				t.Fatalf("wordFlips(%q) = %03b, wordFlipsRef %03b", b, got, want)
			}
		}
	}
}

// wordFlipsRef is wordFlips a byte at a time: each byte c, then the zero
// byte, flips lo by c0, hi by c1^c0 and hi where lo was 1, composed one
// after another.
func wordFlipsRef(w string) uint8 {
	var l, h, o uint8
	for _, c := range []byte(w + "\x00") {
		l2, h2 := c&1, c>>1&1^c&1
		h ^= h2 ^ l&1 // o2 is 1
		l ^= l2
		o ^= 1
	}
	return l*flipL | h*flipH | o*flipO
}

// applyFlips is what flips f do to the low bits x (lo, then hi) of a
// state.
func applyFlips(f, x uint8) uint8 {
	lo, hi := x&1, x>>1&1
	hi ^= f>>2&1 ^ f>>1&1&lo
	lo ^= f & 1
	return hi<<1 | lo
}

// checkWordFlips hashes w and its zero byte from states of every low bits
// (the others random) and compares the low bits with what wordFlips(w)
// says.
func checkWordFlips(t *testing.T, r *rand.Rand, w string) {
	t.Helper()
	f := wordFlips(w)
	for x := uint64(0); x < 4; x++ {
		for range 8 {
			h := r.Uint64()&^3 | x
			for k := 0; k < len(w); k++ {
				h ^= uint64(w[k])
				h *= fnvPrime64
			}
			h *= fnvPrime64
			if got, want := applyFlips(f, uint8(x)), uint8(h&3); got != want {
				t.Fatalf("wordFlips(%q) takes %d to %d, want %d", w, x, got, want)
			}
		}
	}
}

// sampled and flipSum tell, for every run of words, whether its flips
// take FNV-1a's offset basis to 0 modulo 4, as applying each word's flips
// in turn does: random flips, runs of every length up to 12.
func TestFlipSumsCompose(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for round := 0; round < 300; round++ {
		flips := make([]uint8, r.IntN(40))
		for k := range flips {
			flips[k] = uint8(r.IntN(8))
		}
		sums := []uint8{0}
		for _, f := range flips {
			sums = append(sums, flipSum(sums[len(sums)-1], f))
		}
		for i := range flips {
			for j := i; j <= min(len(flips), i+12); j++ {
				x := uint8(fnvOffset64 & 3)
				for _, f := range flips[i:j] {
					x = applyFlips(f, x)
				}
				if got, want := sampled(sums[i], sums[j]), x == 0; got != want {
					t.Fatalf("flips %v [%d:%d]: sampled %v, want %v", flips, i, j, got, want)
				}
			}
		}
	}
}

// sampledWindows is the table its comment describes, worked out from the
// offset basis's low bits.
func TestSampledWindows(t *testing.T) {
	lo0, hi0 := uint8(fnvOffset64&1), uint8(fnvOffset64>>1&1)
	var want uint32
	for d := uint8(0); d < 16; d++ {
		for li := uint8(0); li < 2; li++ {
			l, o := d&flipL, d>>1&1
			h := d>>2&1 ^ d>>3&1 ^ li&o
			if lo0^l == 0 && hi0^h^(o&lo0) == 0 {
				want |= 1 << (d | li<<4)
			}
		}
	}
	if sampledWindows != want {
		t.Fatalf("sampledWindows = %#x, want %#x", sampledWindows, want)
	}
}

// sortHashes sorts as slices.Sort does: random hashes of many sizes,
// many equal ones, distinct ones sharing their top bits (a full bucket),
// and zero and all-ones, reusing one scratch space.
func TestSortHashes(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	s := newScratch()
	for round := 0; round < 600; round++ {
		n := r.IntN(3000)
		if round%3 == 0 {
			n = r.IntN(70)
		}
		hs := make([]uint64, n)
		for k := range hs {
			switch round % 5 {
			case 0, 1:
				hs[k] = r.Uint64()
			case 2: // few distinct values
				hs[k] = uint64(r.IntN(4)) * 0x9E3779B97F4A7C15
			case 3: // one bucket, distinct
				hs[k] = 0xABCD<<48 | r.Uint64()>>16
			case 4:
				hs[k] = []uint64{0, ^uint64(0), r.Uint64()}[r.IntN(3)]
			}
		}
		want := slices.Sorted(slices.Values(hs))
		if got := s.sortHashes(slices.Clone(hs)); !slices.Equal(got, want) {
			t.Fatalf("round %d (%d hashes): not sorted as slices.Sort sorts", round, n)
		}
	}
}

// FuzzSortHashes checks sortHashes against slices.Sort on any hashes.
func FuzzSortHashes(f *testing.F) {
	f.Add([]byte("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"))
	s := newScratch()
	f.Fuzz(func(t *testing.T, b []byte) {
		var hs []uint64
		for ; len(b) >= 8; b = b[8:] {
			hs = append(hs, binary.LittleEndian.Uint64(b))
		}
		want := slices.Sorted(slices.Values(hs))
		if got := s.sortHashes(slices.Clone(hs)); !slices.Equal(got, want) {
			t.Fatalf("%x: got %x, want %x", hs, got, want)
		}
	})
}

// shingles samples exactly the windows whose full hash is 0 modulo 4,
// reusing one scratch space as analyse does.
func TestShinglesSampleByHash(t *testing.T) {
	texts := []string{
		"",
		"one two three four",
		"one two three four five",
		"The floods in the valley killed 12 people on Monday, officials said. The floods in the valley were the worst in years.",
		strings.Repeat("Résumé of 日本 and Jakarta: alpha beta gamma delta epsilon zeta eta theta. ", 20),
		"Floods FLOODS floods 2024 2024 2024 abcdefghijk abcdefghijk Abcdefghijk x y z.",
	}
	s := indexScratch(t)
	for _, text := range texts {
		checkShingles(t, s, text)
	}
}

// FuzzShingles checks shingles against refShingles on any text.
func FuzzShingles(f *testing.F) {
	f.Add("The floods in the valley killed 12 people on Monday, officials said.")
	f.Add("Résumé of 日本 and Jakarta: alpha beta gamma delta epsilon zeta eta theta.")
	s := indexScratch(f)
	f.Fuzz(func(t *testing.T, text string) { checkShingles(t, s, text) })
}

// indexScratch is a scratch space as analyse has it when it indexes a
// text: with the built-in rules' stop words (index counts keywords).
func indexScratch(tb testing.TB) *scratch {
	tb.Helper()
	set, err := rules.Builtin()
	if err != nil {
		tb.Fatal(err)
	}
	s := newScratch()
	s.stops = newStopSet(set, stopWords(set))
	return s
}

// checkShingles compares s.shingles of text with refShingles.
func checkShingles(t *testing.T, s *scratch, text string) {
	t.Helper()
	s.toks = token.Scan(text, s.toks[:0])
	s.leadEnd = leadEnd(text)
	s.index()
	if got, want := s.shingles(), refShingles(s.toks); !slices.Equal(got, want) {
		t.Errorf("%.30q: shingles %v, want %v", text, got, want)
	}
	if got, want := s.capitals, refCapitals(s.toks, s.leadEnd); !slices.Equal(got, want) {
		t.Errorf("%.30q: capitals %v, want %v", text, got, want)
	}
}

// refCapitals are the places of the tokens readLead reads, as it found
// them testing every token: the words not in lower case, and the numbers
// of four characters before leadEnd (years).
func refCapitals(toks []token.Token, leadEnd int) []int32 {
	out := []int32{}
	for i, tk := range toks {
		if tk.Kind == token.Number && tk.Start < leadEnd && len(tk.Text) == 4 || tk.Kind == token.Word && tk.Flags&(token.Capital|token.AllCaps) != 0 {
			out = append(out, int32(i))
		}
	}
	return out
}

// refShingles is shingles written plainly: FNV-1a of every window of five
// words (tokens but punctuation, lower case, each with a zero byte), the
// hashes 0 modulo 4, sorted and distinct.
func refShingles(toks []token.Token) []uint64 {
	var words []string
	for _, tk := range toks {
		if tk.Kind != token.Punct {
			words = append(words, tk.Lower)
		}
	}
	var want []uint64
	for i := 0; i+5 <= len(words); i++ {
		h := uint64(fnvOffset64)
		for _, w := range words[i : i+5] {
			for _, b := range []byte(w + "\x00") {
				h ^= uint64(b)
				h *= fnvPrime64
			}
		}
		if h%4 == 0 {
			want = append(want, h)
		}
	}
	slices.Sort(want)
	want = slices.Compact(want)
	if len(want) == 0 {
		return nil
	}
	return want
}

// TestTopMatchesSort checks top against sorting every counted word: the
// n best by count, ties alphabetical, for tables whose counts are mostly
// ties (1 and 2), go past atLeast's last count, are shorter than n,
// or share long prefixes; one scratch space serves them all, as in analyse.
func TestTopMatchesSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 16))
	s := newScratch()
	for round := 0; round < 400; round++ {
		words := 1 + rng.IntN(300)
		maxCount := []int{2, 3, 8, 40}[round%4]
		toks := make([]token.Token, words)
		s.table.reset(toks)
		for k := range toks {
			w := fmt.Sprintf("%c%x", 'a'+rune(rng.IntN(3)), rng.Uint32())
			if round%5 == 0 {
				w = "prefixed" + w // ties past prefix8's eight bytes
			}
			toks[k] = token.Token{Kind: token.Word, Text: w, Lower: w}
			s.table.add(int32(k))
		}
		// Duplicates share an entry: give each entry its counts.
		for _, k := range s.table.used {
			e := &s.table.entries[k]
			names, content := rng.IntN(maxCount+1), rng.IntN(maxCount+1)
			if round%7 == 0 {
				content += topBuckets // past atLeast's last count
			}
			for range names {
				s.table.countName(e)
			}
			for range content {
				s.table.countContent(e)
			}
		}
		n := []int{20, 1, 5, 0}[round%4]
		proper, content := s.top(n)
		for kind, got := range [][]ranked{proper, content} {
			want := topBySort(&s.table, kind, n)
			var gotWords []string
			for _, r := range got {
				gotWords = append(gotWords, s.table.word(r.k))
				e := s.table.entries[r.k]
				if c := []int32{e.proper, e.content}[kind]; r.n != c {
					t.Fatalf("round %d kind %d: %q counted %d, want %d", round, kind, s.table.word(r.k), r.n, c)
				}
			}
			if !slices.Equal(gotWords, want) {
				t.Fatalf("round %d kind %d n %d:\n got %q\nwant %q", round, kind, n, gotWords, want)
			}
		}
	}
}

// topBySort is top's reference: every word with a count of kind (0 names,
// 1 content), sorted by count and then word, the first n.
func topBySort(tb *wordTable, kind, n int) []string {
	type wc struct {
		w string
		c int32
	}
	var all []wc
	for _, k := range tb.used {
		e := tb.entries[k]
		if c := []int32{e.proper, e.content}[kind]; c > 0 {
			all = append(all, wc{tb.word(k), c})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].c != all[j].c {
			return all[i].c > all[j].c
		}
		return all[i].w < all[j].w
	})
	var out []string
	for _, x := range all[:min(n, len(all))] {
		out = append(out, x.w)
	}
	return out
}

// prefix8 orders words as their first eight bytes do: a smaller prefix is
// a smaller word, and a smaller word never has a larger prefix.
func TestPrefix8(t *testing.T) {
	words := []string{"", "a", "ab", "abc", "abcdefgh", "abcdefghi", "abcdefgi", "abd", "b", "zz", "zzzzzzzzz",
		"é", "éa", "jakarta", "jakart", "floods", "flood", "\x00", "a\x00", "a\x00b"}
	for _, a := range words {
		for _, b := range words {
			pa, pb := prefix8(a), prefix8(b)
			if pa < pb && !(a < b) {
				t.Errorf("prefix8(%q) < prefix8(%q) but %q >= %q", a, b, a, b)
			}
			if a < b && pa > pb {
				t.Errorf("%q < %q but prefix8 %#x > %#x", a, b, pa, pb)
			}
		}
	}
	if got := prefix8("ab"); got != 0x6162<<48 {
		t.Errorf("prefix8(ab) = %#x", got)
	}
}

// syndication joins the pairs an all-pairs count joins: documents sharing
// at least 60% of the smaller one's sampled shingles, counting only
// shingles of 2 to boilerplateDocs documents (by the sketch), published
// within copyDays when both are dated. The corpora are random shingle
// sets drawn from pools, so that copies, near misses, boilerplate shared
// by more than 50 documents and undated documents all occur.
func TestSyndicationAsAllPairs(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2))
	day := func(d int) time.Time { return time.Date(2024, 3, 1+d, 12, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		docs, per   int
		pool        int // a copy replaces each shingle with odds per/pool
		boilerplate int // shingles every document has (the lowest hashes)
	}{
		{docs: 20, pool: 40, per: 12},
		{docs: 80, pool: 60, per: 20, boilerplate: 3},
		{docs: 200, pool: 90, per: 30, boilerplate: 5},
	} {
		docs := make([]*claims.Document, tc.docs)
		words := make([]docWords, tc.docs)
		for i := range docs {
			docs[i] = &claims.Document{ID: fmt.Sprintf("d%03d", i)}
			if rng.IntN(4) > 0 {
				docs[i].Published = day(rng.IntN(30))
			}
			var hs []uint64
			if i > 0 && rng.IntN(2) == 0 {
				// A copy of an earlier document, a random share of its
				// shingles replaced: some copies, some near misses.
				src := words[rng.IntN(i)].shingles
				for _, h := range src[tc.boilerplate:] {
					if rng.IntN(tc.pool) < tc.per {
						h = rng.Uint64()
					}
					hs = append(hs, h)
				}
			} else {
				for k := 0; k < tc.per; k++ {
					hs = append(hs, rng.Uint64())
				}
			}
			for b := 0; b < tc.boilerplate; b++ {
				hs = append(hs, uint64(b))
			}
			slices.Sort(hs)
			words[i].shingles = slices.Compact(hs)
		}
		// All pairs.
		count := map[uint64]int{}
		for _, w := range words {
			for _, h := range w.shingles {
				count[h]++
			}
		}
		var distinct []shingleCount
		var shared []uint64
		for h, c := range count {
			distinct = append(distinct, shingleCount{h, c})
			if c >= 2 {
				shared = append(shared, h)
			}
		}
		est := map[uint64]int{}
		for i, n := range sketchEstimates(distinct, shared) {
			est[shared[i]] = n
		}
		u := newUnionFind(tc.docs)
		for i := range docs {
			for j := i + 1; j < tc.docs; j++ {
				k := 0
				for _, h := range words[i].shingles {
					if count[h] >= 2 && est[h] <= boilerplateDocs && slices.Contains(words[j].shingles, h) {
						k++
					}
				}
				small := min(len(words[i].shingles), len(words[j].shingles))
				if small >= 5 && float64(k) >= 0.6*float64(small) && copyWindow(docs[i], docs[j]) {
					u.union(i, j)
				}
			}
		}
		wantSource := map[string]string{}
		for i := range docs {
			wantSource[docs[i].ID] = docs[u.find(i)].ID
		}
		source, copies := syndication(docs, words)
		joined := 0
		for id, want := range wantSource {
			if source[id] != want {
				t.Errorf("%d documents: %s's source %s, all pairs say %s", tc.docs, id, source[id], want)
			}
			var others []string // the rest of its group, in id order
			for o, src := range wantSource {
				if src == want && o != id {
					others = append(others, o)
				}
			}
			slices.Sort(others)
			if !slices.Equal(copies[id], others) {
				t.Errorf("%d documents: %s's copies %v, all pairs say %v", tc.docs, id, copies[id], others)
			}
			if want != id {
				joined++
			}
		}
		t.Logf("%d documents: %d joined to another", tc.docs, joined)
		if joined == 0 || joined == tc.docs-1 {
			t.Errorf("%d documents: %d joined to another: the case tests little", tc.docs, joined)
		}
	}
}

// marked gives the words of the marked entries, each once, whatever
// token marked them, in the order of their first use whatever the order
// of marking.
func TestWordTableMarked(t *testing.T) {
	for _, tc := range []struct {
		text string
		mark []int // tokens whose entries are marked
		want []string
	}{
		{"", nil, nil},
		{"Kim met Moon", nil, nil},
		{"Kim met Moon", []int{0, 2}, []string{"kim", "moon"}},
		{"Kim met KIM and kim", []int{0, 2}, []string{"kim"}},
		{"Qeshm Qeshm quake", []int{1}, []string{"qeshm"}},
		{"Kim met Moon", []int{2, 0}, []string{"kim", "moon"}},
		{"Moon met Kim and Moon", []int{4, 2, 0}, []string{"moon", "kim"}},
	} {
		var tb wordTable
		toks := token.Scan(tc.text, nil)
		tb.reset(toks)
		ids := make([]int32, len(toks))
		for i := range toks {
			ids[i] = tb.add(int32(i))
		}
		for _, i := range tc.mark {
			tb.mark(ids[i])
		}
		got := tb.marked()
		if got == nil || !slices.Equal(got, tc.want) {
			t.Errorf("%q: marked %v, want %v", tc.text, got, tc.want)
		}
	}
}

// sortPostings and sortKeywords sort the documents' shingles and
// keywords, in document order, as a stable sort by hash does. Hashes
// repeat within and across documents, a few or hundreds of times (buckets
// too large for the insertion sort), and the corpora run from empty to
// 200,000 postings.
func TestSortPostings(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	byHash := func(a, b posting) int { return cmp.Compare(a.h, b.h) }
	for _, n := range []int{0, 1, 5, 300, 3000, 20_000} {
		for _, distinct := range []int{1, 7, 500, 0} {
			words := make([]docWords, n)
			var shingles, keywords []posting // in document order
			for i := range words {
				for k := range r.IntN(12) {
					h := r.Uint64()
					if distinct > 0 {
						h = uint64(r.IntN(distinct)) * 0x9E3779B97F4A7C15
					}
					words[i].shingles = append(words[i].shingles, h)
					words[i].keywords = append(words[i].keywords, keyword{hash: h})
					shingles = append(shingles, posting{h: h, doc: int32(i)})
					keywords = append(keywords, posting{h, int32(i), int32(k)})
				}
			}
			slices.SortStableFunc(shingles, byHash)
			slices.SortStableFunc(keywords, byHash)
			if got := sortPostings(words, len(shingles)); !slices.Equal(got, shingles) {
				t.Fatalf("n=%d distinct=%d: sortPostings is not a stable sort by hash", n, distinct)
			}
			if got := sortKeywords(words, len(keywords)); !slices.Equal(got, keywords) {
				t.Fatalf("n=%d distinct=%d: sortKeywords is not a stable sort by hash", n, distinct)
			}
		}
	}
}

// sharedRuns stores runs listing the same documents once, weighted: every
// pair of documents is counted as often as the runs listing both (the
// earlier one first) say, runs of one document and boilerplate left out.
func TestSharedRunsWeights(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for round := range 20 {
		// Shingles over few documents and few document sets, so that
		// runs repeat; one shingle is boilerplate by the estimates.
		sets := make([][]int32, 1+rng.IntN(6))
		for k := range sets {
			for d := int32(0); d < 12; d++ {
				if rng.IntN(3) == 0 {
					sets[k] = append(sets[k], d)
				}
			}
		}
		var all []posting
		est := map[uint64]int{}
		for h := uint64(1); h <= 40; h++ {
			docs := sets[rng.IntN(len(sets))]
			for _, d := range docs {
				all = append(all, posting{h: h, doc: d})
			}
			est[h] = len(docs)
			if h == 7 {
				est[h] = boilerplateDocs + 1
			}
		}
		want := map[[2]int32]int32{}
		var runEst []int // est of each run of two or more, in order
		for lo := 0; lo < len(all); {
			hi := runEnd(all, lo)
			if hi-lo >= 2 {
				runEst = append(runEst, est[all[lo].h])
			}
			if hi-lo >= 2 && est[all[lo].h] <= boilerplateDocs {
				for a := lo; a < hi; a++ {
					for b := a + 1; b < hi; b++ {
						want[[2]int32{all[a].doc, all[b].doc}]++
					}
				}
			}
			lo = hi
		}
		r := sharedRuns(all, runEst)
		got := map[[2]int32]int32{}
		for _, m := range r.member {
			a := m[1]
			if r.docs[a] != m[0] {
				t.Fatalf("round %d: member %v names document %d", round, m, r.docs[a])
			}
			for _, j := range r.docs[a+1 : r.end[a]] {
				got[[2]int32{m[0], j}] += r.weight[a]
			}
		}
		if !maps.Equal(got, want) {
			t.Errorf("round %d: pair counts %v, want %v", round, got, want)
		}
	}
}

// TestWordTableKeptAcrossDocuments reads the words of many documents with
// one scratch space, whose word table keeps the words of the documents
// before (and is emptied when full: limits 0, the default, and a few
// words), and checks each document's against those read with a scratch
// space of its own: what the table keeps must not leak from one document
// into the next. The documents share most of their words, in different
// cases (news from testdata/example, the synthetic corpora), and repeat.
func TestWordTableKeptAcrossDocuments(t *testing.T) {
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	stops := newStopSet(set, stopWords(set))
	docs, _ := synthetic(1200)
	docs = append(docs, syntheticArchive(3, 40, 5, 3, 4)...)
	files, _ := filepath.Glob("../testdata/example/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, &claims.Document{ID: f, Text: string(b)})
	}
	if len(files) == 0 {
		t.Fatal("no example texts")
	}
	docs = append(docs, docs[len(docs)-1], docs[0], docs[len(docs)/2])
	want := make([]docWords, len(docs))
	for i, d := range docs {
		want[i] = newScratch().analyseOne(d, set, stops)
	}
	for _, limit := range []int{0, 7, 300} {
		s := newScratch()
		s.table.limit = limit
		for i, d := range docs {
			if got := s.analyseOne(d, set, stops); !reflect.DeepEqual(got, want[i]) {
				t.Fatalf("limit %d, document %d (%s): words differ from a fresh scratch's\n got %+v\nwant %+v",
					limit, i, d.ID, got, want[i])
			}
		}
	}
}

// probeSame is index's inlined word comparison (sameWide or sameNarrow by
// length), as index spells it.
func probeSame(a, b string) bool {
	return len(a) == len(b) && (len(a) >= 4 && sameWide(a, b) || len(a) < 4 && sameNarrow(a, b))
}

// checkProbeSame holds probeSame to a string ==: equal for words of up to
// 16 bytes, false for longer ones (which index leaves to add), and so for
// a copy of a with each byte changed in turn.
func checkProbeSame(t *testing.T, a, b string) {
	t.Helper()
	want := func(a, b string) bool { return a == b && len(a) <= 16 }
	if got := probeSame(a, b); got != want(a, b) {
		t.Fatalf("probeSame(%q, %q) = %v, want %v", a, b, got, want(a, b))
	}
	// b is a in a buffer of its own, so that the loads compare contents.
	c := []byte(a)
	if got := probeSame(a, string(c)); got != want(a, a) {
		t.Fatalf("probeSame(%q, copy) = %v", a, got)
	}
	for i := range c {
		c[i] ^= 0x20
		if got := probeSame(a, string(c)); got {
			t.Fatalf("probeSame(%q, %q) = true", a, c)
		}
		c[i] ^= 0x20
	}
}

func TestProbeSame(t *testing.T) {
	const text = "abcdefghijklmnopqrstu"
	for n := 0; n <= len(text); n++ {
		w := text[:n]
		checkProbeSame(t, w, w)
		checkProbeSame(t, w, text[1:n+1-min(n, 1)])
		checkProbeSame(t, w, strings.ToUpper(w))
	}
	for _, c := range [][2]string{
		{"the", "thé"}, {"a", ""}, {"", ""}, {"said", "sa1d"},
		{"presidential", "presidentiel"}, {"abcdefghijklmnop", "abcdefghijklmnoq"},
		{"abcdefghijklmnopq", "abcdefghijklmnopq"}, {"pemerintah", "Pemerintah"},
	} {
		checkProbeSame(t, c[0], c[1])
		checkProbeSame(t, c[1], c[0])
	}
}

func FuzzProbeSame(f *testing.F) {
	for _, s := range []string{"", "a", "the", "said", "jakarta", "pemerintahan", "abcdefghijklmnopq"} {
		f.Add(s, s)
		f.Add(s, s+"x")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		checkProbeSame(t, a, b)
		checkProbeSame(t, b, a)
	})
}

// wordLess orders words as the string comparison does: shared prefixes
// of every length, one word a prefix of the other, bytes above 0x7f,
// empty words.
func TestWordLess(t *testing.T) {
	words := []string{"", "a", "b", "ab", "abc", "abcdefgh", "abcdefghi", "abcdefghij", "abcdefgha",
		"abcdefgh\x00", "abcdefgh\xff", "résumé", "resume", "abcdefghijklmnop", "abcdefghijklmnoq", "zz"}
	for _, a := range words {
		for _, b := range words {
			if got, want := wordLess(a, b), a < b; got != want {
				t.Errorf("wordLess(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

// FuzzWordLess checks wordLess against the string comparison, on words
// sharing a prefix as best asks it of them.
func FuzzWordLess(f *testing.F) {
	f.Add("abcdefgh", "ij", "ik")
	f.Add("", "x", "")
	f.Fuzz(func(t *testing.T, prefix, a, b string) {
		a, b = prefix+a, prefix+b
		if got, want := wordLess(a, b), a < b; got != want {
			t.Fatalf("wordLess(%q, %q) = %v, want %v", a, b, got, want)
		}
	})
}
