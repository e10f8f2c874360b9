package corpusgen

import (
	"strconv"
	"strings"
	"time"
)

// Names are built from syllables so that every story has proper nouns of its
// own: crosscheck groups articles into stories by shared names, and a corpus
// where all stories share a handful of names would test the grouping rather
// than the extraction.
var (
	onsets = []string{"b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "w", "j", "h", "c", "ng", "br", "kr", "tr", "pr"}
	vowels = []string{"a", "a", "i", "u", "e", "o", "ai", "au"}
	codas  = []string{"", "", "", "n", "ng", "r", "k", "l", "s", "m"}
)

func (g *gen) word(syl int) string {
	var b strings.Builder
	for i := 0; i < syl; i++ {
		b.WriteString(g.pick(onsets))
		b.WriteString(g.pick(vowels))
		if i == syl-1 || g.chance(0.3) {
			b.WriteString(g.pick(codas))
		}
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func (g *gen) name() string { return g.word(g.between(2, 3)) }

var (
	firstEN = []string{"James", "Maria", "Daniel", "Sarah", "Michael", "Laura", "Peter", "Emily", "Thomas", "Hannah", "David", "Rachel", "Andrew", "Grace", "Samuel", "Olivia", "Robert", "Claire", "Jonathan", "Naomi",
		"Alice", "Benjamin", "Caroline", "Dominic", "Eleanor", "Felix", "Georgia", "Harold", "Isabel", "Julian", "Katherine", "Leonard", "Miriam", "Nathan", "Ophelia", "Patrick", "Rosalind", "Simon", "Theresa", "Victor",
		"Wendy", "Adrian", "Beatrice", "Conrad", "Diana", "Edmund", "Fiona", "Gregory", "Helena", "Ivan"}
	firstID = []string{"Budi", "Siti", "Agus", "Dewi", "Rudi", "Fitri", "Hendra", "Wulan", "Joko", "Rina", "Bambang", "Nur", "Eko", "Yuni", "Arif", "Lestari", "Dedi", "Ratna", "Teguh", "Indah",
		"Ahmad", "Bayu", "Citra", "Dimas", "Endang", "Fajar", "Gilang", "Hesti", "Irfan", "Jaya", "Kartika", "Lukman", "Maya", "Nanda", "Oktavia", "Putri", "Rahmat", "Sri", "Taufik", "Umar",
		"Vina", "Wahyu", "Yoga", "Zahra", "Anisa", "Bima", "Dian", "Erlangga", "Galih", "Hadi"}
	rolesEN = []string{"a spokesperson for the regional government", "the head of the local disaster office", "a senior police official", "a political analyst at the state university", "a member of the provincial council", "the district chief", "an aid worker with a local charity", "a researcher at an independent think tank"}
	rolesID = []string{"juru bicara pemerintah daerah", "kepala kantor penanggulangan bencana setempat", "seorang perwira polisi", "pengamat politik dari universitas negeri", "anggota dewan provinsi", "kepala distrik", "relawan dari sebuah lembaga sosial", "peneliti di lembaga kajian independen"}
	sitesEN = []string{"The Harbor Ledger", "Northline Post", "The Daily Meridian", "Eastgate Herald", "Pacific Wire Review", "The Morning Courant", "Lantern News", "Crossroads Journal", "Tidewater Gazette", "Summit Times", "The Evening Compass", "Riverside Chronicle"}
	sitesID = []string{"Kabar Nusantara", "Warta Timur", "Suara Kepulauan", "Harian Fajar Baru", "Berita Cakrawala", "Media Pelita", "Lintas Daerah", "Jurnal Khatulistiwa", "Kabar Pesisir", "Warta Rakyat", "Detak Kota", "Gema Selatan"}
)

// country is a participant crosscheck's rules know, in both languages.
type country struct{ id, en, id2 string }

var countries = []country{
	{"north-korea", "North Korea", "Korea Utara"},
	{"south-korea", "South Korea", "Korea Selatan"},
	{"united-states", "the United States", "Amerika Serikat"},
	{"russia", "Russia", "Rusia"},
	{"china", "China", "Tiongkok"},
	{"japan", "Japan", "Jepang"},
	{"ukraine", "Ukraine", "Ukraina"},
	{"indonesia", "Indonesia", "Indonesia"},
	{"united-kingdom", "Britain", "Inggris"},
	{"iran", "Iran", "Iran"},
	{"iraq", "Iraq", "Irak"},
	{"france", "France", "Prancis"},
	{"israel", "Israel", "Israel"},
}

var (
	monthsEN   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	monthsID   = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
	weekdaysEN = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	weekdaysID = []string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}
	numWordsEN = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
)

// intText writes an integer with the language's thousands separator:
// "12,500" in English, "12.500" in Indonesian.
func intText(v int, lang string) string {
	s := strconv.Itoa(v)
	if len(s) <= 3 {
		return s
	}
	sep := ","
	if lang == Indonesian {
		sep = "."
	}
	var b strings.Builder
	pre := len(s) % 3
	if pre > 0 {
		b.WriteString(s[:pre])
	}
	for i := pre; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// decText writes v with one decimal: "6.2" / "6,2".
func decText(v float64, lang string) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if lang == Indonesian {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// dateSlots fills the ways a date is written: "March 7", "7 March",
// "March 7, 2023", "Tuesday", "7 Maret 2023", "Selasa".
func dateSlots(s map[string]string, prefix string, t time.Time, lang string) {
	d := strconv.Itoa(t.Day())
	y := strconv.Itoa(t.Year())
	if lang == Indonesian {
		m := monthsID[t.Month()-1]
		s[prefix+"dm"] = d + " " + m
		s[prefix+"dmy"] = d + " " + m + " " + y
		s[prefix+"wd"] = weekdaysID[t.Weekday()]
		s[prefix+"d"] = d
		s[prefix+"month"] = m
		s[prefix+"y"] = y
		return
	}
	m := monthsEN[t.Month()-1]
	s[prefix+"md"] = m + " " + d
	s[prefix+"dm"] = d + " " + m
	s[prefix+"mdy"] = m + " " + d + ", " + y
	s[prefix+"wd"] = weekdaysEN[t.Weekday()]
	s[prefix+"d"] = d
	s[prefix+"month"] = m
	s[prefix+"y"] = y
}

// fill replaces {key} with s[key]. Unknown keys panic: a template typo must
// fail the generator's tests, not silently write "{kiled}" into a corpus.
func fill(tmpl string, s map[string]string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			panic("corpusgen: unclosed slot in " + tmpl)
		}
		key := tmpl[i+1 : i+j]
		v, ok := s[key]
		if !ok {
			panic("corpusgen: no slot " + key + " for " + tmpl)
		}
		b.WriteString(tmpl[:i])
		b.WriteString(v)
		tmpl = tmpl[i+j+1:]
	}
}
