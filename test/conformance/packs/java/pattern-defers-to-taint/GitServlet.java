package ward.conformance.defers;

import java.io.IOException;
import java.util.Set;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class GitServlet extends HttpServlet {
    private static final Set<String> SUBCOMMANDS = Set.of("status", "log", "diff");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Runtime rt = Runtime.getRuntime();
        String sub = request.getParameter("sub");
        if (SUBCOMMANDS.contains(sub)) {
            // ok: java-command-injection, java-runtime-exec-built-string
            rt.exec("git " + sub);
        }
        int count = Integer.parseInt(request.getParameter("n"));
        // ok: java-command-injection, java-runtime-exec-built-string
        rt.exec("git log -n " + count);
        String format = request.getParameter("format");
        format = "oneline";
        // ok: java-command-injection, java-process-shell-command
        new ProcessBuilder("sh", "-c", "git log --format=" + format).start();
        // The taint finding says it (the pattern rule's report is folded into it).
        // ruleid: java-command-injection
        rt.exec("git show " + request.getParameter("ref"));
    }

    // A value from the caller, unseen here: the pattern rule still reports it.
    Process listFolder(String dir) throws IOException {
        // ruleid: java-runtime-exec-built-string
        return Runtime.getRuntime().exec("ls -l " + dir);
    }
}
