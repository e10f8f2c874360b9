package extract

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// TestSmallValue holds smallValue to claims.FormatNumber wherever it
// answers, and checks that it answers for every whole number from 0 to 99
// and for no other value (fractions, negatives, -0, NaN, infinities,
// random floats).
func TestSmallValue(t *testing.T) {
	check := func(f float64) {
		v, ok := smallValue(f)
		small := f >= 0 && f < 100 && f == math.Trunc(f)
		if ok != small {
			t.Fatalf("smallValue(%v) ok = %v, want %v", f, ok, small)
		}
		if ok && v != claims.FormatNumber(f) {
			t.Fatalf("smallValue(%v) = %q, want %q", f, v, claims.FormatNumber(f))
		}
	}
	for k := -5; k < 200; k++ {
		check(float64(k))
		check(float64(k) + 0.5)
		check(float64(k) - 1e-9)
	}
	for _, f := range []float64{math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1), 99.99999999999999, 1e-300, math.Nextafter(100, 0)} {
		check(f)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		check(r.Float64() * 120)
		check(math.Floor(r.Float64()*150) - 20)
	}
}

// FuzzSmallValue: smallValue, where it answers, is claims.FormatNumber.
func FuzzSmallValue(f *testing.F) {
	for _, v := range []float64{0, 1, 99, 100, 2.5, -1} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if s, ok := smallValue(v); ok && s != claims.FormatNumber(v) {
			t.Fatalf("smallValue(%v) = %q, want %q", v, s, claims.FormatNumber(v))
		}
	})
}

// TestSameMark holds sameMark to string equality on the marks around
// figures and on random short strings.
func TestSameMark(t *testing.T) {
	marks := []string{"", ",", ".", "-", "–", "—", "%", "'", "’", ",,", ".,", "ab", "a", "abc", "abd"}
	for _, a := range marks {
		for _, b := range marks {
			if got := sameMark(a, b); got != (a == b) {
				t.Errorf("sameMark(%q, %q) = %v", a, b, got)
			}
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		a, b := make([]byte, r.IntN(4)), make([]byte, r.IntN(4))
		for i := range a {
			a[i] = byte('a' + r.IntN(3))
		}
		for i := range b {
			b[i] = byte('a' + r.IntN(3))
		}
		if got := sameMark(string(a), string(b)); got != (string(a) == string(b)) {
			t.Fatalf("sameMark(%q, %q) = %v", a, b, got)
		}
	}
}

// TestFourBytes: fourBytes orders strings of four bytes as string
// comparison does, so yearAdjective's bounds are "1800" and "2099".
func TestFourBytes(t *testing.T) {
	if fourBytes("1800") != year1800 || fourBytes("2099") != year2099 {
		t.Fatal("year bounds are not fourBytes of 1800 and 2099")
	}
	r := rand.New(rand.NewPCG(9, 10))
	pick := func() string {
		b := make([]byte, 4)
		for i := range b {
			if r.IntN(4) == 0 {
				b[i] = byte(r.IntN(256))
			} else {
				b[i] = byte('0' + r.IntN(10))
			}
		}
		return string(b)
	}
	for range 200000 {
		a, b := pick(), pick()
		if (fourBytes(a) < fourBytes(b)) != (a < b) || (fourBytes(a) > fourBytes(b)) != (a > b) {
			t.Fatalf("fourBytes orders %q and %q unlike strings", a, b)
		}
	}
}

// TestValueInt: valueInt spells what value spells of strconv's digits,
// across chunk boundaries, and leaves every string it returned as it was.
func TestValueInt(t *testing.T) {
	var a, ref claimArena
	r := rand.New(rand.NewPCG(5, 6))
	var got, want []string
	for k := range 5000 {
		v := r.Int64N(1 << (k % 63))
		if k%7 == 0 {
			v = -v
		}
		if k%11 == 0 {
			v = math.MaxInt64 - int64(k)
		}
		got = append(got, a.valueInt(v))
		want = append(want, ref.value(strconv.AppendInt(nil, v, 10)))
	}
	for k := range got {
		if got[k] != want[k] {
			t.Fatalf("value %d: %q, want %q", k, got[k], want[k])
		}
	}
}

// TestAppendDecimal holds appendDecimal to strconv.AppendInt at every
// length of number, with and without room in the buffer.
func TestAppendDecimal(t *testing.T) {
	check := func(n int) {
		for _, room := range []int{0, 1, 19, 20, 40} {
			b := make([]byte, 3, 3+room)
			copy(b, "id:")
			got := appendDecimal(b, n)
			if want := strconv.AppendInt([]byte("id:"), int64(n), 10); string(got) != string(want) {
				t.Fatalf("appendDecimal(%d) with room %d = %q, want %q", n, room, got, want)
			}
		}
	}
	for _, n := range []int{0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 12345, 999999, 1000000, 1234567, -1, -100, math.MaxInt64, math.MinInt64} {
		check(n)
	}
	p := 1
	for range 18 {
		check(p - 1)
		check(p)
		check(p + 1)
		p *= 10
	}
	r := rand.New(rand.NewPCG(9, 10))
	for range 100000 {
		check(int(r.Int64N(1 << r.IntN(63))))
	}
}

// FuzzAppendDecimal: appendDecimal is strconv.AppendInt.
func FuzzAppendDecimal(f *testing.F) {
	for _, n := range []int64{0, 7, 42, 100, 65535, 1 << 40, -3} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		got := appendDecimal(make([]byte, 0, 20), int(n))
		if want := strconv.AppendInt(nil, n, 10); string(got) != string(want) {
			t.Fatalf("appendDecimal(%d) = %q, want %q", n, got, want)
		}
	})
}
