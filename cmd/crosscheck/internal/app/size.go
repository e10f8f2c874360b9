package app

import (
	"fmt"
	"strconv"
	"strings"
)

// sizeFlag is a byte size given as a number with an optional unit: 5000,
// 500K, 64MB, 1G (units are powers of 1024; B, K/KB, M/MB, G/GB, any case).
// Zero means the default.
type sizeFlag int64

const maxDocSizeUsage = "largest document read: a file holding one article, or one record of a JSON Lines file (whose total size is not limited); e.g. 500K, 64MB, 1G (default 64MB)"

func (s *sizeFlag) String() string {
	if *s == 0 {
		return ""
	}
	return strconv.FormatInt(int64(*s), 10)
}

func (s *sizeFlag) Set(v string) error {
	n, err := parseSize(v)
	if err != nil {
		return err
	}
	*s = sizeFlag(n)
	return nil
}

func parseSize(v string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(v))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n <= 0 || n*float64(mult) > 1<<62 {
		return 0, fmt.Errorf("invalid size %q (want a positive number of bytes, optionally with K, MB or G)", v)
	}
	return int64(n * float64(mult)), nil
}

// maxFileBytes is the ingest limit the flag gives (0: ingest's default).
func (s sizeFlag) maxFileBytes() int64 {
	if s == 0 {
		return 0
	}
	return max(int64(s), 1)
}
