package weakrsa

import (
	"crypto/rand"
	"crypto/rsa"
)

const legacyBits = 1024

func newKey() (*rsa.PrivateKey, error) {
	// ruleid: go-weak-rsa-key-size
	return rsa.GenerateKey(rand.Reader, 1024)
}

func newLegacyKey() (*rsa.PrivateKey, error) {
	// ruleid: go-weak-rsa-key-size
	return rsa.GenerateKey(rand.Reader, legacyBits)
}

func strongKey() (*rsa.PrivateKey, error) {
	// ok: go-weak-rsa-key-size
	return rsa.GenerateKey(rand.Reader, 3072)
}

func sized(bits int) (*rsa.PrivateKey, error) {
	// ok: go-weak-rsa-key-size
	return rsa.GenerateKey(rand.Reader, bits)
}
