package ping

import (
	"net/http"
	"net/url"
	"os/exec"
)

func ping(w http.ResponseWriter, r *http.Request) {
	settings := map[string]string{}
	settings["target"] = r.URL.Query().Get("host")
	settings["count"] = "3"
	// ok: go-command-injection
	exec.Command("sh", "-c", "ping -c "+settings["count"]+" localhost").Run()
	// ruleid: go-command-injection
	exec.Command("sh", "-c", "ping -c 1 "+settings["target"]).Run()

	values := url.Values{}
	values.Set("user", r.URL.Query().Get("user"))
	values.Set("shell", "/bin/sh")
	// ok: go-command-injection
	exec.Command(values.Get("shell"), "-c", "whoami").Run()
	// ruleid: go-command-injection
	exec.Command("sh", "-c", "finger "+values.Get("user")).Run()
}
