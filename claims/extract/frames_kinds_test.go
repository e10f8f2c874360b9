package extract

import (
	"fmt"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/rules"
)

// TestKindCache: acceptsOf answers through its cache (kindCache) with
// the map's entry for the claim's key, for more kinds than the cache has
// slots, asked in turns so that slots are shared, found and replaced; and
// the entry's answers are accepts'.
func TestKindCache(t *testing.T) {
	e := engineForTest(t)
	fa := &frameAssigner{set: e.Rules, p: &Pass{Rules: e.Rules}}
	var cs []*claims.Claim
	for i := range 3 * kindSlots {
		var c *claims.Claim
		switch i % 4 {
		case 0:
			c = &claims.Claim{Kind: claims.KindCount, Num: &claims.NumberValue{Counted: fmt.Sprint("people", i/4%40)}}
		case 1:
			c = &claims.Claim{Kind: claims.KindQuantity, Num: &claims.NumberValue{Unit: []string{"km", "kg", "magnitude", "m"}[i/4%4]}}
		case 2:
			c = &claims.Claim{Kind: claims.KindDate, Date: &claims.DateValue{Gran: claims.GranDay + claims.Granularity(i/4%3), Range: i%8 == 2, Fuzzy: i%12 == 2}}
		default:
			c = &claims.Claim{Kind: []claims.Kind{claims.KindPercent, claims.KindMoney, claims.KindCount}[i/4%3], Num: &claims.NumberValue{Unit: fmt.Sprint("u", i%7)}}
		}
		cs = append(cs, c)
	}
	for round := range 3 {
		for i := range cs {
			c := cs[(i*7+round)%len(cs)]
			memo := fa.acceptsOf(c)
			if want := fa.acceptMemo[fa.lastKey]; &memo[0] != &want[0] {
				t.Fatalf("%s %+v %+v: not the map's entry", c.Kind, c.Num, c.Date)
			}
			for fi, fr := range e.Rules.Frames {
				want := false
				for _, at := range fr.Attributes {
					want = want || accepts(at, c)
				}
				if got := fa.takes(memo, fa.attrBase[len(fa.attrBase)-1], fi, c); got != want {
					t.Errorf("%s %+v %+v: frame %s takes %v, want %v", c.Kind, c.Num, c.Date, fr.Name, got, want)
				}
			}
		}
	}
}

// TestKindCacheFollowsRules: a scratch whose accepts memo was made for
// one engine's rules does not answer for another's.
func TestKindCacheFollowsRules(t *testing.T) {
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	e1, e2 := New(set), New(set)
	e2.Rules = new(rules.Set)
	*e2.Rules = *set // the same rules, another set
	text := "The storm killed 12 people on Monday, and 3 more in 2020."
	p := passOver(e1, "en", text)
	e1.assignFrames(p, p.claims)
	sc := p.scratch
	if sc.kinds == nil || sc.kinds.set != e1.Rules {
		t.Fatal("no accepts memo kept for the engine's rules")
	}
	old, oldMemo := sc.kinds, sc.acceptMemo
	p2 := e2.newPass(&claims.Document{ID: "t", Text: text, Language: "en", Status: claims.StatusRead}, sc)
	for _, step := range e2.Steps {
		step(p2)
	}
	e2.assignFrames(p2, p2.claims)
	if sc.kinds == old || sc.kinds.set != e2.Rules {
		t.Error("the memo's cache was kept for other rules")
	}
	if fmt.Sprintf("%p", sc.acceptMemo) == fmt.Sprintf("%p", oldMemo) {
		t.Error("the memo's map was kept for other rules")
	}
}

// TestKindCacheTaking: the frames candidates reads from the masks of a
// claim's kind cache slot (learnTaking) are those some attribute of which accepts the claim, for
// windows evoking a few frames at a time (so that a slot's masks answer
// for some frames and not yet for others) and more kinds than the cache
// has slots (so that slots are given other keys and start again).
func TestKindCacheTaking(t *testing.T) {
	e := engineForTest(t)
	if len(e.Rules.Frames) > 64 {
		t.Skip("more than 64 frames: no masks")
	}
	fa := &frameAssigner{set: e.Rules, p: &Pass{Rules: e.Rules}}
	var cs []*claims.Claim
	for i := range 3 * kindSlots {
		var c *claims.Claim
		switch i % 3 {
		case 0:
			c = &claims.Claim{Kind: claims.KindCount, Num: &claims.NumberValue{Counted: []string{"people", "aftershocks", "votes", "countries"}[i/3%4] + fmt.Sprint(i/12%50)}}
		case 1:
			c = &claims.Claim{Kind: []claims.Kind{claims.KindQuantity, claims.KindPercent, claims.KindMoney, claims.KindDuration}[i/3%4], Num: &claims.NumberValue{Unit: []string{"km", "magnitude", "", "u"}[i/12%4]}}
		default:
			c = &claims.Claim{Kind: claims.KindDate, Date: &claims.DateValue{Gran: claims.GranDay + claims.Granularity(i/3%3), Range: i%9 == 2}}
		}
		cs = append(cs, c)
	}
	all := uint64(1)<<len(e.Rules.Frames) - 1
	asked := 0
	for round := range 4 {
		for i := range cs {
			c := cs[(i*5+round)%len(cs)]
			memo := fa.acceptsOf(c)
			evoked := all & (0x9249249249249249 >> ((i + round) % 3)) // a third of the frames, in turn
			if round == 3 {
				evoked = all
			}
			if ks := fa.lastSlot; evoked&^ks.known != 0 { // as candidates reads it
				fa.learnTaking(memo, evoked, c)
			}
			got := evoked & fa.lastSlot.takes
			var want uint64
			for fi, fr := range e.Rules.Frames {
				for _, at := range fr.Attributes {
					if evoked>>fi&1 != 0 && accepts(at, c) {
						want |= 1 << fi
					}
				}
			}
			if got != want {
				t.Fatalf("%s %+v %+v, frames %x: taking %x, want %x", c.Kind, c.Num, c.Date, evoked, got, want)
			}
			asked++
		}
	}
	if asked == 0 {
		t.Fatal("nothing asked")
	}
}
