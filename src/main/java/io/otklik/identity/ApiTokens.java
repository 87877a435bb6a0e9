package io.otklik.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal API tokens: issued in the UI, shown once, kept as a hash, revocable. */
@Service
public class ApiTokens {

    static final String PREFIX = "otk_";
    private static final Duration CACHE_FOR = Duration.ofSeconds(30);

    private final ApiTokenStore tokens;
    private final UserAccounts accounts;
    private final Audit audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ApiTokens(ApiTokenStore tokens, UserAccounts accounts, Audit audit, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public IssuedToken issue(UserId owner, String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new RuleViolationException("token.name-invalid");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.save(new ApiToken(owner.value(), trimmed, sha256(secret),
                secret.substring(0, PREFIX.length() + 4), clock.instant()));
        audit.record("token.issued", trimmed);
        return new IssuedToken(token.view(), secret);
    }

    @Transactional(readOnly = true)
    public List<TokenView> of(UserId owner) {
        return tokens.findByUserIdOrderByCreatedAtDesc(owner.value()).stream().map(ApiToken::view).toList();
    }

    @Transactional
    public void revoke(UserId owner, long tokenId) {
        ApiToken token = tokens.findById(tokenId).filter(t -> t.userId() == owner.value())
                .orElseThrow(() -> new NotFoundException("token.not-found"));
        token.revoke(clock.instant());
        cache.clear();
        audit.record("token.revoked", token.name());
    }

    /** The account a presented token belongs to, if the token is valid and its account enabled. */
    @Transactional
    Optional<SignedInUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = sha256(secret);
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.user());
        }
        Optional<SignedInUser> user = tokens.findByTokenHash(hash).filter(ApiToken::active).flatMap(token -> {
            token.used(now);
            return accounts.findById(token.userId());
        }).filter(UserAccount::enabled)
                .map(account -> new SignedInUser(account.toCurrentUser(), "", true));
        user.ifPresentOrElse(u -> cache.put(hash, new Cached(u, now.plus(CACHE_FOR))), () -> cache.remove(hash));
        return user;
    }

    static String sha256(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Cached(SignedInUser user, Instant until) {
    }
}
