package io.otklik.customer;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person who asks for help. */
@Entity
@Table(name = "customer")
class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    private Long id;

    private String name;
    private String email;
    private String phone;
    private Long organizationId;
    private Instant createdAt;

    @Version
    private long version;

    protected Customer() {
    }

    Customer(String name, String email, String phone, Long organizationId, Instant now) {
        this.name = name.trim();
        this.email = normalizeEmail(email);
        this.phone = phone == null || phone.isBlank() ? null : phone.trim();
        this.organizationId = organizationId;
        this.createdAt = now;
    }

    void rename(String newName) {
        this.name = newName.trim();
    }

    static String normalizeEmail(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String email() {
        return email;
    }

    String phone() {
        return phone;
    }

    Long organizationId() {
        return organizationId;
    }

    Instant createdAt() {
        return createdAt;
    }
}
