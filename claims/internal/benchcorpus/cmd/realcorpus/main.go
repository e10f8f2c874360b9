// Command realcorpus writes the real-text benchmark corpus: varied copies of
// the real articles in ../shared/corpora (see benchcorpus.Variants), one
// file per article or one JSON Lines file. Write it to a temporary
// directory; it is not to be committed.
//
//	go run ./claims/internal/benchcorpus/cmd/realcorpus -mb 5 -lang en -dir /tmp/real5
//	go run ./claims/internal/benchcorpus/cmd/realcorpus -mb 5 -lang en -one /tmp/real5.txt
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/crosscheck/crosscheck/claims/internal/benchcorpus"
)

func main() {
	mb := flag.Float64("mb", 5, "megabytes of text to write")
	lang := flag.String("lang", "", "en, id, or empty for both")
	seed := flag.Uint64("seed", 1, "variant seed")
	src := flag.String("src", "", "corpora directory (default: ../shared/corpora found upwards)")
	dir := flag.String("dir", "", "write one .txt file per article here")
	jsonl := flag.String("jsonl", "", "write a JSON Lines file here")
	one := flag.String("one", "", "write every article into this one file, separated by blank lines")
	flag.Parse()
	root := *src
	if root == "" {
		root = benchcorpus.RealDir()
	}
	if root == "" {
		fmt.Fprintln(os.Stderr, "realcorpus: no ../shared/corpora; give -src")
		os.Exit(2)
	}
	arts, err := benchcorpus.Variants(root, *lang, int(*mb*1e6), *seed)
	if err != nil {
		fail(err)
	}
	if *dir != "" {
		if err := os.MkdirAll(*dir, 0o755); err != nil {
			fail(err)
		}
		for _, a := range arts {
			if err := os.WriteFile(filepath.Join(*dir, a.Name+".txt"), []byte(a.Text), 0o644); err != nil {
				fail(err)
			}
		}
	}
	if *jsonl != "" {
		f, err := os.Create(*jsonl)
		if err != nil {
			fail(err)
		}
		w := bufio.NewWriter(f)
		enc := json.NewEncoder(w)
		for _, a := range arts {
			if err := enc.Encode(map[string]string{"id": a.Name, "language": a.Lang, "text": a.Text}); err != nil {
				fail(err)
			}
		}
		if err := w.Flush(); err != nil {
			fail(err)
		}
		if err := f.Close(); err != nil {
			fail(err)
		}
	}
	if *one != "" {
		f, err := os.Create(*one)
		if err != nil {
			fail(err)
		}
		w := bufio.NewWriter(f)
		for i, a := range arts {
			if i > 0 {
				w.WriteString("\n")
			}
			w.WriteString(a.Text)
		}
		if err := w.Flush(); err != nil {
			fail(err)
		}
		if err := f.Close(); err != nil {
			fail(err)
		}
	}
	n := 0
	for _, a := range arts {
		n += len(a.Text)
	}
	fmt.Fprintf(os.Stderr, "realcorpus: %d articles, %d bytes\n", len(arts), n)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "realcorpus:", err)
	os.Exit(1)
}
