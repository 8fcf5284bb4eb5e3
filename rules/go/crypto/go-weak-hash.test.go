package weakhash

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

func generateToken(userID string, ts int64) string {
	// ruleid: go-weak-hash
	sum := md5.Sum([]byte(fmt.Sprintf("%s:%d", userID, ts)))
	return hex.EncodeToString(sum[:])
}

func signRequest(query, secret string) string {
	// ruleid: go-weak-hash
	h := sha1.New()
	h.Write([]byte(query + secret))
	return hex.EncodeToString(h.Sum(nil))
}

func webhookMAC(key, body []byte) []byte {
	// ruleid: go-weak-hash
	mac := hmac.New(md5.New, key)
	mac.Write(body)
	return mac.Sum(nil)
}

func signV2(key, stringToSign []byte) []byte {
	// ok: go-weak-hash
	mac := hmac.New(sha1.New, key)
	mac.Write(stringToSign)
	return mac.Sum(nil)
}

func payload(body []byte) []byte {
	// ruleid: go-weak-hash
	signature := md5.Sum(body)
	return signature[:]
}

func etag(content []byte) string {
	// ok: go-weak-hash
	sum := md5.Sum(content)
	return `"` + hex.EncodeToString(sum[:]) + `"`
}

func fileChecksum(data []byte) string {
	// ok: go-weak-hash
	return fmt.Sprintf("%x", sha1.Sum(data))
}

func tokenDigest(token string) string {
	// ok: go-weak-hash
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func signedURL(key, path []byte) []byte {
	// ok: go-weak-hash
	mac := hmac.New(sha256.New, key)
	mac.Write(path)
	return mac.Sum(nil)
}
