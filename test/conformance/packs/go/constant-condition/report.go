package report

import (
	"database/sql"
	"net/http"
)

var db *sql.DB

func report(w http.ResponseWriter, r *http.Request) {
	region := r.URL.Query().Get("region")
	num := 86
	var wanted string
	if (7*42)-num > 200 {
		wanted = "EU"
	} else {
		wanted = region
	}
	// ok: go-sql-injection
	a, err := db.Query("SELECT * FROM sales WHERE region = '" + wanted + "'")
	if err == nil {
		a.Close()
	}

	num2 := 106
	other := region
	if (7*42)-num2 > 200 {
		other = "EU"
	}
	// ruleid: go-sql-injection
	b, err := db.Query("SELECT * FROM sales WHERE region = '" + other + "'")
	if err == nil {
		b.Close()
	}
}
