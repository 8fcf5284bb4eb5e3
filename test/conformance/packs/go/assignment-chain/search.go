package search

import (
	"database/sql"
	"fmt"
	"net/http"
)

var db *sql.DB

func search(w http.ResponseWriter, r *http.Request) {
	term := r.PostFormValue("term")
	pattern := "%" + term + "%"
	where := "title LIKE '" + pattern + "'"
	query := "SELECT id, title FROM books WHERE " + where
	// ruleid: go-sql-injection
	found, err := db.Query(query)
	if err == nil {
		found.Close()
	}

	limit := 20
	page := fmt.Sprintf("SELECT id, title FROM books LIMIT %d", limit)
	// ok: go-sql-injection
	first, err := db.Query(page)
	if err == nil {
		first.Close()
	}
}
