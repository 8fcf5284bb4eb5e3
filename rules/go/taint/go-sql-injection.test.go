package sqlinjection

import (
	"database/sql"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"
)

type Store struct {
	db *sql.DB
	x  *sqlx.DB
}

func (s *Store) byID(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	// ruleid: go-sql-injection
	rows, err := s.db.Query("SELECT name FROM users WHERE id = " + id)
	if err == nil {
		rows.Close()
	}
	// ok: go-sql-injection
	row := s.db.QueryRow("SELECT name FROM users WHERE id = $1", id)
	_ = row
}

func (s *Store) search(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	query := fmt.Sprintf("SELECT id FROM users WHERE name = '%s'", name)
	// ruleid: go-sql-injection
	s.db.ExecContext(r.Context(), query)
	n, err := strconv.Atoi(r.FormValue("limit"))
	if err != nil {
		return
	}
	// ok: go-sql-injection
	s.db.Query(fmt.Sprintf("SELECT id FROM users LIMIT %d", n))
}

func (s *Store) built(w http.ResponseWriter, r *http.Request) {
	var b strings.Builder
	b.WriteString("SELECT id FROM orders WHERE status = '")
	b.WriteString(r.PostFormValue("status"))
	b.WriteString("'")
	// ruleid: go-sql-injection
	s.db.Query(b.String())
}

func (s *Store) ginHandler(c *gin.Context) {
	var names []string
	// ruleid: go-sql-injection
	s.x.Select(&names, "SELECT name FROM users WHERE team = '"+c.Param("team")+"'")
	// ok: go-sql-injection
	s.x.Select(&names, "SELECT name FROM users WHERE team = ?", c.Param("team"))
}
