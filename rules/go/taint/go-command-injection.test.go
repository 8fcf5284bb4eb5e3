package commandinjection

import (
	"context"
	"encoding/json"
	"net/http"
	"os/exec"
	"regexp"

	"example.com/shop/gen/shoppb"
	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

var validRef = regexp.MustCompile(`^[a-zA-Z0-9._/-]+$`)

func gitLog(w http.ResponseWriter, r *http.Request) {
	ref := r.URL.Query().Get("ref")
	// ruleid: go-command-injection
	out, _ := exec.Command("sh", "-c", "git log "+ref).Output()
	w.Write(out)
	// ok: go-command-injection
	out, _ = exec.Command("git", "log", "--", ref).Output()
	w.Write(out)
}

func run(c echo.Context) error {
	tool := c.QueryParam("tool")
	// ruleid: go-command-injection
	return exec.Command(tool, "--version").Run()
}

func checked(w http.ResponseWriter, r *http.Request) {
	ref := r.FormValue("ref")
	if !validRef.MatchString(ref) {
		http.Error(w, "bad ref", http.StatusBadRequest)
		return
	}
	// ok: go-command-injection
	exec.Command("sh", "-c", "git show "+ref).Run()
}

func inHeads(w http.ResponseWriter, r *http.Request) {
	// The statement in an if's head runs.
	// ruleid: go-command-injection
	if err := exec.Command("sh", "-c", "ls "+r.FormValue("dir")).Run(); err != nil {
		return
	}
	switch mode := r.FormValue("mode"); mode {
	case "fast":
		// ok: go-command-injection
		exec.Command(mode).Run()
	default:
		// ruleid: go-command-injection
		exec.Command(mode).Run()
	}
}

type buildRequest struct {
	Branch string `json:"branch"`
	Tool   string `json:"tool"`
}

func bound(c *gin.Context) {
	var req buildRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	// ruleid: go-command-injection
	exec.Command("sh", "-c", "git checkout "+req.Branch).Run()
}

func decoded(w http.ResponseWriter, r *http.Request) {
	var req buildRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	// ruleid: go-command-injection
	exec.Command(req.Tool).Run()
	job := &buildRequest{Branch: r.FormValue("branch"), Tool: "make"}
	// ok: go-command-injection
	exec.Command(job.Tool).Run()
	// ruleid: go-command-injection
	exec.Command("sh", "-c", "git checkout "+job.Branch).Run()
	for _, tool := range r.URL.Query()["tool"] {
		// ruleid: go-command-injection
		exec.Command(tool).Run()
	}
}

func echoBound(c echo.Context) error {
	var req buildRequest
	if err := c.Bind(&req); err != nil {
		return err
	}
	// ruleid: go-command-injection
	return exec.Command(req.Tool).Run()
}

type orderServer struct{}

// A gRPC service method: the request message is what the client sent.
func (s *orderServer) GetOrder(ctx context.Context, req *shoppb.GetOrderRequest) (*shoppb.GetOrderResponse, error) {
	// ruleid: go-command-injection
	out, err := exec.CommandContext(ctx, "sh", "-c", "lookup "+req.GetId()).Output()
	if err != nil {
		return nil, err
	}
	// ruleid: go-command-injection
	if err := exec.Command(req.Filter).Run(); err != nil {
		return nil, err
	}
	// ok: go-command-injection
	out, err = exec.CommandContext(ctx, "lookup", "--id", req.GetId()).Output()
	return &shoppb.GetOrderResponse{Status: string(out)}, err
}
