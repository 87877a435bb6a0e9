package io.otklik.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import io.otklik.ticket.NextDue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A due badge's first text, as the page's script then counts it on: minutes rounded up, hours from 60 minutes, days
 * from 24 hours, in Russian and English.
 */
class DueBadgesTests {

    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    final DueBadges badges = new DueBadges(messages(), Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void resetLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void saysHowMuchTimeIsLeftOrHowLongItIsOverdue() {
        LocaleContextHolder.setLocale(Locale.of("ru"));
        assertThat(badges.text(due(Duration.ofMinutes(25)))).isEqualTo("осталось 25 мин");
        assertThat(badges.text(due(Duration.ofMinutes(24).plusSeconds(1)))).isEqualTo("осталось 25 мин");
        assertThat(badges.text(due(Duration.ofSeconds(5)))).isEqualTo("осталось 1 мин");
        assertThat(badges.text(due(Duration.ofMinutes(-70)))).isEqualTo("просрочено на 1 ч 10 мин");
        assertThat(badges.text(due(Duration.ofHours(3)))).isEqualTo("осталось 3 ч");
        assertThat(badges.text(due(Duration.ofHours(50)))).isEqualTo("осталось 2 дн 2 ч");
        assertThat(badges.text(due(Duration.ofDays(-3)))).isEqualTo("просрочено на 3 дн");

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(badges.text(due(Duration.ofMinutes(25)))).isEqualTo("25 min left");
        assertThat(badges.text(due(Duration.ofMinutes(-70)))).isEqualTo("1 h 10 min overdue");
    }

    @Test
    void standsOkNearOrOverdue() {
        assertThat(badges.standing(new NextDue(NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofHours(1)), false)))
                .isEqualTo("ok");
        assertThat(badges.standing(new NextDue(NOW.plus(Duration.ofMinutes(20)), NOW.minusSeconds(1), false)))
                .isEqualTo("near");
        assertThat(badges.standing(new NextDue(NOW, NOW, false))).isEqualTo("overdue");
        // Breached when last computed, whatever the instants say
        assertThat(badges.standing(new NextDue(NOW.plusSeconds(60), NOW, true))).isEqualTo("overdue");
    }

    static NextDue due(Duration fromNow) {
        return new NextDue(NOW.plus(fromNow), NOW.plus(fromNow), fromNow.isNegative());
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/ticket");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
