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
		if got, want := e.skipsLine(line), skipLineReference(e, line); got != want {
			t.Fatalf("skipsLine(%q) = %v, want %v", line, got, want)
		}
	})
}
