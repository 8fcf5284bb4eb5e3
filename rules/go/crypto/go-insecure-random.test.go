package insecurerandom

import (
	"encoding/hex"
	"fmt"
	"math/rand"
	"time"
)

func newSessionID() string {
	b := make([]byte, 16)
	// ruleid: go-insecure-random
	rand.Read(b)
	return hex.EncodeToString(b)
}

func resetCode() string {
	// ruleid: go-insecure-random
	resetCode := rand.Intn(1000000)
	return fmt.Sprintf("%06d", resetCode)
}

func issue() string {
	// ruleid: go-insecure-random
	apiKey := fmt.Sprintf("%x", rand.Int63())
	return apiKey
}

func generateToken(r *rand.Rand) string {
	// ruleid: go-insecure-random
	return fmt.Sprint(rand.Uint64())
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
