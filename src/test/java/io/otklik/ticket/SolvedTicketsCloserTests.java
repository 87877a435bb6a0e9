package io.otklik.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.customer.NewCustomer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Closing the loop: a solved ticket nobody answers closes by itself; one the customer answered does not. */
@SpringBootTest
class SolvedTicketsCloserTests extends PostgresTest {

    @Autowired TicketIntake intake;
    @Autowired TicketUpdates updates;
    @Autowired TicketQueries tickets;
    @Autowired CustomerTickets customerTickets;
    @Autowired SolvedTicketsCloser closer;
    @Autowired Clock clock;

    @Test
    void closesATicketSolvedLongerAgoThanTheWaitAndSaysTheSystemDidIt() {
        TicketId unanswered = solvedTicket();
        TicketId answered = solvedTicket();
        customerTickets.reply(answered, tickets.details(answered).requester().id(), "Нет, не помогло.", List.of(),
                Channel.PORTAL);

        closer.closeSolvedBefore(clock.instant().plus(Duration.ofMinutes(1)));

        assertThat(tickets.details(unanswered).status()).isEqualTo(Status.CLOSED);
        HistoryView closing = tickets.history(unanswered).getLast();
        assertThat(closing.field()).isEqualTo("status");
        assertThat(closing.newValue()).isEqualTo("CLOSED");
        assertThat(closing.actor().type()).isEqualTo(Actor.Type.SYSTEM);
        assertThat(tickets.details(answered).status()).isEqualTo(Status.OPEN);
    }

    @Test
    void leavesATicketSolvedMoreRecentlyThanTheWait() {
        TicketId recent = solvedTicket();

        closer.closeSolvedBefore(clock.instant().minus(Duration.ofDays(7)));

        assertThat(tickets.details(recent).status()).isEqualTo(Status.SOLVED);
    }

    private TicketId solvedTicket() {
        TicketId id = intake.open(new NewTicket("Не работает сканер", "Сканер не видит сеть.", null, Channel.PHONE,
                Priority.LOW, null, null, null, Set.of(), List.of()),
                new NewCustomer("Клиент " + TestStaff.unique(), null, "+7 902 " + (1_000_000
                        + new java.util.Random().nextInt(8_999_999)), null));
        TestStaff.asAdmin(() -> updates.change(id, TicketChanges.none().withStatus(Status.SOLVED), null));
        return id;
    }
}
