package app

import (
	"runtime"
	"runtime/debug"
	"syscall"
)

// Linux's MADV_HUGEPAGE. Ranges advised with it are
// backed by transparent huge pages where the system allows them (the
// "madvise" setting of /sys/kernel/mm/transparent_hugepage/enabled, a
// common default, grants them only to ranges that ask).
const madvHugePage = 14

// HugeHeap asks for transparent huge pages under the first n bytes the
// heap will grow into, so that filling them costs one page fault per 2 MB
// instead of one per 4 KB. An in-memory run calls it (inMemoryHeap) just
// before it reads its inputs.
//
// Why: an in-memory run's heap is almost all new memory (5 MB of real
// articles make about 90 MB of heap, little of it freed before the end),
// and on the project machine (a virtual machine) each 4 KB fault cost
// about 10 µs of system time and 4 µs of user time: 23,000 faults, a fifth
// of a `claims` run's CPU. With huge pages the same run takes about 2,900
// faults. An archive run does not ask: it keeps a small heap and collects
// often, so its memory is freed and touched again many times, and a huge
// page is zeroed and held whole where a few small ones would do (about 5%
// more CPU at 10,000 articles, and 110-120 MB peak at 40,000 where
// ordinary pages give 107-110).
//
// How: the runtime offers no setting for this (since Go 1.21.1 it leaves
// the kernel's default alone), so HugeHeap allocates an n-byte buffer,
// which the runtime maps fresh and does not touch, marks its range, and
// frees it at once; the heap's later allocations reuse the range (the
// runtime allocates from the lowest free address) and its marking stays
// with the address range. The buffer is never written, so it costs
// address space, not memory; the collector is held off while it exists,
// and one collection frees it (about a millisecond on a heap this young).
// Where huge pages are unavailable the advice fails or does nothing and
// the run is as before.
func HugeHeap(n int) {
	old := debug.SetGCPercent(-1)
	b := make([]byte, n)
	_ = syscall.Madvise(b, madvHugePage) // advice: failure changes nothing
	b = nil
	debug.SetGCPercent(old)
	runtime.GC()
}
