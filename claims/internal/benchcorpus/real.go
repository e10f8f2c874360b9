package benchcorpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// Article is one generated real-text article.
type Article struct {
	Name, Lang, Text string
}

// RealDir finds ../shared/corpora from the working directory or one of its
// parents (tests run in their package directory), or "" when it is absent.
func RealDir() string {
	if d := os.Getenv("CROSSCHECK_REAL_CORPORA"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "..", "shared", "corpora")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// LoadReal returns about size bytes of varied real articles in lang ("en",
// "id" or "" for both) made by Variants from the corpora beside the project,
// and skips the benchmark when they are absent.
func LoadReal(b testing.TB, lang string, size int) []string {
	root := RealDir()
	if root == "" {
		b.Skip("no ../shared/corpora: the real-text corpus cannot be built")
	}
	arts, err := Variants(root, lang, size, 1)
	if err != nil {
		b.Fatal(err)
	}
	if len(arts) == 0 {
		b.Skipf("no %q articles under %s", lang, root)
	}
	texts := make([]string, len(arts))
	for i, a := range arts {
		texts[i] = a.Text
	}
	return texts
}

// Variants builds about size bytes of articles from the real articles under
// root (root/<corpus>/<story>/*.txt; the indosum corpus is Indonesian, the
// others English), keeping only those in lang unless lang is "". Each
// article is a variant of a source: its figures moved by up to a quarter
// (days stay days, years move by a few), month names and mid-sentence
// capitalised names swapped for others of the corpus, and its paragraphs
// after the first shuffled, so no two are identical and the text keeps the
// density and shapes of real reporting. Nothing of it is meant to be
// stored: the caller writes it to a temporary place, or keeps it in memory.
func Variants(root, lang string, size int, seed uint64) ([]Article, error) {
	files, err := filepath.Glob(filepath.Join(root, "*", "*", "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	type source struct {
		name, lang, text string
	}
	var srcs []source
	names := map[string]bool{}
	for _, f := range files {
		l := "en"
		if filepath.Base(filepath.Dir(filepath.Dir(f))) == "indosum" {
			l = "id"
		}
		if lang != "" && l != lang {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(root, f)
		srcs = append(srcs, source{strings.TrimSuffix(strings.ReplaceAll(rel, string(filepath.Separator), "_"), ".txt"), l, string(data)})
		for _, n := range midNames(string(data)) {
			names[n] = true
		}
	}
	if len(srcs) == 0 {
		return nil, nil
	}
	pool := make([]string, 0, len(names))
	for n := range names {
		pool = append(pool, n)
	}
	sort.Strings(pool)
	var out []Article
	total := 0
	for i := 0; total < size; i++ {
		s := srcs[i%len(srcs)]
		r := rand.New(rand.NewPCG(seed, uint64(i)))
		text := vary(r, s.text, s.lang, pool)
		out = append(out, Article{Name: fmt.Sprintf("%06d-%s", i, s.name), Lang: s.lang, Text: text})
		total += len(text)
	}
	return out, nil
}

var monthNames = map[string][]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"id": {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"},
}

// weekdays keep their place: they date events.
var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"}

// vary makes one variant of text (see Variants). The front matter (the
// "key: value" lines before the first blank line, when they look like
// that) is kept as it is.
func vary(r *rand.Rand, text, lang string, pool []string) string {
	head := ""
	if strings.HasPrefix(text, "date:") || strings.HasPrefix(text, "title:") || strings.HasPrefix(text, "source:") {
		if k := strings.Index(text, "\n\n"); k >= 0 {
			head, text = text[:k+2], text[k+2:]
		}
	}
	paras := strings.Split(strings.TrimRight(text, "\n"), "\n\n")
	if len(paras) > 2 {
		rest := paras[1:]
		r.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	}
	months := monthNames[lang]
	swap := map[string]string{}
	for _, n := range pool {
		if r.IntN(3) == 0 {
			swap[n] = pool[r.IntN(len(pool))]
		}
	}
	var b strings.Builder
	b.Grow(len(head) + len(text) + 64)
	b.WriteString(head)
	for pi, p := range paras {
		if pi > 0 {
			b.WriteString("\n\n")
		}
		rs := []rune(p)
		for i := 0; i < len(rs); {
			j := i
			switch {
			case unicode.IsDigit(rs[i]):
				for j < len(rs) && unicode.IsDigit(rs[j]) {
					j++
				}
				b.WriteString(moveNumber(r, string(rs[i:j])))
			case unicode.IsLetter(rs[i]):
				for j < len(rs) && unicode.IsLetter(rs[j]) {
					j++
				}
				w := string(rs[i:j])
				if mi := indexOf(months, w); mi >= 0 && r.IntN(2) == 0 {
					w = months[r.IntN(len(months))]
				} else if n, ok := swap[w]; ok && i > 0 && rs[i-1] == ' ' && i > 1 && rs[i-2] != '.' {
					w = n
				}
				b.WriteString(w)
			default:
				j++
				b.WriteRune(rs[i])
			}
			i = j
		}
	}
	b.WriteString("\n")
	return b.String()
}

// moveNumber moves a digit run: a day-sized number stays a day, a year moves
// by up to three, other figures by up to a quarter, keeping the number of
// digits (a leading zero stays).
func moveNumber(r *rand.Rand, s string) string {
	n, err := strconv.Atoi(s)
	if err != nil || s[0] == '0' && len(s) > 1 {
		return s
	}
	switch {
	case n >= 1 && n <= 28:
		n = 1 + r.IntN(28)
	case n >= 1950 && n <= 2049:
		n += r.IntN(7) - 3
	case n > 28:
		n += r.IntN(n/2+1) - n/4
	}
	out := strconv.Itoa(n)
	if len(out) != len(s) {
		return s
	}
	return out
}

// midNames are the capitalised words that follow a space and not a full
// stop: names of people, places and organisations, mostly.
func midNames(text string) []string {
	var out []string
	f := strings.Fields(text)
	for i := 1; i < len(f); i++ {
		w := strings.TrimFunc(f[i], func(r rune) bool { return !unicode.IsLetter(r) })
		if len(w) < 4 || w != f[i] || !unicode.IsUpper([]rune(w)[0]) || strings.HasSuffix(f[i-1], ".") {
			continue
		}
		if indexOf(monthNames["en"], w) >= 0 || indexOf(monthNames["id"], w) >= 0 || indexOf(weekdays, w) >= 0 {
			continue
		}
		out = append(out, w)
	}
	return out
}

func indexOf(list []string, w string) int {
	for i, x := range list {
		if x == w {
			return i
		}
	}
	return -1
}
