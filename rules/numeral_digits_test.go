package rules

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
)

// finishDigits is the numeral of digits read as d, ending at token end, as
// setDigits writes it, returned by value as readDigits once returned it.
func finishDigits(d digitParse, end int) (Numeral, bool) {
	if math.IsInf(d.v, 0) || math.IsNaN(d.v) {
		return Numeral{}, false
	}
	return Numeral{Value: d.v, Precision: d.prec, End: end}, true
}

// readDigitsRef is readDigits as it was, without its fast path for a run
// of digits alone and with math.Pow for the fraction's places.
func (l *Language) readDigitsRef(toks []token.Token, i int) (Numeral, bool) {
	var nums [8]string
	var seps [8]string
	nums[0] = toks[i].Text
	n := 1
	end := i + 1
	for end+1 < len(toks) && n < len(nums) && toks[end].Glued() && toks[end+1].Glued() && toks[end+1].Kind == token.Number &&
		(toks[end].Text == "," || toks[end].Text == ".") {
		seps[n-1] = toks[end].Text
		nums[n] = toks[end+1].Text
		n++
		end += 2
	}
	parse := func(g, d string) (digitParse, int) {
		v := parseInt(nums[0])
		used := 0
		if len(nums[0]) <= 3 {
			for used < n-1 && seps[used] == g && len(nums[used+1]) == 3 {
				v = v*1000 + parseInt(nums[used+1])
				used++
			}
		}
		prec := 1.0
		if used < n-1 && seps[used] == d && len(nums[used+1]) <= 9 {
			frac := nums[used+1]
			v += parseInt(frac) / math.Pow(10, float64(len(frac)))
			prec = math.Pow(10, -float64(len(frac)))
			used++
		}
		return digitParse{v, prec}, used
	}
	native, nUsed := parse(l.group, l.decimal)
	if nUsed == n-1 {
		return finishDigits(native, i+1+2*nUsed)
	}
	foreign, fUsed := parse(l.decimal, l.group)
	if fUsed == n-1 {
		return finishDigits(foreign, i+1+2*fUsed)
	}
	dots := 0
	for _, sp := range seps[:n-1] {
		if sp == "." {
			dots++
		}
	}
	if dots >= 2 {
		return Numeral{Value: parseInt(nums[0]), Precision: 1, End: i + 1, Code: true}, true
	}
	return finishDigits(native, i+1+2*nUsed)
}

// TestReadDigitsRef holds readDigits to readDigitsRef on random runs of
// digit groups, separators (glued or not) and other tokens, in both
// languages' conventions, bit for bit.
func TestReadDigitsRef(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(7, 8))
	digits := func() string {
		n := 1 + r.IntN(11)
		if r.IntN(3) == 0 {
			n = 3
		}
		var b strings.Builder
		for range n {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		return b.String()
	}
	seps := []string{",", ".", ", ", ". ", " ", "/", "-", " km ", "%"}
	checked := 0
	for range 20000 {
		var b strings.Builder
		b.WriteString(digits())
		for range r.IntN(10) {
			b.WriteString(seps[r.IntN(len(seps))])
			b.WriteString(digits())
		}
		checked += checkReadDigits(t, set, b.String())
	}
	t.Logf("%d numbers", checked)
}

// TestVulgarFractionsBeyondASCII: vulgarFraction skips the map for a mark
// that opens with an ASCII byte, so no sign of vulgarFractions may.
func TestVulgarFractionsBeyondASCII(t *testing.T) {
	for s, v := range vulgarFractions {
		if s == "" || s[0] < 0x80 {
			t.Errorf("vulgar fraction %q opens with an ASCII byte: vulgarFraction would not find it", s)
		}
		if got, ok := vulgarFraction(s); !ok || got != v {
			t.Errorf("vulgarFraction(%q) = %v, %v, want %v", s, got, ok, v)
		}
	}
	for _, s := range []string{",", ".", "-", "/", "%", "$", "", "—"} {
		if _, ok := vulgarFraction(s); ok {
			t.Errorf("vulgarFraction(%q) found one", s)
		}
	}
}

// FuzzReadDigits holds readDigits (and its one-separator path) to
// readDigitsRef at every figure of any text, in every language.
func FuzzReadDigits(f *testing.F) {
	for _, s := range []string{"62,784", "18.6", "4.000", "7,8", "1,2345", "1234,567", "0.1234567890", "1.111,11", "192.168.1.2", "5,000.5"} {
		f.Add(s)
	}
	set, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) { checkReadDigits(t, set, s) })
}

// checkReadDigits holds readDigits to readDigitsRef at every figure of text,
// in every language, and returns how many figures it checked. Values are
// compared bit for bit (so a NaN must be the same NaN).
func checkReadDigits(t *testing.T, set *Set, text string) int {
	t.Helper()
	toks := token.Scan(text, nil)
	checked := 0
	for _, l := range set.Languages {
		for i := range toks {
			if toks[i].Kind != token.Number {
				continue
			}
			// A numeral already in got: readDigits writes all of it.
			got := Numeral{Value: 7, Low: 1, High: 9, Scale: 3, Vague: true, Words: true, Ordinal: true}
			gok := l.readDigits(toks, i, &got)
			want, wok := l.readDigitsRef(toks, i)
			same := got == want || math.IsNaN(got.Value) && math.IsNaN(want.Value)
			if !same || gok != wok || math.Float64bits(got.Value) != math.Float64bits(want.Value) {
				t.Fatalf("%s: %q at %d: %+v %v, want %+v %v", l.Code, text, i, got, gok, want, wok)
			}
			checked++
		}
	}
	return checked
}
