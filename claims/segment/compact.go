package segment

import (
	_ "embed"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/neurosnap/sentences.v1"
)

// englishTraining is punkt's English training data (the library's
// data/english.json) in compact form (see decodeCompact), written by
// TestCompactTrainingIsLibrarys with -update-training. The library ships
// it as gzipped JSON: inflating and reading that was a fifth of every
// run's start-up (40 M instructions), reading this is about a tenth of it.
//
//go:embed english.punkt
var englishTraining string

// trainingSets are the four sets of sentences.Storage in the order the
// compact form gives them.
var trainingSets = [...]string{"AbbrevTypes", "Collocations", "SentStarters", "OrthoContext"}

// storageSet returns st's set named name (one of trainingSets).
func storageSet(st *sentences.Storage, name string) *sentences.SetString {
	switch name {
	case "AbbrevTypes":
		return &st.AbbrevTypes
	case "Collocations":
		return &st.Collocations
	case "SentStarters":
		return &st.SentStarters
	}
	return &st.OrthoContext
}

// encodeCompact writes st in compact form: for each of trainingSets in
// turn, a line with its name and its number of entries, then one line per
// entry, its key, a tab and its value in decimal, keys in byte order. ok
// is false when a key holds a tab or a line break, which the form cannot
// hold.
func encodeCompact(st *sentences.Storage) (string, bool) {
	var b strings.Builder
	for _, name := range trainingSets {
		set := *storageSet(st, name)
		b.WriteString(name + " " + strconv.Itoa(len(set)) + "\n")
		keys := make([]string, 0, len(set))
		for k := range set {
			if strings.ContainsAny(k, "\t\n") {
				return "", false
			}
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			b.WriteString(k + "\t" + strconv.Itoa(set[k]) + "\n")
		}
	}
	return b.String(), true
}

// decodeCompact reads what encodeCompact wrote; ok is false for anything
// else. Keys are substrings of s, and each set is made at its final size.
func decodeCompact(s string) (st *sentences.Storage, ok bool) {
	st, ortho, ok := decodeModel(s)
	if !ok {
		return nil, false
	}
	st.OrthoContext = ortho.toSet()
	return st, true
}

// decodeModel is decodeCompact for the model: OrthoContext, by far the
// largest set, is left in s and read through an orthoTable (see there)
// rather than made into a map.
func decodeModel(s string) (st *sentences.Storage, ortho orthoTable, ok bool) {
	st = &sentences.Storage{}
	for _, name := range trainingSets {
		head, rest, found := strings.Cut(s, "\n")
		got, count, _ := strings.Cut(head, " ")
		n, err := strconv.Atoi(count)
		if !found || got != name || err != nil || n < 0 || n > len(rest) {
			return nil, orthoTable{}, false
		}
		if name == "OrthoContext" {
			if ortho, s, ok = readOrtho(rest, n); !ok {
				return nil, orthoTable{}, false
			}
			continue
		}
		set, after, ok := readSet(rest, n)
		if !ok {
			return nil, orthoTable{}, false
		}
		*storageSet(st, name) = set
		s = after
	}
	return st, ortho, s == ""
}

// readSet reads n lines "key\tvalue\n" from the start of s into a set, and
// returns it and what follows them; ok is false when a line is malformed
// or a key is given twice.
func readSet(s string, n int) (set sentences.SetString, rest string, ok bool) {
	set = make(sentences.SetString, n)
	for range n {
		line, after, found := strings.Cut(s, "\n")
		tab := strings.IndexByte(line, '\t')
		if !found || tab < 0 {
			return nil, "", false
		}
		v, ok := smallInt(line[tab+1:])
		if !ok {
			return nil, "", false
		}
		set[line[:tab]] = v
		s = after
	}
	if len(set) != n {
		return nil, "", false // a key given twice
	}
	return set, s, true
}

// smallInt is strconv.Atoi for an optional minus sign and one to nine
// decimal digits (punkt's counts and flags), without Atoi's general cases.
func smallInt(s string) (int, bool) {
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	v := 0
	for k := 0; k < len(s); k++ {
		d := s[k] - '0'
		if d > 9 {
			return 0, false
		}
		v = v*10 + int(d)
	}
	if neg {
		v = -v
	}
	return v, true
}
