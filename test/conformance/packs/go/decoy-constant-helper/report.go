package report

import (
	"net/http"
	"os/exec"
)

type names struct{}

func (names) reportName(requested string) string {
	return "monthly-report"
}

func defaultName(requested string) string {
	return "summary"
}

func passThrough(requested string) string {
	return requested
}

func report(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ok: go-command-injection
	exec.Command("sh", "-c", "cat reports/"+defaultName(name)).Run()
	// ok: go-command-injection
	exec.Command("sh", "-c", "cat reports/"+names{}.reportName(name)).Run()
	fallback := func(string) string { return "weekly-report" }
	// ok: go-command-injection
	exec.Command("sh", "-c", "cat reports/"+fallback(name)).Run()
	// ruleid: go-command-injection
	exec.Command("sh", "-c", "cat reports/"+passThrough(name)).Run()
}
