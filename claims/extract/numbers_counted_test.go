package extract

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// countedTexts are numberScanTexts with figures followed by figures,
// marks, lines and the partitive, as tables and lists write them.
func countedTexts() []string {
	return append(numberScanTexts(),
		"62,784 23% 50,449 18.6 94% 39.7 5085\n12 people 3 4 soldiers, 5 of them, 6. 7\n8 killed 9 % 10 - 11 of 12 tentara",
		"Tabel: 1 2 3\n4 orang 5 dari 6 tewas 7, 8 prajurit; 9 (10) 11\n",
	)
}

// checkCounted holds counted, with its shortcut for a number followed
// by no word (countedAfterMark), to the reading in full
// (countedAfterWord) at every token of text, and returns how many
// tokens it compared where no word follows.
func checkCounted(t *testing.T, e *Engine, lang, text string) int {
	doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
	p := e.newPass(doc, new(scratch))
	n := 0
	for end := 0; end <= len(p.Toks); end++ {
		got, gotAttr := p.counted(end)
		want, wantAttr := p.countedAfterWord(end)
		if got != want || gotAttr != wantAttr {
			t.Fatalf("%s: %.60q: counted(%d) = %q, %v; countedAfterWord says %q, %v", lang, text, end, got, gotAttr, want, wantAttr)
		}
		if end < len(p.Toks) && p.Toks[end].Kind != token.Word {
			n++
		}
	}
	return n
}

// TestCountedAfterMark: counted's shortcut gives the answers of the
// reading in full everywhere, in both languages.
func TestCountedAfterMark(t *testing.T) {
	e := engineForTest(t)
	n := 0
	for _, text := range countedTexts() {
		for _, lang := range []string{"en", "id"} {
			n += checkCounted(t, e, lang, text)
		}
	}
	if n == 0 {
		t.Fatal("no figure or mark compared: the test tests nothing")
	}
	t.Logf("%d figures and marks", n)
}

// FuzzCountedAfterMark is TestCountedAfterMark on any text.
func FuzzCountedAfterMark(f *testing.F) {
	for _, s := range countedTexts()[:4] {
		f.Add(s)
	}
	e := engineForTest(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, lang := range []string{"en", "id"} {
			checkCounted(t, e, lang, text)
		}
	})
}

// checkAsking holds countedAfterWord, which takes the first loop's
// answers at the number's end, to the reading that asks them again
// (countedAfterWordRef) at every token of text, and
// returns how many tokens it compared where a word follows.
func checkAsking(t *testing.T, e *Engine, lang, text string) int {
	doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
	p := e.newPass(doc, new(scratch))
	n := 0
	for end := 0; end <= len(p.Toks); end++ {
		got, gotAttr := p.countedAfterWord(end)
		want, wantAttr := p.countedAfterWordRef(end)
		if got != want || gotAttr != wantAttr {
			t.Fatalf("%s: %.60q: countedAfterWord(%d) = %q, %v; asking again says %q, %v", lang, text, end, got, gotAttr, want, wantAttr)
		}
		if end < len(p.Toks) && p.Toks[end].Kind == token.Word {
			n++
		}
	}
	return n
}

// askingTexts are countedTexts with figures before function words,
// event words, verbs and nouns.
func askingTexts() []string {
	return append(countedTexts(),
		"measuring 6.1 measuring 7.2 and 40 were injured, 12 have died, 5 soldiers killed, 300 may leave, 7 went missing",
		"5 telah tewas, 40 orang luka, 3 dari 10 prajurit, 20 akan pergi, 2 hari lalu",
	)
}

// TestCountedAsking: countedAfterWord gives the answers of the reading
// that asks the tables again everywhere, in both languages.
func TestCountedAsking(t *testing.T) {
	e := engineForTest(t)
	n := 0
	for _, text := range askingTexts() {
		for _, lang := range []string{"en", "id"} {
			n += checkAsking(t, e, lang, text)
		}
	}
	if n == 0 {
		t.Fatal("no word compared: the test tests nothing")
	}
	t.Logf("%d words", n)
}

// FuzzCountedAsking is TestCountedAsking on any text.
func FuzzCountedAsking(f *testing.F) {
	for _, s := range askingTexts()[:4] {
		f.Add(s)
	}
	e := engineForTest(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, lang := range []string{"en", "id"} {
			checkAsking(t, e, lang, text)
		}
	})
}

