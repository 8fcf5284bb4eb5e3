package ward.conformance.overwritten;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class LogServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Runtime rt = Runtime.getRuntime();
        String folder = request.getParameter("folder");
        folder = "/var/log/app";
        // ok: java-command-injection
        rt.exec(new String[] { "sh", "-c", "ls -1 " + folder });

        String file = "app.log";
        file = request.getParameter("file");
        // ruleid: java-command-injection
        rt.exec(new String[] { "sh", "-c", "tail -n 50 " + file });
    }
}
