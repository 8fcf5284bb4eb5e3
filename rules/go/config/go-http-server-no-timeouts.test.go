package servertimeouts

import (
	"log"
	"net/http"
	"time"
)

func serve(mux *http.ServeMux) {
	// ruleid: go-http-server-no-timeouts
	log.Fatal(http.ListenAndServe(":8080", mux))
}

func serveTLS() error {
	// ruleid: go-http-server-no-timeouts
	return http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", nil)
}

func server(mux *http.ServeMux) *http.Server {
	// ruleid: go-http-server-no-timeouts
	return &http.Server{Addr: ":8080", Handler: mux}
}

func bigServer(mux *http.ServeMux) *http.Server {
	// ruleid: go-http-server-no-timeouts
	srv := &http.Server{
		Addr:    ":8080",
		Handler: mux,
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
