package ward.conformance.listpos;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class ArchiveServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Runtime rt = Runtime.getRuntime();
        List<String> names = new ArrayList<>();
        names.add("readme.txt");
        names.add(request.getParameter("name"));
        names.add("license.txt");
        // ok: java-command-injection
        rt.exec(new String[] { "sh", "-c", "zip out.zip " + names.get(0) });
        // ruleid: java-command-injection
        rt.exec(new String[] { "sh", "-c", "zip out.zip " + names.get(1) });
        // ok: java-command-injection
        rt.exec(new String[] { "sh", "-c", "zip out.zip " + names.get(2) });

        names.remove(0);
        // ruleid: java-command-injection
        rt.exec(new String[] { "sh", "-c", "zip out.zip " + names.get(0) });

        names.add(0, "notes.txt");
        // ok: java-command-injection
        rt.exec(new String[] { "sh", "-c", "zip out.zip " + names.get(0) });
        // ruleid: java-command-injection
        rt.exec(new String[] { "sh", "-c", "zip out.zip " + String.join(" ", names) });
    }
}
