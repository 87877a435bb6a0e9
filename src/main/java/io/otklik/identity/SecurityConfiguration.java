package io.otklik.identity;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may reach what. The JSON API ({@code /api/**}) is stateless and takes personal tokens; staff pages use a
 * signed-in session; the customer portal ({@code /portal/**}) has a sign-in of its own, kept apart in the session
 * (see {@link CustomerSessions}), so customers never reach staff pages or the API and staff are strangers in the
 * portal. Role checks themselves sit on the application services, so pages and API agree. The public
 * web form ({@code /support/new} and its receipt) has a chain of its own in {@code channel.webform}: framable by
 * other sites and without a session.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String CONTENT_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'self'";

    private static final String[] PUBLIC = {"/login", "/webjars/**", "/css/**", "/js/**", "/img/**",
            "/favicon.ico", "/error", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**",
            "/swagger-ui/**", "/swagger-ui.html"};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, MessageSource messages) throws Exception {
        ProblemResponses problems = new ProblemResponses(messages);
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portal(HttpSecurity http, CustomerPasswords customers, CustomerSessions sessions,
            CustomerAccounts accounts, PasswordEncoder encoder, Audit audit, SignInProperties properties, Clock clock)
            throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(customers::load);
        passwords.setPasswordEncoder(encoder);
        // Its own manager without a parent: a staff password must not sign anyone in here.
        ProviderManager customerSignIn = new ProviderManager(
                new ThrottledSignIn(passwords, customers, "portal-sign-in", audit, properties, clock));
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl("/portal");
        success.setRequestCache(sessions.requests());
        http.securityMatcher("/portal/**")
                .securityContext(context -> context.securityContextRepository(sessions.contexts()))
                .requestCache(cache -> cache.requestCache(sessions.requests()))
                .csrf(csrf -> csrf.csrfTokenRepository(sessions.csrfTokens()))
                .authenticationManager(customerSignIn)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/portal/login", "/portal/login/**", "/portal/link/**").permitAll()
                        .anyRequest().hasAuthority(CustomerUser.AUTHORITY))
                .formLogin(form -> form.loginPage("/portal/login")
                        .usernameParameter("email")
                        .successHandler((request, response, authentication) -> {
                            if (authentication.getPrincipal() instanceof CustomerUser user) {
                                accounts.languageOf(user.customer().customerId()).ifPresent(language -> request
                                        .getSession().setAttribute(Accounts.LOCALE_SESSION_ATTRIBUTE, language));
                            }
                            success.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler(explainFailure("/portal/login", "email"))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/portal/logout")
                        .invalidateHttpSession(false)
                        .addLogoutHandler((request, response, authentication) -> sessions.signOut(request))
                        .logoutSuccessUrl("/portal/login?signedOut"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_POLICY)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        // Password sign-in goes through the ThrottledSignIn bean, which Spring makes the global provider.
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.SUPERVISOR.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(rememberLanguage())
                        .failureHandler(explainFailure("/login", "username"))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_POLICY)));
        return http.build();
    }

    private static AuthenticationSuccessHandler rememberLanguage() {
        SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler();
        target.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof SignedInUser user && user.currentUser().locale() != null) {
                request.getSession().setAttribute(Accounts.LOCALE_SESSION_ATTRIBUTE, user.currentUser().locale());
            }
            target.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static AuthenticationFailureHandler explainFailure(String page, String loginParameter) {
        return (request, response, exception) -> {
            String query = exception instanceof SignInThrottledException throttled
                    ? "?throttled=" + throttled.waitSeconds() : "?failed";
            response.sendRedirect(request.getContextPath() + page + query + keepLogin(request, loginParameter));
        };
    }

    private static String keepLogin(HttpServletRequest request, String parameter) {
        String login = request.getParameter(parameter);
        return login == null || login.isBlank() ? ""
                : "&" + parameter + "=" + java.net.URLEncoder.encode(login, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Staff password sign-in; the only provider bean, so Spring makes it the global one (the portal has its own). */
    @Bean
    ThrottledSignIn throttledSignIn(AccountDetails details, PasswordEncoder encoder, UserAccounts accounts,
            Audit audit, SignInProperties properties, Clock clock, TransactionTemplate transactions) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(details);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledSignIn(passwords, new StaffSignInLocks(accounts, transactions), "sign-in", audit,
                properties, clock);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        Map<String, PasswordEncoder> encoders = Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder());
        return new DelegatingPasswordEncoder("argon2", encoders);
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.SUPERVISOR.name())
                .role(Role.SUPERVISOR.name()).implies(Role.AGENT.name())
                .build();
    }
}
