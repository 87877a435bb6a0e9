package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import io.otklik.MovableClock;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.notification.NotificationKind;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketChanges;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketUpdates;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Escalation rules as the people of a team notice them, on one node: the assignee told once when a clock passes
 * 80 %, the priority raised once at the breach with a line in the history, nothing fired twice when the clock is
 * computed again, and nothing while the clock is paused. The application runs on a clock the tests move on (and a
 * database of this class's own), so ten minutes of a round-the-clock target pass in a moment.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SlaEscalationsTests {

    static final MovableClock CLOCK = new MovableClock();
    /** Several rounds of the scanner (every 200 ms here). */
    static final Duration SCANS = Duration.ofMillis(1500);

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
        EscalationScenario.properties(registry, "escalations");
    }

    @Autowired ApplicationContext context;
    @Autowired ClockRecompute recompute;
    @Autowired TicketUpdates updates;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired AgentDirectory agents;
    @Autowired EscalationAdministration escalations;

    @Test
    void aClockPassing80PercentTellsTheAssigneeOnce() throws Exception {
        EscalationScenario scenario = EscalationScenario.make(context, List.of(
                new EscalationRuleDetails(ClockTarget.FIRST_RESPONSE, 80, EscalationAction.NOTIFY_ASSIGNEE, null)));
        TicketId ticket = scenario.open(Priority.MEDIUM);

        CLOCK.advance(Duration.ofMinutes(7));
        Thread.sleep(SCANS.toMillis());
        assertThat(scenario.noticesTo(ticket, NotificationKind.SLA_WARNING)).isEmpty();

        CLOCK.advance(Duration.ofMinutes(1).plusSeconds(30));
        await().atMost(EscalationScenario.WAIT).untilAsserted(() -> assertThat(
                scenario.noticesTo(ticket, NotificationKind.SLA_WARNING)).containsExactly(scenario.assigneeEmail));
        CLOCK.advance(Duration.ofMinutes(30));
        Thread.sleep(SCANS.toMillis());

        assertThat(scenario.noticesTo(ticket, NotificationKind.SLA_WARNING)).containsExactly(scenario.assigneeEmail);
        assertThat(scenario.noticesTo(ticket, NotificationKind.SLA_BREACHED)).isEmpty();
        assertThat(scenario.firings(ticket)).isEqualTo(1);
        // no rule is left for the first response; resolution has none at all
        assertThat(scenario.nextCheck(ticket, ClockTarget.FIRST_RESPONSE)).isNull();
        assertThat(scenario.nextCheck(ticket, ClockTarget.RESOLUTION)).isNull();
    }

    @Test
    void theBreachRaisesThePriorityOnceWithAHistoryLineTheAgentReads() throws Exception {
        EscalationScenario scenario = EscalationScenario.make(context, List.of(
                new EscalationRuleDetails(ClockTarget.FIRST_RESPONSE, 100, EscalationAction.RAISE_PRIORITY, null)));
        TicketId ticket = scenario.open(Priority.MEDIUM);

        CLOCK.advance(Duration.ofMinutes(10).plusSeconds(5));
        await().atMost(EscalationScenario.WAIT).untilAsserted(() -> assertThat(scenario.history(ticket, "priority"))
                .containsExactly("SYSTEM MEDIUM → HIGH"));
        CLOCK.advance(Duration.ofMinutes(30));
        Thread.sleep(SCANS.toMillis());

        assertThat(scenario.history(ticket, "priority")).containsExactly("SYSTEM MEDIUM → HIGH");
        assertThat(scenario.history(ticket, "escalation"))
                .containsExactly("SYSTEM null → sla:FIRST_RESPONSE:100:RAISE_PRIORITY");

        Document ru = page("/tickets/" + ticket.value() + "?fragment=history", scenario.assigneeEmail, "ru");
        assertThat(ru.select("[data-testid=history-escalation]").eachText())
                .containsExactly("SLA: первый ответ, срок истёк — приоритет повышен");
        Document en = page("/tickets/" + ticket.value() + "?fragment=history", scenario.supervisorEmail, "en");
        assertThat(en.select("[data-testid=history-escalation]").eachText())
                .containsExactly("SLA: first response at the breach — priority raised");
        Document panel = page("/tickets/" + ticket.value() + "/sla", scenario.assigneeEmail, "ru");
        assertThat(panel.select("[data-testid=sla-step][data-kind=ESCALATED]").eachText()).singleElement()
                .asString().endsWith("Первый ответ: эскалация — срок истёк: приоритет повышен до «Важный»");
    }

    @Test
    void aClockComputedAgainAfterARuleFiredDoesNotFireItAgain() throws Exception {
        EscalationScenario scenario = EscalationScenario.make(context, List.of(
                new EscalationRuleDetails(ClockTarget.FIRST_RESPONSE, 50, EscalationAction.NOTIFY_ASSIGNEE, null),
                new EscalationRuleDetails(ClockTarget.FIRST_RESPONSE, 100, EscalationAction.NOTIFY_SUPERVISORS,
                        null)));
        TicketId ticket = scenario.open(Priority.HIGH);
        CLOCK.advance(Duration.ofMinutes(6));
        await().atMost(EscalationScenario.WAIT).untilAsserted(() -> assertThat(
                scenario.noticesTo(ticket, NotificationKind.SLA_WARNING)).hasSize(1));

        recompute.recompute(List.of(ticket));
        // the schedule left after a recompute is the breach, not the warning that fired
        assertThat(scenario.nextCheck(ticket, ClockTarget.FIRST_RESPONSE).toInstant())
                .isAfter(CLOCK.instant().plus(Duration.ofMinutes(3)));
        // and a clock looked at too early, or again, fires nothing it fired before
        jdbc.sql("update sla_clock set next_check_at = started_at where ticket_id = :t").param("t", ticket.value())
                .update();
        Thread.sleep(SCANS.toMillis());
        assertThat(scenario.noticesTo(ticket, NotificationKind.SLA_WARNING)).containsExactly(scenario.assigneeEmail);
        assertThat(scenario.firings(ticket)).isEqualTo(1);

        CLOCK.advance(Duration.ofMinutes(5));
        await().atMost(EscalationScenario.WAIT).untilAsserted(() -> assertThat(
                scenario.noticesTo(ticket, NotificationKind.SLA_BREACHED)).containsExactly(scenario.supervisorEmail));
        recompute.recompute(List.of(ticket));
        CLOCK.advance(Duration.ofMinutes(5));
        Thread.sleep(SCANS.toMillis());

        assertThat(scenario.noticesTo(ticket, NotificationKind.SLA_WARNING)).containsExactly(scenario.assigneeEmail);
        assertThat(scenario.noticesTo(ticket, NotificationKind.SLA_BREACHED)).containsExactly(scenario.supervisorEmail);
        assertThat(scenario.firings(ticket)).isEqualTo(2);
    }

    @Test
    void aPausedClockWaitsAndWarnsOnceItRunsAgain() throws Exception {
        EscalationScenario scenario = EscalationScenario.make(context, List.of(
                new EscalationRuleDetails(ClockTarget.FIRST_RESPONSE, 80, EscalationAction.NOTIFY_ASSIGNEE, null)));
        TicketId ticket = scenario.open(Priority.LOW);
        CLOCK.advance(Duration.ofMinutes(5));
        updates.change(ticket, TicketChanges.none().withStatus(Status.PENDING), null);
        await().atMost(EscalationScenario.WAIT).untilAsserted(() -> assertThat(
                scenario.nextCheck(ticket, ClockTarget.FIRST_RESPONSE)).isNull());

        CLOCK.advance(Duration.ofMinutes(20));
        Thread.sleep(SCANS.toMillis());
        assertThat(scenario.noticesTo(ticket, NotificationKind.SLA_WARNING)).isEmpty();

        // 5 of 10 minutes were used: the warning at 8 comes 3 minutes after the clock runs again
        updates.change(ticket, TicketChanges.none().withStatus(Status.OPEN), null);
        await().atMost(EscalationScenario.WAIT).untilAsserted(() -> assertThat(
                scenario.nextCheck(ticket, ClockTarget.FIRST_RESPONSE)).isNotNull());
        CLOCK.advance(Duration.ofMinutes(2));
        Thread.sleep(SCANS.toMillis());
        assertThat(scenario.noticesTo(ticket, NotificationKind.SLA_WARNING)).isEmpty();
        CLOCK.advance(Duration.ofMinutes(1).plusSeconds(10));
        await().atMost(EscalationScenario.WAIT).untilAsserted(() -> assertThat(
                scenario.noticesTo(ticket, NotificationKind.SLA_WARNING)).containsExactly(scenario.assigneeEmail));
    }

    @Test
    void aMissedResolutionMovesTheTicketToTheNextLineAndOffAnAssigneeOutsideIt() throws Exception {
        EscalationScenario scenario = EscalationScenario.make(context, List.of(
                new EscalationRuleDetails(ClockTarget.RESOLUTION, 100, EscalationAction.NEXT_LINE, null)));
        TeamId secondLine = TestStaff.asAdmin(() -> agents.createTeam("Вторая линия " + TestStaff.unique(),
                SupportLine.L2));
        TicketId ticket = scenario.open(Priority.MEDIUM);

        CLOCK.advance(Duration.ofMinutes(60).plusSeconds(5));
        await().atMost(EscalationScenario.WAIT).untilAsserted(() -> assertThat(scenario.history(ticket, "team"))
                .containsExactly("SYSTEM " + scenario.team.value() + " → " + secondLine.value()));

        assertThat(scenario.history(ticket, "assignee")).containsExactly("SYSTEM " + scenario.assignee.value()
                + " → null");
        assertThat(scenario.history(ticket, "escalation")).containsExactly("SYSTEM null → sla:RESOLUTION:100:NEXT_LINE");
        Document panel = page("/tickets/" + ticket.value() + "/sla", scenario.supervisorEmail, "en");
        assertThat(panel.select("[data-testid=sla-step][data-kind=ESCALATED]").eachText()).singleElement()
                .asString().endsWith("Resolution: escalated — at the breach: reassigned to team \""
                        + agents.team(secondLine).orElseThrow().name() + "\"");
    }

    @Test
    void changedRulesRescheduleTheRunningClocksOfTheirPolicy() {
        EscalationScenario scenario = EscalationScenario.make(context, List.of(
                new EscalationRuleDetails(ClockTarget.FIRST_RESPONSE, 80, EscalationAction.NOTIFY_ASSIGNEE, null)));
        TicketId ticket = scenario.open(Priority.MEDIUM);
        OffsetDateTime firstResponse = scenario.nextCheck(ticket, ClockTarget.FIRST_RESPONSE);
        assertThat(scenario.nextCheck(ticket, ClockTarget.RESOLUTION)).isNull();

        EscalationRuleId added = TestStaff.asAdmin(() -> escalations.add(scenario.policy,
                new EscalationRuleDetails(ClockTarget.RESOLUTION, 50, EscalationAction.NOTIFY_SUPERVISORS, null)));
        // half of the 60 minutes: 22 minutes after the first response's warning at 8
        await().atMost(EscalationScenario.WAIT).untilAsserted(() -> assertThat(
                scenario.nextCheck(ticket, ClockTarget.RESOLUTION)).isEqualTo(firstResponse.plusMinutes(22)));

        TestStaff.asAdmin(() -> {
            escalations.enable(scenario.policy, added, false);
            escalations.enable(scenario.policy, escalations.rules(scenario.policy).getFirst().id(), false);
            return null;
        });
        await().atMost(EscalationScenario.WAIT).untilAsserted(() -> {
            assertThat(scenario.nextCheck(ticket, ClockTarget.RESOLUTION)).isNull();
            assertThat(scenario.nextCheck(ticket, ClockTarget.FIRST_RESPONSE)).isNull();
        });
    }

    private Document page(String url, String login, String language) throws Exception {
        String html = mvc.perform(get(url).with(user(users.loadUserByUsername(login)))
                        .header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }
}