// TestQuakeSentence: quakeSentence, which asks the magnitude nouns'
// filter first, answers as asking every word of the sentence does.
func TestQuakeSentence(t *testing.T) {
	e := engineForTest(t)
	texts := append(askingTexts(), "A quake measuring 6.1 struck. Prices rose 6.1 percent.", "Gempa berkekuatan 6,6 terjadi. Harga naik 6,6 persen.",
		"measuring 1.6 measuring 1.7 and a 9.1 temblor measuring 8.4")
	n := 0
	for _, text := range texts {
		for _, lang := range []string{"en", "id"} {
			doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
			p := e.newPass(doc, new(scratch))
			nouns := p.Lang.List(rules.ListMagnitudeNouns)
			for i := range p.Toks {
				a, b := p.sentenceTokens(p.Toks[i].Start)
				want := false
				for k := a; k < b; k++ {
					want = want || nouns.Has(p.Toks, k)
				}
				if got := p.quakeSentence(i); got != want {
					t.Fatalf("%s: %.60q: quakeSentence(%d) = %v, want %v", lang, text, i, got, want)
				}
				if want {
					n++
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no quake sentence: the test tests nothing")
	}
}

// countedAfterWordRef is countedAfterWord as it was before it took its
// first loop's answers at the number's end: every table is asked again,
// each question by a lookup of its own (DetectAt, IsNumberWordAt, InSet).
// checkAsking holds countedAfterWord to it.
func (p *Pass) countedAfterWordRef(end int) (string, bool) {
	toks := p.Toks
	// An event word right after the number, or after function words
	// ("40 were injured", "12 have died", "5 telah tewas").
	attrNext := false
	for k := end; k < len(toks) && k < end+3 && !toks[k].Is(token.NewlineBefore); k++ {
		if startsAt(p.Rules.AttrWords, toks, k) && p.Rules.AttrWords.Has(toks, k) || startsAt(p.Rules.Triggers, toks, k) && p.Rules.Triggers.Has(toks, k) {
			attrNext = true
			break
		}
		if toks[k].Kind != token.Word || !p.Lang.MayKnow(&toks[k]) || !p.Lang.DetectAt(&toks[k]) {
			break
		}
	}
	// A listed noun counts only as the head of the number's own phrase: the
	// first word, or the second after one modifier ("three high-profile
	// meetings", "lebih dari 100 uji coba rudal") — not "250 temporary
	// camps hosting people".
	k0 := end
	if k0 < len(toks) && p.Lang.MayKnow(&toks[k0]) && p.Lang.InSet(rules.ListPartitive, &toks[k0]) {
		k0++
	}
	for k0+2 < len(toks) && toks[k0].Kind == token.Word && toks[k0+1].Text == "-" && toks[k0+1].Glued() && toks[k0+2].Glued() {
		k0 += 3
	}
	if k0 < len(toks) && toks[k0].Kind == token.Word {
		k0 = p.skipInitialism(k0) // "two U.S. soldiers" (only a word opens one: no call for a figure or a mark)
	}
	for k := k0; k < len(toks) && k <= k0+1; k++ {
		if (k > end || k == k0) && (toks[k].Is(token.NewlineBefore) || toks[k].Kind == token.Punct) {
			// Not across a sentence mark or line: "menewaskan 40. Korban
			// dievakuasi" counts no victims.
			break
		}
		if !startsAt(p.Rules.Counted, toks, k) {
			continue
		}
		if _, v, ok := p.Rules.Counted.Match(toks, k); ok {
			return p.Rules.CountedIDs[v], attrNext
		}
	}
	// Else the first content word of the same phrase: the word k0 found
	// (past a partitive, "high-profile" and "U.S.").
	k := k0
	if k >= len(toks) || toks[k].Kind != token.Word || toks[k].Is(token.NewlineBefore) || toks[k].Is(token.Capital) || toks[k].Is(token.AllCaps) {
		return "", attrNext
	}
	// The tables are asked by the token's hash (DetectAt, IsNumberWordAt)
	// and past their filters (startsAt), not by the word hashed again.
	w, t := toks[k].Lower, &toks[k]
	notCounted := p.Lang.List(rules.ListNotCounted)
	known := p.Lang.MayKnow(t) // (MayKnow inline first: most content words are in no table)
	if len(w) < 3 || attrNext || known && p.Lang.DetectAt(t) || startsAt(p.Rules.AttrWords, toks, k) && p.Rules.AttrWords.Has(toks, k) ||
		startsAt(p.Rules.Triggers, toks, k) && p.Rules.Triggers.Has(toks, k) || known && p.Lang.IsNumberWordAt(t) ||
		startsAt(notCounted, toks, k) && notCounted.Has(toks, k) || startsAt(p.Lang.Future, toks, k) && p.Lang.Future.Has(toks, k) ||
		startsAt(p.Lang.Past, toks, k) && p.Lang.Past.Has(toks, k) || p.hasPastSuffix(w) {
		// A verb, not the thing counted ("hundreds went missing", "up to
		// 300 may leave").
		return "", attrNext
	}
	return w, attrNext
}
