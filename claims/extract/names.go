package extract

import (
	"strings"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// The proper-name finder: who takes part in a once-only event (a pact) when
// the alias table does not name both sides. It reads runs of capitalised
// words over the sentence's tokens, with no model to load: prose's tagger
// and entity recogniser, which did this before, cost ~0.2 CPU-s and ~70 MB
// to load, several times the rest of a run over a few articles.
//
// Everything language-specific comes from the language file's lists:
//
//	name_titles   titles and roles before a name, never part of it ("President", "Menteri")
//	name_joiners  lower-case words inside a name ("Bank of America", "bin")
//	name_and      coordinators: "Pertamina dan Shell" names both
//	not_names     capitalised words that name nothing ("The", "Under", "Namun")
//
// Every language file names them (rules.RequiredLists); [] switches a part
// off. Month, weekday and time zone names come from the language's own
// tables, and tokens a claim has used (its date, its figure and unit) are
// never names.

// nameSeg is a run of name words, tokens [start, end), before joining.
type nameSeg struct {
	start, end int
	words      int  // name words (an alias counts as one)
	known      bool // holds a name from the alias table
	initial    bool // opens the sentence, a quotation or what follows a colon
	coord      bool // a coordinator and another name follow it
	joinTo     int  // the token a joiner after it leads to, or -1
}

// nameSpan is a proper name: tokens [start, end).
type nameSpan struct{ start, end int }

// titleCaseShare is the share of capitalised content words above which a
// sentence is taken for a title-case headline ("Kmart To Buy Sears In
// Merger Deal"), whose capitals say nothing: only the alias table's names
// count in it. titleCaseMin is the fewest content words that makes one.
const (
	titleCaseShare = 0.75
	titleCaseMin   = 4
)

// nameReach is how far (bytes, each way) nameElsewhere looks for a
// sentence-opening word written as a name elsewhere: more than a news
// article, and a bound on the work per sentence in a long text.
const nameReach = 16 << 10

// nameHits is how many occurrences of the word nameElsewhere looks at.
const nameHits = 32

// properNames returns the proper names of the sentence of tokens [a, b), in
// order. A name is a run of capitalised words (an alias-table name is one
// word, whatever it holds: "Workers' Party of Korea"), joined across a
// glued hyphen or "&" ("Bangsa-Bangsa", "AT&T"), an initial's full stop
// ("George W. Bush") and a joiner after a one-word run ("Bank of Japan").
// Month and weekday names, time zones, titles, not_names, tokens a claim
// has used and a dateline's place break runs. A single unknown word opening the
// sentence (or a quotation, or what follows a colon) is not a name — every
// sentence opens with a capital — unless the alias table knows it or a
// coordinator joins it to a name ("Pertamina dan Shell"). In a title-case
// sentence only the alias table's names count.
func (p *Pass) properNames(a, b int) []nameSpan {
	b = min(b, len(p.Toks))
	if a >= b {
		return nil
	}
	l := p.Lang
	var notNames map[string]bool
	if l != nil {
		notNames = l.WordSet(rules.ListNotNames)
	}
	titleCase := p.titleCase(a, b, notNames)
	var segs []nameSeg
	cur := nameSeg{start: -1, joinTo: -1}
	flush := func() {
		if cur.start >= 0 {
			segs = append(segs, cur)
		}
		cur = nameSeg{start: -1, joinTo: -1}
	}
	initialAt := p.firstWord(a, b)
	for k := a; k < b; {
		t := &p.Toks[k]
		if cur.start >= 0 && t.Is(token.NewlineBefore) {
			flush()
		}
		// An alias-table name is one name word.
		if end, _, ok := p.Rules.Participants.Match(p.Toks, k); ok && end <= b && !datelinePlace(p.Toks, k) {
			p.extendSeg(&cur, k, end, k == initialAt || p.opensQuote(a, k))
			cur.known = true
			k = end
			continue
		}
		if p.nameWord(k, b, notNames) {
			p.extendSeg(&cur, k, k+1, k == initialAt || p.opensQuote(a, k))
			k++
			continue
		}
		if cur.start >= 0 {
			if n, ok := p.nameGlue(k, b, notNames); ok {
				cur.end = n // the glue; the next word extends the run
				k = n
				continue
			}
			if p.initialStop(k) {
				cur.end = k + 1 // "N.Y.", "U.K.": the initial's full stop ends the run
				k++
				flush()
				continue
			}
		}
		if cur.start >= 0 && l != nil {
			// A joiner between two runs, merged below if both are kept.
			// Only after a one-word run ("Bank of Japan", "University of
			// ..."): after two words it is a person's place ("Anna Lind
			// of Valdor Bank"). Not before an alias-table name: "King
			// Hussein of Jordan" names the country, which a pact is about.
			if end, _, ok := l.List(rules.ListNameJoiners).Match(p.Toks, k); ok && end < b && cur.words == 1 && !p.Toks[k].Is(token.Capital) &&
				p.nameWord(end, b, notNames) && !p.Rules.Participants.Has(p.Toks, end) {
				cur.joinTo = end
				flush()
				k = end
				continue
			}
			// "Pertamina dan Shell".
			if end, _, ok := l.List(rules.ListNameAnd).Match(p.Toks, k); ok && end < b && p.startsName(end, b, notNames) {
				cur.coord = true
			}
		}
		flush()
		// A title's words break the run and are skipped whole ("Prime
		// Minister").
		if l != nil {
			if end, _, ok := l.List(rules.ListNameTitles).Match(p.Toks, k); ok && end <= b {
				k = end
				continue
			}
		}
		k++
	}
	flush()
	// Keep, then join.
	keep := make([]bool, len(segs))
	for i, s := range segs {
		switch {
		case titleCase:
			keep[i] = s.known
		case s.initial && s.words == 1 && !s.known:
			keep[i] = s.coord || p.nameElsewhere(s.start)
		case !s.known && p.letters(s) <= 1:
			keep[i] = false // "T" of "AT and T", a stray initial
		default:
			keep[i] = true
		}
	}
	var out []nameSpan
	for i := 0; i < len(segs); i++ {
		if !keep[i] {
			continue
		}
		sp := nameSpan{segs[i].start, segs[i].end}
		for i+1 < len(segs) && segs[i].joinTo == segs[i+1].start && keep[i+1] {
			i++
			sp.end = segs[i].end
		}
		out = append(out, sp)
	}
	return out
}

// letters returns the number of letters in a run's words (at most 2).
func (p *Pass) letters(s nameSeg) int {
	n := 0
	for k := s.start; k < s.end && n < 2; k++ {
		if p.Toks[k].Kind == token.Word {
			n += min(2, len([]rune(p.Toks[k].Text)))
		}
	}
	return n
}

// nameElsewhere reports whether the word at token k, which opens its
// sentence, is written with its capital after a lower-case word within
// nameReach of it ("Lampert said ..." after "said Lampert"): a name, then,
// not a capital every sentence has. Headlines do not count ("Kmart Shares
// Soar"): there the word before is capitalised too. It looks at no more
// than nameHits occurrences, so that a text repeating the word at every
// sentence's start costs little.
func (p *Pass) nameElsewhere(k int) bool {
	w := p.Toks[k].Text
	text := p.Doc.Text
	lo, hi := max(0, p.Toks[k].Start-nameReach), min(len(text), p.Toks[k].End+nameReach)
	j := p.tokenAt(lo) // walks forward with the occurrences
	for off, hits := lo, 0; off < hi && hits < nameHits; hits++ {
		i := strings.Index(text[off:hi], w)
		if i < 0 {
			return false
		}
		at := off + i
		off = at + len(w)
		for j < len(p.Toks) && p.Toks[j].Start < at {
			j++
		}
		if j == 0 || j == k || j >= len(p.Toks) || p.Toks[j].Start != at || p.Toks[j].Text != w {
			continue // the word itself, or not a whole word
		}
		if prev := &p.Toks[j-1]; !p.Toks[j].Is(token.NewlineBefore) && prev.Kind == token.Word && !prev.Is(token.Capital) {
			return true
		}
	}
	return false
}

// extendSeg adds tokens [k, end) to the run at hand, starting one when there
// is none.
func (p *Pass) extendSeg(cur *nameSeg, k, end int, initial bool) {
	if cur.start < 0 {
		cur.start, cur.initial = k, initial
	}
	cur.end = end
	cur.words++
}

// nameWord reports whether token k can be a word of a name: a capitalised
// word that no claim used, not a month or weekday name, a time zone, a
// title, one of the language's not_names or a dateline's place. (Units are
// not left out: "C&G", "Sterling Heights"; a unit written with a figure
// belongs to the figure's claim, so its token is blocked already.)
func (p *Pass) nameWord(k, b int, notNames map[string]bool) bool {
	t := &p.Toks[k]
	if t.Kind != token.Word || !t.Is(token.Capital) || p.blocked[k] || datelinePlace(p.Toks, k) {
		return false
	}
	if notNames[t.Lower] && !t.Is(token.AllCaps) { // "AT and T", "IT"
		return false
	}
	if l := p.Lang; l != nil {
		if _, abbrev, ok := l.MonthAt(t); ok && (!abbrev || p.fullStopAfter(k, b)) {
			return false
		}
		if _, abbrev, ok := l.WeekdayAt(t); ok && (!abbrev || p.fullStopAfter(k, b)) {
			return false
		}
		for _, z := range l.Zones {
			if z.Name == t.Lower {
				return false // "EDT", "WIB"
			}
		}
		if l.List(rules.ListNameTitles).Has(p.Toks, k) {
			return false
		}
	}
	return true
}

// startsName reports whether a name begins at token k: an alias-table name
// or a name word.
func (p *Pass) startsName(k, b int, notNames map[string]bool) bool {
	if k >= b || p.Toks[k].Is(token.NewlineBefore) {
		return false
	}
	if end, _, ok := p.Rules.Participants.Match(p.Toks, k); ok && end <= b {
		return true
	}
	return p.nameWord(k, b, notNames)
}

// nameGlue reports whether token k, right after a name word, glues the run
// to the name word that follows it, and returns the token after the glue: a
// hyphen between glued words ("Bangsa-Bangsa"), "&" ("AT&T", "Johnson &
// Johnson"), or the full stop after an initial ("W. Bush", "J.P. Morgan").
func (p *Pass) nameGlue(k, b int, notNames map[string]bool) (int, bool) {
	t := &p.Toks[k]
	if t.Kind != token.Punct || k+1 >= b || t.Is(token.NewlineBefore) {
		return 0, false
	}
	prev := &p.Toks[k-1]
	switch t.Text {
	case "-", "‐":
		if !t.Glued() || !p.Toks[k+1].Glued() {
			return 0, false
		}
	case "&":
	case ".":
		if !t.Glued() || prev.Kind != token.Word || len(prev.Text) != 1 {
			return 0, false
		}
	default:
		return 0, false
	}
	if !p.startsName(k+1, b, notNames) {
		return 0, false
	}
	return k + 1, true
}

// initialStop reports whether token k is the full stop of an initial: glued
// to a one-letter capital word ("N.Y.", "George W.").
func (p *Pass) initialStop(k int) bool {
	prev := &p.Toks[k-1]
	return p.Toks[k].Text == "." && p.Toks[k].Glued() && prev.Kind == token.Word && prev.Is(token.Capital) && len(prev.Text) == 1
}

// fullStopAfter reports a "." glued to token k, as after "Wed." or "Dec.".
func (p *Pass) fullStopAfter(k, b int) bool {
	return k+1 < b && p.Toks[k+1].Text == "." && p.Toks[k+1].Glued()
}

// firstWord returns the sentence's first word, past opening punctuation
// (quotes, dashes), or -1.
func (p *Pass) firstWord(a, b int) int {
	for k := a; k < b; k++ {
		if p.Toks[k].Kind != token.Punct {
			return k
		}
	}
	return -1
}

// opensQuote reports whether token k opens a quotation, follows a colon or
// the dash that ends a dateline, where a capital says nothing more than at
// a sentence's start: `said: "Under the pact ...`.
func (p *Pass) opensQuote(a, k int) bool {
	if k <= a {
		return false
	}
	switch p.Toks[k-1].Text {
	case ":", "“", "‘", "«":
		return true
	case "\"", "'":
		// A straight quote opens a quotation when a space (or the
		// sentence's start) stands before it and none after.
		return p.Toks[k].Glued() && (k-1 == a || !p.Toks[k-1].Glued())
	case "-", "–", "—", "_":
		// The sentence proper after a dateline: "JAKARTA, Senin
		// (30/12/2024) - Kim ...", "CANBERRA, Australia (AP)_ Turning ...".
		return k-2 >= a && p.Toks[k-2].Text == ")"
	}
	return false
}

// titleCase reports a headline in title case or upper case: a sentence that
// is a whole line, with no full stop at its end, whose content words are
// nearly all capitalised. (A sentence of a paragraph can be as capitalised:
// "Kepala Pusat Data ... Badan Nasional Penanggulangan Bencana ...
// mengatakan ...", an official's title and office in full.)
func (p *Pass) titleCase(a, b int, notNames map[string]bool) bool {
	text := p.Doc.Text
	if s := p.Toks[a].Start; s > 0 && !p.Toks[a].Is(token.NewlineBefore) {
		return false
	}
	if e := p.Toks[b-1].End; e < len(text) && text[e] != '\n' && text[e] != '\r' {
		return false
	}
	switch p.Toks[b-1].Text {
	case ".", "!", "?":
		return false
	}
	content, capital := 0, 0
	for k := a; k < b; k++ {
		t := &p.Toks[k]
		if t.Kind != token.Word || notNames[t.Lower] || p.Lang != nil && p.Lang.List(rules.ListNameJoiners).Has(p.Toks, k) {
			continue
		}
		content++
		if t.Is(token.Capital) {
			capital++
		}
	}
	return content >= titleCaseMin && float64(capital) >= titleCaseShare*float64(content)
}

// nameIDs gives each name its participant id: the alias table's id when the
// name starts with one of its names (as "United States Congress" is the
// United States), else the name's words in lower case.
func (p *Pass) nameIDs(names []nameSpan) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if end, v, ok := p.Rules.Participants.Match(p.Toks, n.start); ok && end <= n.end {
			out = append(out, p.Rules.ParticipantIDs[v])
			continue
		}
		text := p.Doc.Text[p.Toks[n.start].Start:p.Toks[n.end-1].End]
		out = append(out, strings.ToLower(strings.Join(strings.Fields(text), " ")))
	}
	return out
}
