package io.otklik.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TicketFactoryTest {

    private static final long NOW = 1_795_000_000_000L;
    private final People people = new People(20_000, 7, NOW);
    private final TicketFactory factory = new TicketFactory(people, NOW, 7);

    @Test
    void aBatchDependsOnlyOnSeedAndPosition() {
        Batch first = factory.build(500, 700);
        factory.build(0, 100);
        Batch again = factory.build(500, 700);
        assertArrayEquals(first.ticket().bytes(), again.ticket().bytes());
        assertArrayEquals(first.history().bytes(), again.history().bytes());
    }

    @Test
    void rowsAgreeWithEachOtherAndTheMix() {
        int tickets = 20_000;
        Batch batch = factory.build(0, tickets);
        assertEquals(tickets, batch.ticket().rows());
        Map<String, Integer> statuses = new HashMap<>();
        for (String row : lines(batch.ticket())) {
            String[] f = row.split("\t");
            long id = Long.parseLong(f[0]);
            assertEquals("OTK-" + id, f[1]);
            statuses.merge(f[3], 1, Integer::sum);
            boolean solved = f[3].equals("SOLVED") || f[3].equals("CLOSED");
            assertEquals(solved, !f[13].equals("\\N"), "solved_at set exactly for solved tickets: " + row);
            assertTrue(f[11].compareTo(f[12]) <= 0, "created before updated: " + row);
            if (f[3].equals("NEW")) {
                assertEquals("\\N", f[9], "a new ticket has no assignee: " + row);
            }
        }
        int unsolved = statuses.get("NEW") + statuses.get("OPEN") + statuses.get("PENDING") + statuses.get("ON_HOLD");
        assertTrue(Math.abs(unsolved / (double) tickets - 0.30) < 0.02, "about 30% unsolved: " + statuses);

        Map<Long, Integer> messagesPerTicket = new HashMap<>();
        for (String row : lines(batch.messages())) {
            String[] f = row.split("\t");
            long id = Long.parseLong(f[0]);
            long ticket = Long.parseLong(f[1]);
            assertEquals(ticket - TicketFactory.FIRST_NUMBER, (id - 1) / TicketFactory.MAX_MESSAGES);
            messagesPerTicket.merge(ticket, 1, Integer::sum);
        }
        assertEquals(tickets, messagesPerTicket.size());
        assertTrue(messagesPerTicket.values().stream().allMatch(n -> n >= 2 && n <= 4));
        for (String row : lines(batch.history())) {
            String[] f = row.split("\t");
            assertEquals(Long.parseLong(f[1]) - TicketFactory.FIRST_NUMBER,
                    (Long.parseLong(f[0]) - 1) / TicketFactory.MAX_HISTORY, "history ids stay in their block");
        }
    }

    private static String[] lines(CopyRows rows) {
        return new String(rows.bytes(), StandardCharsets.UTF_8).split("\n");
    }
}
