package ward.fixtures.taint.command;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

class PingServlet extends HttpServlet {
    private static final Pattern HOST = Pattern.compile("[a-z0-9.-]+");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        // ruleid: java-command-injection
        Runtime.getRuntime().exec("ping -c 1 " + host);
        // ruleid: java-command-injection
        new ProcessBuilder("sh", "-c", "nslookup " + host).start();
        // ok: java-command-injection
        new ProcessBuilder("ping", "-c", "1", "--", "example.org").start();
        if (HOST.matcher(host).matches()) {
            // ok: java-command-injection
            Runtime.getRuntime().exec(new String[] { "ping", "-c", "1", host });
        }
        String count = request.getParameter("count");
        int n = Integer.parseInt(count);
        // ok: java-command-injection
        Runtime.getRuntime().exec("ping -c " + n + " example.org");
    }
}

@RestController
class ToolsController {
    @PostMapping("/convert")
    String convert(@RequestParam String format, @RequestBody List<String> files) throws IOException {
        ProcessBuilder pb = new ProcessBuilder();
        // ok: java-command-injection
        pb.command("convert", "-format", format, files.get(0));
        pb.start();
        // ruleid: java-command-injection
        new ProcessBuilder(format + "-convert", files.get(0)).start();
        // ruleid: java-command-injection
        pb.command("bash", "-c", "convert " + files.get(0));
        // ruleid: java-command-injection
        return run("gzip " + files.get(1));
    }

    private String run(String commandLine) throws IOException {
        Process p = Runtime.getRuntime().exec(commandLine);
        return String.valueOf(p.pid());
    }

    String nightly() throws IOException {
        // ok: java-command-injection
        return run("gzip /var/log/app.log");
    }
}
