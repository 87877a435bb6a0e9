package io.otklik.ticket.rest;

import java.util.Locale;

import io.otklik.ticket.TicketSort;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads {@code ?sort=updated_desc} (any case) as a {@link TicketSort}; an unknown order is a bad parameter. */
@Component
class TicketSortParameter implements Converter<String, TicketSort> {

    @Override
    public TicketSort convert(String source) {
        return TicketSort.valueOf(source.strip().toUpperCase(Locale.ROOT));
    }
}
