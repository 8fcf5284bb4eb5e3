package tempfile

import (
	"os"
	"path/filepath"
)

func export(data []byte) error {
	// ruleid: go-predictable-temp-file
	return os.WriteFile("/tmp/export.csv", data, 0o600)
}

func lock() (*os.File, error) {
	// ruleid: go-predictable-temp-file
	return os.OpenFile("/var/tmp/app.lock", os.O_CREATE|os.O_WRONLY, 0o600)
}

func random(data []byte) error {
	// ok: go-predictable-temp-file
	f, err := os.CreateTemp("", "export-*.csv")
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(data)
	return err
}

func underHome(data []byte) error {
	home, _ := os.UserHomeDir()
	// ok: go-predictable-temp-file
	return os.WriteFile(filepath.Join(home, ".cache", "export.csv"), data, 0o600)
}
