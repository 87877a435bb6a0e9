package io.otklik.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** How long a failed send waits before its next try, and how a long thread is referenced. */
class OutboxSettingsTests {

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToTheCap() {
        OutboxSettings defaults = new OutboxSettings(0, null, null, null, null);

        assertThat(IntStream.rangeClosed(1, 8).mapToObj(defaults::backoffAfter).toList()).containsExactly(
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(30), Duration.ofMinutes(30));
        assertThat(defaults.backoffAfter(1000)).isEqualTo(Duration.ofMinutes(30));
        assertThat(defaults.maxAttempts()).isEqualTo(10);
        assertThat(defaults.claimTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aCapBelowTheFirstRetryIsRaisedToIt() {
        OutboxSettings settings = new OutboxSettings(3, Duration.ofHours(1), Duration.ofMinutes(1), null, null);
        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.backoffAfter(5)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aLongThreadIsReferencedByItsFirstAndLatestMessages() {
        List<String> earlier = IntStream.rangeClosed(1, 15).mapToObj(i -> "<m" + i + "@otklik.local>").toList();

        List<String> references = TransactionalOutbox.references(earlier);

        assertThat(references).hasSize(10).startsWith("<m1@otklik.local>").endsWith("<m15@otklik.local>")
                .doesNotContain("<m2@otklik.local>", "<m6@otklik.local>").contains("<m7@otklik.local>");
        assertThat(TransactionalOutbox.references(earlier.subList(0, 3))).isEqualTo(earlier.subList(0, 3));
    }
}
