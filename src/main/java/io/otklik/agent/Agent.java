package io.otklik.agent;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A staff member's working profile: name, teams and which tickets they may see. */
@Entity
@Table(name = "agent")
class Agent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_seq")
    @SequenceGenerator(name = "agent_seq", sequenceName = "agent_seq", allocationSize = 50)
    private Long id;

    private Long userId;
    private String displayName;
    private String email;

    @Enumerated(EnumType.STRING)
    private TicketScope ticketScope;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "agent_team", joinColumns = @JoinColumn(name = "agent_id"))
    @Column(name = "team_id")
    private Set<Long> teamIds = new HashSet<>();

    private Instant createdAt;

    @Version
    private long version;

    protected Agent() {
    }

    Agent(long userId, String displayName, String email, TicketScope scope, Set<Long> teamIds, Instant now) {
        this.userId = userId;
        this.displayName = displayName.trim();
        this.email = email.trim().toLowerCase(java.util.Locale.ROOT);
        this.ticketScope = scope;
        this.teamIds = new HashSet<>(teamIds);
        this.createdAt = now;
    }

    void joinTeams(Set<Long> teams) {
        teamIds.clear();
        teamIds.addAll(teams);
    }

    Long id() {
        return id;
    }

    Long userId() {
        return userId;
    }

    TicketScope ticketScope() {
        return ticketScope;
    }

    Set<Long> teamIds() {
        return Set.copyOf(teamIds);
    }

    String displayName() {
        return displayName;
    }

    String email() {
        return email;
    }
}
