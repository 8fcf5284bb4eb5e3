package dsn

import (
	"database/sql"
	"os"
)

const reportDSN = "reporter:Tr0ub4dor-and-3@tcp(db:3306)/reports"

func open() (*sql.DB, error) {
	// ruleid: go-hardcoded-dsn-password
	return sql.Open("mysql", "app:correct-horse-battery@tcp(db:3306)/shop")
}

func reports() (*sql.DB, error) {
	// ruleid: go-hardcoded-dsn-password
	return sql.Open("mysql", reportDSN)
}

func postgres() (*sql.DB, error) {
	// ruleid: go-hardcoded-dsn-password
	return sql.Open("pgx", "host=db user=app password=hunter22 dbname=shop sslmode=require")
}

func fromEnv() (*sql.DB, error) {
	// ok: go-hardcoded-dsn-password
	return sql.Open("pgx", os.Getenv("DATABASE_URL"))
}

func noPassword() (*sql.DB, error) {
	// ok: go-hardcoded-dsn-password
	return sql.Open("sqlite3", "file:test.db?cache=shared")
}

func socket() (*sql.DB, error) {
	// ok: go-hardcoded-dsn-password
	return sql.Open("postgres", "host=/var/run/postgresql user=app dbname=shop")
}
