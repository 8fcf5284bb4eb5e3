package weaksuites

import "crypto/tls"

func legacy() *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		// ruleid: go-tls-weak-cipher-suites
		CipherSuites: []uint16{tls.TLS_RSA_WITH_AES_128_CBC_SHA, tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256},
	}
}

func rc4() *tls.Config {
	// ruleid: go-tls-weak-cipher-suites
	return &tls.Config{CipherSuites: []uint16{tls.TLS_ECDHE_RSA_WITH_RC4_128_SHA}}
}

func modern() *tls.Config {
	// ok: go-tls-weak-cipher-suites
	return &tls.Config{CipherSuites: []uint16{tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256}}
}
