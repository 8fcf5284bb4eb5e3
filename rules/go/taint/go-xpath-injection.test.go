package xpathinjection

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/antchfx/xmlquery"
)

var doc, _ = xmlquery.Parse(strings.NewReader("<users/>"))

func user(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: go-xpath-injection
	node := xmlquery.FindOne(doc, "//user[name='"+name+"']")
	if node != nil {
		fmt.Fprint(w, strconv.Quote(node.InnerText()))
	}
	// ruleid: go-xpath-injection
	nodes, _ := xmlquery.QueryAll(doc, fmt.Sprintf("//user[@role='%s']", r.FormValue("role")))
	_ = nodes
	// ok: go-xpath-injection
	for _, n := range xmlquery.Find(doc, "//user") {
		_ = n
	}
	id, err := strconv.Atoi(r.FormValue("id"))
	if err != nil {
		return
	}
	// ok: go-xpath-injection
	_ = xmlquery.FindOne(doc, fmt.Sprintf("//user[@id=%d]", id))
}
