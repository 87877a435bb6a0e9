package io.otklik.ticket.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.otklik.ticket.NextDue;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A due time as a badge reads at first paint: "осталось 25 мин", "1 h 10 min overdue", and how it stands (ok, near,
 * overdue) for its colour. Pages call it as {@code ${@dueBadges.text(due)}} through
 * {@code components/due :: badge}; the page's script then counts it down by the same rules (minutes rounded up,
 * hours from 60 minutes, days from 24 hours), so the first paint and the live text agree.
 */
@Component("dueBadges")
public class DueBadges {

    private static final long DAY = 24 * 60;

    private final MessageSource messages;
    private final Clock clock;

    DueBadges(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** "ok", "near" or "overdue" now. */
    public String standing(NextDue due) {
        return due.standingAt(clock.instant()).name().toLowerCase(Locale.ROOT);
    }

    /** The time left or overdue now, in the page's language. */
    public String text(NextDue due) {
        Locale locale = LocaleContextHolder.getLocale();
        Instant now = clock.instant();
        boolean overdue = due.standingAt(now) == NextDue.Standing.OVERDUE;
        return messages.getMessage(overdue ? "ticket.due.overdue" : "ticket.due.left",
                new Object[] {amount(Duration.between(now, due.at()), locale)}, locale);
    }

    /** How long, as people say it; at least a minute, rounded up to whole minutes. */
    String amount(Duration duration, Locale locale) {
        long seconds = Math.abs(duration.toSeconds());
        long minutes = Math.max(1, (seconds + 59) / 60);
        if (minutes < 60) {
            return messages.getMessage("ticket.due.minutes", new Object[] {minutes}, locale);
        }
        if (minutes < DAY) {
            return minutes % 60 == 0 ? messages.getMessage("ticket.due.hours", new Object[] {minutes / 60}, locale)
                    : messages.getMessage("ticket.due.hours-minutes", new Object[] {minutes / 60, minutes % 60},
                            locale);
        }
        long hours = (minutes % DAY) / 60;
        return hours == 0 ? messages.getMessage("ticket.due.days", new Object[] {minutes / DAY}, locale)
                : messages.getMessage("ticket.due.days-hours", new Object[] {minutes / DAY, hours}, locale);
    }
}
