package ward.conformance.fields;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class BackupServlet extends HttpServlet {
    private final String tool = "tar";
    private String target;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        target = request.getParameter("target");
        Runtime rt = Runtime.getRuntime();
        // ok: java-command-injection
        rt.exec(new String[] { "sh", "-c", tool + " --version" });
        // ruleid: java-command-injection
        rt.exec(new String[] { "sh", "-c", tool + " -czf out.tgz " + this.target });
    }
}
