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
