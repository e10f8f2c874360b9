//go:build !linux

package app

// HugeHeap does nothing outside Linux (see hugepages_linux.go).
func HugeHeap(n int) {}
