package ward.conformance.mapkey;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class PingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Runtime rt = Runtime.getRuntime();
        Map<String, String> settings = new HashMap<>();
        settings.put("target", request.getParameter("host"));
        settings.put("count", "3");
        // ok: java-command-injection
        rt.exec(new String[] { "sh", "-c", "ping -c " + settings.get("count") + " localhost" });
        // ruleid: java-command-injection
        rt.exec(new String[] { "sh", "-c", "ping -c 1 " + settings.get("target") });

        Properties props = new Properties();
        props.setProperty("user", request.getParameter("user"));
        props.setProperty("shell", "/bin/sh");
        // ok: java-command-injection
        rt.exec(new String[] { props.getProperty("shell"), "-c", "whoami" });
        // ruleid: java-command-injection
        rt.exec(new String[] { "sh", "-c", "finger " + props.getProperty("user") });
    }
}
