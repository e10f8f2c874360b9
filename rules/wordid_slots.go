package rules

import "github.com/crosscheck/crosscheck/claims/token"

// vocabSlots holds the Vocab's words of up to 16 bytes with what Read
// takes of each (vocabWord) in the probe slot that matches the word, so
// that a token the filter passes is settled by one table: through ids, a
// WordMap, the probe found the entry's index in its slots and Read then
// loaded the value from the entries, a second array and a second cache
// line, after a call that handed back a pointer to be tested for nil.
// Longer words (rare in text) are looked up in ids (lookupLong).
//
// It is kept in step with ids by add and orFlags, the only writers of a
// word's number, word number and flags.
type vocabSlots []vocabSlot

// vocabSlot is one slot of vocabSlots: tag is tagOf the word's hash and
// length (0: empty, as no hash is 0), head and tail its print
// (wordPrint), val its vocabWord.
type vocabSlot struct {
	tag        uint64
	head, tail uint64
	val        vocabWord
}

// placeWord puts the word of ids entry k, just added, in the slots when
// it has up to 16 bytes, growing them to keep them at most half full, and
// records where (slotOf; -1 for a longer word).
func (v *Vocab) placeWord(k int) {
	e := &v.ids.entries[k]
	if len(e.key) > 16 {
		v.slotOf = append(v.slotOf, -1)
		return
	}
	v.slotOf = append(v.slotOf, 0)
	v.shortWords++
	if 2*v.shortWords > len(v.slots) {
		v.growSlots()
		return
	}
	v.slotOf[k] = v.slots.place(e.key, e.hash, e.val)
}

// growSlots doubles the slots (at least minSlots) and places the words
// of ids of up to 16 bytes again.
func (v *Vocab) growSlots() {
	v.slots = make(vocabSlots, max(minSlots, 2*len(v.slots)))
	for k, e := range v.ids.entries {
		if v.slotOf[k] >= 0 {
			v.slotOf[k] = v.slots.place(e.key, e.hash, e.val)
		}
	}
}

// place puts w (hash h, not in s) in the first free slot of its probe run
// and returns which.
func (s vocabSlots) place(w string, h uint32, val vocabWord) int32 {
	mask := uint32(len(s) - 1)
	i := h >> slotShift & mask
	for s[i].tag != 0 {
		i = (i + 1) & mask
	}
	p := printOf(w)
	s[i] = vocabSlot{tag: tagOf(h, len(w)), head: p.head, tail: p.tail, val: val}
	return int32(i)
}

// lookup is what the Vocab holds for t's lower-case form, the zero
// vocabWord (number 0, no flags) when it holds nothing (see vocabSlots).
func (v *Vocab) lookup(t *token.Token) vocabWord {
	w := t.Lower
	var p wordPrint // printOf(w), written out: it does not inline
	switch n := len(w); {
	case n > 16:
		return v.lookupLong(t)
	case n >= 8:
		p = wordPrint{le64(w), le64(w[n-8:])}
	case n >= 4:
		p = wordPrint{uint64(le32(w)), uint64(le32(w[n-4:]))}
	case n >= 2:
		p = wordPrint{uint64(le16(w)), uint64(le16(w[n-2:]))}
	case n == 1:
		p = wordPrint{uint64(w[0]), 0}
	}
	s := v.slots
	if len(s) == 0 {
		return vocabWord{}
	}
	h := t.KeyHash()
	want := tagOf(h, len(w))
	mask := uint32(len(s) - 1)
	for i := h >> slotShift; ; i++ {
		sl := &s[i&mask]
		if sl.tag == 0 {
			return vocabWord{}
		}
		if sl.tag == want && sl.head == p.head && sl.tail == p.tail {
			return sl.val
		}
	}
}

// lookupLong is lookup for a word longer than 16 bytes, from ids.
//
//go:noinline
func (v *Vocab) lookupLong(t *token.Token) vocabWord {
	if p := v.ids.Ref(t); p != nil {
		return *p
	}
	return vocabWord{}
}
