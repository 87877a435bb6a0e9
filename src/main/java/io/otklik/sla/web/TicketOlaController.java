package io.otklik.sla.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.agent.TeamView;
import io.otklik.sla.ClockState;
import io.otklik.sla.OlaClock;
import io.otklik.sla.OlaClocks;
import io.otklik.ticket.TicketDetails;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketQueries;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The internal targets (OLA) of a ticket, a region of the agent's ticket page beside its service levels: who holds
 * the ticket, and each round of the targets of its teams and lines with its due time and whether it was missed.
 * Nothing at all when no target is on.
 */
@Controller
class TicketOlaController {

    /** As the rest of the workspace shows times. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    /** The most rounds shown: the ones going first, then the latest. */
    static final int SHOWN = 8;

    private final TicketQueries tickets;
    private final OlaClocks clocks;
    private final AgentDirectory agents;
    private final ClockTexts texts;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    TicketOlaController(TicketQueries tickets, OlaClocks clocks, AgentDirectory agents, ClockTexts texts,
            MessageSource messages, Clock clock, @Value("${otklik.time-zone:Europe/Moscow}") ZoneId zone) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.agents = agents;
        this.texts = texts;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    /** One round as the agent reads it: whose and which target, its state, due time or what it took. */
    record Round(String kind, String holder, String name, String state, String stateText, boolean breached,
            String due, String progress) {
    }

    @GetMapping("/tickets/{id}/ola")
    String ofTicket(@PathVariable long id, Model model, Locale locale) {
        TicketId ticket = new TicketId(id);
        // answers "not found" for a ticket the agent may not see
        TicketDetails details = tickets.details(ticket);
        if (!clocks.anyEnabled()) {
            return "sla/ticket-ola :: nothing";
        }
        Instant now = clock.instant();
        Map<TeamId, TeamView> teams = agents.teams().stream()
                .collect(Collectors.toMap(TeamView::id, Function.identity()));
        TeamView holder = details.team() == null ? null : teams.get(details.team());
        List<Round> rounds = clocks.computed(ticket).stream()
                .sorted(Comparator.comparing((OlaClock c) -> c.state() == ClockState.STOPPED)
                        .thenComparing(OlaClock::startedAt, Comparator.reverseOrder()))
                .limit(SHOWN).map(c -> round(c, teams, now, locale)).toList();
        model.addAttribute("holder", holder);
        model.addAttribute("rounds", rounds);
        return "sla/ticket-ola :: ola";
    }

    private Round round(OlaClock c, Map<TeamId, TeamView> teams, Instant now, Locale locale) {
        String holder = c.team() != null ? teams.containsKey(c.team()) ? teams.get(c.team()).name() : "#" + c.team()
                : line(c.line(), locale);
        String due = c.due() == null ? null : msg(locale, "ola.round.due", DATE_TIME.format(c.due().atZone(zone)));
        String progress;
        if (c.state() == ClockState.RUNNING) {
            Duration toDue = Duration.between(now, c.due());
            progress = toDue.isNegative() ? msg(locale, "ola.round.overdue", texts.duration(toDue.negated(), locale))
                    : msg(locale, "ola.round.left", texts.duration(toDue, locale));
        } else if (c.state() == ClockState.PAUSED) {
            progress = msg(locale, "sla.clock.used", texts.duration(c.used(), locale),
                    texts.duration(c.allowed(), locale));
        } else {
            progress = msg(locale, "sla.clock.achieved", texts.duration(c.used(), locale),
                    texts.duration(c.allowed(), locale)) + " · " + msg(locale, "ola.ended." + c.endedBy());
        }
        return new Round(c.kind().name(), holder, msg(locale, "ola.kind." + c.kind()), c.state().name(),
                msg(locale, "sla.state." + c.state()), c.breachedAt(now), due, progress);
    }

    private String line(SupportLine line, Locale locale) {
        return line == null ? "—" : msg(locale, "enum.SupportLine." + line);
    }

    private String msg(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
