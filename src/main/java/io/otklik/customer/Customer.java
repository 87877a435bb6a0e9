package io.otklik.customer;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person who asks for help. All their addresses live in the contact book; the customer row keeps the primary
 * email and phone (the phone as first written, for showing), which are always among those addresses.
 */
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
    private boolean seesOrganizationTickets;
    private Long mergedInto;
    private Instant mergedAt;
    private Instant createdAt;

    @Version
    private long version;

    protected Customer() {
    }

    Customer(String name, String email, String phone, Long organizationId, Instant now) {
        this.name = name.trim();
        this.email = ContactKind.EMAIL.normalize(email);
        this.phone = phone == null || phone.isBlank() ? null : phone.trim();
        this.organizationId = organizationId;
        this.createdAt = now;
    }

    void rename(String newName) {
        this.name = newName.trim();
    }

    /** A new address became the primary one of its kind when the customer had none. */
    void adopt(ContactKind kind, String written) {
        if (kind == ContactKind.EMAIL && email == null) {
            email = ContactKind.EMAIL.normalize(written);
        } else if (kind == ContactKind.PHONE && phone == null) {
            phone = written.strip();
        }
    }

    /** An address was removed; when it was the primary one, the next address of its kind (or none) takes over. */
    void forget(ContactKind kind, String address, String next) {
        if (kind == ContactKind.EMAIL && Objects.equals(email, address)) {
            email = next;
        } else if (kind == ContactKind.PHONE && phone != null
                && Objects.equals(ContactKind.PHONE.normalize(phone), address)) {
            phone = next;
        }
    }

    void joinOrganization(Long organization) {
        if (organizationId == null) {
            organizationId = organization;
        }
    }

    void letSeeOrganizationTickets(boolean sees) {
        seesOrganizationTickets = sees;
    }

    /**
     * Marks this customer as merged into another. Its addresses move away, so the primary ones are cleared here;
     * it no longer speaks for its organization.
     */
    void mergeInto(long target, Instant now) {
        mergedInto = target;
        mergedAt = now;
        email = null;
        phone = null;
        seesOrganizationTickets = false;
    }

    /** Takes over what a merged duplicate had and this customer lacked: primary email and phone, organization. */
    void absorb(String duplicateEmail, String duplicatePhone, Long duplicateOrganization) {
        if (email == null) {
            email = duplicateEmail;
        }
        if (phone == null) {
            phone = duplicatePhone;
        }
        joinOrganization(duplicateOrganization);
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

    boolean seesOrganizationTickets() {
        return seesOrganizationTickets;
    }

    Long mergedInto() {
        return mergedInto;
    }

    boolean merged() {
        return mergedInto != null;
    }

    Instant createdAt() {
        return createdAt;
    }
}
