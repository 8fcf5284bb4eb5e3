package decompression

import (
	"archive/zip"
	"compress/gzip"
	"io"
	"os"
)

const maxSize = 64 << 20

func gunzip(src io.Reader, dst io.Writer) error {
	zr, err := gzip.NewReader(src)
	if err != nil {
		return err
	}
	defer zr.Close()
	// ruleid: go-decompression-bomb
	_, err = io.Copy(dst, zr)
	return err
}

func gunzipLimited(src io.Reader, dst io.Writer) error {
	zr, err := gzip.NewReader(src)
	if err != nil {
		return err
	}
	defer zr.Close()
	// ok: go-decompression-bomb
	_, err = io.Copy(dst, io.LimitReader(zr, maxSize))
	return err
}

func readEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	// ruleid: go-decompression-bomb
	return io.ReadAll(rc)
}

func plain(dst io.Writer) error {
	f, err := os.Open("data.bin")
	if err != nil {
		return err
	}
	defer f.Close()
	// ok: go-decompression-bomb
	_, err = io.Copy(dst, f)
	return err
}
