package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/claims/token"
)

// token classes a pattern can start with
const (
	classNumber = iota
	classMonth
	classWeekday
	classNumWord
	classOrdWord
	nClasses
)

// Index finds the patterns that can start at a token with one map lookup,
// so that matching costs nothing at the vast majority of tokens.
type Index struct {
	lang    *Language
	pats    []*Pattern
	byWord  map[string][]int
	byClass [nClasses][]int
}

// NewIndex indexes patterns in priority order (earlier wins ties).
func NewIndex(l *Language, groups ...[]*Pattern) *Index {
	x := &Index{lang: l, byWord: map[string][]int{}}
	for _, g := range groups {
		for _, p := range g {
			id := len(x.pats)
			x.pats = append(x.pats, p)
			words, classes := p.firstKeys()
			for _, w := range words {
				x.byWord[w] = append(x.byWord[w], id)
			}
			for _, c := range classes {
				x.byClass[c] = append(x.byClass[c], id)
			}
		}
	}
	return x
}

func (p *Pattern) firstKeys() (words []string, classes []int) {
	for _, pt := range p.parts {
		switch pt.kind {
		case partLit:
			for w := range pt.lit.byFirst {
				words = append(words, w)
			}
		case partList:
			for w := range pt.list.byFirst {
				words = append(words, w)
			}
		case partSlot:
			switch pt.slot {
			case slotMonth, slotMonthName:
				classes = append(classes, classMonth)
			case slotWeekday, slotWeekdayName:
				classes = append(classes, classWeekday)
			case slotNum:
				classes = append(classes, classNumber, classNumWord)
			case slotOrdinal:
				classes = append(classes, classNumber, classOrdWord)
			case slotQ:
				words = append(words, "q1", "q2", "q3", "q4", "h1", "h2")
			case slotMonthDay:
				for w := range p.Lang.months {
					for d := 1; d <= 31; d++ {
						words = append(words, fmt.Sprintf("%s%d", w, d))
					}
				}
			case slotTHour:
				for h := 0; h <= 24; h++ {
					words = append(words, fmt.Sprintf("t%d", h), fmt.Sprintf("t%02d", h))
				}
			case slotRoman:
				for r := range romanOrdinals {
					words = append(words, strings.ToLower(r))
				}
			case slotSeason:
				for w := range p.Lang.seasons {
					words = append(words, w)
				}
			case slotA:
				for w, nw := range p.Lang.numWords {
					if nw.kind == nwOne {
						words = append(words, w)
					}
				}
			case slotOffset:
				for w := range p.Lang.offsets {
					words = append(words, w)
				}
			case slotPart:
				for w := range p.Lang.parts.byFirst {
					words = append(words, w)
				}
			default:
				classes = append(classes, classNumber)
			}
		}
		if !pt.optional {
			break
		}
	}
	return words, classes
}

// Match is a pattern match.
type Match struct {
	Pattern *Pattern
	Start   int // token index
	End     int // token index after the match
	Caps    Captures
}

// Longest tries every pattern that can start at toks[i] and returns the
// longest match; among equally long ones, the earliest-listed pattern.
func (x *Index) Longest(toks []token.Token, i int) (Match, bool) {
	return x.LongestAccepted(toks, i, nil)
}

// LongestAccepted is Longest among the matches accept keeps (it may also
// shorten a match by lowering End): a rejected long match does not hide a
// shorter good one ("tonight" in "tonight at 1am").
func (x *Index) LongestAccepted(toks []token.Token, i int, accept func(*Match) bool) (Match, bool) {
	t := &toks[i]
	var cand [16]int
	ids := cand[:0]
	add := func(list []int) { ids = append(ids, list...) }
	if t.Kind == token.Number || t.Kind == token.Punct && (t.Text == "-" || t.Text == "−" || vulgarFractions[t.Text] > 0) {
		add(x.byClass[classNumber])
	}
	if t.Kind != token.Number {
		add(x.byWord[t.Lower])
		if t.Kind == token.Word {
			l := x.lang
			if _, ok := l.months[t.Lower]; ok {
				add(x.byClass[classMonth])
			}
			if _, ok := l.weekdays[t.Lower]; ok {
				add(x.byClass[classWeekday])
			}
			if l.IsNumberWord(t.Lower) {
				add(x.byClass[classNumWord])
			}
			if _, ok := l.ordinals[t.Lower]; ok || l.ordinalPrefix[t.Lower] {
				add(x.byClass[classOrdWord])
			}
		}
	}
	if len(ids) == 0 {
		return Match{}, false
	}
	sort.Ints(ids)
	best := Match{}
	found := false
	for k, id := range ids {
		if k > 0 && ids[k-1] == id {
			continue
		}
		p := x.pats[id]
		end, c, ok := p.Match(toks, i)
		if !ok || end <= best.End {
			continue
		}
		m := Match{Pattern: p, Start: i, End: end, Caps: c}
		if accept != nil && !accept(&m) {
			continue
		}
		if m.End > best.End {
			best = m
			found = true
		}
	}
	return best, found
}
