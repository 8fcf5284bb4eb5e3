package archive

import (
	"net/http"
	"os/exec"
	"strings"
)

func archive(w http.ResponseWriter, r *http.Request) {
	names := []string{"readme.txt"}
	names = append(names, r.URL.Query().Get("name"))
	names = append(names, "license.txt")
	// ok: go-command-injection
	exec.Command("sh", "-c", "zip out.zip "+names[0]).Run()
	// ruleid: go-command-injection
	exec.Command("sh", "-c", "zip out.zip "+names[1]).Run()
	// ok: go-command-injection
	exec.Command("sh", "-c", "zip out.zip "+names[2]).Run()

	names = names[1:]
	// ruleid: go-command-injection
	exec.Command("sh", "-c", "zip out.zip "+names[0]).Run()

	names = append([]string{"notes.txt"}, names...)
	// ok: go-command-injection
	exec.Command("sh", "-c", "zip out.zip "+names[0]).Run()
	// ruleid: go-command-injection
	exec.Command("sh", "-c", "zip out.zip "+strings.Join(names, " ")).Run()
}
