package templatehtml

import (
	"html/template"
	"net/http"
)

var page = template.Must(template.New("p").Parse(`<div>{{.}}</div>`))

func comment(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-template-html-unescaped
	body := template.HTML(r.FormValue("comment"))
	page.Execute(w, body)
}

func link(w http.ResponseWriter, href string) {
	// ruleid: go-template-html-unescaped
	page.Execute(w, template.URL(href))
}

func banner(w http.ResponseWriter) {
	// ok: go-template-html-unescaped
	page.Execute(w, template.HTML("<b>Welcome</b>"))
}

func escaped(w http.ResponseWriter, r *http.Request) {
	// ok: go-template-html-unescaped
	page.Execute(w, r.FormValue("comment"))
}

// A template function that exists to mark its argument safe (the `safeHTML` a site's own
// templates call): the conversion is what it offers; its callers decide what they pass.
type safeFuncs struct{}

func (safeFuncs) HTML(s string) template.HTML {
	// ok: go-template-html-unescaped
	return template.HTML(s)
}

func (safeFuncs) SafeURL(s string) template.URL {
	// ok: go-template-html-unescaped
	return template.URL(s)
}
