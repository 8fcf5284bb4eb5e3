package zipslip

import (
	"archive/tar"
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

func unzip(src, dest string) error {
	zr, err := zip.OpenReader(src)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, f := range zr.File {
		target := filepath.Join(dest, f.Name)
		// ruleid: go-zip-slip
		out, err := os.Create(target)
		if err != nil {
			return err
		}
		out.Close()
	}
	return nil
}

func unzipChecked(src, dest string) error {
	zr, err := zip.OpenReader(src)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, f := range zr.File {
		target := filepath.Join(dest, f.Name)
		if !strings.HasPrefix(filepath.Clean(target), filepath.Clean(dest)+string(os.PathSeparator)) {
			return fmt.Errorf("illegal path in archive: %q", f.Name)
		}
		// ok: go-zip-slip
		out, err := os.Create(target)
		if err != nil {
			return err
		}
		out.Close()
	}
	return nil
}

func untar(r io.Reader, dest string) error {
	tr := tar.NewReader(r)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch hdr.Typeflag {
		case tar.TypeDir:
			// ruleid: go-zip-slip
			if err := os.MkdirAll(filepath.Join(dest, hdr.Name), 0o750); err != nil {
				return err
			}
		case tar.TypeSymlink:
			// ruleid: go-zip-slip
			if err := os.Symlink(hdr.Linkname, filepath.Join(dest, filepath.Base(hdr.Name))); err != nil {
				return err
			}
		case tar.TypeReg:
			// ok: go-zip-slip
			out, err := os.Create(filepath.Join(dest, filepath.Base(hdr.Name)))
			if err != nil {
				return err
			}
			out.Close()
		}
	}
}

func extractEntry(f *zip.File, dest string) error {
	// ruleid: go-zip-slip
	return os.WriteFile(filepath.Join(dest, f.Name), nil, 0o600)
}
