package templateinjection

import (
	"net/http"
	"text/template"
)

func preview(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-template-injection
	t, err := template.New("preview").Parse(r.FormValue("template"))
	if err != nil {
		return
	}
	t.Execute(w, nil)
}

func greet(w http.ResponseWriter, r *http.Request) {
	// ok: go-template-injection
	t := template.Must(template.New("greet").Parse("Hello {{.}}"))
	t.Execute(w, r.FormValue("name"))
}
