package extract

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/crosscheck/crosscheck/claims"
)

// TestFloatArena: every pointer is a slot of its own holding its value,
// across chunk boundaries.
func TestFloatArena(t *testing.T) {
	var a floatArena
	var ps []*float64
	for k := range 2000 {
		ps = append(ps, a.ptr(float64(k)))
	}
	for k, p := range ps {
		if *p != float64(k) {
			t.Fatalf("slot %d holds %v", k, *p)
		}
	}
	*ps[3] = -1
	if *ps[2] != 2 || *ps[4] != 4 {
		t.Fatal("writing one slot changed its neighbours")
	}
}

// TestClaimArena: past the claims made one by one and across chunk
// boundaries, every claim is a zero claim of its own, and every number
// claim's Num its own copy of the value given.
func TestClaimArena(t *testing.T) {
	var a claimArena
	var cs []*claims.Claim
	for k := range arenaFrom + 3*max(dateChunk, numChunk) {
		var c *claims.Claim
		if k%3 == 0 {
			nv := claims.NumberValue{Value: float64(k), Unit: strconv.Itoa(k)}
			c = a.numClaim(&nv)
			nv.Value = -1 // the claim holds a copy
		} else {
			c = a.claim()
			if c.Num != nil || c.Start != 0 || c.Rule != "" {
				t.Fatalf("claim %d is not zero: %+v", k, c)
			}
		}
		c.Start = k
		cs = append(cs, c)
	}
	if len(a.date) == 0 || len(a.num) == 0 {
		t.Fatal("no claim came from a chunk")
	}
	for k, c := range cs {
		if c.Start != k {
			t.Fatalf("claim %d was overwritten: Start %d", k, c.Start)
		}
		if k%3 == 0 && (c.Num == nil || c.Num.Value != float64(k) || c.Num.Unit != strconv.Itoa(k)) {
			t.Fatalf("number claim %d holds %+v", k, c.Num)
		}
	}
}

// TestIDArena: the ids are those fmt spells, whatever the document name's
// length and however many claims share a chunk.
func TestIDArena(t *testing.T) {
	for _, doc := range []string{"", "d", "a/long/path/to/some-article-of-the-corpus.txt", string(make([]byte, 20000))} {
		var a idArena
		var got, want []string
		for k := range 500 {
			line, col := k*7919%100000, k*31%1000+1
			got = append(got, a.id(doc, line, col))
			want = append(want, fmt.Sprintf("%s:%d:%d", doc, line, col))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("doc of %d bytes: ids differ from fmt's", len(doc))
		}
		for k := range got {
			if idLength(doc, k*7919%100000, k*31%1000+1) != len(want[k]) {
				t.Fatalf("idLength of %q is not its length", want[k])
			}
		}
	}
}

// TestWrittenParts: the shared lists are what adding the parts one by one
// gives, and appending to one copies it.
func TestWrittenParts(t *testing.T) {
	for k := range 32 {
		on := func(i int) bool { return k&(1<<i) != 0 }
		var dv claims.DateValue
		for i, part := range []string{"year", "month", "day", "weekday", "time"} {
			addWritten(&dv, on(i), part)
		}
		got := writtenParts(on(0), on(1), on(2), on(3), on(4))
		if !slices.Equal(got, dv.Written) || (got == nil) != (dv.Written == nil) {
			t.Fatalf("parts %05b: %q, want %q", k, got, dv.Written)
		}
		if len(got) != cap(got) {
			t.Fatalf("parts %05b: capacity %d beyond the list", k, cap(got))
		}
	}
	var dv claims.DateValue
	addInferredYear(&dv)
	addInferredYear(&dv)
	if !slices.Equal(dv.Inferred, []string{"year", "year"}) || !slices.Equal(inferredYear, []string{"year"}) {
		t.Fatalf("inferred %q, shared list %q", dv.Inferred, inferredYear)
	}
}

