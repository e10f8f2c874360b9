// Command corpusgen writes a generated news corpus for benchmarks and
// whole-process measurements:
//
//	go run ./compare/internal/corpusgen/cmd/corpusgen -n 10000 -lang mix -dir /tmp/cc10k
//	go run ./compare/internal/corpusgen/cmd/corpusgen -n 1000 -lang en -jsonl /tmp/en1k.jsonl
//	go run ./compare/internal/corpusgen/cmd/corpusgen -n 40000 -days 365 -jsonl /tmp/year40k.jsonl
//
// It lives beside the generator so that benchmarks outside compare/ (which
// may not import an internal package) can still get the same corpus by
// running it.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/crosscheck/crosscheck/compare/internal/corpusgen"
)

func main() {
	seed := flag.Int64("seed", 1, "random seed")
	n := flag.Int("n", 1000, "number of articles")
	lang := flag.String("lang", corpusgen.Mixed, "en, id or mix")
	dir := flag.String("dir", "", "write one .txt file per article here")
	jsonl := flag.String("jsonl", "", "write a JSON Lines file here")
	truth := flag.String("truth", "", "write the injected discrepancies and traps as JSON here")
	days := flag.Int("days", 20*365, "spread the stories over this many days (365: a dense year)")
	flag.Parse()
	if *dir == "" && *jsonl == "" && *truth == "" {
		fmt.Fprintln(os.Stderr, "corpusgen: give -dir, -jsonl or -truth")
		os.Exit(2)
	}
	c := corpusgen.GenerateOver(*seed, *n, *lang, *days)
	check := func(err error) {
		if err != nil {
			fmt.Fprintln(os.Stderr, "corpusgen:", err)
			os.Exit(1)
		}
	}
	if *dir != "" {
		check(c.WriteDir(*dir))
	}
	write := func(path string, f func(*os.File) error) {
		out, err := os.Create(path)
		check(err)
		check(f(out))
		check(out.Close())
	}
	if *jsonl != "" {
		write(*jsonl, func(f *os.File) error { return c.WriteJSONL(f) })
	}
	if *truth != "" {
		write(*truth, func(f *os.File) error { return c.WriteTruth(f) })
	}
	fmt.Fprintf(os.Stderr, "corpusgen: %d articles, %d bytes, %d injected discrepancies\n", len(c.Articles), c.Bytes(), len(c.Discrepancies))
}
