package unsafedeserialization

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"io"
	"net/http"
	"os"
)

type Order struct {
	ID    int
	Items []string
}

func gobOrder(w http.ResponseWriter, r *http.Request) {
	var o Order
	// ruleid: go-unsafe-deserialization
	if err := gob.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, "bad order", http.StatusBadRequest)
	}
}

func gobBuffered(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	var o Order
	// ruleid: go-unsafe-deserialization
	gob.NewDecoder(bytes.NewReader(body)).Decode(&o)
}

func jsonOrder(w http.ResponseWriter, r *http.Request) {
	var o Order
	// ok: go-unsafe-deserialization
	json.NewDecoder(r.Body).Decode(&o)
}

func fromDisk() (Order, error) {
	var o Order
	f, err := os.Open("orders.gob")
	if err != nil {
		return o, err
	}
	defer f.Close()
	// ok: go-unsafe-deserialization
	return o, gob.NewDecoder(f).Decode(&o)
}
