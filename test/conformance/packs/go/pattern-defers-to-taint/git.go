package git

import (
	"net/http"
	"os/exec"
	"strconv"
)

var subcommands = map[string]bool{"status": true, "log": true, "diff": true}

func git(w http.ResponseWriter, r *http.Request) {
	sub := r.URL.Query().Get("sub")
	if subcommands[sub] {
		// ok: go-command-injection, go-exec-shell-command
		exec.Command("sh", "-c", "git "+sub).Run()
	}
	count, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil {
		return
	}
	// ok: go-command-injection, go-exec-shell-command
	exec.Command("sh", "-c", "git log -n "+strconv.Itoa(count)).Run()
	format := r.URL.Query().Get("format")
	format = "oneline"
	// ok: go-command-injection, go-exec-shell-command
	exec.Command("bash", "-c", "git log --format="+format).Run()
	// The taint finding says it (the pattern rule's report is folded into it).
	// ruleid: go-command-injection
	exec.Command("sh", "-c", "git show "+r.URL.Query().Get("ref")).Run()
}

// A value from the caller, unseen here: the pattern rule still reports it.
func listFolder(dir string) error {
	// ruleid: go-exec-shell-command
	return exec.Command("sh", "-c", "ls -l "+dir).Run()
}
