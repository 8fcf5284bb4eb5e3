package ward.fixtures.taint.header;

import java.io.IOException;
import java.util.Set;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class DownloadHeaderServlet extends HttpServlet {
    private static final Set<String> LANGS = Set.of("en", "fr");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        // ruleid: java-header-injection
        response.setHeader("Content-Disposition", "attachment; filename=" + name);
        String lang = request.getParameter("lang");
        if (LANGS.contains(lang)) {
            // ok: java-header-injection
            response.setHeader("Content-Language", lang);
        }
        // ok: java-header-injection
        response.setHeader("Cache-Control", "no-store");
    }
}
