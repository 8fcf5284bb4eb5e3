package ward.fixtures.taint.log;

import javax.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {
    private static final Logger log = LoggerFactory.getLogger(LoginController.class);

    @PostMapping("/login")
    String login(@RequestParam String user, @RequestParam int attempt) {
        // ruleid: java-log-injection
        log.warn("login failed for " + user);
        // ok: java-log-injection
        log.info("attempt number " + attempt);
        // ok: java-log-injection
        log.info("login page served");
        return "login";
    }
}

class ErrorLogger {
    private static final Logger log = LoggerFactory.getLogger(ErrorLogger.class);

    // The request line as sent: the container does not decode it, and a line break cannot be in it.
    void failed(HttpServletRequest request, Exception e) {
        // ok: java-log-injection
        log.error("request '{}' failed", request.getRequestURI(), e);
        // ok: java-log-injection
        log.error("query {} of {}", request.getQueryString(), request.getRequestURL());
        // The path info is decoded: `%0a` is a line break.
        // ruleid: java-log-injection
        log.error("path {} failed", request.getPathInfo());
        // ruleid: java-log-injection
        log.error("user {} failed", request.getParameter("user"));
    }
}

class SearchArgs {
    private final String text;

    SearchArgs(String text) {
        this.text = text;
    }

    String getText() {
        return text;
    }
}

@RestController
class SearchController {
    private static final Logger log = LoggerFactory.getLogger(SearchController.class);
    // A getter returns what its object holds.
    @PostMapping("/search")
    String search(@RequestParam String q) {
        SearchArgs args = new SearchArgs(q);
        // ruleid: java-log-injection
        log.info("searching " + args.getText());
        return "ok";
    }
}

class PortForm {
    private final String text;

    PortForm(String text) {
        this.text = text;
    }

    int getPort() {
        return Integer.parseInt(text.trim());
    }
}

@RestController
class PortController {
    private static final Logger log = LoggerFactory.getLogger(PortController.class);

    // A parameter declared `int` receives a number, whatever the argument was computed from.
    @PostMapping("/port")
    String configure(@RequestParam String port) {
        PortForm form = new PortForm(port);
        // ok: java-log-injection
        applyPort(form.getPort());
        // ruleid: java-log-injection
        applyName(port);
        return "ok";
    }

    private void applyPort(int port) {
        log.info("listening on " + port);
    }

    private void applyName(String name) {
        log.info("listening as " + name);
    }
}
