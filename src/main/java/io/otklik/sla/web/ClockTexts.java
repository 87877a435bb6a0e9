package io.otklik.sla.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.TeamView;
import io.otklik.sla.BusinessCalendarId;
import io.otklik.sla.BusinessCalendars;
import io.otklik.sla.ClockReason;
import io.otklik.sla.ClockState;
import io.otklik.sla.NextDues;
import io.otklik.sla.SlaClock;
import io.otklik.sla.TicketSla;
import io.otklik.sla.TimelineEntry;
import io.otklik.sla.TimelineKind;
import io.otklik.ticket.CategoryView;
import io.otklik.ticket.NextDue;
import io.otklik.ticket.TicketQueries;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A ticket's clocks and timeline as the agent reads them: every step in words, with its reason. */
@Component
class ClockTexts {

    /** As the rest of the workspace shows times. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final MessageSource messages;
    private final BusinessCalendars calendars;
    private final TicketQueries tickets;
    private final AgentDirectory agents;
    private final NextDues nextDues;
    private final ZoneId zone;

    ClockTexts(MessageSource messages, BusinessCalendars calendars, TicketQueries tickets, AgentDirectory agents,
            NextDues nextDues, @Value("${otklik.time-zone:Europe/Moscow}") ZoneId zone) {
        this.messages = messages;
        this.calendars = calendars;
        this.tickets = tickets;
        this.agents = agents;
        this.nextDues = nextDues;
        this.zone = zone;
    }

    /**
     * One clock: its name, state, due time ({@code due}, shown in the viewer's time zone by the page), a running
     * clock's countdown (time left or overdue, as a badge), and what it used or achieved.
     */
    record ClockLine(String target, String name, String state, String stateText, boolean breached, Instant due,
            NextDue countdown, String used, String policy) {
    }

    /** One step of the timeline: when, which clock, what happened, and why. */
    record Step(Instant at, String kind, String target, String text) {
    }

    List<ClockLine> clocks(TicketSla sla, Instant now, Locale locale) {
        List<ClockLine> lines = new ArrayList<>();
        for (SlaClock clock : sla.clocks()) {
            boolean breached = clock.breachedAt(now);
            String used;
            if (clock.state() == ClockState.RUNNING) {
                used = msg(locale, "sla.clock.target", duration(clock.allowed(), locale));
            } else if (clock.state() == ClockState.PAUSED) {
                used = msg(locale, "sla.clock.used", duration(clock.used(), locale),
                        duration(clock.allowed(), locale));
            } else {
                used = msg(locale, "sla.clock.achieved", duration(clock.achieved(), locale),
                        duration(clock.allowed(), locale));
            }
            lines.add(new ClockLine(clock.target().name(), msg(locale, "sla.target." + clock.target()),
                    clock.state().name(), msg(locale, "sla.state." + clock.state()), breached, clock.due(),
                    nextDues.of(clock, now).orElse(null), used,
                    msg(locale, "sla.clock.policy", clock.policyName() == null ? clock.policy().toString()
                            : clock.policyName())));
        }
        return lines;
    }

    List<Step> timeline(TicketSla sla, Locale locale) {
        Names names = new Names();
        List<Step> steps = new ArrayList<>(sla.timeline().size());
        for (TimelineEntry entry : sla.timeline()) {
            steps.add(new Step(entry.at(), entry.kind().name(), entry.target().name(), text(entry, names, locale)));
        }
        return steps;
    }

    private String text(TimelineEntry entry, Names names, Locale locale) {
        ClockReason reason = entry.reason();
        List<String> parts = new ArrayList<>();
        parts.add(cause(reason, names, locale));
        String calendar = names.calendars.get().getOrDefault(reason.calendar(), "#" + reason.calendar());
        String policy = reason.policyName() == null ? "#" + reason.policy() : reason.policyName();
        if (reason.target() == null) {
            parts.add(msg(locale, "sla.reason.no-target", policy));
        } else {
            parts.add(msg(locale, "sla.reason.policy", policy, duration(reason.target(), locale), calendar));
        }
        if (reason.previousTarget() != null) {
            parts.add(msg(locale, "sla.reason.previous", duration(reason.previousTarget(), locale)));
        }
        if (reason.due() != null) {
            parts.add(msg(locale, "sla.reason.due", time(reason.due())));
        }
        if (reason.achieved() != null) {
            parts.add(msg(locale, Boolean.TRUE.equals(reason.breached()) ? "sla.reason.achieved-late"
                    : "sla.reason.achieved", duration(reason.achieved(), locale)));
        }
        return msg(locale, "sla.step", msg(locale, "sla.target." + entry.target()),
                msg(locale, "sla.kind." + entry.kind()), String.join("; ", parts));
    }

    private String cause(ClockReason reason, Names names, Locale locale) {
        String key = "sla.cause." + reason.cause();
        return switch (reason.cause()) {
            case OPENED -> msg(locale, key);
            case CUSTOMER_MESSAGE, AGENT_MESSAGE -> msg(locale, key, String.valueOf(reason.message()));
            case STATUS, REOPENED -> msg(locale, key, msg(locale, "enum.Status." + reason.status()));
            case PRIORITY -> msg(locale, key, msg(locale, "enum.Priority." + reason.from()),
                    msg(locale, "enum.Priority." + reason.to()));
            case CATEGORY -> msg(locale, key, name(reason.from(), names.categories.get(), locale),
                    name(reason.to(), names.categories.get(), locale));
            case TEAM -> msg(locale, key, name(reason.from(), names.teams.get(), locale),
                    name(reason.to(), names.teams.get(), locale));
        };
    }

    private String name(String id, Map<String, String> names, Locale locale) {
        if (id == null) {
            return msg(locale, "sla.none");
        }
        return names.getOrDefault(id, "#" + id);
    }

    /** Business or wall-clock time as people say it: 45 min, 2 h 30 min, 3 d 4 h. */
    String duration(Duration duration, Locale locale) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return msg(locale, "sla.duration.minutes", minutes);
        }
        if (minutes < 24 * 60) {
            return minutes % 60 == 0 ? msg(locale, "sla.duration.hours", minutes / 60)
                    : msg(locale, "sla.duration.hours-minutes", minutes / 60, minutes % 60);
        }
        long hours = minutes / 60;
        return hours % 24 == 0 ? msg(locale, "sla.duration.days", hours / 24)
                : msg(locale, "sla.duration.days-hours", hours / 24, hours % 24);
    }

    private String time(Instant instant) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    private String msg(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** Names read only when a step needs them, once per page. */
    private final class Names {

        final Supplier<Map<BusinessCalendarId, String>> calendars = lazily(ClockTexts.this.calendars::names);
        final Supplier<Map<String, String>> categories = lazily(() -> {
            Map<String, String> byId = new HashMap<>();
            for (CategoryView category : tickets.categories()) {
                byId.put(Long.toString(category.id()), category.name());
            }
            return byId;
        });
        final Supplier<Map<String, String>> teams = lazily(() -> {
            Map<String, String> byId = new HashMap<>();
            for (TeamView team : agents.teams()) {
                byId.put(team.id().value() + "", team.name());
            }
            return byId;
        });
    }

    private static <T> Supplier<T> lazily(Supplier<T> read) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = read.get();
                }
                return value;
            }
        };
    }
}
