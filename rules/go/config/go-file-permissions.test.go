package filepermissions

import (
	"io/ioutil"
	"os"
)

func save(path string, data []byte) error {
	// ruleid: go-file-permissions
	return os.WriteFile(path, data, 0666)
}

func saveKey(data []byte) error {
	// ruleid: go-file-permissions
	return os.WriteFile("/etc/app/tls.key", data, 0644)
}

func appendLog(path string) (*os.File, error) {
	// ruleid: go-file-permissions
	return os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o777)
}

func legacy(tokenFile string, token []byte) error {
	// ruleid: go-file-permissions
	return ioutil.WriteFile(tokenFile, token, 0644)
}

func public(path string, html []byte) error {
	// ok: go-file-permissions
	return os.WriteFile(path, html, 0644)
}

func private(secretPath string, data []byte) error {
	// ok: go-file-permissions
	return os.WriteFile(secretPath, data, 0o600)
}
