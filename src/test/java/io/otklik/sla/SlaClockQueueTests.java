package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import io.otklik.ApiTest;
import io.otklik.ticket.TicketId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tickets are noted for their clocks in the transaction that changes them and computed after it commits: a change
 * that rolls back leaves no note, and a ticket that cannot be computed does not hold up the others.
 */
class SlaClockQueueTests extends ApiTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired SlaClockQueue queue;
    @Autowired TicketClocks clocks;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aNewTicketGetsItsClocksKeptAndItsNoteRemoved() throws Exception {
        TicketId ticket = open();

        await().atMost(WAIT).until(() -> kept(ticket) > 0 && notes(ticket) == 0);
        assertThat(jdbc.sql("select target from sla_clock where ticket_id = :t order by target")
                .param("t", ticket.value()).query(String.class).list()).contains("FIRST_RESPONSE", "RESOLUTION");
    }

    @Test
    void aNoteMadeInATransactionThatRollsBackIsGone() throws Exception {
        TicketId ticket = open();
        await().atMost(WAIT).until(() -> notes(ticket) == 0);

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            queue.add(List.of(ticket));
            assertThat(notes(ticket)).isEqualTo(1);
            tx.setRollbackOnly();
        });

        assertThat(notes(ticket)).isZero();
    }

    @Test
    void aTicketThatCannotBeComputedIsDroppedAndTheOthersAreComputed() throws Exception {
        TicketId real = open();
        await().atMost(WAIT).until(() -> notes(real) == 0 && kept(real) > 0);
        jdbc.sql("delete from sla_ticket where ticket_id = :t").param("t", real.value()).update();
        TicketId missing = new TicketId(Long.MAX_VALUE - 7);

        // Noted together, as one batch would take them: the missing ticket makes the batch fail.
        new TransactionTemplate(transactions).executeWithoutResult(tx -> queue.add(List.of(missing, real)));

        await().atMost(WAIT).until(() -> notes(missing) == 0 && notes(real) == 0 && kept(real) > 0);
        assertThat(clocks.of(real).clocks()).isNotEmpty();
    }

    private TicketId open() throws Exception {
        Staff agent = admin();
        return new TicketId(body(mvc.perform(postJson(agent, """
                        {"subject": "Очередь часов", "description": "Проверка.",
                         "requester": {"email": "%s"}}""".formatted(unique("queue") + "@client.test"),
                        "/api/v1/tickets"))
                .andExpect(status().isCreated()).andReturn()).get("number").asLong());
    }

    private long notes(TicketId ticket) {
        return jdbc.sql("select count(*) from sla_pending where ticket_id = :t").param("t", ticket.value())
                .query(Long.class).single();
    }

    private long kept(TicketId ticket) {
        return jdbc.sql("select count(*) from sla_clock where ticket_id = :t").param("t", ticket.value())
                .query(Long.class).single();
    }
}
