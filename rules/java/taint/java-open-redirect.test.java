package ward.fixtures.taint.redirect;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class LoginServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        if (request.getParameter("legacy") != null) {
            // ruleid: java-open-redirect
            response.sendRedirect(next);
            return;
        }
        // ok: java-open-redirect
        response.sendRedirect(request.getContextPath() + "/home?from=" + java.net.URLEncoder.encode(next, "UTF-8"));
        // ok: java-open-redirect
        response.sendRedirect("/account");
    }
}

// A method that is itself a check: true only for one of the allowed paths.
class ValidatedRedirectServlet extends HttpServlet {
    private static final java.util.Set<String> ALLOWED = java.util.Set.of("/home", "/account");

    private static boolean isAllowed(String target) {
        return ALLOWED.contains(target);
    }

    private static boolean isShort(String target) {
        return target.length() < 200;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        if (isAllowed(next)) {
            // ok: java-open-redirect
            response.sendRedirect(next);
            return;
        }
        if (isShort(next)) {
            // ruleid: java-open-redirect
            response.sendRedirect(next);
        }
    }
}
