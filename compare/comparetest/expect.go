package comparetest

import (
	"fmt"
	"strconv"
	"strings"
)

// Expectation categories. The first four are the finding categories of the
// JSON report; the others assert agreements, absences and single claims.
const (
	CatConflict = "conflict"
	CatUpdate   = "update"
	CatInternal = "internal"
	CatPossible = "possible"
	CatAgree    = "agree"
	CatNone     = "none"
	CatUnpaired = "unpaired"
	CatClaim    = "claim"
	CatSyndic   = "syndicated"
)

// Phrase is a piece of claim text to look for, optionally bound to a
// document.
type Phrase struct {
	Doc  string // document id, or "" for any document
	Text string
}

func (p Phrase) String() string {
	q := quote(p.Text)
	if p.Doc != "" {
		return p.Doc + ":" + q
	}
	return q
}

// Expectation is one line of a case's "expect" member.
type Expectation struct {
	Line      int      // 1-based line in the case file
	Source    string   // the line as written, comment removed
	Category  string   // one of the Cat* constants
	Kind      string   // finding or claim kind; "*" or "" for any
	Attribute string   // "*" or "" for any
	Doc       string   // claim: the document id ("*" for any)
	Docs      []string // syndicated: the documents counted as one source
	// Groups are the phrases split at "<>". Without "<>" there is one group
	// whose phrases may be found on any side.
	Groups   [][]Phrase
	Value    string
	HasValue bool
}

// Phrases returns every phrase of every group.
func (e *Expectation) Phrases() []Phrase {
	var out []Phrase
	for _, g := range e.Groups {
		out = append(out, g...)
	}
	return out
}

// IsFinding reports whether the expectation names a finding, i.e. takes
// part in the one-to-one pairing with the report's discrepancies.
func (e *Expectation) IsFinding() bool {
	switch e.Category {
	case CatConflict, CatUpdate, CatInternal, CatPossible:
		return true
	}
	return false
}

func (e *Expectation) String() string { return e.Source }

// token kinds of an expectation line.
const (
	tokWord   = iota // bare word: category, kind, attribute, document, value
	tokPhrase        // quoted string, possibly with a document prefix
	tokSides         // <>
	tokEquals        // =
)

type token struct {
	kind   int
	text   string
	phrase Phrase
}

// lexLine splits one expectation line into tokens and drops a trailing
// comment. It returns the line without its comment for messages.
func lexLine(line string) ([]token, string, error) {
	var toks []token
	i := 0
	for i < len(line) {
		c := line[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#':
			return toks, strings.TrimSpace(line[:i]), nil
		case strings.HasPrefix(line[i:], "<>"):
			// "<>" needs no spaces around it: "a"<>"b".
			toks = append(toks, token{kind: tokSides, text: "<>"})
			i += 2
		case c == '"' || c == '`':
			s, n, err := lexQuoted(line[i:])
			if err != nil {
				return nil, "", err
			}
			toks = append(toks, token{kind: tokPhrase, phrase: Phrase{Text: s}})
			i += n
		default:
			j := i
			for j < len(line) && !strings.ContainsRune(" \t\r\"`", rune(line[j])) && !strings.HasPrefix(line[j:], "<>") {
				j++
			}
			w := line[i:j]
			i = j
			// A document prefix: 002:"di 2025".
			if strings.HasSuffix(w, ":") && i < len(line) && (line[i] == '"' || line[i] == '`') {
				s, n, err := lexQuoted(line[i:])
				if err != nil {
					return nil, "", err
				}
				if len(w) == 1 {
					return nil, "", fmt.Errorf("empty document id before %s", quote(s))
				}
				toks = append(toks, token{kind: tokPhrase, phrase: Phrase{Doc: w[:len(w)-1], Text: s}})
				i += n
				continue
			}
			switch w {
			case "=":
				toks = append(toks, token{kind: tokEquals, text: w})
			default:
				toks = append(toks, token{kind: tokWord, text: w})
			}
		}
	}
	return toks, strings.TrimSpace(line), nil
}

// lexQuoted reads a Go-quoted or raw string at the start of s and returns
// its value and length.
func lexQuoted(s string) (string, int, error) {
	q := s[0]
	for i := 1; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case s[i] == q:
			v, err := strconv.Unquote(s[:i+1])
			if err != nil {
				return "", 0, fmt.Errorf("bad quoted phrase %s: %v", s[:i+1], err)
			}
			if strings.TrimSpace(v) == "" {
				return "", 0, fmt.Errorf("empty phrase %s", s[:i+1])
			}
			return v, i + 1, nil
		}
	}
	return "", 0, fmt.Errorf("unterminated phrase %s", s)
}

