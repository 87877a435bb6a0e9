package io.otklik.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class AnswerTimeTests {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z"); // 11:00 in Moscow, a Monday

    @Test
    void todayIsSaidAsToday() {
        assertThat(AnswerTime.format(Instant.parse("2026-11-23T11:30:00Z"), NOW, MOSCOW, Locale.of("ru")))
                .isEqualTo("сегодня, 14:30 (UTC+3)");
        assertThat(AnswerTime.format(Instant.parse("2026-11-23T11:30:00Z"), NOW, MOSCOW, Locale.ENGLISH))
                .isEqualTo("today, 14:30 (UTC+3)");
    }

    @Test
    void tomorrowIsSaidAsTomorrow() {
        assertThat(AnswerTime.format(Instant.parse("2026-11-24T07:00:00Z"), NOW, MOSCOW, Locale.of("ru")))
                .isEqualTo("завтра, 10:00 (UTC+3)");
    }

    @Test
    void laterDaysAreNamedWithTheMonth() {
        assertThat(AnswerTime.format(Instant.parse("2026-11-26T06:00:00Z"), NOW, MOSCOW, Locale.of("ru")))
                .isEqualTo("26 ноября, 09:00 (UTC+3)");
        assertThat(AnswerTime.format(Instant.parse("2027-01-12T06:00:00Z"), NOW, MOSCOW, Locale.ENGLISH))
                .isEqualTo("12 January 2027, 09:00 (UTC+3)");
    }

    @Test
    void zonesWithHalfHoursShowTheMinutes() {
        assertThat(AnswerTime.format(Instant.parse("2026-11-23T10:00:00Z"), NOW, ZoneId.of("Asia/Kolkata"),
                Locale.ENGLISH)).isEqualTo("today, 15:30 (UTC+5:30)");
    }
}
