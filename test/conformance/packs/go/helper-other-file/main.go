package main

import (
	"net/http"

	"example.com/conformance/otherfile/users"
)

func user(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-sql-injection
	rows, err := users.FindUser(r.PathValue("name"))
	if err == nil {
		rows.Close()
	}
}

func me(w http.ResponseWriter, r *http.Request) {
	// ok: go-sql-injection
	rows, err := users.FindUser("guest")
	if err == nil {
		rows.Close()
	}
}

func main() {
	http.HandleFunc("/users/{name}", user)
	http.HandleFunc("/me", me)
	http.ListenAndServe("localhost:8080", nil)
}
