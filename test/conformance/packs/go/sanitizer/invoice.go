package invoice

import (
	"database/sql"
	"html"
	"net/http"
	"strconv"
)

var db *sql.DB

func invoice(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.URL.Query().Get("id"))
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	// ok: go-sql-injection
	a, err := db.Query("SELECT * FROM invoices WHERE id = " + strconv.Itoa(id))
	if err == nil {
		a.Close()
	}

	// Escaped for HTML, not for SQL: a quote written as &#39; is fine, a backslash is not.
	note := html.EscapeString(r.URL.Query().Get("note"))
	// ruleid: go-sql-injection
	b, err := db.Query("SELECT * FROM invoices WHERE note = '" + note + "'")
	if err == nil {
		b.Close()
	}
}
