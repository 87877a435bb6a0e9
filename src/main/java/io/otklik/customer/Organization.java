package io.otklik.customer;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A company whose people are customers; recognised by its email domain. */
@Entity
@Table(name = "organization")
class Organization {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organization_seq")
    @SequenceGenerator(name = "organization_seq", sequenceName = "organization_seq", allocationSize = 50)
    private Long id;

    private String name;
    private String domain;
    private Instant createdAt;

    protected Organization() {
    }

    Organization(String name, String domain, Instant now) {
        this.name = name.trim();
        this.domain = domain == null || domain.isBlank() ? null : domain.trim().toLowerCase(Locale.ROOT);
        this.createdAt = now;
    }

    OrganizationView view() {
        return new OrganizationView(new OrganizationId(id), name, domain);
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }
}
