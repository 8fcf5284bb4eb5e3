package dirpermissions

import "os"

func cacheDir(dir string) error {
	// ruleid: go-dir-permissions
	return os.MkdirAll(dir, 0o750)
}

func uploads(dir string) error {
	// ruleid: go-dir-permissions
	return os.Mkdir(dir, 0o750)
}

func share(path string) error {
	// ruleid: go-dir-permissions
	return os.Chmod(path, 0o666)
}

func private(dir string) error {
	// ok: go-dir-permissions
	return os.MkdirAll(dir, 0o750)
}

func readable(dir string) error {
	// ok: go-dir-permissions
	return os.MkdirAll(dir, 0755)
}
