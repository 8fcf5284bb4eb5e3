package shellcommand

import (
	"os/exec"
	"strings"
)

func gitLog(ref string) ([]byte, error) {
	// ruleid: go-exec-shell-command
	return exec.Command("git", "log", "--oneline", ref).Output()
}

func archive(dir, name string) error {
	// ruleid: go-exec-shell-command
	cmd := exec.Command("tar", "-czf", name, dir)
	return cmd.Run()
}

func pipeline(pattern string) error {
	// ruleid: go-exec-shell-command
	return exec.Command("sh", "-c", "grep "+pattern+" /var/log/app.log | wc -l").Run()
}

func joined(args []string) error {
	// ruleid: go-exec-shell-command
	return exec.Command("sh", "-c", strings.Join(args, " ")).Run()
}

func fixed() error {
	// ok: go-exec-shell-command
	return exec.Command("sh", "-c", "ls -la /tmp | head").Run()
}

func direct(ref string) ([]byte, error) {
	// ok: go-exec-shell-command
	return exec.Command("git", "log", "--oneline", ref).Output()
}
