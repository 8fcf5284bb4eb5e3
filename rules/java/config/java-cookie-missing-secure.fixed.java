package ward.fixtures.cookiesecure;

import java.io.IOException;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class LoginServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String sessionId = request.getSession().getId();
        // ruleid: java-cookie-missing-secure
        Cookie session = new Cookie("SESSION", sessionId); // the login session
        session.setSecure(true);
        session.setHttpOnly(true);
        session.setPath("/");
        response.addCookie(session);

        // ruleid: java-cookie-missing-secure
        response.addCookie(new Cookie("csrf-token", request.getParameter("csrf")));
        // ok: java-cookie-missing-secure
        response.addCookie(new Cookie("lang", request.getParameter("lang")));
    }

    void rememberMe(HttpServletResponse response, String token) {
        Cookie remember;
        // ruleid: java-cookie-missing-secure
        remember = new Cookie("remember-me", token);
        remember.setSecure(true);
        remember.setMaxAge(14 * 24 * 3600);
        response.addCookie(remember);
    }

    void secureCookie(HttpServletResponse response, String token) {
        // ok: java-cookie-missing-secure
        Cookie c = new Cookie("token", token);
        c.setSecure(true);
        c.setHttpOnly(true);
        response.addCookie(c);
    }

    void followsTheRequest(HttpServletRequest request, HttpServletResponse response, String value) {
        // ok: java-cookie-missing-secure
        Cookie c = new Cookie("auth", value);
        c.setSecure(request.isSecure());
        response.addCookie(c);
    }

    void configuredElsewhere(HttpServletResponse response, String value) {
        // ok: java-cookie-missing-secure
        Cookie c = new Cookie("auth", value);
        CookieDefaults.apply(c);
        response.addCookie(c);
    }

    Cookie build(String value) {
        // ok: java-cookie-missing-secure
        Cookie c = new Cookie("auth", value);
        c.setPath("/");
        return c;
    }

    void deleteCookie(HttpServletResponse response) {
        // ok: java-cookie-missing-secure
        Cookie c = new Cookie("auth", "");
        c.setMaxAge(0);
        c.setSecure(true);
        response.addCookie(c);
    }

    static class CookieDefaults {
        static void apply(Cookie c) {
            c.setSecure(true);
            c.setHttpOnly(true);
        }
    }
}
