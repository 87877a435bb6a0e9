package io.otklik.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What service-level clocks are counted from: when a ticket was opened, the values it was opened with, and every
 * recorded change of its status, priority, category and team and every public message of the customer or an agent
 * since, oldest first (at the same instant an agent's answer before the field changes made with it, a customer's
 * message after the reopen it caused). Notes and system messages are no facts. Channel, organization and the
 * requester's segments are the current ones.
 */
public record TicketTrail(TicketId ticket, Instant createdAt, Channel channel, Long organizationId,
        Set<String> segments, Status status, Priority priority, Long categoryId, Long teamId, List<Fact> facts) {

    public TicketTrail {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        segments = segments == null ? Set.of() : Set.copyOf(segments);
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    /** One recorded fact of a ticket's life. */
    public sealed interface Fact {
        Instant at();
    }

    public record StatusChange(Instant at, Status from, Status to) implements Fact {
    }

    public record PriorityChange(Instant at, Priority from, Priority to) implements Fact {
    }

    /** Category ids; {@code null} for none. */
    public record CategoryChange(Instant at, Long from, Long to) implements Fact {
    }

    /** Team ids; {@code null} for none. */
    public record TeamChange(Instant at, Long from, Long to) implements Fact {
    }

    /** A public message of the customer ({@link Actor.Type#CUSTOMER}) or an agent ({@link Actor.Type#AGENT}). */
    public record PublicMessage(Instant at, long messageId, Actor.Type author) implements Fact {
    }
}
