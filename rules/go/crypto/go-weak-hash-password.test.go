package weakhashpassword

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
)

func hashPassword(password, salt string) string {
	// ruleid: go-weak-hash-password
	sum := sha256.Sum256([]byte(salt + password))
	return hex.EncodeToString(sum[:])
}

func store(user, pw string) []byte {
	// ruleid: go-weak-hash-password
	pwHash := md5.Sum([]byte(pw))
	return append([]byte(user), pwHash[:]...)
}

func contentHash(b []byte) string {
	// ok: go-weak-hash-password
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
