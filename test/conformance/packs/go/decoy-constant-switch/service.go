package service

import (
	"net/http"
	"os/exec"
)

func service(w http.ResponseWriter, r *http.Request) {
	requested := r.URL.Query().Get("service")

	mode := "status"
	var command string
	switch mode {
	case "restart", "reload":
		command = "systemctl restart " + requested
	case "status":
		command = "systemctl status nginx"
	default:
		command = requested
	}
	// ok: go-command-injection
	exec.Command("sh", "-c", command).Run()

	level := 2
	args := ""
	switch level {
	case 2:
		args = "--verbose "
		fallthrough
	case 1:
		args += requested
	default:
		args = ""
	}
	// ruleid: go-command-injection
	exec.Command("sh", "-c", "backup "+args).Run()

	kind := "unknown"
	target := "/"
	switch kind {
	case "full":
		target = "/"
	default:
		target = requested
	}
	// ruleid: go-command-injection
	exec.Command("sh", "-c", "du -sh "+target).Run()
}