// parseExpectation parses one non-blank, non-comment line.
func parseExpectation(line string, lineNo int) (*Expectation, error) {
	toks, src, err := lexLine(line)
	if err != nil {
		return nil, err
	}
	if len(toks) == 0 {
		return nil, nil
	}
	if toks[0].kind != tokWord {
		return nil, fmt.Errorf("line must start with a category (%s)", categoryList)
	}
	e := &Expectation{Line: lineNo, Source: src, Category: toks[0].text}
	rest := toks[1:]
	words, rest := leadingWords(rest)
	switch e.Category {
	case CatConflict, CatUpdate, CatInternal, CatPossible:
		switch len(words) {
		case 1:
			e.Kind = words[0]
		case 2:
			e.Kind, e.Attribute = words[0], words[1]
		case 0:
			return nil, fmt.Errorf("%s: want a kind (date, count, weekday-mismatch, ... or *) before the phrases", e.Category)
		default:
			return nil, fmt.Errorf("%s: want KIND [ATTRIBUTE] then quoted phrases, got %d bare words (%s); quote the phrases", e.Category, len(words), strings.Join(words, " "))
		}
		if err := e.parseGroups(rest, true); err != nil {
			return nil, err
		}
	case CatAgree:
		if len(words) != 1 {
			return nil, fmt.Errorf("agree: want one ATTRIBUTE (or *) then quoted phrases")
		}
		e.Attribute = words[0]
		if rest, err = e.parseValue(rest); err != nil {
			return nil, err
		}
		if err := e.parseGroups(rest, false); err != nil {
			return nil, err
		}
	case CatNone, CatUnpaired:
		if len(words) != 0 {
			return nil, fmt.Errorf("%s: want only quoted phrases, got %q", e.Category, words[0])
		}
		if err := e.parseGroups(rest, false); err != nil {
			return nil, err
		}
	case CatClaim:
		switch len(words) {
		case 2:
			e.Kind, e.Doc = words[0], words[1]
		case 3:
			e.Kind, e.Attribute, e.Doc = words[0], words[1], words[2]
		default:
			return nil, fmt.Errorf("claim: want KIND [ATTRIBUTE] DOC \"phrase\" [= VALUE] (DOC may be *)")
		}
		if rest, err = e.parseValue(rest); err != nil {
			return nil, err
		}
		if err := e.parseGroups(rest, false); err != nil {
			return nil, err
		}
		if len(e.Groups[0]) != 1 {
			return nil, fmt.Errorf("claim: want exactly one phrase")
		}
		if p := e.Groups[0][0]; p.Doc != "" {
			return nil, fmt.Errorf("claim: give the document as a field, not as a prefix of the phrase")
		}
	case CatSyndic:
		if len(words) < 2 || len(rest) > 0 {
			return nil, fmt.Errorf("syndicated: want two or more document ids (bare words)")
		}
		e.Docs = words
	default:
		return nil, fmt.Errorf("unknown category %q (want %s)", e.Category, categoryList)
	}
	return e, nil
}

const categoryList = "conflict, update, internal, possible, agree, none, unpaired, claim or syndicated"

func leadingWords(toks []token) ([]string, []token) {
	var ws []string
	for len(toks) > 0 && toks[0].kind == tokWord {
		ws = append(ws, toks[0].text)
		toks = toks[1:]
	}
	return ws, toks
}

// parseValue takes a trailing "= VALUE" off toks.
func (e *Expectation) parseValue(toks []token) ([]token, error) {
	for i, t := range toks {
		if t.kind != tokEquals {
			continue
		}
		if i != len(toks)-2 || (toks[i+1].kind != tokWord && toks[i+1].kind != tokPhrase) {
			return nil, fmt.Errorf("%s: want one value after \"=\", at the end of the line", e.Category)
		}
		e.HasValue = true
		e.Value = toks[i+1].text
		if toks[i+1].kind == tokPhrase {
			e.Value = toks[i+1].phrase.Text
		}
		return toks[:i], nil
	}
	return toks, nil
}

// parseGroups reads phrases separated by "<>" (only when sides is set).
func (e *Expectation) parseGroups(toks []token, sides bool) error {
	g := []Phrase{}
	for _, t := range toks {
		switch t.kind {
		case tokPhrase:
			g = append(g, t.phrase)
		case tokSides:
			if !sides {
				return fmt.Errorf("%s: \"<>\" only separates the sides of a finding", e.Category)
			}
			if len(g) == 0 {
				return fmt.Errorf("%s: no phrase before \"<>\"", e.Category)
			}
			e.Groups = append(e.Groups, g)
			g = []Phrase{}
		case tokEquals:
			return fmt.Errorf("%s: \"=\" VALUE is only for agree and claim lines", e.Category)
		default:
			return fmt.Errorf("%s: unexpected bare word %q among the phrases; quote it", e.Category, t.text)
		}
	}
	if len(g) == 0 {
		if len(e.Groups) > 0 {
			return fmt.Errorf("%s: no phrase after \"<>\"", e.Category)
		}
		return fmt.Errorf("%s: want at least one quoted phrase", e.Category)
	}
	e.Groups = append(e.Groups, g)
	return nil
}

// parseExpectations parses the "expect" member, whose first line is line
// first of the case file.
func parseExpectations(path string, data []byte, first int) ([]*Expectation, error) {
	var out []*Expectation
	for i, line := range strings.Split(string(data), "\n") {
		e, err := parseExpectation(line, first+i)
		if err != nil {
			return nil, &Error{Path: path, Line: first + i, Msg: err.Error()}
		}
		if e != nil {
			out = append(out, e)
		}
	}
	return out, nil
}

// quote writes a phrase the way the expectation syntax reads it back.
func quote(s string) string {
	if strings.ContainsAny(s, "\"\\") && !strings.Contains(s, "`") && strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}
