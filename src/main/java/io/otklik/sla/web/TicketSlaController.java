package io.otklik.sla.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.otklik.sla.TicketClocks;
import io.otklik.sla.TicketEscalations;
import io.otklik.sla.TicketSla;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketQueries;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The service levels of a ticket, a region of the agent's ticket page: its clocks and their timeline, with the
 * escalation rules that fired among its steps.
 */
@Controller
class TicketSlaController {

    private final TicketQueries tickets;
    private final TicketClocks clocks;
    private final ClockTexts texts;
    private final TicketEscalations escalations;
    private final EscalationTexts escalationTexts;
    private final Clock clock;

    TicketSlaController(TicketQueries tickets, TicketClocks clocks, ClockTexts texts, TicketEscalations escalations,
            EscalationTexts escalationTexts, Clock clock) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.texts = texts;
        this.escalations = escalations;
        this.escalationTexts = escalationTexts;
        this.clock = clock;
    }

    @GetMapping("/tickets/{id}/sla")
    String ofTicket(@PathVariable long id, Model model, Locale locale) {
        TicketId ticket = new TicketId(id);
        // answers "not found" for a ticket the agent may not see
        tickets.details(ticket);
        // computed from the ticket as it is now: the kept clocks follow a moment after each change
        TicketSla sla = clocks.computed(ticket);
        Instant now = clock.instant();
        model.addAttribute("clocks", texts.clocks(sla, now, locale));
        List<ClockTexts.Step> timeline = new ArrayList<>(texts.timeline(sla, locale));
        timeline.addAll(escalationTexts.steps(escalations.of(ticket), locale));
        // stable: an escalation comes after the steps of the same moment
        timeline.sort(Comparator.comparing(ClockTexts.Step::at));
        model.addAttribute("timeline", timeline);
        return "sla/ticket-sla :: sla";
    }
}
