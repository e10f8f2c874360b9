package rules

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
)

// TestAddFirsts holds a filter of several tables' first words
// (Phrases.AddFirsts) to the tables themselves: it must let through every
// token some table may start at, and it lets through none that all of them
// turn away more often than the filters' own false positives would.
func TestAddFirsts(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	l := set.Languages["en"]
	tables := []*Phrases{set.ClauseWords, l.Future, l.Past}
	var f WordFilter
	for _, p := range tables {
		p.AddFirsts(&f)
	}
	var nilPhrases *Phrases
	nilPhrases.AddFirsts(&f) // a table a rule set does not have adds nothing
	text := "The talks will resume in May and officials said they had agreed, but it was expected to fall apart; they are going to meet again tomorrow or later."
	passed := 0
	for _, tk := range token.Scan(text, nil) {
		may := false
		for _, p := range tables {
			may = may || p.MayStart(&tk)
		}
		if may && !f.May(&tk) {
			t.Errorf("%q: a table may start here, the joint filter says not", tk.Text)
		}
		if f.May(&tk) {
			passed++
		}
		if !may && f.May(&tk) && !falsePositive(tables, &tk) {
			t.Errorf("%q: no table may start here, the joint filter says it may", tk.Text)
		}
	}
	if passed == 0 {
		t.Error("the text holds markers, the filter passed none")
	}
}

// falsePositive reports a token that some table's own filter would pass
// were its bits set by another word: the joint filter's bit for t is set
// by a word of some table.
func falsePositive(tables []*Phrases, t *token.Token) bool {
	for _, p := range tables {
		for w := range p.byFirst {
			if h := token.HashString(w); h>>26 == t.Hash>>26 && h>>20&63 == t.Hash>>20&63 {
				return true
			}
		}
	}
	return false
}

// matchRef is Match as it was before phraseHead: every phrase of the
// first word tried, longest first.
func matchRef(p *Phrases, toks []token.Token, i int) (int, int, bool) {
	if i >= len(toks) {
		return 0, 0, false
	}
	h := p.heads.Ref(&toks[i])
	if h == nil {
		return 0, 0, false
	}
	for k := range h.list {
		if ph := &h.list[k]; p.matches(toks, i, ph) {
			return i + len(ph.words), ph.value, true
		}
	}
	return 0, 0, false
}

// TestMatchNextWord: Match, which passes over the longer phrases of a
// first word when the next token is the second word of none of them,
// answers as matchRef, for every phrase table of the rule set and every
// list of every language, at every position of the example articles and
// cases and of texts made of the phrases themselves (so that the longer
// phrases do match, in either case for the case-sensitive table); and
// MayOpen, which readEvidence asks before Match, passes every token a
// phrase starts at and turns away some that MayStart passes.
func TestMatchNextWord(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	texts := exampleTexts()
	tables := phraseTables(set)
	var own strings.Builder
	for _, p := range tables {
		for _, list := range p.byFirst {
			for _, ph := range list {
				own.WriteString(strings.Join(ph.words, " ") + " x " + strings.ToUpper(strings.Join(ph.words, " ")) + ". ")
				own.WriteString(ph.words[0] + " " + strings.Join(ph.words, " ") + " " + strings.ToLower(strings.Join(ph.words, " ")) + "\n")
			}
		}
	}
	texts = append(texts, own.String())
	hits, long, narrowed := 0, 0, 0
	for _, text := range texts {
		toks := token.Scan(text, nil)
		for _, p := range tables {
			for i := 0; i <= len(toks); i++ {
				end, v, ok := p.Match(toks, i)
				wend, wv, wok := matchRef(p, toks, i)
				if end != wend || v != wv || ok != wok {
					t.Fatalf("Match at %d (%q): %d %d %v, want %d %d %v", i, toks[i].Text, end, v, ok, wend, wv, wok)
				}
				if i < len(toks) && !p.MayOpen(&toks[i]) {
					if ok {
						t.Fatalf("Match at %d (%q): a phrase starts where MayOpen says none may", i, toks[i].Text)
					}
					if p.MayStart(&toks[i]) {
						narrowed++
					}
				}
				if ok {
					hits++
					if end > i+1 {
						long++
					}
				}
			}
		}
	}
	if hits == 0 || long == 0 || narrowed == 0 {
		t.Fatalf("%d matches, %d of several words, %d words MayOpen turned away past MayStart: the test tests too little", hits, long, narrowed)
	}
	t.Logf("%d matches, %d of several words, %d words MayOpen turned away past MayStart", hits, long, narrowed)
}

