package ssrf

import (
	"io"
	"net/http"
	"net/url"
)

func proxy(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	// ruleid: go-ssrf
	resp, err := http.Get(target)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", "application/octet-stream")
	io.Copy(w, resp.Body)
}

func build(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-ssrf
	req, err := http.NewRequest(http.MethodGet, r.FormValue("callback"), nil)
	if err == nil {
		http.DefaultClient.Do(req)
	}
}

func fixedHost(w http.ResponseWriter, r *http.Request) {
	// ok: go-ssrf
	http.Get("https://api.example.com/items/" + url.PathEscape(r.FormValue("id")))
}

func checked(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.FormValue("url"))
	if err != nil || u.Hostname() != "api.example.com" {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	// ok: go-ssrf
	http.Get(u.String())
}
