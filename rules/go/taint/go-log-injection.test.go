package loginjection

import (
	"log"
	"net/http"
)

func login(w http.ResponseWriter, r *http.Request) {
	user := r.PostFormValue("user")
	// ruleid: go-log-injection
	log.Printf("login failed for %s", user)
	// ok: go-log-injection
	log.Printf("login failed from %s", r.RemoteAddr)
}
