package io.otklik.ticket;

import io.otklik.shared.ConflictException;
import io.otklik.shared.RuleViolationException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Maintains the list of request categories. */
@Service
public class Categories {

    private final TicketCategories categories;

    Categories(TicketCategories categories) {
        this.categories = categories;
    }

    @Transactional
    @PreAuthorize("hasRole('SUPERVISOR')")
    public long create(String name) {
        if (name == null || name.isBlank()) {
            throw new RuleViolationException("category.name-required");
        }
        if (categories.existsByName(name.strip())) {
            throw new ConflictException("category.name-taken", name.strip());
        }
        return categories.save(new TicketCategory(name, (int) categories.count())).view().id();
    }
}