// TestAddTrigger: each claim sees its own triggers only.
func TestAddTrigger(t *testing.T) {
	fa := frameAssigner{claims: 3}
	cs := make([]claims.Claim, 5)
	for k := range cs {
		fa.addTrigger(&cs[k], fmt.Sprint("t", k))
	}
	fa.addTrigger(&cs[1], "second")
	for k := range cs {
		want := []string{fmt.Sprint("t", k)}
		if k == 1 {
			want = append(want, "second")
		}
		if !slices.Equal(cs[k].Triggers, want) {
			t.Fatalf("claim %d: triggers %q, want %q", k, cs[k].Triggers, want)
		}
	}
}

// TestClauseMemo: Clause, which keeps its last answer, answers as its
// search does, for tokens asked in text order (with repeats) and at random,
// in texts of short and long clauses and sentences.
func TestClauseMemo(t *testing.T) {
	words := []string{"x", "y", "will", "and", ",", ";", "March", "3", "5,000", "1.5", "(", ")", "—", "Talks.", "dan"}
	e := engineForTest(t)
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 11))
		text := sparseText(r, words, 400, int(seed%3)*4)
		doc := &claims.Document{ID: "t", Text: text, Language: "en", Status: claims.StatusRead}
		p := e.newPass(doc, new(scratch))
		order := make([]int, 0, 3*len(p.Toks))
		for i := range p.Toks {
			order = append(order, i, i)
		}
		for range len(p.Toks) {
			order = append(order, r.IntN(len(p.Toks)))
		}
		for _, i := range order {
			ca, cb := p.Clause(i)
			a, bb := p.sentenceTokens(p.Toks[i].Start)
			if wa, wb := p.clauseSearch(a, bb, i); ca != wa || cb != wb {
				t.Fatalf("seed %d, token %d: Clause [%d, %d), search [%d, %d)", seed, i, ca, cb, wa, wb)
			}
		}
	}
}

// TestDecimalLength: the digit count is strconv's, at every power of ten
// and either side of it, and for negative numbers.
func TestDecimalLength(t *testing.T) {
	ns := []int{0, math.MaxInt, math.MinInt + 1}
	for p := 1; p > 0 && p <= math.MaxInt/10; p *= 10 {
		ns = append(ns, p-1, p, p+1, 10*p-1)
	}
	for _, n := range ns {
		for _, v := range []int{n, -n} {
			if got, want := decimalLength(v), len(strconv.Itoa(v)); got != want {
				t.Fatalf("decimalLength(%d) = %d, want %d", v, got, want)
			}
		}
	}
}

// TestClockValue: the hand-made TIMEX values are fmt's.
func TestClockValue(t *testing.T) {
	for _, n := range []int{-12, -1, 0, 1, 9, 10, 23, 59, 99, 100, 1234} {
		for _, m := range []int{-5, 0, 7, 30, 59, 60, 123} {
			if got, want := clockValue(n, m), fmt.Sprintf("T%02d:%02d", n, m); got != want {
				t.Fatalf("clockValue(%d, %d) = %q, want %q", n, m, got, want)
			}
			want := "XXXX"
			switch {
			case n != 0 && m != 0:
				want = fmt.Sprintf("XXXX-%02d-%02d", n, m)
			case n != 0:
				want = fmt.Sprintf("XXXX-%02d", n)
			}
			if got := timexUnknownYear(n, m); got != want {
				t.Fatalf("timexUnknownYear(%d, %d) = %q, want %q", n, m, got, want)
			}
		}
	}
}

// TestChunkLengths: a chunk of claims is a large object (over 32 KB) that
// fills its pages but for less than one claim.
func TestChunkLengths(t *testing.T) {
	for _, c := range []struct {
		name    string
		n, size int
	}{
		{"date", dateChunk, int(unsafe.Sizeof(claims.Claim{}))},
		{"number", numChunk, int(unsafe.Sizeof(numClaim{}))},
	} {
		bytes := c.n * c.size
		if bytes <= 32<<10 || bytes > chunkBytes || chunkBytes-bytes >= c.size || chunkBytes%(8<<10) != 0 {
			t.Errorf("%s chunk: %d claims of %d bytes in %d", c.name, c.n, c.size, chunkBytes)
		}
	}
}

