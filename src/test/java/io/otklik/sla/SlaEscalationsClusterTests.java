package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.otklik.MovableClock;
import io.otklik.OtklikApplication;
import io.otklik.TestDatabase;
import io.otklik.notification.NotificationKind;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketId;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two application instances on one PostgreSQL database, both scanning for due escalations (every 100 ms, two clocks
 * per transaction, so that they take turns within one due wave): every rule fires exactly once per ticket — one
 * warning to the assignee, one breach notice to the supervisor, one raised priority with one history line — and
 * nothing more however long both go on looking. Both run on one moved clock, as nodes of a cluster share the time.
 */
@SpringBootTest
class SlaEscalationsClusterTests {

    static final MovableClock CLOCK = new MovableClock();
    static final String DATABASE = "escalation_cluster";
    static final int TICKETS = 12;

    @TestConfiguration
    static class MovedTime {

        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EscalationScenario.properties(registry, DATABASE);
        registry.add("otklik.sla.escalations.interval", () -> "100ms");
        registry.add("otklik.sla.escalations.batch-size", () -> "2");
    }

    @Autowired ApplicationContext context;
    @Autowired MeterRegistry meters;

    @Test
    void twoNodesFireEachRuleOnceForEveryTicket() throws Exception {
        EscalationScenario scenario = EscalationScenario.make(context, List.of(
                new EscalationRuleDetails(ClockTarget.FIRST_RESPONSE, 80, EscalationAction.NOTIFY_ASSIGNEE, null),
                new EscalationRuleDetails(ClockTarget.FIRST_RESPONSE, 100, EscalationAction.NOTIFY_SUPERVISORS, null),
                new EscalationRuleDetails(ClockTarget.FIRST_RESPONSE, 100, EscalationAction.RAISE_PRIORITY, null)));
        try (ConfigurableApplicationContext second = secondNode()) {
            List<TicketId> tickets = new ArrayList<>();
            for (int i = 0; i < TICKETS; i++) {
                tickets.add(scenario.open(Priority.MEDIUM));
            }

            CLOCK.advance(Duration.ofMinutes(10).plusSeconds(5));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (TicketId ticket : tickets) {
                    assertThat(scenario.firings(ticket)).isEqualTo(3);
                    assertThat(scenario.noticesTo(ticket, NotificationKind.SLA_BREACHED)).isNotEmpty();
                }
            });
            // both go on looking, also past later shares of the target
            CLOCK.advance(Duration.ofMinutes(30));
            Thread.sleep(2000);

            for (TicketId ticket : tickets) {
                assertThat(scenario.noticesTo(ticket, NotificationKind.SLA_WARNING)).as("warnings of %s", ticket)
                        .containsExactly(scenario.assigneeEmail);
                assertThat(scenario.noticesTo(ticket, NotificationKind.SLA_BREACHED)).as("breaches of %s", ticket)
                        .containsExactly(scenario.supervisorEmail);
                assertThat(scenario.history(ticket, "priority")).as("priority of %s", ticket)
                        .containsExactly("SYSTEM MEDIUM → HIGH");
                assertThat(scenario.history(ticket, "escalation")).as("history of %s", ticket)
                        .containsExactly("SYSTEM null → sla:FIRST_RESPONSE:100:RAISE_PRIORITY");
                assertThat(scenario.firings(ticket)).isEqualTo(3);
            }
            double here = fired(meters);
            double there = fired(second.getBean(MeterRegistry.class));
            // what each node counts as fired by itself adds up to the rules that fired, none twice
            assertThat(here + there).isEqualTo(3.0 * TICKETS);
            System.out.printf("Escalations fired by the test's node: %.0f, by the second node: %.0f%n", here, there);
        }
    }

    private static double fired(MeterRegistry registry) {
        var counter = registry.find("otklik.sla.escalations.fired").counter();
        return counter == null ? 0 : counter.count();
    }

    /** A second instance of the whole application on the same database, with the same moved clock. */
    private static ConfigurableApplicationContext secondNode() throws IOException {
        String data = Files.createTempDirectory("otklik-test-" + DATABASE + "-second-").toString();
        // as command-line arguments: they outrank application.yml, as the test framework's properties do
        return new SpringApplicationBuilder(OtklikApplication.class, MovedTime.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("testTypes", new TestTypes()))
                .run("--spring.datasource.url=" + TestDatabase.url(DATABASE),
                        "--spring.datasource.username=" + TestDatabase.user(),
                        "--spring.datasource.password=" + TestDatabase.password(),
                        "--otklik.data-dir=" + data, "--otklik.demo-data=false", "--server.port=0",
                        "--otklik.sla.escalations.interval=100ms", "--otklik.sla.escalations.batch-size=2");
    }

    /** Keeps the tests' own classes out of the second instance's component scan, as the test framework does. */
    static final class TestTypes extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName())
                    || reader.getClassMetadata().getClassName().contains("Tests");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestTypes;
        }

        @Override
        public int hashCode() {
            return TestTypes.class.hashCode();
        }
    }
}
