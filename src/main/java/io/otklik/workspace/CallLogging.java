package io.otklik.workspace;

import java.util.Optional;
import java.util.function.Function;

import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logs a ticket for a caller: registers the caller when new and opens the ticket, both or neither. */
@Service
public class CallLogging {

    private final CustomerDirectory customers;
    private final TicketIntake intake;

    CallLogging(CustomerDirectory customers, TicketIntake intake) {
        this.customers = customers;
        this.intake = intake;
    }

    @Transactional
    public TicketId log(Optional<CustomerId> known, NewCustomer caller, Function<CustomerId, NewTicket> ticket) {
        CustomerId requester = known.orElseGet(() -> customers.register(caller));
        return intake.open(ticket.apply(requester));
    }
}
