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
 * requester's segments are the current ones. {@code agentMessages} are every message an agent wrote, public replies
 * and internal notes alike, with the agent's id, oldest first: who on the staff worked on the ticket when (what
 * internal targets of teams and lines are counted from).
 */
public record TicketTrail(TicketId ticket, Instant createdAt, Channel channel, Long organizationId,
        Set<String> segments, Status status, Priority priority, Long categoryId, Long teamId, List<Fact> facts,
        List<AgentMessage> agentMessages) {

    public TicketTrail {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        segments = segments == null ? Set.of() : Set.copyOf(segments);
        facts = facts == null ? List.of() : List.copyOf(facts);
        agentMessages = agentMessages == null ? List.of() : List.copyOf(agentMessages);
    }

    /** A trail without agents' messages: what service-level clocks need. */
    public TicketTrail(TicketId ticket, Instant createdAt, Channel channel, Long organizationId, Set<String> segments,
            Status status, Priority priority, Long categoryId, Long teamId, List<Fact> facts) {
        this(ticket, createdAt, channel, organizationId, segments, status, priority, categoryId, teamId, facts,
                List.of());
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

    /**
     * A message an agent wrote: a public reply or an internal note, with the agent's id ({@code null} when the agent
     * is unknown, such as a message imported without one).
     */
    public record AgentMessage(Instant at, long messageId, MessageKind kind, Long agentId) {
    }
}
