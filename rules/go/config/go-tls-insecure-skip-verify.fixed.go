package skipverify

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
)

func client() *http.Client {
	// ruleid: go-tls-insecure-skip-verify
	cfg := &tls.Config{}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

func multiline() *http.Transport {
	return &http.Transport{
		TLSClientConfig: &tls.Config{
			MinVersion: tls.VersionTLS12,
			// ruleid: go-tls-insecure-skip-verify
		},
	}
}

func assigned() *tls.Config {
	cfg := &tls.Config{}
	// ruleid: go-tls-insecure-skip-verify
	cfg.InsecureSkipVerify = true
	return cfg
}

func pinned(check func([][]byte, [][]*x509.Certificate) error) *tls.Config {
	// ok: go-tls-insecure-skip-verify
	return &tls.Config{InsecureSkipVerify: true, VerifyPeerCertificate: check}
}

func verified(pool *x509.CertPool) *tls.Config {
	// ok: go-tls-insecure-skip-verify
	return &tls.Config{RootCAs: pool, InsecureSkipVerify: false}
}

type Agent struct{ TLS *tls.Config }

// InsecureSkipVerify is the option a library offers its callers: they choose it by name.
func (a *Agent) InsecureSkipVerify() *Agent {
	// ok: go-tls-insecure-skip-verify
	a.TLS = &tls.Config{InsecureSkipVerify: true}
	return a
}
