package extract

// partSlab holds the participant lists of sentences read one after
// another (into one sentenceInfo) in a shared backing array: a sentence names few
// participants, and each list grown on its own was an allocation or
// three per sentence that names any. The list being read is the slab's
// free part (add); close ends it there, capped, so that an append to a
// claim's participants copies them rather than writing into the next
// sentence's.
type partSlab struct {
	buf []string // the lists closed so far; the open one follows
}

// add appends id to list, the open list of the slab, moving list to a
// new backing array when the slab is full.
func (ps *partSlab) add(list []string, id string) []string {
	if len(list) == cap(list) {
		if room := cap(ps.buf) - len(ps.buf); room <= len(list) {
			ps.buf = make([]string, 0, max(partSlabSize, 2*(len(list)+1)))
		}
		list = append(ps.buf[len(ps.buf):], list...)
	}
	return append(list, id)
}

// partSlabSize is a slab's first room, in participants: an article names
// a few in a few sentences, and its lists outlive the pass (claims keep
// them), so each document starts a slab of its own. A room of 32 made
// 1.3 MB of mostly empty slabs per 5 MB of real English (2 MB more
// allocated than the lists grown one by one, and as much more peak
// memory on a run that collects late); 8 allocates 0.8 MB less and costs
// 5 M fewer instructions (real5en 1,954.2 M -> 1,948.9 M).
const partSlabSize = 8

// close ends the open list: the slab's next list starts after it. A list
// of none is nil, as a sentence without participants always had.
func (ps *partSlab) close(list []string) []string {
	if len(list) == 0 {
		return nil
	}
	ps.buf = ps.buf[:len(ps.buf)+len(list)]
	return list[:len(list):len(list)]
}
