package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import io.otklik.OtklikApplication;
import io.otklik.notification.NotificationKind;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketId;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Escalations on the embedded default's H2 database as on PostgreSQL: the scanner's locking query, the once-only
 * record of a firing, the notice and the raised priority. Real time here: rules at 1 % and 2 % of a ten-minute
 * target fire 6 and 12 seconds after the ticket opens.
 */
class SlaEscalationsOnH2Tests {

    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() throws IOException {
        app = SpringApplication.run(OtklikApplication.class, "--server.port=0",
                "--otklik.data-dir=" + Files.createTempDirectory("otklik-embedded-escalations-"),
                "--otklik.demo-data=false", "--otklik.sla.escalations.interval=200ms");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void rulesFireOnceOnTheEmbeddedDatabase() {
        EscalationScenario scenario = EscalationScenario.make(app, List.of(
                new EscalationRuleDetails(ClockTarget.FIRST_RESPONSE, 1, EscalationAction.NOTIFY_ASSIGNEE, null),
                new EscalationRuleDetails(ClockTarget.FIRST_RESPONSE, 2, EscalationAction.RAISE_PRIORITY, null)));
        TicketId ticket = scenario.open(Priority.LOW);

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            assertThat(scenario.noticesTo(ticket, NotificationKind.SLA_WARNING))
                    .containsExactly(scenario.assigneeEmail);
            assertThat(scenario.history(ticket, "priority")).containsExactly("SYSTEM LOW → MEDIUM");
        });
        assertThat(scenario.firings(ticket)).isEqualTo(2);
        assertThat(scenario.nextCheck(ticket, ClockTarget.FIRST_RESPONSE)).isNull();
    }
}
