// Command shapes writes the adversarial shapes of claims/extract's
// BenchmarkAdversarial (benchcorpus.Shapes, the benchmark's seed) as files,
// DIR/NAME-NMB.txt, so that the whole CLI can be timed or counted on them:
//
//	go run ./claims/internal/benchcorpus/cmd/shapes -mb 1,4 -dir /tmp/shapes
//	crosscheck claims --format json /tmp/shapes/nobound-1MB.txt > /dev/null
//
// Write them to a temporary directory; they are not to be committed.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/claims/internal/benchcorpus"
)

func main() {
	sizes := flag.String("mb", "1,4", "comma-separated sizes in MB")
	dir := flag.String("dir", "", "directory to write into (required)")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "shapes: -dir is required")
		os.Exit(2)
	}
	var mbs []int
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fmt.Fprintf(os.Stderr, "shapes: -mb: %q is not a positive whole number\n", s)
			os.Exit(2)
		}
		mbs = append(mbs, n)
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fail(err)
	}
	for _, sh := range benchcorpus.Shapes {
		for _, mb := range mbs {
			// The benchmark's seed: the files are the texts it measures.
			text := sh.Gen(rand.New(rand.NewPCG(1, 2)), mb<<20)
			name := filepath.Join(*dir, fmt.Sprintf("%s-%dMB.txt", sh.Name, mb))
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				fail(err)
			}
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "shapes:", err)
	os.Exit(1)
}