// TestChunkGrowth: chunks grow from a chunkBytes chunk, each a whole
// number of first chunks until they reach maxChunk claims, and never
// beyond it.
func TestChunkGrowth(t *testing.T) {
	for _, per := range []int{dateChunk, numChunk} {
		last := 0
		for range 10 {
			next := nextChunk(last, per)
			if next <= last && last < maxChunk || next > maxChunk || next < maxChunk && next%per != 0 {
				t.Errorf("per %d: the chunk after %d claims has %d", per, last, next)
			}
			last = next
		}
		if last != maxChunk {
			t.Errorf("per %d: chunks stop growing at %d claims, not maxChunk", per, last)
		}
	}
}

// numberSamples are values whose spelling FormatNumber switches on:
// integers either side of 1e18, fractions, negatives, the very large and
// the very small.
var numberSamples = []float64{0, 1, -1, 7.8, 0.5, -0.25, 12.5, 5000, 96214691, 1e17, 1e18 - 128, 1e18, -1e18, 1e21,
	1.5e300, 3e-9, math.MaxFloat64, math.SmallestNonzeroFloat64, 123456789.123}

// TestAppendNumber: appendNumber spells what claims.FormatNumber does.
func TestAppendNumber(t *testing.T) {
	for _, f := range numberSamples {
		if got, want := string(appendNumber([]byte("x"), f)), "x"+claims.FormatNumber(f); got != want {
			t.Errorf("%v: %q, want %q", f, got, want)
		}
	}
}

func FuzzAppendNumber(f *testing.F) {
	for _, v := range numberSamples {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if got, want := string(appendNumber(nil, v)), claims.FormatNumber(v); got != want {
			t.Fatalf("%v: %q, want %q", v, got, want)
		}
	})
}

// TestNumberValue: a number claim's value is FormatNumber's whether it
// is one of the claim's tokens ("45" of "45%") or spelled apart ("1,234",
// past a value chunk's end), and the strings already handed out keep
// their bytes.
func TestNumberValue(t *testing.T) {
	e := engineForTest(t)
	doc := &claims.Document{ID: "t", Text: "45% of 1,234 and 12.5 km or 0.50", Language: "en", Status: claims.StatusRead}
	p := e.newPass(doc, new(scratch))
	var got []string
	var want []string
	for k := range 3000 {
		v := float64(k)*1.25 + 1e6
		got = append(got, p.numberValue(v, 0, len(p.Toks)))
		want = append(want, claims.FormatNumber(v))
	}
	for _, c := range []struct {
		v    float64
		from string // the token that spells it, or "" for none
	}{{45, "45"}, {1234, ""}, {12.5, "12.5"}, {0.5, "0.5"}, {0.05, ""}} {
		s := p.numberValue(c.v, 0, len(p.Toks))
		got, want = append(got, s), append(want, claims.FormatNumber(c.v))
		if c.from != "" && unsafe.StringData(s) != unsafe.StringData(doc.Text[strings.Index(doc.Text, c.from):]) {
			t.Errorf("%v: not the text's own %q", c.v, c.from)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("values differ from FormatNumber's")
	}
}

// TestNumberValueWhole: a whole value read from figures that are not its
// plain digits ("62,784", "5 million") skips the search of its tokens;
// the value is FormatNumber's either way, and a value spelled after a
// word ("about 5000") is still the text's own.
func TestNumberValueWhole(t *testing.T) {
	e := engineForTest(t)
	doc := &claims.Document{ID: "t", Text: "62,784 or 5 million about 5000 and 5 5000", Language: "en", Status: claims.StatusRead}
	p := e.newPass(doc, new(scratch))
	at := func(text string) int {
		for k := range p.Toks {
			if p.Toks[k].Start == strings.Index(doc.Text, text) {
				return k
			}
		}
		t.Fatalf("no token at %q", text)
		return 0
	}
	for _, c := range []struct {
		v          float64
		from, to   string // the claim's first token and the one after its last
		ownSpelled bool   // the value is the text's own "5000"
	}{{62784, "62,784", "or", false}, {5e6, "5 million", "about", false}, {5000, "about", "and", true}, {5000, "5 5000", "", false}} {
		end := len(p.Toks)
		if c.to != "" {
			end = at(c.to)
		}
		s := p.numberValue(c.v, at(c.from), end)
		if want := claims.FormatNumber(c.v); s != want {
			t.Errorf("%v from %q: %q, want %q", c.v, c.from, s, want)
		}
		if own := unsafe.StringData(s) == unsafe.StringData(doc.Text[strings.Index(doc.Text, "5000"):]); own != c.ownSpelled {
			t.Errorf("%v from %q: the text's own digits %v, want %v", c.v, c.from, own, c.ownSpelled)
		}
	}
}

// plainDigitsRef is plainDigits read the slow way: s is the decimal
// spelling of its value, in fewer than 16 digits.
func plainDigitsRef(s string) (int64, bool) {
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v < 0 || strconv.FormatInt(v, 10) != s || len(s) > 15 {
		return 0, false
	}
	return v, true
}

// TestPlainDigits holds plainDigits to plainDigitsRef.
func TestPlainDigits(t *testing.T) {
	for _, s := range []string{"", "0", "00", "07", "7", "12", "120", "1,2", "1.5", "-5", "+5", "5a", "٣",
		"999999999999999", "1000000000000000", "123456789012345678901"} {
		v, ok := plainDigits(s)
		wv, wok := plainDigitsRef(s)
		if v != wv || ok != wok {
			t.Errorf("%q: %d %v, want %d %v", s, v, ok, wv, wok)
		}
	}
}

// FuzzPlainDigits holds plainDigits to plainDigitsRef on any string.
func FuzzPlainDigits(f *testing.F) {
	for _, s := range []string{"0", "45", "0.50", "1,234", "999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := plainDigits(s)
		wv, wok := plainDigitsRef(s)
		if v != wv || ok != wok {
			t.Fatalf("%q: %d %v, want %d %v", s, v, ok, wv, wok)
		}
	})
}

