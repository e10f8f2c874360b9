package extract

import (
	"math"
	"unsafe"

	"github.com/crosscheck/crosscheck/rules"
)

// captureStore keeps the captures of a document's date matches, one copy
// for equal ones (see matchList): a table of the last copy stored under
// each hash, in chunks that never move. It never changes a copy once
// stored, so a date item can point at one. Equal is sameCaptures: every
// field the same, floats to the bit, so that a shared copy is what a copy
// of each would have been.
type captureStore struct {
	chunks [][]rules.Captures
	n      int
	// slots, by hash: the copy stored last under it, valid when its gen
	// is the store's (a new document does not clear the table).
	slots []capSlot
	gen   uint32
}

// capSlot is one entry of captureStore's table.
type capSlot struct {
	gen uint32
	c   *rules.Captures
}

// Sizes: a chunk's captures (13 KB), and the table's slots, a power of
// two, more than the clock times of a day (1,440) and allocated at a
// document's first date.
const (
	capChunk = 64
	capSlots = 4096
)

// reset empties the store for the next document; the copies stay
// allocated for it.
func (s *captureStore) reset() {
	s.n = 0
	if s.gen++; s.gen == 0 {
		// After 2^32 documents: entries of the first generation would
		// look valid again.
		clear(s.slots)
		s.gen = 1
	}
}

// store returns a stored copy of *c: an equal one stored before, else a
// new copy.
func (s *captureStore) store(c *rules.Captures) *rules.Captures {
	if s.slots == nil {
		s.slots = make([]capSlot, capSlots)
	}
	slot := &s.slots[captureHash(c)&(capSlots-1)]
	if slot.gen == s.gen && sameCaptures(slot.c, c) {
		return slot.c
	}
	slot.gen, slot.c = s.gen, s.copyOf(c)
	return slot.c
}

// copyOf returns a new copy of *c.
func (s *captureStore) copyOf(c *rules.Captures) *rules.Captures {
	k := s.n / capChunk
	if k == len(s.chunks) {
		s.chunks = append(s.chunks, make([]rules.Captures, capChunk))
	}
	s.n++
	p := &s.chunks[k][(s.n-1)%capChunk]
	*p = *c
	return p
}

// captureHash mixes the fields in which the captures of dates differ
// most; the others only make more of them share a slot, which the
// comparison in store tells apart.
func captureHash(c *rules.Captures) uint64 {
	const prime = 0x100000001b3
	h := uint64(c.Year[0])*prime ^ uint64(c.Month[0])
	h = h*prime ^ uint64(c.Day[0])
	h = h*prime ^ uint64(c.Weekday[0])
	h = h*prime ^ uint64(c.Hour)
	h = h*prime ^ uint64(c.Minute)
	h = h*prime ^ uint64(int(c.Zone)+int(c.AmPm)<<8+c.Ordinal<<12)
	h = h*prime ^ math.Float64bits(c.Num.Value)
	return h ^ h>>29
}

// sameCaptures reports whether a and b are the same in every field,
// their floats to the bit (Go's == takes 0 and -0 for equal, and a NaN
// for unequal to itself). A page of dates stores one match every few
// words, nearly all of them equal to the copy in their slot: their bytes
// are compared first, in one call (equal bytes are equal fields, strings
// at the same address), and only captures whose bytes differ are compared
// field by field (sameFields), which cost a third of a stored clock time.
func sameCaptures(a, b *rules.Captures) bool {
	return sameBytes(a, b) || sameFields(a, b)
}

// capBytes is the size of a Captures.
const capBytes = unsafe.Sizeof(rules.Captures{})

// sameBytes reports whether a and b hold the same bytes, padding
// included: false for equal captures whose padding or string addresses
// differ (sameFields then tells).
func sameBytes(a, b *rules.Captures) bool {
	return *(*[capBytes]byte)(unsafe.Pointer(a)) == *(*[capBytes]byte)(unsafe.Pointer(b))
}

// sameFields is sameCaptures spelled out, not ==, as == on the struct
// called a comparison function for each of its runs of fields and cost
// most of what sharing the captures cost; TestSameCapturesCoversFields
// checks that it reads every field.
func sameFields(a, b *rules.Captures) bool {
	return a.Year == b.Year && a.Month == b.Month && a.Day == b.Day && a.Weekday == b.Weekday &&
		a.Hour == b.Hour && a.Minute == b.Minute && a.AmPm == b.AmPm && a.Second == b.Second &&
		a.Ordinal == b.Ordinal && a.Decade == b.Decade && a.Century == b.Century &&
		a.Season == b.Season && a.Offset == b.Offset && a.DayPart == b.DayPart && a.Zone == b.Zone &&
		a.Holiday == b.Holiday && a.YY2 == b.YY2 && a.MonthName == b.MonthName && a.HasHour == b.HasHour &&
		a.HasMinute == b.HasMinute && a.HasNum == b.HasNum && a.HasNum2 == b.HasNum2 && a.HalfTag == b.HalfTag &&
		a.HasOffset == b.HasOffset && a.Seconds == b.Seconds &&
		a.DurUnit == b.DurUnit && a.DurUnit2 == b.DurUnit2 && a.Part == b.Part &&
		sameNumeral(&a.Num, &b.Num) && sameNumeral(&a.Num2, &b.Num2)
}

// sameNumeral is sameCaptures for one numeral.
func sameNumeral(a, b *rules.Numeral) bool {
	bits := math.Float64bits
	return bits(a.Value) == bits(b.Value) && bits(a.Precision) == bits(b.Precision) && bits(a.Low) == bits(b.Low) &&
		bits(a.High) == bits(b.High) && bits(a.Scale) == bits(b.Scale) && a.End == b.End &&
		a.Vague == b.Vague && a.Words == b.Words && a.Code == b.Code && a.Scaled == b.Scaled &&
		a.Fraction == b.Fraction && a.Ordinal == b.Ordinal
}
