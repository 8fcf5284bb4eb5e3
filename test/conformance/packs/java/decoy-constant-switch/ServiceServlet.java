package ward.conformance.constswitch;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class ServiceServlet extends HttpServlet {
    private static Process shell(String command) throws IOException {
        return new ProcessBuilder("sh", "-c", command).start();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requested = request.getParameter("service");
        Runtime rt = Runtime.getRuntime();

        char mode = 's';
        String command;
        switch (mode) {
            case 'r':
                command = "systemctl restart " + requested;
                break;
            case 's':
                command = "systemctl status nginx";
                break;
            default:
                command = requested;
        }
        // ok: java-command-injection
        rt.exec(new String[] { "sh", "-c", command });

        int level = 2;
        String args = "";
        switch (level) {
            case 2:
                args = "--verbose ";
            case 1:
                args += requested;
                break;
            default:
                args = "";
        }
        // ruleid: java-command-injection
        rt.exec(new String[] { "sh", "-c", "backup " + args });

        String kind = "full";
        String target = switch (kind) {
            case "full" -> "/";
            case "home" -> requested;
            default -> "/tmp";
        };
        // ok: java-command-injection
        rt.exec(new String[] { "sh", "-c", "du -sh " + target });
    }
}
