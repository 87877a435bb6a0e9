package io.otklik.sla;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.otklik.agent.AgentDirectory;
import io.otklik.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Internal targets (OLA) as administrators keep them: supervisors see them, administrators add, change and delete
 * them. A team or a line has at most one target of each kind. Nothing with problems is saved; every saved change
 * publishes {@link OlaTargetChanged} after it commits.
 */
@Service
public class OlaTargetAdministration {

    private final OlaTargetRows rows;
    private final CalendarRows calendars;
    private final AgentDirectory agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OlaTargetAdministration(OlaTargetRows rows, CalendarRows calendars, AgentDirectory agents,
            ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.calendars = calendars;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    /** All targets: lines' first, then teams'. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public List<OlaTarget> targets() {
        return rows.all();
    }

    /** @throws NotFoundException when there is no such target */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public OlaTarget target(OlaTargetId id) {
        return load(id);
    }

    /** @throws InvalidOlaTarget with everything that is wrong */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public OlaTargetId create(OlaTargetDetails details) {
        check(details, null);
        OlaTargetId id;
        try {
            id = rows.insert(details, clock.instant());
        } catch (DataIntegrityViolationException sameMeanwhile) {
            throw new InvalidOlaTarget(List.of(new OlaTargetProblem("holder", "ola-target.taken")));
        }
        events.publishEvent(new OlaTargetChanged(id));
        return id;
    }

    /**
     * @throws InvalidOlaTarget with everything that is wrong
     * @throws NotFoundException when there is no such target
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void update(OlaTargetId id, OlaTargetDetails details) {
        load(id);
        check(details, id);
        try {
            rows.update(id, details, clock.instant());
        } catch (DataIntegrityViolationException sameMeanwhile) {
            throw new InvalidOlaTarget(List.of(new OlaTargetProblem("holder", "ola-target.taken")));
        }
        events.publishEvent(new OlaTargetChanged(id));
    }

    /** @throws NotFoundException when there is no such target */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void delete(OlaTargetId id) {
        load(id);
        rows.delete(id);
        events.publishEvent(new OlaTargetChanged(id));
    }

    /** Its own problems, then whether the team and the calendar exist and the holder is free for the kind. */
    private void check(OlaTargetDetails details, OlaTargetId id) {
        List<OlaTargetProblem> problems = new ArrayList<>(details.problems());
        if (details.team() != null && agents.team(details.team()).isEmpty()) {
            problems.add(new OlaTargetProblem("holder", "ola-target.team-unknown", details.team().value()));
        }
        if (details.calendar() != null && calendars.one(details.calendar()).isEmpty()) {
            problems.add(new OlaTargetProblem("calendar", "ola-target.calendar-unknown", details.calendar().value()));
        }
        if (problems.isEmpty() && rows.taken(details.team(), details.line(), details.kind(), id)) {
            problems.add(new OlaTargetProblem("holder", "ola-target.taken"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidOlaTarget(problems);
        }
    }

    private OlaTarget load(OlaTargetId id) {
        return rows.one(id).orElseThrow(() -> new NotFoundException("ola-target.not-found", id.value()));
    }
}
