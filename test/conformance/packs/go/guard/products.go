package products

import (
	"database/sql"
	"net/http"
)

var db *sql.DB

var sortable = map[string]bool{"name": true, "created": true, "price": true}

func products(w http.ResponseWriter, r *http.Request) {
	column := r.URL.Query().Get("sort")
	if sortable[column] {
		// ok: go-sql-injection
		rows, err := db.Query("SELECT * FROM products ORDER BY " + column)
		if err == nil {
			rows.Close()
		}
		return
	}
	// ruleid: go-sql-injection
	rows, err := db.Query("SELECT * FROM products ORDER BY " + column + " DESC")
	if err == nil {
		rows.Close()
	}
}

func productsByName(w http.ResponseWriter, r *http.Request) {
	column := r.URL.Query().Get("sort")
	if _, ok := sortable[column]; !ok {
		http.Error(w, "bad sort", http.StatusBadRequest)
		return
	}
	// ok: go-sql-injection
	rows, err := db.Query("SELECT * FROM products ORDER BY " + column)
	if err == nil {
		rows.Close()
	}
}
