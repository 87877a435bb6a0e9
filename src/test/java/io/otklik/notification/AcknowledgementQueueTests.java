package io.otklik.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.customer.NewCustomer;
import io.otklik.sla.PromisedAnswers;
import io.otklik.ticket.Channel;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New tickets are noted for their acknowledgement in the transaction that opens them and acknowledged after it
 * commits (ADR 22): a ticket that rolls back is never acknowledged, and an acknowledgement that cannot be made is
 * tried again later without holding up the others, and after its last try shown on the ticket as not sent. The
 * failure is made by letting the promised-time calculation throw for one chosen ticket.
 */
@SpringBootTest
class AcknowledgementQueueTests extends PostgresTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @MockitoSpyBean PromisedAnswers promises;
    @Autowired TicketIntake intake;
    @Autowired NotificationHistory history;
    @Autowired NotificationTemplates templates;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aNewTicketIsAcknowledgedOnceAndItsNoteRemoved() {
        String email = "queue-" + TestStaff.unique() + "@client.test";
        TicketId ticket = open(email);

        await().atMost(WAIT).until(() -> notes(ticket) == 0 && !acknowledgements(ticket).isEmpty());
        assertThat(acknowledgements(ticket)).singleElement().satisfies(ack -> {
            assertThat(ack.recipient()).isEqualTo(email);
            assertThat(ack.suppressed()).isNull();
        });
    }

    @Test
    void aTicketWhoseTransactionRollsBackLeavesNoNoteAndNoAcknowledgement() {
        TicketId[] opened = new TicketId[1];
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            opened[0] = open("rolled-back-" + TestStaff.unique() + "@client.test");
            assertThat(notes(opened[0])).isEqualTo(1);
            tx.setRollbackOnly();
        });

        assertThat(notes(opened[0])).isZero();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> decided(opened[0]) == 0);
    }

    @Test
    void aFailingAcknowledgementDoesNotHoldUpTheOthersAndIsSentWhenItCanBe() {
        String goodEmail = "good-" + TestStaff.unique() + "@client.test";
        String badEmail = "bad-" + TestStaff.unique() + "@client.test";
        TicketId[] tickets = new TicketId[2];
        // Opened in one transaction, so that one batch takes both notes.
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            tickets[0] = open(goodEmail);
            tickets[1] = open(badEmail);
            doThrow(new IllegalStateException("calendar unreadable")).when(promises).firstAnswerBy(tickets[1]);
        });
        TicketId good = tickets[0];
        TicketId bad = tickets[1];

        await().atMost(WAIT).until(() -> !acknowledgements(good).isEmpty() && attempts(bad) == 1);
        assertThat(acknowledgements(good)).singleElement().satisfies(ack -> assertThat(ack.suppressed()).isNull());
        assertThat(acknowledgements(bad)).isEmpty();
        Instant due = jdbc.sql("select due_at from acknowledgement_pending where ticket_id = :t")
                .param("t", bad.value()).query(java.sql.Timestamp.class).single().toInstant();
        assertThat(due).isAfter(Instant.now().plusSeconds(20));
        assertThat(jdbc.sql("select last_error from acknowledgement_pending where ticket_id = :t")
                .param("t", bad.value()).query(String.class).single()).contains("calendar unreadable");

        // The calculation works again; the try is due now instead of in half a minute.
        doCallRealMethod().when(promises).firstAnswerBy(bad);
        makeDue(bad, 1);

        await().atMost(WAIT).until(() -> notes(bad) == 0 && !acknowledgements(bad).isEmpty());
        assertThat(acknowledgements(bad)).singleElement().satisfies(ack -> {
            assertThat(ack.recipient()).isEqualTo(badEmail);
            assertThat(ack.suppressed()).isNull();
        });
    }

    @Test
    void anAcknowledgementThatFailsAtItsLastTryIsShownOnTheTicketAsNotSent() {
        TicketId[] opened = new TicketId[1];
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            opened[0] = open("never-" + TestStaff.unique() + "@client.test");
            doThrow(new IllegalStateException("calendar unreadable")).when(promises).firstAnswerBy(opened[0]);
        });
        TicketId ticket = opened[0];
        await().atMost(WAIT).until(() -> attempts(ticket) == 1);

        makeDue(ticket, AcknowledgementQueue.MAX_ATTEMPTS - 1);

        await().atMost(WAIT).until(() -> notes(ticket) == 0);
        assertThat(acknowledgements(ticket)).singleElement().satisfies(ack -> {
            assertThat(ack.suppressed()).isEqualTo("failed");
            assertThat(ack.delivery()).isNull();
        });
    }

    @Test
    void anEditedTemplateIsUsedByTheNextAcknowledgementAtOnce() {
        TicketId before = open("before-edit-" + TestStaff.unique() + "@client.test");
        await().atMost(WAIT).until(() -> ackSubject(before) != null);
        String marker = "метка " + TestStaff.unique();
        Locale russian = Locale.of("ru");
        try {
            TestStaff.asAdmin(() -> {
                templates.save(NotificationKind.ACKNOWLEDGEMENT, russian, "Принято {{ticket.reference}}, " + marker,
                        templates.shipped(NotificationKind.ACKNOWLEDGEMENT, russian).body());
                return null;
            });

            TicketId after = open("after-edit-" + TestStaff.unique() + "@client.test");

            await().atMost(WAIT).until(() -> ackSubject(after) != null);
            assertThat(ackSubject(after)).endsWith(marker);
            assertThat(ackSubject(before)).doesNotContain(marker);
        } finally {
            TestStaff.asAdmin(() -> {
                templates.reset(NotificationKind.ACKNOWLEDGEMENT, russian);
                return null;
            });
        }
    }

    private String ackSubject(TicketId ticket) {
        return jdbc.sql("select subject from outbox_entry where send_key = :key")
                .param("key", "notification:ack:" + ticket.value()).query(String.class).optional().orElse(null);
    }

    private TicketId open(String email) {
        return intake.open(new NewTicket("Подтверждение из очереди", "Проверка очереди подтверждений.", null,
                Channel.EMAIL, Priority.MEDIUM, null, null, null, Set.of(), List.of()),
                new NewCustomer("Клиент очереди", email, null, null));
    }

    private List<NotificationView> acknowledgements(TicketId ticket) {
        return history.of(ticket).stream().filter(notice -> notice.kind() == NotificationKind.ACKNOWLEDGEMENT)
                .toList();
    }

    private long decided(TicketId ticket) {
        return jdbc.sql("select count(*) from notification where dedupe_key = :key")
                .param("key", "ack:" + ticket.value()).query(Long.class).single();
    }

    private long notes(TicketId ticket) {
        return jdbc.sql("select count(*) from acknowledgement_pending where ticket_id = :t")
                .param("t", ticket.value()).query(Long.class).single();
    }

    private int attempts(TicketId ticket) {
        return jdbc.sql("select attempts from acknowledgement_pending where ticket_id = :t")
                .param("t", ticket.value()).query(Integer.class).optional().orElse(0);
    }

    private void makeDue(TicketId ticket, int attempts) {
        jdbc.sql("update acknowledgement_pending set attempts = :a, due_at = :now where ticket_id = :t")
                .param("a", attempts).param("now", java.sql.Timestamp.from(Instant.now()))
                .param("t", ticket.value()).update();
    }
}
