// Command crosscheck reads several news articles about the same story,
// extracts their checkable facts and reports where the sources disagree.
//
//	crosscheck report [flags] PATH...    contradiction table (table, markdown, csv, json, html, claimreview)
//	crosscheck claims [flags] PATH...    every claim read, for rule authors
//	crosscheck verify PATH...            run expectation cases (txtar)
//	crosscheck review ID --confirm|--dismiss --reason "..."
//
// Exit status: 0 no findings at or above the threshold, 1 findings, 2 usage
// or input error.
//
// For performance work, CROSSCHECK_CPUPROFILE=FILE and
// CROSSCHECK_MEMPROFILE=FILE write pprof profiles of the whole run (read
// them with go tool pprof), and CROSSCHECK_HUGEPAGES=off leaves the heap on
// the system's default pages in an in-memory run (see app.HugeHeap).
//
// default.pgo beside this file is a CPU profile of real runs, which go
// build and go run use for profile-guided optimisation (2–5% fewer
// instructions); bash .ci/pgo-profile regenerates it.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"

	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/app"
)

func main() {
	// A report run allocates in short bursts per document and peaks far
	// below the 1 GB budget (about 420 MB for 10,000 articles): collecting less
	// often trades some of that headroom for speed. GOGC, when set, wins;
	// a run that reads its inputs into memory waits for a heap budget
	// instead while its live heap is small (app.collectByBudget), and an
	// archive run (--spill) collects more often again, since bounded
	// memory is its point (app.runReport).
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	mem := os.Getenv("CROSSCHECK_MEMPROFILE")
	if mem == "" {
		// Nothing reads the allocation samples unless a memory profile was
		// asked for, and the default rate walks the stack of one allocation
		// in every 512 KB (about 17,000 instructions each: 4 M on 5 MB of
		// articles).
		runtime.MemProfileRate = 0
	}
	stop := profile(os.Getenv("CROSSCHECK_CPUPROFILE"), mem)
	code := app.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// profile starts a CPU profile into cpu and returns a function that stops
// it and writes a heap profile (all allocations) into mem; empty names are
// skipped. Failures are reported and do not stop the run.
func profile(cpu, mem string) (stop func()) {
	var cpuFile *os.File
	if cpu != "" {
		f, err := os.Create(cpu)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "crosscheck: cpu profile:", err)
		} else {
			cpuFile = f
		}
	}
	return func() {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			cpuFile.Close()
		}
		if mem == "" {
			return
		}
		f, err := os.Create(mem)
		if err == nil {
			runtime.GC()
			err = pprof.Lookup("allocs").WriteTo(f, 0)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "crosscheck: memory profile:", err)
		}
	}
}
