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

interface NoteStore {
    String store(String note);
}

@RestController
class SearchController {
    private static final Logger log = LoggerFactory.getLogger(SearchController.class);
    private NoteStore notes;

    // A getter returns what its object holds; a method without a body does what its
    // implementation does, not nothing.
    @PostMapping("/search")
    String search(@RequestParam String q, @RequestParam String note) {
        SearchArgs args = new SearchArgs(q);
        // ruleid: java-log-injection
        log.info("searching " + args.getText());
        String stored = notes.store(note);
        // ruleid: java-log-injection
        log.info("stored " + stored);
        return "ok";
    }
}
