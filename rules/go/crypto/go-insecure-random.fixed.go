package insecurerandom

import (
	crand "crypto/rand"
	"encoding/hex"
	"fmt"
	"math/big"
	"math/rand"
	"time"
)

func newSessionID() string {
	b := make([]byte, 16)
	// ruleid: go-insecure-random
	crand.Read(b)
	return hex.EncodeToString(b)
}

func resetCode() string {
	// ruleid: go-insecure-random
	resetCode := int(secureInt63n(int64(1000000)))
	return fmt.Sprintf("%06d", resetCode)
}

func issue() string {
	// ruleid: go-insecure-random
	apiKey := fmt.Sprintf("%x", secureInt63n(9223372036854775807))
	return apiKey
}

func generateToken(r *rand.Rand) string {
	// ruleid: go-insecure-random
	return fmt.Sprint(secureUint64())
}

func retryDelay(attempt int) time.Duration {
	// ok: go-insecure-random
	jitter := time.Duration(rand.Intn(100)) * time.Millisecond
	return time.Duration(attempt)*time.Second + jitter
}

func pick(servers []string) string {
	// ok: go-insecure-random
	index := rand.Intn(len(servers))
	return servers[index]
}

func shuffle(xs []int) {
	// ok: go-insecure-random
	rand.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
}

// secureUint64 returns a random uint64 read from crypto/rand.
func secureUint64() uint64 {
	v, err := crand.Int(crand.Reader, new(big.Int).Lsh(big.NewInt(1), 64))
	if err != nil {
		panic(err)
	}
	return v.Uint64()
}

// secureInt63n returns a uniform random number in [0, n) read from crypto/rand (n > 0).
func secureInt63n(n int64) int64 {
	v, err := crand.Int(crand.Reader, big.NewInt(n))
	if err != nil {
		panic(err)
	}
	return v.Int64()
}
