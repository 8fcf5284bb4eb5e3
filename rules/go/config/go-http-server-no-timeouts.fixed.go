package servertimeouts

import (
	"log"
	"net/http"
	"time"
)

func serve(mux *http.ServeMux) {
	// ruleid: go-http-server-no-timeouts
	log.Fatal((&http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 10 * time.Second}).ListenAndServe())
}

func serveTLS() error {
	// ruleid: go-http-server-no-timeouts
	return (&http.Server{Addr: ":8443", ReadHeaderTimeout: 10 * time.Second}).ListenAndServeTLS("cert.pem", "key.pem")
}

func server(mux *http.ServeMux) *http.Server {
	// ruleid: go-http-server-no-timeouts
	return &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 10 * time.Second}
}

func bigServer(mux *http.ServeMux) *http.Server {
	// ruleid: go-http-server-no-timeouts
	srv := &http.Server{
		Addr:              ":8080",
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
	}
	return srv
}

func safe(mux *http.ServeMux) *http.Server {
	// ok: go-http-server-no-timeouts
	return &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
}

func safeRead(mux *http.ServeMux) *http.Server {
	// ok: go-http-server-no-timeouts
	return &http.Server{Addr: ":8080", Handler: mux, ReadTimeout: time.Minute}
}
