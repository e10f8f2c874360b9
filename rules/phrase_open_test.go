package rules

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
)

// phraseTables is every phrase table of the rule set: the set's own and
// each language's qualifiers, tense words, units and lists.
func phraseTables(set *Set) []*Phrases {
	tables := []*Phrases{set.Triggers, set.AttrWords, set.Participants, set.DefiniteBefore, set.DefiniteAfter, set.Counted,
		set.Anaphora, set.ClauseWords, set.Background, set.PartialBefore, set.PartialAfter, set.Restate, set.DateOf, set.DateAt,
		set.Appositive, set.ScopeBefore, set.ScopeNouns}
	for _, l := range set.Languages {
		tables = append(tables, l.Qualifiers, l.Future, l.Past, l.Units)
		for _, ph := range l.lists {
			tables = append(tables, ph)
		}
	}
	return tables
}

// openTables is every phrase table of the rule set, and a text that holds
// each of their phrases as written, in capitals and after its own first
// word.
func openTables(set *Set) ([]*Phrases, string) {
	tables := phraseTables(set)
	var own strings.Builder
	for _, p := range tables {
		for _, list := range p.byFirst {
			for _, ph := range list {
				w := strings.Join(ph.words, " ")
				own.WriteString(w + " x " + strings.ToUpper(w) + ". " + ph.words[0] + " " + w + "\n")
			}
		}
	}
	return tables, own.String()
}

// checkOpen holds MatchOpen to Match at every token of text that each
// table's MayOpen passes, and returns the matches found.
func checkOpen(t *testing.T, tables []*Phrases, text string) (hits int) {
	toks := token.Scan(text, nil)
	for _, p := range tables {
		for i := range toks {
			if !p.MayOpen(&toks[i]) {
				continue
			}
			end, v, ok := p.MatchOpen(toks, i)
			wend, wv, wok := p.Match(toks, i)
			if end != wend || v != wv || ok != wok {
				t.Fatalf("MatchOpen at %d (%q): %d %d %v, Match %d %d %v", i, toks[i].Text, end, v, ok, wend, wv, wok)
			}
			if ok {
				hits++
			}
		}
	}
	return hits
}

// TestMatchOpen: after MayOpen, MatchOpen (which does not ask the
// filters again) answers as Match, for every table of the rules, over the
// example articles and cases and a text of every phrase.
func TestMatchOpen(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tables, own := openTables(set)
	hits := 0
	for _, text := range append(exampleTexts(), own) {
		hits += checkOpen(t, tables, text)
	}
	if hits < 1000 {
		t.Fatalf("%d matches: the test tests too little", hits)
	}
}

// FuzzMatchOpen is TestMatchOpen over any text.
func FuzzMatchOpen(f *testing.F) {
	set, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	tables, _ := openTables(set)
	for _, s := range []string{"The earthquake killed 12 people in Garut.", "Gempa bermagnitudo 5,6 menewaskan 12 orang", "a meeting of the North Korea KIM", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkOpen(t, tables, text)
	})
}