// exampleTexts are the example articles and cases under ../testdata.
func exampleTexts() []string {
	var texts []string
	filepath.WalkDir("../testdata", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".txt") || strings.HasSuffix(path, ".txtar")) {
			if b, err := os.ReadFile(path); err == nil {
				texts = append(texts, string(b))
			}
		}
		return nil
	})
	return texts
}

// TestWideFirsts: a table of wideFirsts first words or more keeps them in
// its WideFilter (every one passes it, as written and in capitals), a
// smaller table has none, and the rule set's large tables have one.
func TestWideFirsts(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tables := []*Phrases{set.Triggers, set.AttrWords, set.Participants, set.ClauseWords, set.Counted}
	for _, l := range set.Languages {
		tables = append(tables, l.Qualifiers, l.Future, l.Past, l.Units)
		for _, ph := range l.lists {
			tables = append(tables, ph)
		}
	}
	wide := 0
	for _, p := range tables {
		if (p.wide != nil) != (p.heads.Len() >= wideFirsts) {
			t.Fatalf("%d first words, wide filter %v", p.heads.Len(), p.wide != nil)
		}
		if p.wide == nil {
			continue
		}
		wide++
		for w := range p.byFirst {
			for _, tk := range token.Scan(w+" "+strings.ToUpper(w), nil) {
				if !p.wide.May(&tk) || !p.mayHead(&tk) {
					t.Fatalf("%q: a first word the wide filter turns away", tk.Text)
				}
			}
		}
	}
	if wide == 0 {
		t.Fatal("no table has a wide filter: the test tests nothing")
	}
	for _, p := range []*Phrases{set.Triggers, set.AttrWords, set.Participants} {
		if p.wide == nil {
			t.Errorf("a table of %d first words has no wide filter", p.heads.Len())
		}
	}
}

// namedInRef is NamedIn as it was before its loop asked the case and the
// wide filter itself: Match at every token.
func namedInRef(s *Set, toks []token.Token) []string {
	out := []string{}
	for i := 0; i < len(toks); i++ {
		if end, v, ok := s.Participants.Match(toks, i); ok {
			if id := s.ParticipantIDs[v]; !slices.Contains(out, id) {
				out = append(out, id)
			}
			i = end - 1
		}
	}
	sort.Strings(out)
	return out
}

// TestNamedIn: NamedIn answers as namedInRef on the example articles and
// cases and on a text of the participants' names as written, in lower case
// and in capitals, and finds some participant.
func TestNamedIn(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var own strings.Builder
	for _, list := range set.Participants.byFirst {
		for _, ph := range list {
			name := strings.Join(ph.words, " ")
			own.WriteString(name + " and " + strings.ToLower(name) + ", " + strings.ToUpper(name) + ".\n")
		}
	}
	named := 0
	for _, text := range append(exampleTexts(), own.String()) {
		toks := token.Scan(text, nil)
		got, want := set.NamedIn(toks), namedInRef(set, toks)
		if !slices.Equal(got, want) {
			t.Fatalf("NamedIn: %q, want %q", got, want)
		}
		named += len(got)
	}
	if named == 0 {
		t.Fatal("no participant named anywhere: the test tests nothing")
	}
}
