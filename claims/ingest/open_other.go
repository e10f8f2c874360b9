//go:build !linux

package ingest

import "os"

// openRead opens the regular file name for reading (see open_linux.go).
func openRead(name string) (*os.File, error) { return os.Open(name) }

// readRegular reads the regular file name whole, as readLimited reads an
// open file (see open_linux.go).
func readRegular(name string, size, max int64) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	return readLimited(f, size, max)
}
