package ward.fixtures.cookiesecurefalse;

import javax.servlet.ServletContext;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;

class CookieSettings {

    void servletCookie(HttpServletResponse response, String token) {
        Cookie c = new Cookie("token", token);
        c.setHttpOnly(true);
        // ruleid: java-cookie-secure-false
        c.setSecure(false);
        response.addCookie(c);
    }

    void sessionConfig(ServletContext context) {
        // ruleid: java-cookie-secure-false
        context.getSessionCookieConfig().setSecure(false);
    }

    ResponseEntity<String> spring(String id) {
        // ruleid: java-cookie-secure-false
        ResponseCookie cookie = ResponseCookie.from("SESSION", id).httpOnly(true).secure(false).path("/").build();
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString()).body("ok");
    }

    void followsRequest(HttpServletRequest request, HttpServletResponse response, String token) {
        Cookie c = new Cookie("token", token);
        // ok: java-cookie-secure-false
        c.setSecure(request.isSecure());
        response.addCookie(c);
    }

    ResponseEntity<String> springSecure(String id) {
        // ok: java-cookie-secure-false
        ResponseCookie cookie = ResponseCookie.from("SESSION", id).httpOnly(true).secure(true).build();
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString()).body("ok");
    }

    void unrelated(Settings settings) {
        // ok: java-cookie-secure-false
        settings.setSecure(false);
    }

    static class Settings {
        void setSecure(boolean secure) {
        }
    }
}
