package rules

import "unsafe"

// maskPair is two anchor masks, which anyBit tests at once: a struct
// rather than an array so that its loop reads them into registers, not
// through a copy on the stack.
type maskPair struct{ a, b uint64 }

// maskPairs is ms as pairs of masks, without the last one when their
// number is odd.
func maskPairs(ms []uint64) []maskPair {
	return unsafe.Slice((*maskPair)(unsafe.Pointer(unsafe.SliceData(ms))), len(ms)>>1)
}
