package openredirect

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

func login(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	// ruleid: go-open-redirect
	http.Redirect(w, r, next, http.StatusFound)
}

func safeLogin(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	// A path on this site: one slash, then not a second one, a backslash or a blank browsers drop.
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") ||
		strings.HasPrefix(next, "/\t") || strings.HasPrefix(next, "/\n") || strings.HasPrefix(next, "/\r") {
		next = "/"
	}
	// ok: go-open-redirect
	http.Redirect(w, r, next, http.StatusFound)
}

func item(w http.ResponseWriter, r *http.Request) {
	// ok: go-open-redirect
	http.Redirect(w, r, "/items/"+r.FormValue("id"), http.StatusSeeOther)
}

func ginBack(c *gin.Context) {
	// ruleid: go-open-redirect
	c.Redirect(http.StatusFound, c.Query("return"))
}

func formNext(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-open-redirect
	http.Redirect(w, r, r.FormValue("next"), http.StatusFound)
}

func cookieNext(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("next")
	// ruleid: go-open-redirect
	http.Redirect(w, r, c.Value, http.StatusFound)
}

// The Host header names this site: a browser sent it to the server it reached.
func toHTTPS(w http.ResponseWriter, r *http.Request) {
	// ok: go-open-redirect
	http.Redirect(w, r, "https://"+r.Host+"/login", http.StatusMovedPermanently)
}

func ginToHTTPS(c *gin.Context) {
	host := c.Request.Host
	// ok: go-open-redirect
	c.Redirect(http.StatusFound, fmt.Sprintf("https://%s/login", host))
}

func ginFromURL(c *gin.Context) {
	// ruleid: go-open-redirect
	c.Redirect(http.StatusFound, c.Request.URL.Query().Get("to"))
}

var allowedTargets = map[string]bool{"/home": true, "/account": true}

// Functions that are themselves checks: true only for one of the allowed paths.
func isAllowedTarget(target string) bool {
	return allowedTargets[target]
}

func isShortTarget(target string) bool {
	return len(target) < 200
}

func validatedLogin(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if isAllowedTarget(next) {
		// ok: go-open-redirect
		http.Redirect(w, r, next, http.StatusFound)
		return
	}
	if isShortTarget(next) {
		// ruleid: go-open-redirect
		http.Redirect(w, r, next, http.StatusFound)
	}
}
