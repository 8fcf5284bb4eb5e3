package ward.fixtures.cookiehttponlyfalse;

import javax.servlet.ServletContext;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;

class CookieSettings {

    void servletCookie(HttpServletResponse response, String token) {
        Cookie c = new Cookie("token", token);
        c.setSecure(true);
        // ruleid: java-cookie-httponly-false
        c.setHttpOnly(true);
        response.addCookie(c);
    }

    void sessionConfig(ServletContext context) {
        // ruleid: java-cookie-httponly-false
        context.getSessionCookieConfig().setHttpOnly(true);
    }

    ResponseEntity<String> spring(String id) {
        // ruleid: java-cookie-httponly-false
        ResponseCookie cookie = ResponseCookie.from("SESSION", id).secure(true).httpOnly(true).path("/").build();
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString()).body("ok");
    }

    void configurable(HttpServletResponse response, String token, boolean readableByScripts) {
        Cookie c = new Cookie("token", token);
        // ok: java-cookie-httponly-false
        c.setHttpOnly(!readableByScripts);
        response.addCookie(c);
    }

    ResponseEntity<String> springHttpOnly(String id) {
        // ok: java-cookie-httponly-false
        ResponseCookie cookie = ResponseCookie.from("SESSION", id).secure(true).httpOnly(true).build();
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString()).body("ok");
    }

    void unrelated(Settings settings) {
        // ok: java-cookie-httponly-false
        settings.setHttpOnly(false);
    }

    static class Settings {
        void setHttpOnly(boolean httpOnly) {
        }
    }
}
