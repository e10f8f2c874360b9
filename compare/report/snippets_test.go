package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestSnippetsFor(t *testing.T) {
	mk := func(doc, text, words string) (*Report, map[string]string) {
		c := claimAt(t, doc, text, words, "date", "x", "")
		return &Report{Claims: []Claim{c}}, map[string]string{doc: text}
	}
	for _, tc := range []struct {
		name, text, words string
		radius            int
		want              Snippet
	}{
		{
			name: "whole sentence", radius: 0,
			text:  "First one. The bridge opened on 8 March in Velmora. Later text.",
			words: "on 8 March",
			want:  Snippet{Before: "The bridge opened ", Match: "on 8 March", After: " in Velmora."},
		},
		{
			name: "claim starts a sentence", radius: 0,
			text:  "It rained. More than 5,000 people came. Then it stopped.",
			words: "More than 5,000",
			want:  Snippet{Before: "", Match: "More than 5,000", After: " people came."},
		},
		{
			name: "initials and lower-case after a period do not end a sentence", radius: 0,
			text:  "Mayor J. Smith said on Dec. 8 the event. Next.",
			words: "Dec. 8",
			want:  Snippet{Before: "Mayor J. Smith said on ", Match: "Dec. 8", After: " the event."},
		},
		{
			name: "radius cuts between words", radius: 12,
			text:  "alpha beta gamma delta on 8 March epsilon zeta eta theta",
			words: "on 8 March",
			want:  Snippet{Before: "…gamma delta ", Match: "on 8 March", After: " epsilon…"},
		},
		{
			// Lines are sentences, as claims/segment reads them: the
			// quote never runs a heading into the next line, nor a line
			// into the next (a claim's sentence span ends there too).
			name: "a line ends the context", radius: 0,
			text:  "Headline without stop\n\nVELMORA - opened on 8 March\nafter years\n\nNext paragraph",
			words: "on 8 March",
			want:  Snippet{Before: "VELMORA - opened ", Match: "on 8 March", After: ""},
		},
		{
			name: "a heading line is not part of the next sentence", radius: 0,
			text:  "Ties with the north\nThe two leaders signed the accord in 2023, officials said.",
			words: "in 2023",
			want:  Snippet{Before: "The two leaders signed the accord ", Match: "in 2023", After: ", officials said."},
		},
		{
			name: "a link line is not part of the next sentence", radius: 0,
			text:  "BACA JUGA: Harga beras naik lagi\nPakta itu diteken pada bulan Juni, kata pejabat.",
			words: "bulan Juni",
			want:  Snippet{Before: "Pakta itu diteken pada ", Match: "bulan Juni", After: ", kata pejabat."},
		},
		{
			name: "end of document", radius: 0,
			text:  "It opened on 8 March.",
			words: "on 8 March",
			want:  Snippet{Before: "It opened ", Match: "on 8 March", After: "."},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, docs := mk("d", tc.text, tc.words)
			got := SnippetsFor(docs, r, tc.radius)
			assert.Equal(t, tc.want, got[r.Claims[0].ID])
		})
	}
}

// TestSnippetsRuneBoundaries cuts multi-byte text at every radius and checks
// that no snippet ever splits a character.
func TestSnippetsRuneBoundaries(t *testing.T) {
	text := strings.Repeat("日本語テキスト ", 5) + "on 8 March " + strings.Repeat("ünïcödé ", 5)
	c := claimAt(t, "d", text, "on 8 March", "date", "x", "")
	r := &Report{Claims: []Claim{c}}
	for radius := 1; radius < 80; radius++ {
		sn := SnippetsFor(map[string]string{"d": text}, r, radius)[c.ID]
		assert.True(t, utf8.ValidString(sn.Before), "radius %d before %q", radius, sn.Before)
		assert.True(t, utf8.ValidString(sn.After), "radius %d after %q", radius, sn.After)
		assert.Equal(t, "on 8 March", sn.Match)
		assert.LessOrEqual(t, len(strings.TrimPrefix(sn.Before, "…")), radius)
	}
}

func TestSnippetsSkipBadOffsets(t *testing.T) {
	c := claimAt(t, "d", "It opened on 8 March.", "on 8 March", "date", "x", "")
	r := &Report{Claims: []Claim{c}}
	assert.Empty(t, SnippetsFor(map[string]string{"d": "The text changed since."}, r, 0), "offsets no longer select the words")
	assert.Empty(t, SnippetsFor(map[string]string{"other": "It opened on 8 March."}, r, 0), "document text missing")
	c.End = 1000
	assert.Empty(t, SnippetsFor(map[string]string{"d": "It opened on 8 March."}, &Report{Claims: []Claim{c}}, 0), "out of range")
}

func TestSnippetsFixture(t *testing.T) {
	r := fixtureReport(t)
	sn := SnippetsFor(fixtureTexts(), r, 0)
	assert.Len(t, sn, len(r.Claims))
	assert.Equal(t, Snippet{
		Before: "VELMORA, 10 March 2025 - The new harbour bridge opened ",
		Match:  "on 8 March 2025",
		After:  " after four years of work.",
	}, sn[r.Claims[0].ID])
}
