package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// findNames runs the whole extraction pass over text (so that claims block
// their words, as in production) and returns the ids entityParticipants
// would add for each sentence: the finder's names, alias-table names as
// their ids.
func findNames(t testing.TB, lang, text string) [][]string {
	t.Helper()
	e := engineForTest(t)
	p := passOver(e, lang, text)
	var out [][]string
	for _, s := range p.sents {
		out = append(out, p.nameIDs(p.properNames(p.tokenAt(s.Start), p.tokenAt(s.End))))
	}
	return out
}

// TestProperNames holds the name finder to what a reader sees as the
// names in a sentence. The sentences are written for this test.
func TestProperNames(t *testing.T) {
	tests := []struct {
		lang, text string
		want       [][]string // per sentence
	}{
		// English.
		{"en", "Under Tuesday's accord, Harbor Freight Lines will pay Lomax Shipping $40 million.",
			[][]string{{"harbor freight lines", "lomax shipping"}}},
		{"en", "In March, Valdor Bank and Ostra Bank signed the accord.",
			[][]string{{"valdor bank", "ostra bank"}}},
		{"en", "Shares of Orlen rose after the agreement on Friday.",
			[][]string{{"orlen"}}}, // "Shares" only opens the sentence
		{"en", "Anna Lind of Valdor Bank signed the pact on 3 May 2021.",
			[][]string{{"anna lind", "valdor bank"}}}, // a person's place, not one name
		{"en", "The Bank of Tarsis and the University of Elm signed the agreement.",
			[][]string{{"bank of tarsis", "university of elm"}}},
		{"en", "Finance Minister Ola Brekke and Mayor Ines Vidal signed the treaty.",
			[][]string{{"ola brekke", "ines vidal"}}}, // titles are not part of names
		{"en", "The accord between J.K. Rowan Ltd and Mesa Freight was signed on Monday.",
			[][]string{{"j.k. rowan ltd", "mesa freight"}}},
		{"en", "Officials of Barnes & Noble and Coca-Cola signed the agreement on 2 May.",
			[][]string{{"barnes & noble", "coca-cola"}}},
		{"en", "He said: \"Nothing in the treaty binds Valdor.\"",
			[][]string{{"valdor"}}}, // a quotation opens with a capital too
		{"en", "President Vladimir Putin and Kim Jong Un signed the treaty in June.",
			[][]string{{"russia", "north-korea"}}}, // alias-table names as their ids
		{"en", "The United States Congress ratified the treaty in 2019.",
			[][]string{{"united-states"}}}, // a name that starts with a known one is it
		{"en", "Lomax and Mesa Freight signed the accord on Friday.",
			[][]string{{"lomax", "mesa freight"}}}, // coordinated with a name
		{"en", "Lomax signed the accord on Friday. The deal gives Lomax a port.",
			[][]string{{"lomax"}, {"lomax"}}}, // written as a name in the next sentence
		{"en", "Shipping resumed after the pact was signed on Friday.",
			[][]string{{}}},
		{"en", "Russia Signs Fishing Pact With Valdor Islands\nThe pact was signed on Friday.",
			[][]string{{"russia"}, {}}}, // a title-case headline: known names only
		{"en", "OSLO, March 3 (Reuters) - Valdor Bank agreed to the merger on Monday.",
			[][]string{{"reuters", "valdor bank"}}}, // the dateline's place is not a party
		{"en", "King Omar of Thailand met Tom Reyes of Mesa Freight in Paris.",
			[][]string{{"omar", "thailand", "tom reyes", "mesa freight", "france"}}},
		{"en", "The accord was first proposed by Harbor Freight in August 2019 and signed in 2020.",
			[][]string{{"harbor freight"}}},
		// Indonesian.
		{"id", "Pertamina dan Shell meneken perjanjian kerja sama pada Senin (3/6).",
			[][]string{{"pertamina", "shell"}}},
		{"id", "Menteri Keuangan Sri Mulyani dan Bank Dunia menandatangani kesepakatan itu pada 5 Mei 2023.",
			[][]string{{"sri mulyani", "bank dunia"}}},
		{"id", "Namun Garuda Indonesia belum meneken perjanjian dengan Boeing hingga Juni 2024.",
			[][]string{{"garuda indonesia", "boeing"}}},
		{"id", "JAKARTA, Kamis (7/3/2024) - Kesepakatan antara PT Sinar Laut dan Bank Mandala diteken hari ini.",
			[][]string{{"pt sinar laut", "bank mandala"}}},
		{"id", "Kepala Badan Pusat Statistik, Amalia Putri, mengatakan perjanjian berlaku sejak 2022.",
			[][]string{{"badan pusat statistik", "amalia putri"}}},
		{"id", "Perjanjian itu diteken Ahmad bin Salim dan Yusuf Rahman pada 2021.",
			[][]string{{"ahmad bin salim", "yusuf rahman"}}},
		{"id", "Presiden Rusia Vladimir Putin dan Kim Jong Un menandatangani pakta itu pada Juni.",
			[][]string{{"russia", "north-korea"}}},
		{"id", "Rusia Dan Valdoria Teken Pakta Pertahanan Baru\nPakta itu diteken pada Jumat.",
			[][]string{{"russia"}, {}}},
		{"id", "Sebelumnya, Bank Mandala menyatakan kesepakatan dengan Sinar Laut berlaku Rabu.",
			[][]string{{"bank mandala", "sinar laut"}}},
	}
	for _, tc := range tests {
		got := findNames(t, tc.lang, tc.text)
		for i := range got {
			if got[i] == nil {
				got[i] = []string{}
			}
		}
		if !slices.EqualFunc(got, tc.want, slices.Equal) {
			t.Errorf("%s %q:\n got  %q\n want %q", tc.lang, tc.text, got, tc.want)
		}
	}
}

