package echo

import (
	"net/http"
	"os/exec"
	"strconv"
	"strings"
)

func echo(w http.ResponseWriter, r *http.Request) {
	text := r.URL.Query().Get("text")
	// ruleid: go-command-injection
	exec.Command("sh", "-c", "echo "+text[1:]).Run()
	// ruleid: go-command-injection
	exec.Command("sh", "-c", "echo "+strings.Split(text, ",")[0]).Run()
	// ruleid: go-command-injection
	exec.Command("sh", "-c", "echo "+strings.ToLower(strings.TrimSpace(text))).Run()
	// ok: go-command-injection
	exec.Command("sh", "-c", "echo "+strconv.Itoa(len(text))).Run()
	// ok: go-command-injection
	exec.Command("sh", "-c", "echo "+strconv.Itoa(strings.Index(text, ","))).Run()
	// ok: go-command-injection
	exec.Command("sh", "-c", "echo "+strconv.FormatBool(text == "yes")).Run()
}
