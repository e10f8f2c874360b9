package segment

import (
	"strconv"
	"unicode/utf8"

	"gopkg.in/neurosnap/sentences.v1"
)

// loadTraining is sentences.LoadTraining for the shape punkt's training
// files have: one object of four objects mapping plain strings to
// integers. It decodes in one pass, with every key a substring of one copy
// of the input and each set sized once; encoding/json's reflection took
// 7 of the 10 ms every process spent loading the model. Anything else (an
// escape in a string, a value that is not an integer, a field it does not
// know) sends it to the library's decoder, which stays the reference:
// TestLoadTrainingMatchesLibrary and FuzzLoadTraining hold the two equal.
// The process now reads the embedded compact copy (englishTraining); this
// stays model's fallback should that copy not decode.
func loadTraining(b []byte) (*sentences.Storage, error) {
	if st, ok := decodeTraining(string(b)); ok {
		return st, nil
	}
	return sentences.LoadTraining(b)
}

// decodeTraining is loadTraining's fast path; ok is false when s is not of
// the shape it reads.
func decodeTraining(s string) (st *sentences.Storage, ok bool) {
	d := trainingDecoder{s: s}
	st = &sentences.Storage{}
	fields := map[string]*sentences.SetString{
		"AbbrevTypes": &st.AbbrevTypes, "Collocations": &st.Collocations,
		"SentStarters": &st.SentStarters, "OrthoContext": &st.OrthoContext,
	}
	seen := map[string]bool{}
	if !d.byte('{') {
		return nil, false
	}
	for first := true; ; first = false {
		if d.byte('}') {
			break
		}
		if !first && !d.byte(',') {
			return nil, false
		}
		name, ok := d.str()
		if !ok || seen[name] || fields[name] == nil || !d.byte(':') {
			return nil, false
		}
		seen[name] = true
		set, ok := d.set()
		if !ok {
			return nil, false
		}
		*fields[name] = set
	}
	d.space()
	if d.i != len(d.s) {
		return nil, false
	}
	return st, true
}

// trainingDecoder reads s from i.
type trainingDecoder struct {
	s string
	i int
}

// space skips JSON white space.
func (d *trainingDecoder) space() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// byte consumes c after white space, reporting whether it was there.
func (d *trainingDecoder) byte(c byte) bool {
	d.space()
	if d.i < len(d.s) && d.s[d.i] == c {
		d.i++
		return true
	}
	return false
}

// str reads a string without escapes or control characters, as a
// substring of s. It must be valid UTF-8 too: encoding/json replaces
// invalid bytes, which the fast path leaves to it.
func (d *trainingDecoder) str() (string, bool) {
	if !d.byte('"') {
		return "", false
	}
	start := d.i
	for d.i < len(d.s) {
		switch c := d.s[d.i]; {
		case c == '"':
			d.i++
			v := d.s[start : d.i-1]
			return v, utf8.ValidString(v)
		case c == '\\' || c < 0x20:
			return "", false
		}
		d.i++
	}
	return "", false
}

// set reads an object of string keys and integer values. A key given
// twice keeps its last value, as encoding/json does.
func (d *trainingDecoder) set() (sentences.SetString, bool) {
	if !d.byte('{') {
		return nil, false
	}
	set := make(sentences.SetString, d.countEntries())
	for first := true; ; first = false {
		if d.byte('}') {
			return set, true
		}
		if !first && !d.byte(',') {
			return nil, false
		}
		k, ok := d.str()
		if !ok || !d.byte(':') {
			return nil, false
		}
		d.space()
		j := d.i
		if j < len(d.s) && d.s[j] == '-' {
			j++
		}
		for j < len(d.s) && d.s[j] >= '0' && d.s[j] <= '9' {
			j++
		}
		// A JSON integer: no leading zeros ("0" alone), no fraction or
		// exponent (then the library decides).
		num := d.s[d.i:j]
		digits := num
		if len(digits) > 0 && digits[0] == '-' {
			digits = digits[1:]
		}
		if len(digits) == 0 || len(digits) > 1 && digits[0] == '0' {
			return nil, false
		}
		if j < len(d.s) && (d.s[j] == '.' || d.s[j] == 'e' || d.s[j] == 'E') {
			return nil, false
		}
		v, err := strconv.Atoi(num)
		if err != nil {
			return nil, false
		}
		d.i = j
		set[k] = v
	}
}

// countEntries counts the colons up to the object's closing brace, a
// little more than its entries when a key holds one: room for the set.
func (d *trainingDecoder) countEntries() int {
	n := 0
	for k := d.i; k < len(d.s) && d.s[k] != '}'; k++ {
		if d.s[k] == ':' {
			n++
		}
	}
	return n
}
