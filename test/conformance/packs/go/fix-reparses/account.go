package account

import (
	"database/sql"
	"net/http"

	_ "github.com/lib/pq"
)

var db *sql.DB

func account(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	// ruleid: go-sql-injection
	rows, err := db.Query("SELECT * FROM accounts WHERE id = '" + id + "' AND active = 1")
	if err != nil {
		http.Error(w, "lookup failed", http.StatusInternalServerError)
		return
	}
	rows.Close()
}
