package ward.conformance.fix;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// No Java taint fix of its own yet: the finding carries the pattern rule's fix (a command line →
// an argument array), whose result must parse, compile and no longer be reported.
class ArchiveServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String dir = request.getParameter("dir");
        // ruleid: java-command-injection
        Process p = Runtime.getRuntime().exec("tar -czf backup.tgz " + dir);
        response.getWriter().println(p.isAlive());
    }
}
