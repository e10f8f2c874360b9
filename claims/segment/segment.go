// Package segment is the only place crosscheck touches prose/v2, so the NLP
// library can be swapped by rewriting this one package.
//
// Why it does not simply call prose.NewDocument per article: prose builds a
// fresh punkt segmenter inside every NewDocument call (about 13 ms per call,
// measured on this machine — under 1 MB/s), and its tagger/NER run at about
// 0.09 MB/s. So sentences come from prose's own punkt model
// (neurosnap/sentences, the library prose/v2 wraps, with the same English
// training data) loaded once per process. prose's tagger and entity model
// (Entities) are not on crosscheck's path: loading them cost ~0.2 CPU-s
// and ~70 MB, more than the rest of a run over a few articles, so the
// participants of once-only events come from a rule-based name finder
// (claims/extract/names.go). Entities stays for callers who want the
// model, and for the test that measures the finder against it.
//
// Why punkt's decisions are re-implemented here (punkt.go) rather than
// called: the library's DefaultSentenceTokenizer allocates a *Token per
// word next to a sentence mark, lower-cases and re-types each token
// several times, and builds a Sentence per sentence, which held
// segmentation to about 35 MB/s. punkt.go makes the same decisions from
// the same trained parameters (the loaded sentences.Storage: AbbrevTypes,
// Collocations, SentStarters, OrthoContext) over byte offsets, visiting
// only the words around '.', '!' and '?', without allocating. The library
// stays the source of truth: the differential and fuzz tests in
// segment_test.go hold the spans to those of the former implementation
// (reference_test.go), which calls the library's tokenizer.
package segment

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	prose "github.com/jdkato/prose/v2"
	"gopkg.in/neurosnap/sentences.v1/data"
)

// Span is a half-open byte range [Start, End) of the segmented text.
type Span struct{ Start, End int }

var (
	trainOnce sync.Once
	training  *punktModel
	trainErr  error
)

// model returns punkt's English training data, loaded once from the
// embedded compact copy (englishTraining). It is only
// read afterwards, so any number of goroutines may share it.
func model() (*punktModel, error) {
	trainOnce.Do(func() {
		if st, ortho, ok := decodeModel(englishTraining); ok {
			training = newPunktModel(st, ortho)
			return
		}
		// Only a damaged english.punkt comes here (the tests hold it
		// to the library's data): the library's own copy still works.
		b, err := data.Asset("data/english.json")
		if err != nil {
			trainErr = err
			return
		}
		st, err := loadTraining(b)
		if err != nil {
			trainErr = err
			return
		}
		training = newPunktModel(st, orthoFromSet(st.OrthoContext))
	})
	return training, trainErr
}

// Preload loads the model in the background, so that a caller with other
// work to do first (reading its inputs) does not wait for it at the first
// Sentences. Calling it more than once, or never, is fine.
func Preload() { go model() }

// Sentences splits text into sentences. Line breaks always end a sentence
// (news text puts headlines, datelines and paragraphs on lines of their own);
// within a line, punkt decides. Spans exclude surrounding white space.
func Sentences(text string) []Span {
	out := AppendSentences(nil, text)
	if len(out) == 0 {
		return nil
	}
	return out
}

// AppendSentences appends the sentences of text (as Sentences splits it)
// to dst and returns it, so that a caller splitting one text after
// another can keep one slice for all of them.
func AppendSentences(dst []Span, text string) []Span {
	m, err := model()
	// One allocation for a typical article: news sentences average well
	// over 64 bytes.
	if need := len(dst) + len(text)/64 + 1; cap(dst) < need {
		dst = append(make([]Span, 0, need), dst...)
	}
	p := splitter{m: m, marks: newMarks(text), out: dst}
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		plain := plainEdges(text, start, end)
		if plain || !blank(text[start:end]) {
			// A line without a sentence mark is one sentence, as
			// splitLine would find after setting up its scan: told
			// here, it costs a look at the next mark (most lines of
			// a list or a table have none).
			if err == nil && p.marks.next(start) < end {
				p.splitLine(text, start, end)
			} else if plain {
				p.out = append(p.out, Span{start, end}) // nothing to trim
			} else {
				p.out = appendTrimmed(p.out, text, start, end)
			}
		}
		start = end + 1
	}
	return p.out
}

// plainEdges reports whether text[start:end] starts and ends with an
// ASCII byte that is not white space, as most lines do: then it is not
// blank, and appendTrimmed would keep it whole.
func plainEdges(text string, start, end int) bool {
	return start < end && text[start] < utf8.RuneSelf && !isASCIISpace(text[start]) &&
		text[end-1] < utf8.RuneSelf && !isASCIISpace(text[end-1])
}

// splitLine appends the sentences punkt finds in the line text[start:end].
// A line with no sentence mark followed by a space or a quote is one
// sentence, whatever punkt says; so is a line where punkt finds nothing
// but white space.
func (p *splitter) splitLine(text string, start, end int) {
	n := len(p.out)
	p.line, p.base = text[start:end], start
	p.last, p.pos = 0, 0
	p.hasPrev, p.split = false, false
	p.scan()
	if !p.split || len(p.out) == n {
		p.out = appendTrimmed(p.out[:n], text, start, end)
	}
}

// blank reports whether line is all white space, deciding most lines by
// their first byte.
func blank(line string) bool {
	if len(line) > 0 && line[0] < utf8.RuneSelf && !isASCIISpace(line[0]) {
		return false
	}
	return strings.TrimSpace(line) == ""
}

// appendTrimmed appends text[start:end] without surrounding white space,
// read as runes: a span never ends inside a UTF-8 character (testing bytes
// as runes once cut "à" at the end of a line, whose last byte is 0xA0).
func appendTrimmed(out []Span, text string, start, end int) []Span {
	// Most lines start and end with an ASCII byte that is not a space:
	// nothing to decode.
	if plainEdges(text, start, end) {
		return append(out, Span{start, end})
	}
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	if start < end {
		out = append(out, Span{start, end})
	}
	return out
}

// Entity is a named entity found by prose's model.
type Entity struct {
	Text  string
	Label string // PERSON, GPE, ORG, ...
}

var (
	modelOnce sync.Once
	nerModel  *prose.Model
)

// Entities runs prose's tagger and entity recogniser over one short
// fragment (a claim's sentence). The model is loaded on the first call,
// once per process (~0.2 CPU-s, ~70 MB). Never call it over whole
// documents: it runs at about 0.09 MB/s. Extraction does not call it (see
// the package comment).
func Entities(fragment string) []Entity {
	modelOnce.Do(func() {
		d, err := prose.NewDocument("Warm up.", prose.WithSegmentation(false))
		if err == nil {
			nerModel = d.Model
		}
	})
	if nerModel == nil {
		return nil
	}
	d, err := prose.NewDocument(fragment, prose.UsingModel(nerModel), prose.WithSegmentation(false))
	if err != nil {
		return nil
	}
	var out []Entity
	for _, e := range d.Entities() {
		out = append(out, Entity{Text: e.Text, Label: e.Label})
	}
	return out
}
