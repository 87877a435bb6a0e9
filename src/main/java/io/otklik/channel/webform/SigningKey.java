package io.otklik.channel.webform;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secret the web form signs its stamps with. It is made once, on first use, and kept in the database, so every
 * node agrees on it and a restart does not turn away forms that are open in people's browsers.
 */
@Component
class SigningKey {

    private static final String NAME = "form-stamp";

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile byte[] key;

    SigningKey(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    byte[] bytes() {
        byte[] known = key;
        if (known == null) {
            synchronized (this) {
                known = key;
                if (known == null) {
                    known = Base64.getDecoder().decode(stored().orElseGet(this::create));
                    key = known;
                }
            }
        }
        return known;
    }

    private Optional<String> stored() {
        return jdbc.sql("select secret from webform_key where name = ?").param(NAME).query(String.class).optional();
    }

    /** Another node may be making the key at the same moment: the first one written wins. */
    private String create() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            jdbc.sql("insert into webform_key (name, secret, created_at) values (?, ?, ?)")
                    .params(NAME, Base64.getEncoder().encodeToString(secret), java.sql.Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException alreadyMade) {
            // read below
        }
        return stored().orElseThrow();
    }
}
