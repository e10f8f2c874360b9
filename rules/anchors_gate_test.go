package rules

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// checkGate checks on text, in every language, that no pattern of an
// index matches at any token (Pattern.Match, the plain search) when
// MayMatchIn says none may, and returns how many indexes said so.
func checkGate(t *testing.T, all []langIndexes, text string) int {
	toks := token.Scan(text, nil)
	n := 0
	for _, li := range all {
		ws := li.v.Read(toks, nil)[:len(toks)]
		for k, x := range li.xs {
			if x.MayMatchIn(ws) {
				continue
			}
			n++
			for i := range toks {
				for id, p := range x.pats {
					_, _, ok := p.Match(toks, i)
					require.False(t, ok, "%s index %d pattern %d matches at token %d of %q", li.code, k, id, i, text)
				}
			}
		}
	}
	return n
}

// TestMayMatchIn holds MayMatchIn to the plain search of every pattern,
// on the texts of TestAnchorsRef (whose words include the furniture's
// "read", "minute", "Copyright" and "©"), and checks that the furniture
// index is gated: it turns away a text with none of its words.
func TestMayMatchIn(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	all := allAnchorIndexes(set)
	turned := 0
	for _, text := range append(refTexts(), "(c) 2021 Example", "5 menit baca", "Copyright © 2019", "3 minutes reads\n(C) 2020") {
		turned += checkGate(t, all, text)
	}
	require.NotZero(t, turned, "some texts are turned away")
	for _, li := range all {
		furniture := li.xs[1]
		require.True(t, furniture.gated, li.code)
		toks := token.Scan("On March 3, 2024 at 5 p.m. the talks resume (in 2 weeks).", nil)
		require.False(t, furniture.MayMatchIn(li.v.Read(toks, nil)[:len(toks)]), li.code)
		toks = token.Scan("Copyright 2020", nil)
		require.True(t, furniture.MayMatchIn(li.v.Read(toks, nil)[:len(toks)]), li.code)
	}
}

// FuzzMayMatchIn is TestMayMatchIn's check on arbitrary text.
//
//	go test ./rules -run=^$ -fuzz=FuzzMayMatchIn -fuzztime=30s
func FuzzMayMatchIn(f *testing.F) {
	for _, s := range anchorTexts {
		f.Add(s)
	}
	f.Add("3 minute read (c) 2020 Copyright © 2019 5 menit baca")
	set, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	all := allAnchorIndexes(set)
	f.Fuzz(func(t *testing.T, text string) { _ = checkGate(t, all, text) })
}
