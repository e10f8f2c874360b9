package pipeline

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"

	"github.com/crosscheck/crosscheck/claims/ingest"
)

func heapNow(tag string) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("%-20s heap %6.1f MB  sys %6.1f MB\n", tag, float64(m.HeapAlloc)/1e6, float64(m.Sys)/1e6)
}

func TestMemProbe(t *testing.T) {
	path := os.Getenv("PROBE")
	if path == "" {
		t.Skip()
	}
	heapNow("start")
	docs, err := ingest.Read([]string{path}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	heapNow("read")
	a, err := RunArchive(SliceSource(docs), Options{}, "")
	if err != nil {
		t.Fatal(err)
	}
	docs = nil
	heapNow("archive")
	f, _ := os.Create("/tmp/heap.prof")
	pprof.WriteHeapProfile(f)
	f.Close()
	a.Close()
}
