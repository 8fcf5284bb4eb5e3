package ward.fixtures.cookiehttponly;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

class SessionCookies {

    void login(HttpServletResponse response, String sessionId) {
        // ruleid: java-cookie-missing-httponly
        Cookie session = new Cookie("SESSION", sessionId);
        session.setHttpOnly(true);
        session.setSecure(true);
        response.addCookie(session);
    }

    void rememberMe(HttpServletResponse response, String token, boolean remember) {
        if (remember) {
            // ruleid: java-cookie-missing-httponly
            Cookie c = new Cookie("remember-me", token);  // two weeks
            c.setHttpOnly(true);
            c.setMaxAge(1209600);
            response.addCookie(c);
        }
    }

    void both(HttpServletResponse response, String token) {
        // ok: java-cookie-missing-httponly
        Cookie c = new Cookie("token", token);
        c.setHttpOnly(true);
        c.setSecure(true);
        response.addCookie(c);
    }

    void notSent(String token) {
        // ok: java-cookie-missing-httponly
        Cookie c = new Cookie("token", token);
        System.out.println(c.getName());
    }

    void addedLater(HttpServletResponse response, String token) {
        // ok: java-cookie-missing-httponly
        Cookie c = new Cookie("token", token);
        CookieUtil.harden(c);
        response.addCookie(c);
    }

    void logout(HttpServletResponse response) {
        // ok: java-cookie-missing-httponly
        Cookie c = new Cookie("remember-me", null);
        c.setMaxAge(0);
        response.addCookie(c);
    }

    void expire(HttpServletResponse response, String name) {
        // ok: java-cookie-missing-httponly
        Cookie c = new Cookie(name, "deleted");
        c.setMaxAge(0);
        c.setPath("/");
        response.addCookie(c);
    }

    static class CookieUtil {
        static void harden(Cookie c) {
            c.setHttpOnly(true);
        }
    }
}