// TestEntityParticipants checks the participants a once-only event's claim
// gets: the alias table's and the finder's, sorted, without the model.
func TestEntityParticipants(t *testing.T) {
	tests := []struct {
		lang, pub, text, claim string
		want                   []string
	}{
		{"en", "2024-05-08", "Under Wednesday's agreement, Lomax shareholders would receive one share of new Mesa Holdings stock.", "Wednesday",
			[]string{"lomax", "mesa holdings"}},
		{"en", "2024-05-08", "Russia and Valdor Bank signed the pact on Monday.", "on Monday",
			[]string{"russia", "valdor bank"}},
		{"id", "2024-05-08", "Pertamina dan Shell meneken perjanjian itu pada Senin (6/5).", "Senin (6/5)",
			[]string{"pertamina", "shell"}},
	}
	for _, tc := range tests {
		var got []string
		found := false
		for _, c := range extractDoc(t, tc.lang, tc.pub, tc.text) {
			if c.Text == tc.claim {
				got, found = c.Participants, true
				if c.Frame != "pact" {
					t.Errorf("%q: claim %q has frame %q, want pact", tc.text, c.Text, c.Frame)
				}
			}
		}
		if !found {
			t.Errorf("%q: no claim %q", tc.text, tc.claim)
			continue
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: participants %q, want %q", tc.text, got, tc.want)
		}
	}
}

// FuzzProperNames runs the finder over arbitrary text: it must not panic,
// every name must be a non-empty run of tokens inside its sentence, and its
// id must be the lower case of its words (or an alias id).
func FuzzProperNames(f *testing.F) {
	for _, s := range []string{
		"Under Tuesday's accord, Harbor Freight Lines will pay Lomax Shipping $40 million.",
		"Pertamina dan Shell meneken perjanjian kerja sama pada Senin (3/6).",
		"JAKARTA, Kamis (7/3/2024) - Kesepakatan antara PT Sinar Laut dan Bank Mandala diteken.",
		"He said: \"Nothing binds J.K. Rowan Ltd & Co-Op of Elm.\" A.",
		"Russia Signs Pact\nKing Omar of Jordan of Of of",
		"\"'“ : - ) _ A B. C- -D &",
	} {
		f.Add(s)
	}
	e := engineForTest(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || len(text) > 4096 {
			return
		}
		for _, lang := range []string{"en", "id"} {
			p := passOver(e, lang, text)
			for _, s := range p.sents {
				a, b := p.tokenAt(s.Start), p.tokenAt(s.End)
				names := p.properNames(a, b)
				ids := p.nameIDs(names)
				if len(ids) != len(names) {
					t.Fatalf("%q: %d ids for %d names", text, len(ids), len(names))
				}
				last := a
				for i, n := range names {
					if n.start < last || n.end <= n.start || n.end > b {
						t.Fatalf("%q: name tokens [%d,%d) outside the sentence [%d,%d) or out of order", text, n.start, n.end, a, b)
					}
					last = n.end
					if ids[i] == "" || ids[i] != strings.TrimSpace(ids[i]) {
						t.Fatalf("%q: bad id %q", text, ids[i])
					}
				}
			}
		}
	})
}
