package commandcli

import (
	"flag"
	"os"
	"os/exec"
)

func main() {
	flag.Parse()
	branch := flag.Arg(0)
	// ruleid: go-command-injection-cli
	exec.Command("sh", "-c", "git checkout "+branch).Run()
	// ok: go-command-injection-cli
	exec.Command("git", "checkout", branch).Run()

	// ruleid: go-command-injection-cli
	exec.Command("bash", "-c", "deploy --env "+os.Getenv("DEPLOY_ENV")).Run()

	if len(os.Args) > 2 {
		// ruleid: go-command-injection-cli
		exec.Command(os.Args[2]).Run()
	}
}

func restart() error {
	// The program's own path: starting it again is no input.
	// ok: go-command-injection-cli
	return exec.Command(os.Args[0], "--child").Run()
}
