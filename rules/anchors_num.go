package rules

// numAnchors is the union of the anchor bits of the number lists
// (numLists): the tokens after a number up to the nearest with one of
// them cannot hold its list's anchor, whatever other bits they have
// (see AnchorsRead's aheadNum).
func (x *Index) numAnchors() uint64 {
	var any uint64
	for _, c := range x.numLists {
		if c != nil {
			any |= c.any
		}
	}
	return any
}