// TestClaimArenaJoin: join gives x+y, and the strings it made before stay
// as they were while the buffer fills and new chunks start.
func TestClaimArenaJoin(t *testing.T) {
	var a claimArena
	var got, want []string
	for k := range 2000 {
		x, y := "XXXX-"+strconv.Itoa(k%13), clockValue(k%25, k%60)
		if k%97 == 0 {
			x = strings.Repeat("x", k) // longer than a chunk, now and then
		}
		if k%101 == 0 {
			x, y = "", ""
		}
		got = append(got, a.join(x, y))
		want = append(want, x+y)
		a.valueInt(int64(k)) // other values between
	}
	if !slices.Equal(got, want) {
		t.Fatal("joined values differ from x+y")
	}
}

// TestClaimArenaReserve: reserved claims are zero and distinct, a step
// that takes more than it reserved gets its further claims as before, and
// a reservation past arenaFrom sets nothing aside.
func TestClaimArenaReserve(t *testing.T) {
	var a claimArena
	var cs []*claims.Claim
	for round := range 40 {
		n := round % 7
		a.reserve(n)
		for k := range n + round%3 {
			c := a.claim()
			if c.Start != 0 || c.Rule != "" || c.Date != nil {
				t.Fatalf("round %d: claim %d is not zero: %+v", round, k, c)
			}
			c.Start = len(cs) + 1
			cs = append(cs, c)
		}
	}
	for k, c := range cs {
		if c.Start != k+1 {
			t.Fatalf("claim %d was handed out again: Start %d", k, c.Start)
		}
	}
	if a.n != len(cs) {
		t.Fatalf("%d claims counted, %d made", a.n, len(cs))
	}
	var b claimArena
	b.n = arenaFrom - 2
	if b.reserve(3); cap(b.date) != 0 {
		t.Fatalf("a reservation past arenaFrom set aside %d claims", cap(b.date))
	}
}

