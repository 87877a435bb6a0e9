package io.otklik.ticket.rest;

import java.util.List;

import io.otklik.ticket.CategoryView;
import io.otklik.ticket.TicketQueries;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The request categories a ticket may be filed under. */
@RestController
class CategoryApi {

    private final TicketQueries queries;

    CategoryApi(TicketQueries queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/api/v1/categories", produces = MediaType.APPLICATION_JSON_VALUE)
    List<CategoryView> listCategories() {
        return queries.categories();
    }
}
