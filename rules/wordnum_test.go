package rules

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// setPhrases is every Phrases table reachable from set (its own, its
// languages', its frames' attribute words), found by walking the values
// so that a table added later is checked too.
func setPhrases(set *Set) []*Phrases {
	var out []*Phrases
	seen := map[uintptr]bool{}
	phrasesType := reflect.TypeOf((*Phrases)(nil))
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			if v.Type() == phrasesType {
				out = append(out, (*Phrases)(v.UnsafePointer()))
				return
			}
			walk(v.Elem())
		case reflect.Struct:
			for k := 0; k < v.NumField(); k++ {
				walk(v.Field(k))
			}
		case reflect.Slice, reflect.Array:
			for k := 0; k < v.Len(); k++ {
				walk(v.Index(k))
			}
		case reflect.Map:
			it := v.MapRange()
			for it.Next() {
				walk(it.Value())
			}
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		}
	}
	walk(reflect.ValueOf(set))
	return out
}

// wordNumTexts are real-looking texts of both languages: the common words
// the tables and the date indexes share, names, figures and punctuation.
var wordNumTexts = []string{
	"A magnitude 6.2 earthquake hit the island of Sulawesi on Monday, killing at least 34 people and injuring hundreds, the agency said.",
	"The two leaders will meet in Jakarta next week; talks were held in March 2024 and have been delayed by a month.",
	"Sebanyak dua orang tewas dan tiga lainnya luka-luka akibat gempa bermagnitudo 5,6 pada hari Senin (12/3/2024) pukul 10.00 WIB.",
	"Presiden Joko Widodo akan berkunjung ke Amerika Serikat pada akhir bulan ini, kata juru bicara.",
	"North Korea said it had fired two missiles; Kim Jong Un was not there. As of now, US officials are to be told.",
	"In the first half of 2023, one in three of the 1,200 workers was laid off by the end of the year.",
}

// checkNumbered holds every table of set, and the word facts of every
// language, at the tokens of text numbered by each language's Vocab to
// their answers at the same tokens unnumbered (looked up by hash).
func checkNumbered(t *testing.T, set *Set, tables []*Phrases, vocabs []*Vocab, text string) {
	plain := token.Scan(text, nil)
	for _, v := range vocabs {
		toks := append([]token.Token(nil), plain...)
		v.Read(toks, nil)
		for i := range toks {
			require.True(t, toks[i].Word == 0 || wordNums.word(toks[i].Word) == toks[i].Lower, "%q numbered %d", toks[i].Lower, toks[i].Word)
		}
		for k, p := range tables {
			for i := 0; i <= len(toks); i++ {
				e1, v1, ok1 := p.Match(plain, i)
				e2, v2, ok2 := p.Match(toks, i)
				if e1 != e2 || v1 != v2 || ok1 != ok2 {
					t.Fatalf("table %d Match at %d of %q: %d %d %v numbered, %d %d %v not", k, i, text, e2, v2, ok2, e1, v1, ok1)
				}
				s1, w1, b1 := p.MatchBefore(plain, i, 4)
				s2, w2, b2 := p.MatchBefore(toks, i, 4)
				if s1 != s2 || w1 != w2 || b1 != b2 {
					t.Fatalf("table %d MatchBefore at %d of %q: %d %d %v numbered, %d %d %v not", k, i, text, s2, w2, b2, s1, w1, b1)
				}
				if i < len(toks) && p.StartsAt(&plain[i]) != p.StartsAt(&toks[i]) {
					t.Fatalf("table %d StartsAt %d of %q", k, i, text)
				}
			}
		}
		for _, code := range set.Codes {
			l := set.Languages[code]
			for i := range toks {
				if l.factsOf(&plain[i]) != l.factsOf(&toks[i]) {
					t.Fatalf("%s facts of %q", code, toks[i].Lower)
				}
			}
		}
	}
}

// builtinNumbered is the builtin set, its tables and a Vocab per language
// with its indexes built (which number the words the Vocab reads).
func builtinNumbered(t testing.TB) (*Set, []*Phrases, []*Vocab) {
	set, err := Builtin()
	require.NoError(t, err)
	var vocabs []*Vocab
	for _, li := range allAnchorIndexes(set) {
		vocabs = append(vocabs, li.v)
	}
	return set, setPhrases(set), vocabs
}

// TestWordNumbersAgree checks the numbered lookups against the hashed
// ones on real-looking text, on the words every table opens with, and on
// random draws of those words in every case.
func TestWordNumbersAgree(t *testing.T) {
	set, tables, vocabs := builtinNumbered(t)
	require.Greater(t, len(tables), 100)
	numbered := 0
	for _, text := range wordNumTexts {
		for _, v := range vocabs {
			toks := token.Scan(text, nil)
			v.Read(toks, nil)
			for _, tk := range toks {
				if tk.Word != 0 {
					numbered++
				}
			}
		}
		checkNumbered(t, set, tables, vocabs, text)
	}
	require.Greater(t, numbered, 20, "the texts' common words are numbered")
	var words []string
	for _, p := range tables {
		p.heads.Each(func(w string, _ phraseHead) { words = append(words, w) })
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 30 {
		var b strings.Builder
		for range 12 {
			w := words[rng.IntN(len(words))]
			switch rng.IntN(4) {
			case 0:
				w = strings.ToUpper(w[:1]) + w[1:]
			case 1:
				w = strings.ToUpper(w)
			}
			b.WriteString(w)
			b.WriteString([]string{" ", ", ", "\n", "-"}[rng.IntN(4)])
		}
		checkNumbered(t, set, tables, vocabs, b.String())
	}
}

// TestWordNumbersLateTable checks a table built after the Vocabs: its new
// words have numbers no Vocab gives, and the words it shares with them
// numbers it holds.
func TestWordNumbersLateTable(t *testing.T) {
	set, _, vocabs := builtinNumbered(t)
	late := newPhrases(false)
	late.add("of the", 1)
	late.add("two", 2)
	late.add("zzqx unheard", 3)
	late.add("March", 4)
	for _, text := range append(wordNumTexts, "zzqx unheard of the two in March") {
		checkNumbered(t, set, []*Phrases{late}, vocabs, text)
	}
}

// TestNumTable checks numTable's slots as words arrive out of order.
func TestNumTable(t *testing.T) {
	var nt numTable
	want := map[uint16]int{}
	rng := rand.New(rand.NewPCG(3, 4))
	for k := range 300 {
		n := uint16(1 + rng.IntN(2000))
		if _, ok := want[n]; ok {
			continue
		}
		nt.set(n, k)
		want[n] = k
	}
	for n := uint16(0); n < 2100; n++ {
		k, ok := want[n]
		if !ok {
			k = -1
		}
		require.Equal(t, k, nt.entry(n), "number %d", n)
	}
}

// FuzzWordNumbers holds the numbered lookups to the hashed ones on any
// text.
func FuzzWordNumbers(f *testing.F) {
	for _, text := range wordNumTexts {
		f.Add(text)
	}
	f.Add("of of of, the the-the A a\nIN in 2 two")
	set, tables, vocabs := builtinNumbered(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkNumbered(t, set, tables, vocabs, text)
	})
}
