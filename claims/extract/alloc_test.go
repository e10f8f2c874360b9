package extract

import (
	"fmt"
	"slices"
	"testing"

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

// TestIDArena: the ids are those fmt spells, whatever the document name's
// length and however many claims share a chunk.
func TestIDArena(t *testing.T) {
	for _, doc := range []string{"", "d", "a/long/path/to/some-article-of-the-corpus.txt", string(make([]byte, 20000))} {
		var a idArena
		var got, want []string
		for k := range 500 {
			line, col := k*7919%100000, k*31%1000+1
			got = append(got, a.id(doc, line, col, 500))
			want = append(want, fmt.Sprintf("%s:%d:%d", doc, line, col))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("doc of %d bytes: ids differ from fmt's", len(doc))
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
