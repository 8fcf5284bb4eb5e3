package ward.fixtures.csrf;

import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

class SecurityConfig {

    @Bean
    SecurityFilterChain legacy(HttpSecurity http) throws Exception {
        // ruleid: java-spring-csrf-disabled
        http.csrf().disable()
            .authorizeRequests().anyRequest().authenticated();
        return http.build();
    }

    @Bean
    SecurityFilterChain lambda(HttpSecurity http) throws Exception {
        // ruleid: java-spring-csrf-disabled
        http.csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    SecurityFilterChain methodReference(HttpSecurity http) throws Exception {
        return http
            // ruleid: java-spring-csrf-disabled
            .csrf(AbstractHttpConfigurer::disable)
            .build();
    }

    @Bean
    SecurityFilterChain cookieTokens(HttpSecurity http) throws Exception {
        // ok: java-spring-csrf-disabled
        http.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()));
        return http.build();
    }

    @Bean
    SecurityFilterChain ignoringWebhooks(HttpSecurity http) throws Exception {
        // ok: java-spring-csrf-disabled
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**"));
        return http.build();
    }
}
