package ward.conformance.strings;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class EchoServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Runtime rt = Runtime.getRuntime();
        String text = request.getParameter("text");
        // ruleid: java-command-injection
        rt.exec(new String[] { "sh", "-c", "echo " + text.substring(1) });
        // ruleid: java-command-injection
        rt.exec(new String[] { "sh", "-c", "echo " + text.split(",")[0] });
        // ruleid: java-command-injection
        rt.exec(new String[] { "sh", "-c", "echo " + text.trim().toLowerCase() });
        // ok: java-command-injection
        rt.exec(new String[] { "sh", "-c", "echo " + text.length() });
        // ok: java-command-injection
        rt.exec(new String[] { "sh", "-c", "echo " + text.indexOf(',') });
        // ok: java-command-injection
        rt.exec(new String[] { "sh", "-c", "echo " + text.equals("yes") });
    }
}
