package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.otklik.OtklikApplication;
import io.otklik.TestStaff;
import io.otklik.customer.NewCustomer;
import io.otklik.ticket.Channel;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketChanges;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;
import io.otklik.ticket.TicketUpdates;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Clocks are kept on the embedded default's H2 database as on PostgreSQL: the same migration and the same SQL (rows
 * locked in order, made on first sight, changes written as differences).
 */
class SlaClocksOnH2Tests {

    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() throws IOException {
        app = SpringApplication.run(OtklikApplication.class, "--server.port=0",
                "--otklik.data-dir=" + Files.createTempDirectory("otklik-embedded-sla-"), "--otklik.demo-data=false");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void keepsAndUpdatesATicketsClocks() {
        TicketId ticket = app.getBean(TicketIntake.class).open(new NewTicket("Не работает почта",
                "Письма не уходят.", null, Channel.EMAIL, Priority.HIGH, null, null, null, Set.of(), List.of()),
                new NewCustomer("Вера", "vera@client.test", null, null));
        ClockRows rows = app.getBean(ClockRows.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.of(ticket).map(sla -> sla.timeline().size())
                .orElse(0) == 2);

        TestStaff.asAdmin(() -> app.getBean(TicketUpdates.class).change(ticket,
                TicketChanges.none().withStatus(Status.PENDING), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.of(ticket).map(sla -> sla.timeline().size())
                .orElse(0) == 4);

        TicketSla kept = rows.of(ticket).orElseThrow();
        assertThat(kept.clocks()).extracting(SlaClock::state).containsOnly(ClockState.PAUSED).hasSize(2);
        assertThat(kept.timeline()).extracting(TimelineEntry::kind).containsExactly(TimelineKind.STARTED,
                TimelineKind.STARTED, TimelineKind.PAUSED, TimelineKind.PAUSED);
        app.getBean(ClockRecompute.class).recompute(List.of(ticket));
        assertThat(rows.of(ticket)).contains(kept);
        assertThat(app.getBean(TicketClocks.class).of(ticket)).isEqualTo(kept);
    }
}
