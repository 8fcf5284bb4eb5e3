package tlsminversion

import "crypto/tls"

func legacyClients() *tls.Config {
	// ruleid: go-tls-min-version
	return &tls.Config{MinVersion: tls.VersionTLS10}
}

func server(certs []tls.Certificate) *tls.Config {
	return &tls.Config{
		Certificates: certs,
		// ruleid: go-tls-min-version
		MinVersion: tls.VersionTLS11,
	}
}

func numeric() tls.Config {
	// ruleid: go-tls-min-version
	return tls.Config{MinVersion: 0x0301}
}

func modern() *tls.Config {
	// ok: go-tls-min-version
	return &tls.Config{MinVersion: tls.VersionTLS12}
}

func newest() *tls.Config {
	// ok: go-tls-min-version
	return &tls.Config{MinVersion: tls.VersionTLS13}
}
