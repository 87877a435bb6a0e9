package io.otklik.agent;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A group of agents working one support line (a department, in the support articles' words). */
@Entity
@Table(name = "team")
class Team {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "team_seq")
    @SequenceGenerator(name = "team_seq", sequenceName = "team_seq", allocationSize = 50)
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private SupportLine line;

    private Instant createdAt;

    protected Team() {
    }

    Team(String name, SupportLine line, Instant now) {
        this.name = name.trim();
        this.line = line;
        this.createdAt = now;
    }

    TeamView view() {
        return new TeamView(new TeamId(id), name, line);
    }
}
