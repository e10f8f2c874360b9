package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// TestNumberBatchLong: a text of more claims than a batch holds
// (batchMax) is made in several batches, and reports what scanNumbersRef,
// which makes each claim as it reads it, reports, in the same order.
func TestNumberBatchLong(t *testing.T) {
	e := engineForTest(t)
	var b strings.Builder
	for k := range batchMax + batchMax/2 {
		b.WriteString([]string{"12% ", "about 40 people, ", "1,234 ", "3-5 km ", "5 "}[k%5])
	}
	text := b.String()
	for _, all := range []bool{false, true} {
		got := scannedNumbers(e, "en", text, scanNumbers, all)
		want := scannedNumbers(e, "en", text, scanNumbersRef, all)
		if len(got) <= batchMax {
			t.Fatalf("all=%v: %d claims, not more than a batch", all, len(got))
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("all=%v: the batched claims differ from the claims made one by one", all)
		}
	}
}

// TestNumberBatchSlots: every claim a batch makes has a value of its own,
// and a pooled batch is empty and holds nothing of the last document.
func TestNumberBatchSlots(t *testing.T) {
	e := engineForTest(t)
	doc := &claims.Document{ID: "t", Text: "12% and 40% and 7 km and 9 km and 1,000 soldiers", Language: "en", Status: claims.StatusRead}
	p := e.newPass(doc, new(scratch))
	scanNumbers(p, false)
	if len(p.claims) != 5 {
		t.Fatalf("%d claims, want 5", len(p.claims))
	}
	for k, c := range p.claims {
		c.Num.Value = float64(-k - 1)
	}
	for k, c := range p.claims {
		if c.Num.Value != float64(-k-1) {
			t.Fatalf("claim %d shares its value with another", k)
		}
	}
	b := batches.Get().(*numberBatch)
	defer batches.Put(b)
	if len(b.reads) != 0 {
		t.Fatal("a pooled batch is not empty")
	}
	for _, r := range b.reads[:cap(b.reads)] {
		if r.nv.Unit != "" || r.nv.Low != nil || r.kind != "" {
			t.Fatal("a pooled batch keeps a claim of the last document")
		}
	}
}

// TestExactOwn: an exact claim's bounds are its own value (exactOwn),
// and a qualified one's are the bounds its qualifier gives, apart from
// its value.
func TestExactOwn(t *testing.T) {
	e := engineForTest(t)
	doc := &claims.Document{ID: "t", Text: "12% and 7 km and 1,000 soldiers and about 40 people and more than 5 soldiers", Language: "en", Status: claims.StatusRead}
	p := e.newPass(doc, new(scratch))
	scanNumbers(p, false)
	if len(p.claims) != 5 {
		t.Fatalf("%d claims, want 5", len(p.claims))
	}
	for k, c := range p.claims {
		nv := c.Num
		own := nv.Low == &nv.Value && nv.High == &nv.Value
		if own != (k < 3) {
			t.Errorf("claim %d %q: bounds its own value %v, want %v", k, c.Value, own, k < 3)
		}
		if nv.Low == nil || *nv.Low != nv.Value {
			t.Errorf("claim %d %q: low bound %v, want %v", k, c.Value, nv.Low, nv.Value)
		}
	}
}
