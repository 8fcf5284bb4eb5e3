package xss

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"net/http"

	"github.com/gorilla/mux"
)

var page = template.Must(template.New("p").Parse(`<p>Hello {{.}}</p>`))

func hello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: go-xss
	fmt.Fprintf(w, "<p>Hello %s</p>", name)
	// ok: go-xss
	fmt.Fprintf(w, "<p>Hello %s</p>", html.EscapeString(name))
	// ok: go-xss
	page.Execute(w, name)
}

func profile(w http.ResponseWriter, r *http.Request) {
	user := mux.Vars(r)["user"]
	// ruleid: go-xss
	io.WriteString(w, "<h1>"+user+"</h1>")
}

func raw(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-xss
	w.Write([]byte(r.FormValue("html")))
}

func text(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	// ok: go-xss
	fmt.Fprintf(w, "Hello %s", r.FormValue("name"))
}

func trusted(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-xss
	page.Execute(w, template.HTML(r.FormValue("bio")))
}
