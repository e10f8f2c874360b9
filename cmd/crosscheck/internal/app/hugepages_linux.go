package app

import (
	"runtime"
	"runtime/debug"
	"syscall"
	"unsafe"
)

// Linux's MADV_HUGEPAGE and MADV_NOHUGEPAGE. Ranges advised the first are
// backed by transparent huge pages where the system allows them (the
// "madvise" setting of /sys/kernel/mm/transparent_hugepage/enabled, a
// common default, grants them only to ranges that ask).
const madvHugePage, madvNoHugePage = 14, 15

// hugeStart and hugeSize are the range HugeHeap advised (size 0: none).
var hugeStart, hugeSize uintptr

// HugeHeap asks for transparent huge pages under the first n bytes the
// heap will grow into, so that filling them costs one page fault per 2 MB
// instead of one per 4 KB. The command calls it first thing.
//
// Why: an in-memory run's heap is almost all new memory (5 MB of real
// articles make about 90 MB of heap, little of it freed before the end),
// and on the project machine (a virtual machine) each 4 KB fault cost
// about 10 µs of system time and 4 µs of user time: 23,000 faults, a fifth
// of a `claims` run's CPU. With huge pages the same run takes about 2,900
// faults. An archive run is the exception (ordinaryPages).
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
	if syscall.Madvise(b, madvHugePage) == nil {
		hugeStart, hugeSize = uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(len(b))
	}
	b = nil
	debug.SetGCPercent(old)
	runtime.GC()
}

// ordinaryPages withdraws HugeHeap's advice for the rest of the run (pages
// already faulted in stay as they are). An archive run keeps a small heap
// and collects often, so its memory is freed and touched again many
// times: there a huge page is zeroed whole where a few small ones would
// do, and the run took about 5% more CPU with huge pages (10,000 articles,
// --spill always, five pairs of runs).
func ordinaryPages() {
	if hugeSize != 0 {
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, hugeStart, hugeSize, madvNoHugePage) // advice: failure changes nothing
		hugeSize = 0
	}
}
