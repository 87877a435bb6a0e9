package io.otklik.ticket;

import java.time.Instant;

import io.otklik.agent.AgentId;
import io.otklik.agent.TeamId;
import io.otklik.shared.RuleViolationException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes a ticket's fields: status, priority, category, assignee, team, tags, subject. */
@Service
public class TicketUpdates {

    private final TicketStore store;
    private final TicketIntake intake;
    private final Actors actors;

    TicketUpdates(TicketStore store, TicketIntake intake, Actors actors) {
        this.store = store;
        this.intake = intake;
        this.actors = actors;
    }

    /**
     * Applies the changes in one step. {@code expectedVersion}, when given, must be the version the caller saw;
     * otherwise someone changed the ticket meanwhile and nothing is applied.
     *
     * @return the ticket's new version
     */
    @Transactional
    public long change(TicketId id, TicketChanges changes, Long expectedVersion) {
        Ticket ticket = store.load(id, expectedVersion);
        apply(ticket, changes, actors.current(), store.now());
        return store.save(ticket).version();
    }

    /**
     * Changes a ticket on a rule's account (a service-level escalation), as the system: first a history line
     * {@code escalation} naming the rule ({@code rule}, a code its module shows in words, e.g.
     * {@code sla:FIRST_RESPONSE:80:RAISE_PRIORITY}), then the changes' own lines. The caller's transaction, so the
     * change commits with the caller's record of it.
     *
     * @return the ticket's new version
     */
    @Transactional
    public long escalate(TicketId id, TicketChanges changes, String rule) {
        Ticket ticket = store.find(id).orElseThrow(() -> TicketAccess.notFound(id.value()));
        Actor system = Actor.system();
        Instant now = store.now();
        ticket.escalated(rule, system, now);
        apply(ticket, changes, system, now);
        return store.save(ticket).version();
    }

    private void apply(Ticket ticket, TicketChanges changes, Actor actor, Instant now) {
        intake.checkReferences(changes.category().value(), changes.team().value(), changes.assignee().value());
        if (changes.subject().present()) {
            ticket.changeSubject(changes.subject().value(), actor, now);
        }
        if (changes.priority().present()) {
            if (changes.priority().value() == null) {
                throw new RuleViolationException("ticket.priority-required");
            }
            ticket.prioritize(changes.priority().value(), actor, now);
        }
        if (changes.category().present()) {
            ticket.categorize(changes.category().value(), actor, now);
        }
        if (changes.team().present()) {
            TeamId team = changes.team().value();
            ticket.assignTeam(team == null ? null : team.value(), actor, now);
        }
        if (changes.assignee().present()) {
            AgentId agent = changes.assignee().value();
            ticket.assign(agent == null ? null : agent.value(), actor, now);
        }
        if (changes.tags().present()) {
            ticket.retag(changes.tags().value(), actor, now);
        }
        if (changes.status().present()) {
            if (changes.status().value() == null) {
                throw new RuleViolationException("ticket.status-required");
            }
            ticket.changeStatus(changes.status().value(), actor, now);
        }
    }
}
