package extract

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// TestHeadlineFrontMatter: the value of a front-matter "title:" line is
// read as text (its claims carry offsets into the document and end their
// sentence at the line's end); the key and the other keys stay metadata.
func TestHeadlineFrontMatter(t *testing.T) {
	cases := []struct {
		lang, text string
		want       []want
		sentence   []string // each wanted claim's sentence text
	}{
		{"en", "title: Robbers grab $3.1 million worth of watches\ndate: 2014-05-02\nsource: example.org\n\nFour men broke into the shop on Friday.\n",
			[]want{{MO, "$3.1 million", "3100000", "unit=USD"}, {CO, "Four", "4", "counted=men"}},
			[]string{"title: Robbers grab $3.1 million worth of watches", "Four men broke into the shop on Friday."}},
		{"en", "---\ntitle: Quake injures 80 in mountain villages\nsource: 12 wire services\n---\nThe tremor struck at dawn.\n",
			[]want{{CO, "80", "80", "counted=people"}},
			[]string{"title: Quake injures 80 in mountain villages"}},
		{"id", "title: Gempa 5,9 SR guncang Maluku, 3 orang tewas\ndate: 2017-05-29\n\nGempa terjadi pada pagi hari.\n",
			[]want{{QU, "5,9 SR", "5.9", "unit=magnitude"}, {CO, "3", "3", "counted=people"}},
			[]string{"title: Gempa 5,9 SR guncang Maluku, 3 orang tewas", "title: Gempa 5,9 SR guncang Maluku, 3 orang tewas"}},
		// Other keys stay blocked.
		{"en", "source: 24 hour news\nviews: 5000 readers\n\nNothing to read here.\n", nil, nil},
	}
	for _, tc := range cases {
		cs := extractDoc(t, tc.lang, "", tc.text)
		var got []*claims.Claim
		for _, c := range cs {
			if c.Kind != claims.KindDate {
				got = append(got, c)
			}
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q: got %s, want %d claims", tc.text, listClaims(got), len(tc.want))
			continue
		}
		for k, w := range tc.want {
			c := got[k]
			if c.Text != w.text || c.Kind != w.kind || c.Value != w.value {
				t.Errorf("%q: claim %d is %s %q=%s, want %s %q=%s", tc.text, k, c.Kind, c.Text, c.Value, w.kind, w.text, w.value)
				continue
			}
			if s := tc.text[c.SentenceStart:c.SentenceEnd]; s != tc.sentence[k] {
				t.Errorf("%q: %q is in sentence %q, want %q", tc.text, c.Text, s, tc.sentence[k])
			}
		}
	}
}
