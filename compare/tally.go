package compare

import "strings"

// tally counts strings, keeping a copy of each distinct one and nothing of
// the strings it is given. A map[string]int would not do: assigning to a
// key already present stores the new key string (Go updates string keys
// on assignment), so m[k]++ with k a slice of a document's text, or of
// the lower-case words token.Scan packs into shared blocks, keeps that
// memory alive for as long as the map; over an archive that was one block
// per document (16 MB at 40,000 articles). A lookup never stores its key.
type tally map[string]*int32

// add counts k once.
func (t tally) add(k string) {
	if c := t[k]; c != nil {
		*c++
		return
	}
	c := int32(1)
	t[strings.Clone(k)] = &c
}

// addKeyword counts keyword w under its class, keyed as keyword.appendKey spells it,
// without building the key for a word already counted.
func (t tally) addKeyword(w keyword, buf []byte) []byte {
	buf = w.appendKey(buf[:0])
	if c := t[string(buf)]; c != nil { // no allocation: a lookup
		*c++
		return buf
	}
	c := int32(1)
	t[string(buf)] = &c
	return buf
}

// atLeast returns the counts of min or more as a map of ints (what
// regroup's veto reads: it asks only whether a name is in two documents or
// more, and most names are in one).
func (t tally) atLeast(min int32) map[string]int {
	m := map[string]int{}
	for k, c := range t {
		if *c >= min {
			m[k] = int(*c)
		}
	}
	return m
}
