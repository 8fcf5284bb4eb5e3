package ward.fixtures.cors;

import java.util.List;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

class WebConfig implements WebMvcConfigurer {

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        // ruleid: java-spring-cors-any-origin-credentials
        registry.addMapping("/api/**").allowedOriginPatterns("*").allowedMethods("GET", "POST").allowCredentials(true);
        // ok: java-spring-cors-any-origin-credentials
        registry.addMapping("/public/**").allowedOrigins("*");
        // ok: java-spring-cors-any-origin-credentials
        registry.addMapping("/app/**").allowedOrigins("https://app.example.com").allowCredentials(true);
    }

    CorsConfiguration corsConfiguration() {
        CorsConfiguration config = new CorsConfiguration();
        config.addAllowedOrigin("*");
        config.addAllowedHeader("*");
        // ruleid: java-spring-cors-any-origin-credentials
        config.setAllowCredentials(true);
        return config;
    }

    CorsConfiguration listed() {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(List.of("*"));
        // ruleid: java-spring-cors-any-origin-credentials
        config.setAllowCredentials(true);
        return config;
    }

    CorsConfiguration trusted() {
        // ok: java-spring-cors-any-origin-credentials
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(List.of("https://app.example.com"));
        config.setAllowCredentials(true);
        return config;
    }

    CorsConfiguration anyOriginNoCredentials() {
        // ok: java-spring-cors-any-origin-credentials
        CorsConfiguration config = new CorsConfiguration();
        config.addAllowedOrigin("*");
        config.setAllowCredentials(false);
        return config;
    }
}

@RestController
class AccountController {

    // ruleid: java-spring-cors-any-origin-credentials
    @CrossOrigin(origins = "*", allowCredentials = "true")
    @GetMapping("/account")
    String account() {
        return "{}";
    }

    // ok: java-spring-cors-any-origin-credentials
    @CrossOrigin(origins = "https://app.example.com", allowCredentials = "true")
    @GetMapping("/profile")
    String profile() {
        return "{}";
    }
}
