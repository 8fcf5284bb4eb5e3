package hardcodedkey

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

var staticIV = []byte("fedcba9876543210")

func encrypt(plain []byte) ([]byte, error) {
	// ruleid: go-hardcoded-crypto-key
	block, err := aes.NewCipher([]byte("0123456789abcdef"))
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(plain))
	// ruleid: go-hardcoded-crypto-key
	cipher.NewCBCEncrypter(block, staticIV).CryptBlocks(out, plain)
	return out, nil
}

func sign(body []byte) []byte {
	// ruleid: go-hardcoded-crypto-key
	mac := hmac.New(sha256.New, []byte("webhook-signing-key"))
	mac.Write(body)
	return mac.Sum(nil)
}

func issue(user string) (string, error) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user})
	// ruleid: go-hardcoded-crypto-key
	return token.SignedString([]byte("jwt-secret"))
}

func encryptWithEnvKey(plain []byte) ([]byte, error) {
	// ok: go-hardcoded-crypto-key
	block, err := aes.NewCipher([]byte(os.Getenv("DATA_KEY")))
	if err != nil {
		return nil, err
	}
	iv := make([]byte, aes.BlockSize)
	if _, err := rand.Read(iv); err != nil {
		return nil, err
	}
	out := make([]byte, len(plain))
	// ok: go-hardcoded-crypto-key
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, plain)
	return append(iv, out...), nil
}

func issueWithKey(user string, key []byte) (string, error) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user})
	// ok: go-hardcoded-crypto-key
	return token.SignedString(key)
}
