package io.otklik;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests that need time to stand where they put it: the system's time until set, then
 * standing at what was set until moved on or reset. One per test JVM; tests that use it import {@link Setup} (and so
 * share one application context) and reset it when done.
 */
public final class SettableClock extends Clock {

    public static final SettableClock INSTANCE = new SettableClock();

    private volatile Instant at;

    private SettableClock() {
    }

    public void set(Instant instant) {
        at = instant;
    }

    public void advance(Duration by) {
        at = instant().plus(by);
    }

    /** Back to the system's time. */
    public void reset() {
        at = null;
    }

    @Override
    public Instant instant() {
        Instant now = at;
        return now == null ? Instant.now() : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Makes {@link #INSTANCE} the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Setup {

        @Bean
        @Primary
        Clock settableClock() {
            return INSTANCE;
        }
    }
}
