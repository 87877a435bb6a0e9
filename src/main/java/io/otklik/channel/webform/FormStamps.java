package io.otklik.channel.webform;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Signed stamps of when a form was shown, carried in a hidden field. A person needs a few seconds to fill in a form;
 * a script that posts at once, or replays a stamp from long ago, is told to send the form again. The stamp also
 * stands in for a session's CSRF token: the form works in a frame on another site, where browsers keep our session
 * cookie away.
 */
@Component
class FormStamps {

    private final SigningKey key;
    private final WebFormProperties properties;
    private final Clock clock;

    FormStamps(SigningKey key, WebFormProperties properties, Clock clock) {
        this.key = key;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a stamp says about the form that carried it. */
    enum Verdict {
        /** Shown long enough ago, and not too long ago. */
        ACCEPTED,
        /** Sent sooner after it was shown than a person could fill it in. */
        TOO_FAST,
        /** Shown longer ago than a form is kept open. */
        EXPIRED,
        /** Missing, malformed or not signed by us. */
        INVALID
    }

    /** A stamp for a form shown now. */
    String issue() {
        return issue(clock.instant());
    }

    /** A stamp for a form shown at {@code shownAt}. */
    String issue(Instant shownAt) {
        String millis = Long.toString(shownAt.toEpochMilli());
        return millis + "." + sign(millis);
    }

    Verdict check(String stamp) {
        Instant shownAt = shownAt(stamp);
        if (shownAt == null) {
            return Verdict.INVALID;
        }
        Duration age = Duration.between(shownAt, clock.instant());
        if (age.compareTo(properties.minFillTime()) < 0) {
            return Verdict.TOO_FAST;
        }
        return age.compareTo(properties.formLifetime()) > 0 ? Verdict.EXPIRED : Verdict.ACCEPTED;
    }

    /** When the form was shown, or null when the stamp is not one of ours. */
    private Instant shownAt(String stamp) {
        if (stamp == null) {
            return null;
        }
        int dot = stamp.indexOf('.');
        if (dot <= 0 || dot > 19) {
            return null;
        }
        String millis = stamp.substring(0, dot);
        byte[] expected = sign(millis).getBytes(StandardCharsets.US_ASCII);
        byte[] given = stamp.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!millis.chars().allMatch(Character::isDigit) || !MessageDigest.isEqual(expected, given)) {
            return null;
        }
        return Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            byte[] signature = mac.doFinal(("webform-stamp:" + value).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
