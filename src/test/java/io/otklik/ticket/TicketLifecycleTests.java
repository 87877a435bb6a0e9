package io.otklik.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.otklik.agent.AgentId;
import io.otklik.shared.RuleViolationException;

import org.junit.jupiter.api.Test;

/** The ticket's own rules: the status lifecycle, what messages do to the status, tags, and the history kept. */
class TicketLifecycleTests {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Actor AGENT = Actor.agent(new AgentId(7), "Анна Смирнова");
    private static final Actor CUSTOMER = new Actor(Actor.Type.CUSTOMER, 3L, "Олег Петров");

    private static Ticket newTicket() {
        return Ticket.open(1042, "OTK-1042", new NewTicketData("  Не   приходит  письмо ", null, null, Channel.EMAIL,
                3L, null, null, null, Set.of(" VPN ", "Срочно")), Actor.system(), NOW);
    }

    @Test
    void opensAsNewWithMediumPriorityAndNormalizedSubjectAndTags() {
        Ticket ticket = newTicket();
        assertThat(ticket.status()).isEqualTo(Status.NEW);
        assertThat(ticket.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(ticket.subject()).isEqualTo("Не приходит письмо");
        assertThat(ticket.tags()).containsExactlyInAnyOrder("vpn", "срочно");
        assertThat(ticket.drainHistory()).extracting(e -> e.view().field()).containsExactly("created");
    }

    @Test
    void followsTheLifecycleAndRecordsEveryStep() {
        Ticket ticket = newTicket();
        ticket.drainHistory();
        ticket.changeStatus(Status.OPEN, AGENT, NOW);
        ticket.changeStatus(Status.PENDING, AGENT, NOW);
        ticket.changeStatus(Status.ON_HOLD, AGENT, NOW);
        ticket.changeStatus(Status.SOLVED, AGENT, NOW.plusSeconds(60));
        assertThat(ticket.solvedAt()).isEqualTo(NOW.plusSeconds(60));
        ticket.changeStatus(Status.CLOSED, AGENT, NOW);
        List<HistoryView> history = ticket.drainHistory().stream().map(HistoryEntry::view).toList();
        assertThat(history).extracting(HistoryView::oldValue, HistoryView::newValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("NEW", "OPEN"),
                org.assertj.core.groups.Tuple.tuple("OPEN", "PENDING"),
                org.assertj.core.groups.Tuple.tuple("PENDING", "ON_HOLD"),
                org.assertj.core.groups.Tuple.tuple("ON_HOLD", "SOLVED"),
                org.assertj.core.groups.Tuple.tuple("SOLVED", "CLOSED"));
        assertThat(history).allSatisfy(entry -> assertThat(entry.actor().name()).isEqualTo("Анна Смирнова"));
    }

    @Test
    void refusesIllegalTransitionsAndChangesNothing() {
        Ticket ticket = newTicket();
        ticket.drainHistory();
        assertThatThrownBy(() -> ticket.changeStatus(Status.CLOSED, AGENT, NOW))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).code()).isEqualTo("ticket.status.illegal"));
        ticket.changeStatus(Status.OPEN, AGENT, NOW);
        assertThatThrownBy(() -> ticket.changeStatus(Status.NEW, AGENT, NOW)).isInstanceOf(RuleViolationException.class);
        assertThat(ticket.status()).isEqualTo(Status.OPEN);
        assertThat(ticket.drainHistory()).hasSize(1);
    }

    @Test
    void closedTicketAcceptsNoChangeAndNoMessage() {
        Ticket ticket = newTicket();
        ticket.changeStatus(Status.SOLVED, AGENT, NOW);
        ticket.changeStatus(Status.CLOSED, AGENT, NOW);
        assertThatThrownBy(() -> ticket.changeStatus(Status.OPEN, AGENT, NOW)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> ticket.assign(7L, AGENT, NOW)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> ticket.messageAdded(1, MessageKind.PUBLIC_REPLY, CUSTOMER, NOW))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void customerReplyReopensPendingAndSolvedTickets() {
        Ticket ticket = newTicket();
        ticket.changeStatus(Status.PENDING, AGENT, NOW);
        ticket.messageAdded(1, MessageKind.PUBLIC_REPLY, CUSTOMER, NOW);
        assertThat(ticket.status()).isEqualTo(Status.OPEN);
        ticket.changeStatus(Status.SOLVED, AGENT, NOW);
        ticket.messageAdded(2, MessageKind.PUBLIC_REPLY, CUSTOMER, NOW);
        assertThat(ticket.status()).isEqualTo(Status.OPEN);
        assertThat(ticket.solvedAt()).isNull();
    }

    @Test
    void agentReplyOrAssignmentTakesUpANewTicketButANoteDoesNot() {
        Ticket noted = newTicket();
        noted.messageAdded(1, MessageKind.INTERNAL_NOTE, AGENT, NOW);
        assertThat(noted.status()).isEqualTo(Status.NEW);
        noted.messageAdded(2, MessageKind.PUBLIC_REPLY, AGENT, NOW);
        assertThat(noted.status()).isEqualTo(Status.OPEN);

        Ticket assigned = newTicket();
        assigned.assign(7L, AGENT, NOW);
        assertThat(assigned.status()).isEqualTo(Status.OPEN);
        assertThat(assigned.assigneeId()).isEqualTo(7L);
    }

    @Test
    void refusesEmptySubjectsAndTooManyOrTooLongTags() {
        Ticket ticket = newTicket();
        assertThatThrownBy(() -> ticket.changeSubject("   ", AGENT, NOW)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> ticket.retag(List.of("x".repeat(61)), AGENT, NOW))
                .isInstanceOf(RuleViolationException.class);
        List<String> many = java.util.stream.IntStream.range(0, 31).mapToObj(i -> "t" + i).toList();
        assertThatThrownBy(() -> ticket.retag(many, AGENT, NOW)).isInstanceOf(RuleViolationException.class);
        assertThat(ticket.tags()).containsExactlyInAnyOrder("vpn", "срочно");
    }

    @Test
    void unchangedValuesLeaveNoHistory() {
        Ticket ticket = newTicket();
        ticket.drainHistory();
        ticket.prioritize(Priority.MEDIUM, AGENT, NOW);
        ticket.retag(List.of("vpn", "СРОЧНО"), AGENT, NOW);
        ticket.changeStatus(Status.NEW, AGENT, NOW);
        assertThat(ticket.drainHistory()).isEmpty();
    }
}
