package io.otklik.sla.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.otklik.shared.NotFoundException;
import io.otklik.sla.CustomerPromise;
import io.otklik.sla.TicketClocks;
import io.otklik.ticket.CustomerScope;
import io.otklik.ticket.CustomerTickets;
import io.otklik.ticket.PortalCustomers;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The time we will answer a customer's request by, or that we wait for their answer: a region of the portal's
 * ticket page, served under the portal's sign-in. A ticket outside the signed-in customer's scope is "not found",
 * exactly as on the page itself.
 */
@Controller
class PortalPromiseController {

    private final PortalCustomers customers;
    private final CustomerTickets tickets;
    private final TicketClocks clocks;
    private final Clock clock;
    private final ZoneId zone;

    PortalPromiseController(PortalCustomers customers, CustomerTickets tickets, TicketClocks clocks, Clock clock,
            @Value("${otklik.time-zone:Europe/Moscow}") ZoneId zone) {
        this.customers = customers;
        this.tickets = tickets;
        this.clocks = clocks;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/portal/tickets/{number:\\d+}/promise")
    String promise(@PathVariable long number, Model model, Locale locale) {
        TicketId ticket = new TicketId(number);
        CustomerScope scope = customers.currentScope()
                .orElseThrow(() -> new NotFoundException("ticket.not-found", number));
        Status status = tickets.statusOf(ticket, scope);
        // Computed from the ticket as it is now: the kept clocks follow a moment after each change.
        CustomerPromise promise = Status.UNSOLVED.contains(status) ? CustomerPromise.of(clocks.computed(ticket), status)
                : new CustomerPromise(CustomerPromise.Kind.NONE, null);
        model.addAttribute("promise", promise);
        if (promise.answerBy() != null) {
            model.addAttribute("answerBy", dateTime(promise.answerBy(), locale));
            model.addAttribute("late", !clock.instant().isBefore(promise.answerBy()));
        }
        return "sla/portal-promise :: promise";
    }

    /** "25 ноября, 12:00 (UTC+3)": the support team's time, with its offset for customers elsewhere. */
    String dateTime(Instant instant, Locale locale) {
        ZonedDateTime at = instant.atZone(zone);
        String pattern = at.getYear() == clock.instant().atZone(zone).getYear() ? "d MMMM, HH:mm" : "d MMMM yyyy, HH:mm";
        String offset = at.getOffset().getTotalSeconds() == 0 ? "UTC"
                : "UTC" + at.getOffset().getId().replace(":00", "").replaceFirst("([+-])0", "$1");
        return at.format(DateTimeFormatter.ofPattern(pattern, locale)) + " (" + offset + ")";
    }
}
