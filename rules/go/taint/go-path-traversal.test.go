package pathtraversal

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"

	"example.com/shop/validate"
)

const uploads = "/srv/uploads"

func download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	// ruleid: go-path-traversal
	data, err := os.ReadFile(filepath.Join(uploads, name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Write(data)
}

func serve(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-path-traversal
	http.ServeFile(w, r, filepath.Join(uploads, chi.URLParam(r, "name")))
}

func base(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.URL.Query().Get("file"))
	// ok: go-path-traversal
	f, err := os.Open(filepath.Join(uploads, name))
	if err == nil {
		f.Close()
	}
}

func contained(w http.ResponseWriter, r *http.Request) {
	p := filepath.Clean(filepath.Join(uploads, r.FormValue("file")))
	if !strings.HasPrefix(p, uploads+string(os.PathSeparator)) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	// ok: go-path-traversal
	os.Remove(p)
}

func ginFile(c *gin.Context) {
	// ruleid: go-path-traversal
	c.File(filepath.Join(uploads, c.Query("name")))
}

// The upload is what is saved, the second argument is where: a name the server made is no traversal.
func ginUpload(c *gin.Context) {
	file, err := c.FormFile("file")
	if err != nil {
		return
	}
	// ok: go-path-traversal
	_ = c.SaveUploadedFile(file, filepath.Join(uploads, "avatar-1.png"))
	// ruleid: go-path-traversal
	_ = c.SaveUploadedFile(file, filepath.Join(uploads, c.PostForm("dir"), "avatar.png"))
}

func fiberUpload(c *fiber.Ctx) error {
	file, err := c.FormFile("file")
	if err != nil {
		return err
	}
	// ruleid: go-path-traversal
	return c.SaveFile(file, uploads+"/"+c.Query("name"))
}

// A whole-string pattern declared in another package still vouches for the value.
func byUID(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("uid")
	if !validate.UIDMatcher.MatchString(uid) {
		http.Error(w, "bad uid", http.StatusBadRequest)
		return
	}
	// ok: go-path-traversal
	_ = os.MkdirAll(filepath.Join(uploads, uid), 0o750)
}

func localName(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	if !filepath.IsLocal(name) {
		http.Error(w, "bad name", http.StatusBadRequest)
		return
	}
	// ok: go-path-traversal
	_ = os.Remove(filepath.Join(uploads, name))
	// ruleid: go-path-traversal
	_ = os.Remove(filepath.Join(uploads, r.URL.Query().Get("other")))
}
