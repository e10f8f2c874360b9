package rules

// setDue sets each group's due bits, and the list's (their union): the
// bits of the parts a group needs to start within the list's reach. A
// search reads the union of the masks over that reach for its anchor test
// anyway (see search.visit); a due bit missing from it is a part that
// starts nowhere by then, so the group's need or spot test would fail.
// One test of the union rules the group out before its own reach and need
// tests, and before the window is filled to its width: on a page of dates
// with no year or range word near, a day's and a month's lists turned
// seven groups of eight away one at a time, each filling the window to
// its width for its need test.
func (c *candList) setDue() {
	for k := range c.groups {
		g := &c.groups[k]
		if g.width-1 <= c.reach {
			g.due = g.need
		} else {
			// The bits of the spots that end by then (a spot's hi
			// is within the group's width).
			for _, s := range g.spots {
				if s.hi <= c.reach {
					g.due |= s.bit
				}
			}
		}
		c.due |= g.due
	}
}
