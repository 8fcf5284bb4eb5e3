package loginjection

import (
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
)

func login(w http.ResponseWriter, r *http.Request) {
	user := r.PostFormValue("user")
	// ruleid: go-log-injection
	log.Printf("login failed for %s", user)
	// ok: go-log-injection
	log.Printf("login failed from %s", r.RemoteAddr)
}

// The request line as sent is not decoded, and net/url refuses control characters in it.
func failed(w http.ResponseWriter, r *http.Request) {
	// ok: go-log-injection
	log.Printf("%s %s failed", r.Method, r.RequestURI)
	// ok: go-log-injection
	log.Printf("query %s", r.URL.RawQuery)
	// The path is decoded: `%0a` is a line break.
	// ruleid: go-log-injection
	log.Printf("%s failed", r.URL.Path)
	// ruleid: go-log-injection
	log.Printf("next %s", r.URL.Query().Get("next"))
}

func ginFailed(c *gin.Context) {
	// ok: go-log-injection
	log.Printf("%s failed", c.Request.RequestURI)
	// ruleid: go-log-injection
	log.Printf("%s failed", c.Request.URL.Path)
}
