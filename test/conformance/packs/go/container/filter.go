package filter

import (
	"database/sql"
	"net/http"
	"strings"
)

var db *sql.DB

type criteria struct {
	owner string
	table string
}

func filter(w http.ResponseWriter, r *http.Request) {
	c := criteria{}
	c.owner = r.URL.Query().Get("owner")
	c.table = "documents"
	// ruleid: go-sql-injection
	a, _ := db.Query("SELECT * FROM documents WHERE owner = '" + c.owner + "'")
	// ok: go-sql-injection
	b, _ := db.Query("SELECT * FROM " + c.table)

	settings := map[string]string{}
	settings["owner"] = r.URL.Query().Get("owner")
	settings["table"] = "documents"
	// ruleid: go-sql-injection
	d, _ := db.Query("SELECT * FROM documents WHERE owner = '" + settings["owner"] + "'")
	// ok: go-sql-injection
	e, _ := db.Query("SELECT * FROM " + settings["table"])

	var tags []string
	tags = append(tags, r.URL.Query().Get("tag"))
	// ruleid: go-sql-injection
	f, _ := db.Query("SELECT * FROM documents WHERE tag IN ('" + strings.Join(tags, "','") + "')")
	for _, rows := range []*sql.Rows{a, b, d, e, f} {
		if rows != nil {
			rows.Close()
		}
	}
}
