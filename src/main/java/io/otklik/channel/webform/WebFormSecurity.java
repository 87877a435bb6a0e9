package io.otklik.channel.webform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The public form's own rules, apart from the signed-in pages': open to anyone, framable by the configured sites
 * (the rest of the application keeps refusing frames), and without a session. It never reads a sign-in either,
 * so a request sent through the form is the visitor's even when a staff member is signed in in the same browser.
 * Forgery protection comes from the form's signed stamp instead of a session's CSRF token: browsers keep our
 * cookies away from a frame on another site.
 */
@Configuration(proxyBeanMethods = false)
class WebFormSecurity {

    static final String[] PUBLIC_PATHS = {"/support/new", "/support/thanks", "/support/thanks/*",
            "/support/embed.js", "/support/frame.js"};

    @Bean
    @Order(1)
    SecurityFilterChain webForm(HttpSecurity http, WebFormProperties properties) throws Exception {
        http.securityMatcher(PUBLIC_PATHS)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .frameOptions(frames -> frames.disable())
                        // The receipt's token is in its address; it must not leave in a Referer header.
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors "
                                        + String.join(" ", properties.embedOrigins()))));
        return http.build();
    }
}
