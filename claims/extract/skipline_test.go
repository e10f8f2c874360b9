package extract

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/rules"
	"github.com/stretchr/testify/require"
)

// skipLineReference is how blockSkipLines decided before skipsLine: the
// line's first 48 bytes lowered (Unicode lowering when any is not ASCII),
// then skipLine.
func skipLineReference(e *Engine, line string) bool {
	head := line[:min(len(line), 48)]
	return e.skipLine([]byte(strings.ToLower(head)))
}

var skipLineSamples = []string{
	"", "Read more: the full story", "READ MORE", "Related: floods", "related", "Copyright 2024 Reuters",
	"© 2024", "BACA JUGA: Banjir", "Baca:", "Simak juga video", "Share this article", "Subscribe now",
	"The minister said", "Click here to", "clic\u212a here", "Cop\u00fdright", "Advertisement\u00e9",
	"all rights reserved.", "All Rights Reserved é", "s", "sign", "Sign up", "hak cipta dilindungi",
	"Join the mailing list today and more text beyond forty-eight bytes of head",
	"\xff\xfe broken", "A\xffdvertisement",
}

// TestSkipsLineMatchesReference holds the in-place comparison to the
// lowered-head one on lines of every kind the languages' prefixes meet.
func TestSkipsLineMatchesReference(t *testing.T) {
	set, err := rules.Builtin()
	require.NoError(t, err)
	e := New(set)
	skipped := 0
	for _, line := range skipLineSamples {
		want := skipLineReference(e, line)
		require.Equal(t, want, e.skipsLine(line), "%q", line)
		if want {
			skipped++
		}
	}
	require.Greater(t, skipped, 5, "the samples must include lines that are skipped")
}

func FuzzSkipsLine(f *testing.F) {
	for _, s := range skipLineSamples {
		f.Add(s)
	}
	set, err := rules.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	e := New(set)
	f.Fuzz(func(t *testing.T, line string) {
		want := skipLineReference(e, line)
		if got := e.skipsLine(line); got != want {
			t.Fatalf("skipsLine(%q) = %v, want %v", line, got, want)
		}
		checkMaySkipLine(t, e, line, want)
	})
}

// TestMaySkipLine: the two-byte filter before skipsLine passes every line
// skipsLine skips, followed by a line break and more text or ending the
// text, and turns lines away (or the filter would test nothing).
func TestMaySkipLine(t *testing.T) {
	set, err := rules.Builtin()
	require.NoError(t, err)
	e := New(set)
	turned := 0
	ordinary := []string{"She said on Monday", "Cabinet ministers met", "Antara reported", "Sebelumnya, polisi",
		"Rescuers found", "Fire crews", "Jakarta (ANTARA)", "Sign language interpreters", "\u00a0Saat itu"}
	for _, line := range append(ordinary, skipLineSamples...) {
		if line == "" {
			continue // blockSkipLines asks at a token: never an empty line
		}
		checkMaySkipLine(t, e, line, skipLineReference(e, line))
		if !e.maySkipLine(line) {
			turned++
		}
	}
	require.Greater(t, turned, 3, "the samples must include lines the filter turns away")
}

// checkMaySkipLine fails t if a line skipsLine skips (skip) is turned
// away by maySkipLine, with what may follow the line in a text.
func checkMaySkipLine(t *testing.T, e *Engine, line string, skip bool) {
	if line == "" || strings.IndexByte(line, '\n') >= 0 || !skip {
		return
	}
	for _, rest := range []string{"", "\n", "\nmore text", "\r\n", "\nR"} {
		if !e.maySkipLine(line + rest) {
			t.Fatalf("maySkipLine(%q) turns away a line skipsLine skips", line+rest)
		}
	}
}
