package users

import (
	"database/sql"
	"net/http"
	"strings"
)

var db *sql.DB

func user(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name") // trace-line
	label := "user:" + name           // trace-line
	key := strings.TrimSpace(label)   // trace-line
	// ruleid: go-sql-injection
	rows, err := db.Query("SELECT * FROM users WHERE name = '" + key + "'") // trace-line
	if err == nil {
		rows.Close()
	}
}
