package io.otklik;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests that move time. Real time moved on by what a test adds ({@link #advance}): an
 * application context lives through minutes or hours of business time in a second, while time still passes between
 * two looks as it really does; several contexts given one instance see the same time, as nodes of a cluster do. Or
 * time standing where a test put it ({@link #set}) until set again or {@link #reset}. Tests sharing {@link #SHARED}
 * import {@link Setup} (and so share one application context) and reset it when done.
 */
public final class MovableClock extends Clock {

    /** The one made the application's clock by {@link Setup}. */
    public static final MovableClock SHARED = new MovableClock();

    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);
    private volatile Instant standing;

    /** Moves time on: the standing time if one is set, real time otherwise. */
    public void advance(Duration by) {
        Instant at = standing;
        if (at != null) {
            standing = at.plus(by);
        } else {
            ahead.accumulateAndGet(by, Duration::plus);
        }
    }

    /** Makes time stand at {@code instant}. */
    public void set(Instant instant) {
        standing = instant;
    }

    /** Back to real time, not moved on. */
    public void reset() {
        standing = null;
        ahead.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        Instant at = standing;
        return at != null ? at : Instant.now().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Makes {@link #SHARED} the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Setup {

        @Bean
        @Primary
        Clock movableClock() {
            return SHARED;
        }
    }
}
