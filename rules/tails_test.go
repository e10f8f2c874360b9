package rules

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// tailTexts are the project's articles and expectation cases, with shapes
// they may lack: line breaks and glued marks inside clock times and dates,
// prepositions repeated or before a line break.
func tailTexts(t *testing.T) []string {
	var texts []string
	texts = append(texts, projectTexts(t, "../testdata/example/*", "../testdata/cases/*/*.txtar")...)
	require.NotEmpty(t, texts)
	return append(texts, "at 5 p.m. on March 3 at at 5 p.m., at\n5 p.m., at:5 p.m. at 17:30 WIB on\nMarch 3, at around 5 in the evening",
		"pada pukul 17.00 WIB, pada\n3 Maret 2024, sejak 2019 hingga 2020, from 10/1 to 11/7, on the 3rd of March at 4:17:35 a.m. EST")
}

// TestTailAlike checks the claim Tails rests on, pattern by pattern: where
// a tailAlike pattern's optional first part was present in a match from
// an earlier token and ended at token j, and Tails.settled says the
// pattern matches at j no further than some token, its own match there
// does not go further; and where j opens no line and the first part does
// not open at j, the match at j is the rest's. The built-in patterns are
// joined by a few whose second or third part is glued (not tailAlike:
// the rest after an earlier token must then be glued to it, a match from
// j need not).
func TestTailAlike(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	texts := tailTexts(t)
	checked, alike := 0, 0
	for _, code := range set.Codes {
		l := set.Languages[code]
		var pats []*Pattern
		for _, g := range [][]*Pattern{l.Dates, l.Relative, l.Durations, l.Furniture} {
			pats = append(pats, g...)
		}
		for _, m := range []string{"at?$hour @ampm?", "at? -?$hour", "at|on? -$hour :?$minute?"} {
			p, err := l.compilePattern(patternFile{ID: m, Match: m})
			require.NoError(t, err)
			pats = append(pats, p)
		}
		for _, text := range texts {
			toks := token.Scan(text, nil)
			for i := range toks {
				for _, p := range pats {
					if !p.tailAlike() {
						continue
					}
					var tails Tails
					var c Captures
					p.matchCaps(toks, i, &c, &numMemo{tails: &tails})
					for k := 0; k < tails.n; k++ {
						r := tails.at[k]
						require.Same(t, p, r.p)
						if r.from >= len(toks) {
							continue
						}
						var c2 Captures
						end, ok := p.matchCaps(toks, r.from, &c2, nil)
						for past := r.from; past <= min(len(toks), r.from+windowMax); past++ {
							if tails.settled(p, toks, r.from, past) {
								require.True(t, !ok || end <= past, "%s %s at %q (%d from %d) past %d", code, p.ID, toks[r.from].Text, r.from, i, past)
								checked++
							}
						}
						if toks[r.from].Is(token.NewlineBefore) || p.parts[0].mayOpen(&toks[r.from]) {
							continue
						}
						c2 = Captures{} // match starts from no captures
						end, ok = p.match(toks, 0, r.from, r.from, &c2, nil)
						if ok {
							require.True(t, r.ok, "%s %s at %q (%d from %d)", code, p.ID, toks[r.from].Text, r.from, i)
							require.Equal(t, r.end, end, "%s %s at %q (%d from %d)", code, p.ID, toks[r.from].Text, r.from, i)
						} else {
							require.True(t, !r.ok || r.end == r.from, "%s %s at %q (%d from %d)", code, p.ID, toks[r.from].Text, r.from, i)
						}
						alike++
					}
				}
			}
		}
	}
	require.Positive(t, checked)
	require.Positive(t, alike)
}

// TestLongestPastInto checks the search for a longer match against the
// plain search: at every token inside a match, for every end it must
// pass, LongestPastInto finds the plain search's match when that ends
// later, and nothing else; with no accept, and with one that shortens and
// rejects matches.
func TestLongestPastInto(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	texts := tailTexts(t)
	accepts := map[string]func(*Match) (int, bool){
		"none": nil,
		"trim": func(m *Match) (int, bool) {
			if m.End-m.Start > 2 && m.End%3 == 0 {
				return m.End - 1, true
			}
			return m.End, m.Start%7 != 3
		},
	}
	checked := 0
	for _, code := range set.Codes {
		l := set.Languages[code]
		x := NewIndex(l, l.Dates, l.Relative, l.Durations)
		for _, text := range texts {
			toks := token.Scan(text, nil)
			masks := x.Anchors(toks, nil)
			ws := x.vocab.Read(toks, nil)
			for name, accept := range accepts {
				checked += checkPast(t, x, toks, masks, ws, accept, code+" "+name)
			}
		}
	}
	require.Positive(t, checked)
}

// checkPast runs TestLongestPastInto's checks over toks and returns how
// many searches it compared.
func checkPast(t *testing.T, x *Index, toks []token.Token, masks []uint64, ws []TokenWord, accept func(*Match) (int, bool), what string) int {
	checked := 0
	var tails Tails
	for i := range toks {
		var lead, plain Match
		ok := x.LongestLeadInto(toks, masks, ws, i, accept, &lead, &tails)
		wantOK := x.LongestIntoRead(toks, masks, ws, i, accept, &plain)
		require.Equal(t, wantOK, ok, "%s token %d", what, i)
		if !ok {
			continue
		}
		require.Equal(t, plain, lead, "%s token %d", what, i)
		for j := i + 1; j < lead.End; j++ {
			var want Match
			wantOK := x.LongestIntoRead(toks, masks, ws, j, accept, &want)
			for past := j; past <= lead.End+1; past++ {
				got := Match{Start: -1}
				ok := x.LongestPastInto(toks, masks, ws, j, past, accept, &got, &tails)
				require.Equal(t, wantOK && want.End > past, ok, "%s token %d from %d past %d", what, j, i, past)
				if ok {
					require.Equal(t, want, got, "%s token %d from %d past %d", what, j, i, past)
				} else {
					require.Equal(t, Match{Start: -1}, got, "%s token %d from %d past %d: written", what, j, i, past)
				}
				checked++
			}
		}
	}
	return checked
}

// FuzzLongestPastInto runs TestLongestPastInto's checks over any text.
func FuzzLongestPastInto(f *testing.F) {
	for _, s := range []string{
		"at 5 p.m. on March 3 at 17:30 WIB, at around 5 in the evening",
		"at\n5 p.m., at:5 p.m. at at 5, on the 3rd of March at 4:17:35 a.m. EST",
		"pada pukul 17.00 WIB, pada\n3 Maret 2024, sejak 2019 hingga 2020",
	} {
		f.Add(s)
	}
	set, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	var xs []*Index
	for _, code := range set.Codes {
		l := set.Languages[code]
		xs = append(xs, NewIndex(l, l.Dates, l.Relative, l.Durations))
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := token.Scan(text, nil)
		for _, x := range xs {
			checkPast(t, x, toks, x.Anchors(toks, nil), x.vocab.Read(toks, nil), nil, x.lang.Code)
		}
	})
}
