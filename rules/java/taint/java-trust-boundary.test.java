package ward.fixtures.taint.trust;

import java.io.IOException;
import java.util.Set;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

class PreferencesServlet extends HttpServlet {
    private static final Set<String> LANGS = Set.of("en", "fr", "de");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession();
        // ruleid: java-trust-boundary
        session.setAttribute("role", request.getParameter("role"));
        String lang = request.getParameter("lang");
        if (LANGS.contains(lang)) {
            // ok: java-trust-boundary
            session.setAttribute("lang", lang);
        }
        // ok: java-trust-boundary
        session.setAttribute("visits", 1);
        response.sendRedirect("/");
    }
}
