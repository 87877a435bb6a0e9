package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.shared.NotFoundException;
import io.otklik.ticket.Channel;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketDetails;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;
import io.otklik.ticket.TicketQueries;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The acknowledgement's "we will answer by": the configured calendar (Moscow, Mon–Fri 09:00–18:00, the Russian
 * production calendar) and the standard targets, for a ticket that has just been opened.
 */
@SpringBootTest
class PromisedAnswersTests extends PostgresTest {

    @Autowired
    PromisedAnswers answers;

    @Autowired
    TicketIntake intake;

    @Autowired
    TicketQueries queries;

    @Autowired
    CustomerDirectory customers;

    @Test
    void promisesAnAnswerToANewTicketByItsPriorityFromItsArrival() {
        CustomerId requester = customers.register(new NewCustomer("Ольга Смирнова",
                "olga-" + TestStaff.unique() + "@romashka.example", null, null));
        TicketId ticket = intake.open(new NewTicket("Сервис недоступен", "С утра не открывается личный кабинет.",
                requester, Channel.EMAIL, Priority.CRITICAL, null, null, null, Set.of(), List.of()));
        TicketDetails details = TestStaff.asAdmin(() -> queries.details(ticket));

        Instant promised = answers.firstAnswerBy(ticket);

        assertThat(promised).isEqualTo(answers.firstAnswerBy(Priority.CRITICAL, details.createdAt()));
        assertThat(promised).isAfter(details.createdAt())
                .isBeforeOrEqualTo(details.createdAt().plus(Duration.ofHours(24)));
    }

    @Test
    void countsOnTheConfiguredCalendarWithItsHolidaysAndShortenedDays() {
        // Wednesday 4 Nov 2026 (Unity Day) 10:00 MSK, critical (30 min): counted from Thursday 09:00 → 09:30 MSK
        assertThat(answers.firstAnswerBy(Priority.CRITICAL, Instant.parse("2026-11-04T07:00:00Z")))
                .isEqualTo("2026-11-05T06:30:00Z");
        // Tuesday 3 Nov 16:45 MSK, critical: an ordinary day would give 17:15, but the day before the holiday ends
        // at 17:00 (15 min), Wednesday is off, and Thursday 09:15 is past the 24 h cap → Wednesday 16:45 MSK
        assertThat(answers.firstAnswerBy(Priority.CRITICAL, Instant.parse("2026-11-03T13:45:00Z")))
                .isEqualTo("2026-11-04T13:45:00Z");
        // Monday 23 Nov 2026 10:00 MSK, medium (240 min) → 14:00 MSK
        assertThat(answers.firstAnswerBy(Priority.MEDIUM, Instant.parse("2026-11-23T07:00:00Z")))
                .isEqualTo("2026-11-23T11:00:00Z");
    }

    @Test
    void neverPromisesLaterThanADayAfterArrival() {
        // Friday 27 Nov 2026 17:00 MSK, low (480 min): 1 h Friday, 7 h Monday → Monday 16:00, past the 24 h cap;
        // the promise is Saturday 28 Nov 17:00 MSK = 14:00Z
        assertThat(answers.firstAnswerBy(Priority.LOW, Instant.parse("2026-11-27T14:00:00Z")))
                .isEqualTo("2026-11-28T14:00:00Z");
    }

    @Test
    void refusesATicketThatDoesNotExist() {
        assertThatThrownBy(() -> answers.firstAnswerBy(new TicketId(Long.MAX_VALUE)))
                .isInstanceOf(NotFoundException.class);
    }
}
