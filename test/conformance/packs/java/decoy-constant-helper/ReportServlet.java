package ward.conformance.consthelper;

import java.io.IOException;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class ReportServlet extends HttpServlet {
    private static final class Names {
        String reportName(String requested) {
            return "monthly-report";
        }
    }

    private String defaultName(String requested) {
        return "summary";
    }

    private String passThrough(String requested) {
        return requested;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Runtime rt = Runtime.getRuntime();
        String name = request.getParameter("name");
        // ok: java-command-injection
        rt.exec(new String[] { "sh", "-c", "cat reports/" + defaultName(name) });
        // ok: java-command-injection
        rt.exec(new String[] { "sh", "-c", "cat reports/" + new Names().reportName(name) });
        Supplier<String> fallback = () -> "weekly-report";
        // ok: java-command-injection
        rt.exec(new String[] { "sh", "-c", "cat reports/" + fallback.get() });
        // ruleid: java-command-injection
        rt.exec(new String[] { "sh", "-c", "cat reports/" + passThrough(name) });
    }
}
