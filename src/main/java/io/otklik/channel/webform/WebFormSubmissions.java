package io.otklik.channel.webform;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.otklik.identity.CustomerAccounts;
import io.otklik.customer.NewCustomer;
import io.otklik.ticket.Channel;
import io.otklik.ticket.NewAttachment;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.TicketDetails;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;
import io.otklik.ticket.TicketQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a checked form into a ticket: the customer found by the email or registered from the form, the ticket with
 * the description as its first message, and the sender's receipt, all in one transaction.
 */
@Service
class WebFormSubmissions {

    private final TicketIntake intake;
    private final TicketQueries tickets;
    private final Receipts receipts;
    private final CustomerAccounts accounts;

    WebFormSubmissions(TicketIntake intake, TicketQueries tickets, Receipts receipts, CustomerAccounts accounts) {
        this.accounts = accounts;
        this.intake = intake;
        this.tickets = tickets;
        this.receipts = receipts;
    }

    /** The ticket opened and the token of the sender's receipt. */
    record Submitted(TicketId ticket, String reference, String receiptToken) {
    }

    @Transactional
    Submitted submit(SupportRequestForm form, List<NewAttachment> attachments, Locale language) {
        TicketId id = intake.open(new NewTicket(form.subject(), form.description(), null, Channel.WEB_FORM, null,
                form.categoryId(), null, null, Set.of(), attachments),
                new NewCustomer(form.name(), form.email(), null, null));
        TicketDetails ticket = tickets.details(id);
        // Mail to a sender who has not chosen a language goes in the language they wrote the form in.
        long customer = ticket.requester().id().value();
        if (accounts.languageOf(customer).isEmpty()) {
            accounts.changeLanguage(customer, language);
        }
        return new Submitted(id, ticket.reference(), receipts.issue(id.value(), ticket.reference(), ticket.subject()));
    }
}
