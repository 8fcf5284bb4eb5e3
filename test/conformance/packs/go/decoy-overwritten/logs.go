package logs

import (
	"net/http"
	"os/exec"
)

func logs(w http.ResponseWriter, r *http.Request) {
	folder := r.URL.Query().Get("folder")
	folder = "/var/log/app"
	// ok: go-command-injection
	out, _ := exec.Command("sh", "-c", "ls -1 "+folder).Output()
	w.Write(out)

	file := "app.log"
	file = r.URL.Query().Get("file")
	// ruleid: go-command-injection
	out, _ = exec.Command("sh", "-c", "tail -n 50 "+file).Output()
	w.Write(out)
}
