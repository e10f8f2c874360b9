package corpusgen

import (
	"fmt"
	"sort"
	"strings"
)

// Finding is what Score needs of a crosscheck finding; callers convert
// compare.Finding to it (this package does not import compare, so that
// compare's own tests can use the generator).
type Finding struct {
	ID        string
	Kind      string // claim kind, or the internal check ("weekday-mismatch")
	Category  string // "conflict", "possible", "update", "internal"
	Attribute string
	Sides     [][]string // document ids per side
}

// Score compares findings with the injected truth.
type Score struct {
	Injected, Found int      // injected discrepancies and how many were reported
	Reported        int      // conflict, possible and internal findings
	Matched         int      // reported findings that match an injection
	Updates         int      // update findings (expected where the toll grows)
	Missed          []string // the injections not found, in words
	False           []string // reported findings matching no injection
}

// Recall is Found/Injected.
func (s Score) Recall() float64 { return ratio(s.Found, s.Injected) }

// Precision is Matched/Reported.
func (s Score) Precision() float64 { return ratio(s.Matched, s.Reported) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s Score) String() string {
	return fmt.Sprintf("recall %d/%d = %.3f, precision %d/%d = %.3f, updates %d", s.Found, s.Injected, s.Recall(), s.Matched, s.Reported, s.Precision(), s.Updates)
}

// Score matches findings against the corpus's injected discrepancies. A
// cross-source injection is found by a conflict or possible finding on its
// attribute with the odd article on one side and one of the others on
// another, or by an internal finding on the odd article for that attribute;
// a weekday mismatch by an internal finding on the odd article.
// An update finding for an injected figure counts as missed: the sources
// were published the same day, so nothing was revised.
func (c *Corpus) Score(fs []Finding) Score {
	var sc Score
	sc.Injected = len(c.Discrepancies)
	used := make([]bool, len(fs))
	for _, d := range c.Discrepancies {
		hit := false
		for i, f := range fs {
			if d.matches(f) {
				hit = true
				used[i] = true
			}
		}
		if hit {
			sc.Found++
		} else {
			sc.Missed = append(sc.Missed, fmt.Sprintf("story %d %s %s: %s says %s, others %s", d.Story, d.Kind, d.Attribute, d.Odd, d.Got, d.Want))
		}
	}
	for i, f := range fs {
		if f.Category == "update" {
			sc.Updates++
			continue
		}
		sc.Reported++
		if used[i] {
			sc.Matched++
			continue
		}
		var sides []string
		for _, s := range f.Sides {
			sides = append(sides, strings.Join(s, ","))
		}
		sc.False = append(sc.False, fmt.Sprintf("%s %s %s %s [%s]", f.ID, f.Category, f.Kind, f.Attribute, strings.Join(sides, " | ")))
	}
	sort.Strings(sc.False)
	return sc
}

func (d Discrepancy) matches(f Finding) bool {
	if d.Kind == "weekday-mismatch" {
		return f.Kind == "weekday-mismatch" && len(f.Sides) > 0 && contains(f.Sides[0], d.Odd)
	}
	if f.Attribute != d.Attribute {
		return false
	}
	if f.Category == "internal" {
		// The odd article contradicting itself over the injected figure
		// (a changed "five-day" beside the story's own dates) is the
		// injection caught from the other side.
		return len(f.Sides) > 0 && contains(f.Sides[0], d.Odd)
	}
	if f.Category != "conflict" && f.Category != "possible" {
		return false
	}
	oddSide := -1
	for i, s := range f.Sides {
		if contains(s, d.Odd) {
			oddSide = i
		}
	}
	if oddSide < 0 {
		return false
	}
	for i, s := range f.Sides {
		if i == oddSide {
			continue
		}
		for _, o := range d.Others {
			if contains(s, o) {
				return true
			}
		}
	}
	return false
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
