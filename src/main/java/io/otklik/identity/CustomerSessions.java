package io.otklik.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;

/**
 * Where a customer's portal sign-in lives in the HTTP session: under attributes of its own, apart from a staff
 * member's. One browser can so be signed in to the workspace and to the portal at once, and neither sign-in opens
 * the other side: the staff pages never read the customer's context, the portal never reads the staff one.
 */
@Component
class CustomerSessions {

    static final String CONTEXT_ATTRIBUTE = "OTKLIK_PORTAL_SECURITY_CONTEXT";
    static final String SAVED_REQUEST_ATTRIBUTE = "OTKLIK_PORTAL_SAVED_REQUEST";
    static final String CSRF_ATTRIBUTE = "OTKLIK_PORTAL_CSRF_TOKEN";

    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();
    private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

    CustomerSessions() {
        contexts.setSpringSecurityContextKey(CONTEXT_ATTRIBUTE);
        requests.setSessionAttrName(SAVED_REQUEST_ATTRIBUTE);
        csrfTokens.setSessionAttributeName(CSRF_ATTRIBUTE);
    }

    HttpSessionSecurityContextRepository contexts() {
        return contexts;
    }

    HttpSessionRequestCache requests() {
        return requests;
    }

    HttpSessionCsrfTokenRepository csrfTokens() {
        return csrfTokens;
    }

    /**
     * Signs the customer in to the portal in this browser: a new session id (so a planted one is worth nothing),
     * a fresh CSRF token, and the customer's context saved under the portal's attribute.
     */
    void signIn(long customerId, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        CustomerUser user = new CustomerUser(customerId, null);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        csrfTokens.saveToken(null, request, response);
    }

    /** Ends the portal sign-in only; a staff sign-in in the same browser stays. */
    void signOut(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CONTEXT_ATTRIBUTE);
            session.removeAttribute(SAVED_REQUEST_ATTRIBUTE);
        }
    }
}
