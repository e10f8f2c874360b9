package extract

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"

	"github.com/crosscheck/crosscheck/rules"
)

// sameBits reports whether a and b are equal field by field, floats by
// their bits (0 and -0 apart), as a plain copy of a would be.
func sameBits(a, b *rules.Captures) bool {
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	var eq func(x, y reflect.Value) bool
	eq = func(x, y reflect.Value) bool {
		switch x.Kind() {
		case reflect.Struct:
			for i := range x.NumField() {
				if !eq(x.Field(i), y.Field(i)) {
					return false
				}
			}
			return true
		case reflect.Array:
			for i := range x.Len() {
				if !eq(x.Index(i), y.Index(i)) {
					return false
				}
			}
			return true
		case reflect.Float64:
			return math.Float64bits(x.Float()) == math.Float64bits(y.Float())
		}
		return x.Equal(y)
	}
	return eq(va, vb)
}

// randomCaptures draws captures from a small space, so that equal ones
// recur, with the odd negative zero and NaN.
func randomCaptures(r *rand.Rand) rules.Captures {
	var c rules.Captures
	c.Year[0] = []int16{0, 2023, 2024}[r.IntN(3)]
	c.Month[0] = int8(r.IntN(3))
	c.Day[0] = int8(r.IntN(4))
	c.Hour, c.Minute = int8(r.IntN(3)), int8(r.IntN(2))
	c.HasHour = r.IntN(2) == 0
	c.DurUnit = []string{"", "day", "hour"}[r.IntN(3)]
	c.Part = []rules.Part{"", "early"}[r.IntN(2)]
	switch r.IntN(8) {
	case 0:
		c.Num.Value = math.Copysign(0, -1)
	case 1:
		c.Num2.Scale = math.NaN()
	case 2:
		c.Num.Value, c.HasNum = 2, true
	}
	return c
}

// TestCaptureStore checks the store against plain copies: each stored
// copy keeps the bits of what was stored, whatever is stored after it,
// across documents (generations), and equal captures share a copy.
func TestCaptureStore(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var s captureStore
	for doc := range 20 {
		s.reset()
		var got []*rules.Captures
		var want []rules.Captures
		for range 1 + r.IntN(2000) {
			c := randomCaptures(r)
			got = append(got, s.store(&c))
			want = append(want, c)
			c.Year[0]++ // the store keeps its own copy
		}
		copies := map[*rules.Captures]bool{}
		for k := range got {
			if !sameBits(got[k], &want[k]) {
				t.Fatalf("doc %d, capture %d: stored %+v, want %+v", doc, k, *got[k], want[k])
			}
			copies[got[k]] = true
		}
		if len(got) > 500 && len(copies) == len(got) {
			t.Errorf("doc %d: no two equal captures share a copy", doc)
		}
	}
}

// TestCaptureStoreGenerationWrap checks that a table entry of the first
// generation is not taken for one of the generation after the counter
// wraps: its copy's memory is handed out again, so the captures stored
// next would overwrite what the entry gave.
func TestCaptureStoreGenerationWrap(t *testing.T) {
	var s captureStore
	s.reset()
	c := rules.Captures{Hour: 5, HasHour: true}
	s.store(&c)
	s.gen = math.MaxUint32
	s.reset()
	got := s.store(&c)
	d := rules.Captures{Hour: 6, HasHour: true}
	s.store(&d)
	if got.Hour != 5 {
		t.Fatalf("after the wrap, the copy of hour 5 reads %d", got.Hour)
	}
}

// TestSameCapturesCoversFields checks that sameCaptures reads every field
// of rules.Captures (and of its numerals): each field in turn is given a
// value other than the zero one, which sameCaptures must tell from a zero
// Captures; a float is given -0, which it must tell from 0. A field added
// to rules.Captures fails here until sameCaptures reads it.
func TestSameCapturesCoversFields(t *testing.T) {
	var paths [][]int
	var find func(typ reflect.Type, idx []int)
	find = func(typ reflect.Type, idx []int) {
		for i := range typ.NumField() {
			p := append(append([]int(nil), idx...), i)
			if typ.Field(i).Type.Kind() == reflect.Struct {
				find(typ.Field(i).Type, p)
				continue
			}
			paths = append(paths, p)
		}
	}
	find(reflect.TypeOf(rules.Captures{}), nil)
	var zero rules.Captures
	for _, p := range paths {
		var c rules.Captures
		f := reflect.ValueOf(&c).Elem().FieldByIndex(p)
		switch f.Kind() {
		case reflect.Int, reflect.Int16, reflect.Int8:
			f.SetInt(1)
		case reflect.Bool:
			f.SetBool(true)
		case reflect.String:
			f.SetString("x")
		case reflect.Float64:
			f.SetFloat(math.Copysign(0, -1))
		case reflect.Array:
			f.Index(f.Len() - 1).SetInt(1)
		default:
			t.Fatalf("field %v: kind %s; teach this test and sameCaptures", p, f.Kind())
		}
		// sameFields too: sameCaptures asks it only when the bytes differ.
		if sameCaptures(&c, &zero) || sameCaptures(&zero, &c) || sameFields(&c, &zero) || sameFields(&zero, &c) {
			t.Errorf("sameCaptures does not read field %v of rules.Captures", p)
		}
		if cp := c; !sameCaptures(&c, &c) || !sameFields(&c, &cp) {
			t.Errorf("field %v: sameCaptures finds a value unlike itself", p)
		}
	}
	nan := rules.Captures{Num: rules.Numeral{Value: math.NaN()}}
	if cp := nan; !sameCaptures(&nan, &cp) || !sameFields(&nan, &cp) {
		t.Error("a NaN is not the same as its copy")
	}
}

// TestSameCapturesBytes checks sameCaptures where the bytes of equal
// captures differ: a unit string at another address, and a different
// byte in the padding after the last flag. Both are the same captures.
func TestSameCapturesBytes(t *testing.T) {
	a := rules.Captures{Year: [2]int16{2024, 0}, DurUnit: "hour", HasNum: true, Seconds: true}
	b := a
	b.DurUnit = string([]byte("hour")) // same text, its own bytes
	require.True(t, sameCaptures(&a, &b))
	require.False(t, sameBytes(&a, &b))
	c := a
	if pad := unsafe.Sizeof(c) - (unsafe.Offsetof(c.Seconds) + 1); pad > 0 {
		(*[capBytes]byte)(unsafe.Pointer(&c))[capBytes-1] = 1
		require.False(t, sameBytes(&a, &c))
	}
	require.True(t, sameCaptures(&a, &c))
	c.Year[0]++
	require.False(t, sameCaptures(&a, &c))
}
