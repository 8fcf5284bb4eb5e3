package unsafehandler

import (
	"io"
	"net/http"
	"unsafe"

	"github.com/gin-gonic/gin"
)

var last string

func remember(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<10))
	// ruleid: go-unsafe-in-handler
	last = unsafe.String(unsafe.SliceData(body), len(body))
	w.WriteHeader(http.StatusNoContent)
}

func name(c *gin.Context) {
	b := []byte(c.Query("name"))
	// ruleid: go-unsafe-in-handler
	s := *(*string)(unsafe.Pointer(&b))
	c.String(http.StatusOK, s)
}

func copied(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<10))
	// ok: go-unsafe-in-handler
	last = string(body)
	w.WriteHeader(http.StatusNoContent)
}

// A codec's zero-copy helper, outside request handling.
func bytesToString(b []byte) string {
	// ok: go-unsafe-in-handler
	return unsafe.String(unsafe.SliceData(b), len(b))
}