// decimalDigitsCases are a whole part, fraction digits and a value, with
// the n decimalDigits must find (0: none).
var decimalDigitsCases = []struct {
	w, fr string
	f     float64
	n     int
}{
	{"6", "1", 6.1, 1}, {"0", "5", 0.5, 1}, {"0", "50", 0.5, 1}, {"12", "500", 12.5, 1}, {"58", "59", 58.59, 2},
	{"0", "05", 0.05, 2}, {"0", "000123", 0.000123, 6}, {"123456789", "123456", 123456789.123456, 6},
	{"6", "1", 6.2, 0}, {"6", "0", 6, 0}, {"06", "1", 6.1, 0}, {"", "5", 0.5, 0}, {"1", "", 1, 0},
	{"1234567890", "123456", 1234567890.123456, 0}, {"6", "1", -6.1, 0}, {"6", "1x", 6.1, 0},
	{"0", "1", 0.1, 1}, {"0", "3", 0.3, 1}, {"2", "675", 2.675, 3},
}

// TestDecimalDigits: decimalDigits finds the digits FormatNumber spells
// a decimal with, and only those.
func TestDecimalDigits(t *testing.T) {
	for _, c := range decimalDigitsCases {
		n, ok := decimalDigits(c.w, c.fr, c.f)
		if ok != (c.n > 0) || ok && n != c.n {
			t.Errorf("%q.%q %v: %d %v, want %d", c.w, c.fr, c.f, n, ok, c.n)
		}
		if ok {
			if got, want := c.w+"."+c.fr[:n], claims.FormatNumber(c.f); got != want {
				t.Errorf("%q.%q %v: spells %q, FormatNumber %q", c.w, c.fr, c.f, got, want)
			}
		}
	}
}

// FuzzDecimalDigits holds decimalDigits to FormatNumber: what it finds is
// FormatNumber's spelling, of the decimal's own value and of the floats
// next to it, and it finds every decimal of at most 15 digits written
// as FormatNumber writes it.
func FuzzDecimalDigits(f *testing.F) {
	for _, c := range decimalDigitsCases {
		f.Add(c.w, c.fr)
	}
	f.Fuzz(func(t *testing.T, w, fr string) {
		v, err := strconv.ParseFloat(w+"."+fr, 64)
		if err != nil {
			v = 1.5
		}
		for _, x := range []float64{v, math.Nextafter(v, math.Inf(1)), math.Nextafter(v, math.Inf(-1))} {
			n, ok := decimalDigits(w, fr, x)
			if ok && w+"."+fr[:n] != claims.FormatNumber(x) {
				t.Fatalf("%q.%q %v: spells %q, FormatNumber %q", w, fr, x, w+"."+fr[:n], claims.FormatNumber(x))
			}
			if x == v && !ok && err == nil && digitsOnly(w) && digitsOnly(fr) && (len(w) == 1 || w[0] != '0') &&
				strings.TrimRight(fr, "0") != "" && len(w)+len(strings.TrimRight(fr, "0")) <= 15 {
				t.Fatalf("%q.%q %v: not found", w, fr, x)
			}
		}
	})
}

// digitsOnly reports a non-empty run of ASCII digits.
func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// TestNumberValueDecimal: a decimal after a word is the text's own
// digits, one written with a decimal comma is spelled with a point, and
// a decimal no figure spells (a sum of feet and inches, "two-thirds") is
// spelled apart; every value is FormatNumber's.
func TestNumberValueDecimal(t *testing.T) {
	e := engineForTest(t)
	doc := &claims.Document{ID: "t", Text: "magnitude 6.10 and 58,59 or two-thirds", Language: "en", Status: claims.StatusRead}
	p := e.newPass(doc, new(scratch))
	for _, c := range []struct {
		v   float64
		own string // the text's own spelling, or ""
	}{{6.1, "6.1"}, {58.59, ""}, {2.0 / 3, ""}, {6.25, ""}} {
		s := p.numberValue(c.v, 0, len(p.Toks))
		if want := claims.FormatNumber(c.v); s != want {
			t.Errorf("%v: %q, want %q", c.v, s, want)
		}
		if own := c.own != "" && unsafe.StringData(s) == unsafe.StringData(doc.Text[strings.Index(doc.Text, c.own):]); own != (c.own != "") {
			t.Errorf("%v: the text's own %v, want %v", c.v, own, c.own != "")
		}
	}
}
