package users

import (
	"database/sql"
	"fmt"
	"net/http"
)

var db *sql.DB

func findByEmail(email string) (*sql.Rows, error) {
	return db.Query(fmt.Sprintf("SELECT * FROM users WHERE email = '%s'", email))
}

func byEmail(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-sql-injection
	rows, err := findByEmail(r.URL.Query().Get("email"))
	if err == nil {
		rows.Close()
	}
}

func admin(w http.ResponseWriter, r *http.Request) {
	// ok: go-sql-injection
	rows, err := findByEmail("admin@example.com")
	if err == nil {
		rows.Close()
	}
}
