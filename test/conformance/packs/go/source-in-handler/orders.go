package orders

import (
	"database/sql"
	"net/http"
)

var db *sql.DB

func orders(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-sql-injection
	rows, err := db.Query("SELECT * FROM orders WHERE customer = '" + r.URL.Query().Get("customer") + "'")
	if err == nil {
		rows.Close()
	}
}

func openOrders(w http.ResponseWriter, r *http.Request) {
	// ok: go-sql-injection
	rows, err := db.Query("SELECT * FROM orders WHERE status = 'open'")
	if err == nil {
		rows.Close()
	}
}
