package io.otklik.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.AgentId;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.agent.TeamView;
import io.otklik.shared.NotFoundException;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketTrail;
import io.otklik.ticket.TicketTrails;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tickets' rounds of internal targets (OLA): computed from the same trails as their service-level clocks, with the
 * targets, teams and agents' teams as they are now, and kept whenever those clocks are
 * ({@link ClockRecompute#recompute}). Not limited by who asks (it shows nothing of a ticket's content): callers
 * showing it to a person check that they may see the ticket.
 */
@Service
public class OlaClocks {

    private final OlaTargetRows targets;
    private final OlaClockRows rows;
    private final AgentDirectory agents;
    private final BusinessCalendars calendars;
    private final TicketTrails trails;
    private final Clock clock;

    OlaClocks(OlaTargetRows targets, OlaClockRows rows, AgentDirectory agents, BusinessCalendars calendars,
            TicketTrails trails, Clock clock) {
        this.targets = targets;
        this.rows = rows;
        this.agents = agents;
        this.calendars = calendars;
        this.trails = trails;
        this.clock = clock;
    }

    /**
     * The ticket's rounds computed now from its trail, not kept.
     *
     * @throws NotFoundException when there is no such ticket
     */
    @Transactional(readOnly = true)
    public List<OlaClock> computed(TicketId ticket) {
        TicketTrail trail = trails.of(ticket).orElseThrow(() -> new NotFoundException("ticket.not-found",
                ticket.value()));
        return compute(List.of(trail), clock.instant()).getOrDefault(ticket, List.of());
    }

    /** Whether any target is on: without one no ticket has rounds. */
    @Transactional(readOnly = true)
    public boolean anyEnabled() {
        return targets.all().stream().anyMatch(OlaTarget::enabled);
    }

    /**
     * Computes and keeps the rounds of these tickets' trails, replacing what was kept; within the transaction that
     * holds the tickets' lock ({@link ClockRows#lock}).
     */
    void keep(Collection<TicketTrail> trailsOf, Instant now) {
        if (trailsOf.isEmpty()) {
            return;
        }
        rows.replace(trailsOf.stream().map(TicketTrail::ticket).toList(), compute(trailsOf, now), now);
    }

    private Map<TicketId, List<OlaClock>> compute(Collection<TicketTrail> trailsOf, Instant now) {
        OlaCalculator calculator = new OlaCalculator(targets.all(), calendars::time);
        if (calculator.isEmpty()) {
            return Map.of();
        }
        Map<TeamId, SupportLine> lines = agents.teams().stream()
                .collect(Collectors.toMap(TeamView::id, TeamView::line));
        Set<AgentId> authors = new HashSet<>();
        trailsOf.forEach(trail -> trail.agentMessages().forEach(message -> {
            if (message.agentId() != null) {
                authors.add(new AgentId(message.agentId()));
            }
        }));
        Map<AgentId, Set<TeamId>> agentTeams = authors.isEmpty() ? Map.of() : new HashMap<>(agents.teamsOf(authors));
        Map<TicketId, List<OlaClock>> rounds = new LinkedHashMap<>();
        for (TicketTrail trail : trailsOf) {
            rounds.put(trail.ticket(), calculator.compute(trail, lines, agentTeams, now));
        }
        return rounds;
    }
}
