package ward.fixtures.taint.log;

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
