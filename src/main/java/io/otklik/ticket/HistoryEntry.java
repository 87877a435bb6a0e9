package io.otklik.ticket;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One recorded change of a ticket: who changed which field from what to what, and when. */
@Entity
@Table(name = "ticket_history")
class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_history_seq")
    @SequenceGenerator(name = "ticket_history_seq", sequenceName = "ticket_history_seq", allocationSize = 50)
    private Long id;

    private Long ticketId;
    private Instant at;

    @Enumerated(EnumType.STRING)
    private Actor.Type actorType;

    private Long actorId;
    private String actorName;
    private String field;
    private String oldValue;
    private String newValue;

    protected HistoryEntry() {
    }

    HistoryEntry(long ticketId, Instant at, Actor actor, String field, String oldValue, String newValue) {
        this.ticketId = ticketId;
        this.at = at;
        this.actorType = actor.type();
        this.actorId = actor.id();
        this.actorName = actor.name();
        this.field = field;
        this.oldValue = clip(oldValue);
        this.newValue = clip(newValue);
    }

    private static String clip(String value) {
        return value == null || value.length() <= 1000 ? value : value.substring(0, 997) + "…";
    }

    HistoryView view() {
        return new HistoryView(at, new Actor(actorType, actorId, actorName), field, oldValue, newValue);
    }
}
