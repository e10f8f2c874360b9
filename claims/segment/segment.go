// Package segment is the only place crosscheck touches prose/v2, so the NLP
// library can be swapped by rewriting this one file.
//
// Why it does not simply call prose.NewDocument per article: prose builds a
// fresh punkt segmenter inside every NewDocument call (about 13 ms per call,
// measured on this machine — under 1 MB/s), and its tagger/NER run at about
// 0.09 MB/s. So sentences come from prose's own punkt engine
// (neurosnap/sentences, the library prose/v2 wraps, with the same English
// training data) built once per process, and prose's tagger and entity model
// are loaded once and used only on the few sentences that carry claims.
package segment

import (
	"strings"
	"sync"
	"unicode"

	prose "github.com/jdkato/prose/v2"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
)

// Span is a half-open byte range [Start, End) of the segmented text.
type Span struct{ Start, End int }

var (
	punktOnce sync.Once
	punkt     *sentences.DefaultSentenceTokenizer
	punktErr  error
)

func tokenizer() (*sentences.DefaultSentenceTokenizer, error) {
	punktOnce.Do(func() {
		b, err := data.Asset("data/english.json")
		if err != nil {
			punktErr = err
			return
		}
		st, err := sentences.LoadTraining(b)
		if err != nil {
			punktErr = err
			return
		}
		punkt = sentences.NewSentenceTokenizer(st)
	})
	return punkt, punktErr
}

// Sentences splits text into sentences. Line breaks always end a sentence
// (news text puts headlines, datelines and paragraphs on lines of their own);
// within a line, punkt decides. Spans exclude surrounding white space.
func Sentences(text string) []Span {
	tk, err := tokenizer()
	var out []Span
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		if strings.TrimSpace(line) != "" {
			if err != nil || !needsSplit(line) {
				out = appendTrimmed(out, text, start, end)
			} else {
				out = splitLine(out, tk, text, start, end)
			}
		}
		start = end + 1
	}
	return out
}

// needsSplit is a cheap pre-check: a line with no sentence-ending mark
// followed by a space has one sentence, and punkt need not run.
func needsSplit(line string) bool {
	for i := 0; i+1 < len(line); i++ {
		switch line[i] {
		case '.', '!', '?':
			if line[i+1] == ' ' || line[i+1] == '"' || line[i+1] == '\'' {
				return true
			}
		}
	}
	return false
}

func splitLine(out []Span, tk *sentences.DefaultSentenceTokenizer, text string, start, end int) []Span {
	line := text[start:end]
	pos := 0
	for _, s := range tk.Tokenize(line) {
		st := strings.TrimSpace(s.Text)
		if st == "" {
			continue
		}
		// punkt's offsets refer to its own view of the text; find the
		// sentence in the line from where the last one ended so the spans
		// are exact byte offsets of the input.
		i := strings.Index(line[pos:], st)
		if i < 0 {
			continue
		}
		out = append(out, Span{start + pos + i, start + pos + i + len(st)})
		pos += i + len(st)
	}
	if len(out) == 0 || out[len(out)-1].End < start {
		out = appendTrimmed(out, text, start, end)
	}
	return out
}

func appendTrimmed(out []Span, text string, start, end int) []Span {
	for start < end && unicode.IsSpace(rune(text[start])) {
		start++
	}
	for end > start && unicode.IsSpace(rune(text[end-1])) {
		end--
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
	model     *prose.Model
)

// Entities runs prose's tagger and entity recogniser over one short
// fragment (a claim's sentence). The model is loaded once per process.
// Never call it over whole documents: it runs at about 0.09 MB/s.
func Entities(fragment string) []Entity {
	modelOnce.Do(func() {
		d, err := prose.NewDocument("Warm up.", prose.WithSegmentation(false))
		if err == nil {
			model = d.Model
		}
	})
	if model == nil {
		return nil
	}
	d, err := prose.NewDocument(fragment, prose.UsingModel(model), prose.WithSegmentation(false))
	if err != nil {
		return nil
	}
	var out []Entity
	for _, e := range d.Entities() {
		out = append(out, Entity{Text: e.Text, Label: e.Label})
	}
	return out
}
