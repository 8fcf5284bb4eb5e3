package users

import "database/sql"

var db *sql.DB

// FindUser looks a user up by name.
func FindUser(name string) (*sql.Rows, error) {
	return db.Query("SELECT * FROM users WHERE name = '" + name + "'")
}
