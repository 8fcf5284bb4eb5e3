package texttemplatehtml

import (
	htmltemplate "html/template"
	"net/http"
	"os"
	"text/template"

	"github.com/gin-gonic/gin"
)

var page = template.Must(template.New("page").Parse("<h1>Hello {{.}}</h1>"))

var safePage = htmltemplate.Must(htmltemplate.New("page").Parse("<h1>Hello {{.}}</h1>"))

func hello(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-text-template-html
	page.Execute(w, r.URL.Query().Get("name"))
}

func helloGin(c *gin.Context) {
	// ruleid: go-text-template-html
	page.Execute(c.Writer, c.Query("name"))
}

func helloSafe(w http.ResponseWriter, r *http.Request) {
	// ok: go-text-template-html
	safePage.Execute(w, r.URL.Query().Get("name"))
}

func config() error {
	// ok: go-text-template-html
	return page.Execute(os.Stdout, "config")
}
