package main

import (
	"log"
	"net/http"
	// ruleid: go-pprof-exposed
	_ "net/http/pprof"
)

func main() {
	// ok: go-pprof-exposed
	log.Println("serving", "net/http/pprof")
	log.Fatal(http.ListenAndServe(":8080", nil))
}
