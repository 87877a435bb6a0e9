package io.otklik.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs customers in to the portal with one-time links: issues them (256 random bits, only the SHA-256 kept),
 * sends one on request without telling whether the address is known, tells what a link is worth, and signs the
 * customer in with it once.
 */
@Service
public class CustomerSignIn implements CustomerSignInLinks {

    private static final Duration LINK_RATE_WINDOW = Duration.ofHours(1);

    private final CustomerSignInLinkStore links;
    private final CustomerCredentials credentials;
    private final CustomerPasswords passwords;
    private final CustomerSessions sessions;
    private final SignInProperties properties;
    private final ApplicationEventPublisher events;
    private final Audit audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CustomerSignIn(CustomerSignInLinkStore links, CustomerCredentials credentials, CustomerPasswords passwords,
            CustomerSessions sessions, SignInProperties properties, ApplicationEventPublisher events, Audit audit,
            Clock clock) {
        this.links = links;
        this.credentials = credentials;
        this.passwords = passwords;
        this.sessions = sessions;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public String issue(long customerId, Duration validFor) {
        if (validFor == null || validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("a link must be valid for some time: " + validFor);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        links.save(new CustomerSignInLink(customerId, ApiTokens.sha256(token), now, now.plus(validFor)));
        return token;
    }

    /**
     * Sends a sign-in link to this address if it belongs to a customer, valid for the configured time
     * ({@code otklik.sign-in.customer-link-validity}), in the customer's language or else {@code pageLanguage}.
     * Nothing tells the caller whether it did: the page says the same either way. A customer gets at most
     * {@code otklik.sign-in.customer-links-per-hour} links an hour; requests beyond that are dropped quietly.
     */
    @Transactional
    public void sendLink(String email, Locale pageLanguage) {
        OptionalLong customer = passwords.customerWithEmail(email);
        if (customer.isEmpty()) {
            audit.recordAs("portal", "portal-link.unknown-address", null);
            return;
        }
        long customerId = customer.getAsLong();
        Instant now = clock.instant();
        if (links.countByCustomerIdAndCreatedAtAfter(customerId, now.minus(LINK_RATE_WINDOW))
                >= properties.customerLinksPerHour()) {
            audit.recordAs("customer:" + customerId, "portal-link.too-many", null);
            return;
        }
        String token = issue(customerId, properties.customerLinkValidity());
        String language = credentials.findById(customerId).map(CustomerCredential::language)
                .or(() -> Optional.ofNullable(pageLanguage)).map(Locale::getLanguage).orElse("ru");
        events.publishEvent(new CustomerSignInLinkRequested(customerId, email.strip(), token, language));
        audit.recordAs("customer:" + customerId, "portal-link.sent", null);
    }

    /** How long a link sent from the sign-in page works ({@code otklik.sign-in.customer-link-validity}). */
    public Duration linkValidity() {
        return properties.customerLinkValidity();
    }

    /** What the link is worth now, without using it. */
    @Transactional(readOnly = true)
    public CustomerLinkState check(String token) {
        return find(token).map(link -> link.stateAt(clock.instant())).orElse(CustomerLinkState.UNKNOWN);
    }

    /**
     * Uses the link: when it is {@link CustomerLinkState#VALID}, signs its customer in to the portal in this
     * browser and marks the link used; otherwise says why not and changes nothing.
     */
    @Transactional
    public CustomerLinkState signInWithLink(String token, HttpServletRequest request, HttpServletResponse response) {
        Optional<CustomerSignInLink> link = find(token);
        if (link.isEmpty()) {
            return CustomerLinkState.UNKNOWN;
        }
        Instant now = clock.instant();
        if (links.use(ApiTokens.sha256(token), now) != 1) {
            return links.findByTokenHash(ApiTokens.sha256(token)).map(l -> l.stateAt(now))
                    .orElse(CustomerLinkState.UNKNOWN);
        }
        long customerId = link.get().customerId();
        sessions.signIn(customerId, request, response);
        credentials.findById(customerId).map(CustomerCredential::language).ifPresent(language ->
                request.getSession().setAttribute(Accounts.LOCALE_SESSION_ATTRIBUTE, language));
        audit.recordAs("customer:" + customerId, "portal-sign-in.link", request.getRemoteAddr());
        return CustomerLinkState.VALID;
    }

    /** The customer signed in to the portal in the current request, if any. */
    public Optional<SignedInCustomer> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CustomerUser user) {
            return Optional.of(user.customer());
        }
        return Optional.empty();
    }

    private Optional<CustomerSignInLink> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return links.findByTokenHash(ApiTokens.sha256(token));
    }
}
