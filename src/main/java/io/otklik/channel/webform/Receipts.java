package io.otklik.channel.webform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the sender of a form sees afterwards: the ticket's reference and subject, behind a random token that only
 * their redirect carried. Only the token's hash is stored, so the table alone does not open any receipt.
 */
@Component
class Receipts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    Receipts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A receipt as the sender sees it. */
    record Receipt(long ticketNumber, String reference, String subject) {
    }

    /** Stores a receipt for the ticket (in the caller's transaction) and returns its token. */
    String issue(long ticketNumber, String reference, String subject) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("insert into webform_receipt (token_hash, ticket_id, reference, subject, created_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(hash(token), ticketNumber, reference, subject, Timestamp.from(clock.instant()))
                .update();
        return token;
    }

    Optional<Receipt> find(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return jdbc.sql("select ticket_id, reference, subject from webform_receipt where token_hash = ?")
                .param(hash(token))
                .query((row, n) -> new Receipt(row.getLong("ticket_id"), row.getString("reference"),
                        row.getString("subject")))
                .optional();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
