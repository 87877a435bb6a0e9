package io.otklik.identity;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One administrative or access event: who did what, when, from where. */
@Entity
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    private Long id;

    private Instant at;
    private String actor;
    private String action;
    private String detail;
    private String remoteAddress;

    protected AuditEvent() {
    }

    AuditEvent(Instant at, String actor, String action, String detail, String remoteAddress) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        this.remoteAddress = remoteAddress;
    }

    String action() {
        return action;
    }

    String actor() {
        return actor;
    }
}
