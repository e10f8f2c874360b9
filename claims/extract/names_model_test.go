package extract

import (
	"flag"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/segment"
	"github.com/crosscheck/crosscheck/claims/token"
)

var namesVsModel = flag.Bool("names-vs-model", false, "TestNamesAgainstModel: compare the name finder with prose's entity model on real news in ../shared (slow: loads the model, which runs at ~0.09 MB/s)")

// modelIDs is what entityParticipants gave before the name finder: prose's
// people, places and organisations in the sentence, as alias ids or lower
// case.
func modelIDs(p *Pass, sentence string) []string {
	var out []string
	for _, e := range segment.Entities(sentence) {
		if e.Label != "GPE" && e.Label != "PERSON" && e.Label != "ORGANIZATION" && e.Label != "ORG" {
			continue
		}
		id := strings.ToLower(strings.Join(strings.Fields(e.Text), " "))
		if toks := token.Scan(e.Text, nil); len(toks) > 0 {
			if _, v, ok := p.Rules.Participants.Match(toks, 0); ok {
				id = p.Rules.ParticipantIDs[v]
			}
		}
		out = append(out, id)
	}
	return out
}

// TestNamesAgainstModel measures the name finder against prose's entity
// model, which it replaced, on real news: every sentence of ../shared's
// corpora, seeds and TimeML articles (TimeBank, AQUAINT) that holds a claim
// and evokes a frame — the sentences entityParticipants could be asked
// about. It counts sentences where both give the same participants, and the
// names only one of them finds; -v lists the differences.
//
//	go test ./claims/extract -run TestNamesAgainstModel -names-vs-model -v
//
// When the finder replaced the model: 327 documents, 2,186 sentences, the
// same participants in 1,274 (58%). Of 50 names (drawn at random) only the
// finder gave, 39 were names, 8 parts of one or a name with a neighbour
// and 3 no names ("Class C warrants"); of 50 only the model gave, 12, 20
// and 18 ("Sebelumnya", "February", "“We"). The finder's typical miss is a
// name that only ever opens sentences ("Unisys posted ...").
func TestNamesAgainstModel(t *testing.T) {
	if !*namesVsModel {
		t.Skip("run with -names-vs-model")
	}
	shared := filepath.Join("..", "..", "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skip("../shared not present")
	}
	var docs []*claims.Document
	textRE := regexp.MustCompile(`(?s)<TEXT>(.*?)</TEXT>`)
	tagRE := regexp.MustCompile(`<[^>]*>`)
	for _, dir := range []string{"corpora", "seeds", "eval/timex/TimeBank", "eval/timex/AQUAINT"} {
		filepath.WalkDir(filepath.Join(shared, dir), func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return nil
			}
			text := string(b)
			lang := ""
			switch filepath.Ext(path) {
			case ".txt":
				if filepath.Base(path) == "SOURCE.md" {
					return nil
				}
			case ".tml":
				m := textRE.FindStringSubmatch(text)
				if m == nil {
					return nil
				}
				text, lang = html.UnescapeString(tagRE.ReplaceAllString(m[1], "")), "en"
			default:
				return nil
			}
			docs = append(docs, &claims.Document{ID: path, Text: text, Language: lang, Status: claims.StatusRead,
				Published: time.Date(2004, 11, 17, 0, 0, 0, 0, time.UTC), PublishedSource: "test"})
			return nil
		})
	}
	e := engineForTest(t)
	var sentences, same, finderOnly, modelOnly, both int
	for _, doc := range docs {
		p := steppedPass(e, doc)
		seen := map[int]bool{}
		for _, c := range p.claims {
			a, b := p.sentenceTokens(c.Start)
			if seen[a] || b-a > frameSentenceCap || a >= b {
				continue
			}
			seen[a] = true
			si := p.sentenceEvidence(a, b)
			if len(si.ev) == 0 {
				continue
			}
			sentences++
			sent := doc.Text[p.Toks[a].Start:p.Toks[b-1].End]
			f := union(si.participants, p.nameIDs(p.properNames(a, b)))
			m := union(si.participants, modelIDs(p, sent))
			if slices.Equal(f, m) {
				same++
				continue
			}
			var fo, mo []string
			for _, id := range f {
				if !slices.Contains(m, id) {
					fo = append(fo, id)
				}
			}
			for _, id := range m {
				if !slices.Contains(f, id) {
					mo = append(mo, id)
				}
			}
			finderOnly += len(fo)
			modelOnly += len(mo)
			both += len(f) - len(fo)
			t.Logf("%s\n    %s\n    finder only %q · model only %q", filepath.Base(doc.ID), sent, fo, mo)
		}
	}
	t.Logf("%d documents, %d sentences with a claim and a frame: same participants in %d (%.1f%%); names both find %d (in differing sentences), finder only %d, model only %d",
		len(docs), sentences, same, 100*float64(same)/float64(max(sentences, 1)), both, finderOnly, modelOnly)
}

// union returns the sorted distinct ids of a and b.
func union(a, b []string) []string {
	out := append(append([]string{}, a...), b...)
	sort.Strings(out)
	return slices.Compact(out)
}

// sentenceEvidence reads the evidence of the sentence of tokens [a, b)
// (frame assignment reads it into reused buffers instead).
func (p *Pass) sentenceEvidence(a, b int) *sentenceInfo {
	si := &sentenceInfo{}
	p.readEvidence(si, a, b)
	return si
}
