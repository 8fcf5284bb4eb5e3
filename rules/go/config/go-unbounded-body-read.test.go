package unboundedbody

import (
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
)

func upload(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-unbounded-body-read
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	w.Write([]byte{byte(len(body))})
}

func limited(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	// ok: go-unbounded-body-read
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "too large", http.StatusRequestEntityTooLarge)
		return
	}
	w.Write([]byte{byte(len(body))})
}

func ginUpload(c *gin.Context) {
	// ruleid: go-unbounded-body-read
	data, _ := io.ReadAll(c.Request.Body)
	c.Data(http.StatusOK, "application/octet-stream", data)
}

func fromFile(f io.Reader) ([]byte, error) {
	// ok: go-unbounded-body-read
	return io.ReadAll(f)
}

// A binder handed the request by its caller: the handler (or a middleware) sets the limit.
func bindBody(req *http.Request, v *[]byte) error {
	// ok: go-unbounded-body-read
	data, err := io.ReadAll(req.Body)
	*v = data
	return err
}

func (s *server) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	go func() {
		// ruleid: go-unbounded-body-read
		data, _ := io.ReadAll(req.Body)
		s.last = data
	}()
	w.WriteHeader(http.StatusAccepted)
}

type server struct{ last []byte }

