package io.otklik.ticket;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A kind of request ("request type"): access, billing, incident, question, … */
@Entity
@Table(name = "ticket_category")
class TicketCategory {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_category_seq")
    @SequenceGenerator(name = "ticket_category_seq", sequenceName = "ticket_category_seq", allocationSize = 50)
    private Long id;

    private String name;
    private int position;

    protected TicketCategory() {
    }

    TicketCategory(String name, int position) {
        this.name = name.strip();
        this.position = position;
    }

    CategoryView view() {
        return new CategoryView(id, name);
    }
}
