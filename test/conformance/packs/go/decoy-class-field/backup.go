package backup

import (
	"net/http"
	"os/exec"
)

type backup struct {
	tool   string
	target string
}

func newBackup() *backup {
	return &backup{tool: "tar"}
}

func (b *backup) run(w http.ResponseWriter, r *http.Request) {
	b.target = r.URL.Query().Get("target")
	// ok: go-command-injection
	exec.Command("sh", "-c", b.tool+" --version").Run()
	// ruleid: go-command-injection
	exec.Command("sh", "-c", b.tool+" -czf out.tgz "+b.target).Run()
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/backup", newBackup().run)
}
