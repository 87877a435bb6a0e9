package io.otklik.channel.webform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The allowance per sender: how many requests go through, how long the rest wait, and who counts as one sender. */
class SubmissionLimitsTests {

    private final MovingClock clock = new MovingClock();
    private final SubmissionLimits limits = new SubmissionLimits(new WebFormProperties(List.of(), null, null,
            new WebFormProperties.Limits(Duration.ofHours(1), 10, 5)), clock);

    @Test
    void anEmailMaySendFiveAnHourThenWaitsUntilOneMoreIsAllowed() {
        for (int i = 0; i < 5; i++) {
            assertThat(limits.take("192.0.2." + i, "Anna@Example.com")).isEmpty();
        }

        var refusal = limits.take("192.0.2.99", "anna@example.com ").orElseThrow();

        assertThat(refusal.kind()).isEqualTo(SubmissionLimits.Refusal.Kind.EMAIL);
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofMinutes(12));
        clock.advance(Duration.ofMinutes(11));
        assertThat(limits.take("192.0.2.99", "anna@example.com")).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(limits.take("192.0.2.99", "anna@example.com")).isEmpty();
        assertThat(limits.take("192.0.2.99", "anna@example.com")).isPresent();
    }

    @Test
    void anAddressMaySendTenAnHourAndARefusalTakesNothingFromTheEmail() {
        for (int i = 0; i < 10; i++) {
            assertThat(limits.take("198.51.100.7", "sender" + i + "@example.com")).isEmpty();
        }

        var refusal = limits.take("198.51.100.7", "boris@example.com").orElseThrow();

        assertThat(refusal.kind()).isEqualTo(SubmissionLimits.Refusal.Kind.CLIENT_ADDRESS);
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofMinutes(6));
        for (int i = 0; i < 5; i++) {
            assertThat(limits.take("198.51.100." + (20 + i), "boris@example.com")).as("request " + i).isEmpty();
        }
    }

    @Test
    void oneIpv6NetworkIsOneSender() {
        assertThat(SubmissionLimits.group("2001:db8:1:2:aaaa::1")).isEqualTo(SubmissionLimits.group("2001:db8:1:2::ffff"));
        assertThat(SubmissionLimits.group("2001:db8:1:2::1")).isNotEqualTo(SubmissionLimits.group("2001:db8:1:3::1"));
        assertThat(SubmissionLimits.group("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(SubmissionLimits.group("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(SubmissionLimits.group(null)).isEqualTo("unknown");
    }

    /** A clock the test moves forward. */
    private static final class MovingClock extends Clock {

        private Instant now = Instant.parse("2026-11-23T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
