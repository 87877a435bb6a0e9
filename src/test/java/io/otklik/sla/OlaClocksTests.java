package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.otklik.ApiTest;
import io.otklik.MovableClock;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.agent.TicketScope;
import io.otklik.identity.Role;
import io.otklik.ticket.TicketId;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Internal targets (OLA) on tickets going through the ticket API at times the test sets: rounds kept beside the
 * service-level clocks, the ticket's OLA panel, and the report supervisors read. The helpdesk (first line) hands a
 * ticket to the network team (second line), whose agent writes an internal note 50 minutes later: the network team's
 * 30-minute response target is missed, its two-hour resolution target is kept, the first line's 15-minute response
 * target is left unanswered but handed on in time.
 */
@Import(MovableClock.Setup.class)
class OlaClocksTests extends ApiTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** Monday 3 March 2031, 10:00 in Moscow. */
    static final Instant T0 = Instant.parse("2031-03-03T07:00:00Z");

    @Autowired OlaClockRows rows;
    @Autowired OlaTargetAdministration targets;
    @Autowired CalendarAdministration calendarAdministration;
    @Autowired UserDetailsService users;

    final MovableClock clock = MovableClock.SHARED;
    final List<Runnable> undo = new ArrayList<>();
    Staff admin;
    Staff networkAgent;
    String supervisor;
    String agentLogin;
    TeamId helpdesk;
    TeamId network;
    String networkName;

    @BeforeEach
    void teamsAndTargets() {
        admin = admin();
        helpdesk = asAdmin(() -> agents.createTeam(unique("Помощь"), SupportLine.L1));
        networkName = unique("Сети");
        network = asAdmin(() -> agents.createTeam(networkName, SupportLine.L2));
        networkAgent = staff(Role.AGENT, TicketScope.ALL, network);
        supervisor = agents.agent(staff(Role.SUPERVISOR, TicketScope.ALL).agent()).email();
        agentLogin = agents.agent(networkAgent.agent()).email();
        BusinessCalendarId calendar = asAdmin(() -> calendarAdministration.create(CalendarDetails.of(
                unique("Круглосуточно"), ZoneId.of("Europe/Moscow"), true, WeeklyHours.allDay(), null)));
        undo.add(() -> calendarAdministration.delete(calendar));
        target(new OlaTargetDetails(null, SupportLine.L1, OlaKind.RESPONSE, Duration.ofMinutes(15), calendar, true));
        target(new OlaTargetDetails(network, null, OlaKind.RESPONSE, Duration.ofMinutes(30), calendar, true));
        target(new OlaTargetDetails(network, null, OlaKind.RESOLUTION, Duration.ofHours(2), calendar, true));
    }

    @AfterEach
    void undo() {
        for (Runnable step : undo.reversed()) {
            asAdmin(() -> {
                step.run();
                return null;
            });
        }
        clock.reset();
    }

    @Test
    void aLateNoteAfterAHandoverShowsOnTheTicketAndInTheReport() throws Exception {
        clock.set(T0);
        TicketId ticket = new TicketId(body(mvc.perform(postJson(admin, """
                        {"subject": "Нет связи с филиалом", "description": "Со вчерашнего вечера.",
                         "requester": {"email": "%s"}, "teamId": %d}"""
                        .formatted(unique("client") + "@client.test", helpdesk.value()), "/api/v1/tickets"))
                .andExpect(status().isCreated()).andReturn()).get("number").asLong());
        clock.set(T0.plus(Duration.ofMinutes(10)));
        mvc.perform(patchJson(admin, "{\"teamId\": %d}".formatted(network.value()), "/api/v1/tickets/{n}",
                ticket.value())).andExpect(status().isOk());
        clock.set(T0.plus(Duration.ofMinutes(60)));
        mvc.perform(postJson(networkAgent, "{\"kind\": \"INTERNAL_NOTE\", \"body\": \"Смотрю маршрутизатор.\"}",
                "/api/v1/tickets/{n}/messages", ticket.value())).andExpect(status().isCreated());
        clock.set(T0.plus(Duration.ofMinutes(65)));

        Document ticketPage = page(get("/tickets/{n}", ticket.value()), supervisor, "ru");
        assertThat(ticketPage.selectFirst("#sla + #ola").attr("hx-get")).isEqualTo("/tickets/" + ticket.value() + "/ola");
        Document panel = page(get("/tickets/{n}/ola", ticket.value()), supervisor, "ru");
        assertThat(panel.selectFirst("[data-testid=ola-holder]").text())
                .isEqualTo("Сейчас у команды «" + networkName + "» (2-я линия)");
        List<Element> rounds = panel.select("[data-testid=ola-clock]");
        assertThat(rounds).extracting(r -> r.attr("data-kind") + " " + r.attr("data-state") + " "
                + r.attr("data-breached")).containsExactly("RESOLUTION RUNNING false", "RESPONSE STOPPED true",
                "RESPONSE STOPPED false");
        assertThat(rounds.get(0).text()).startsWith("Решение · " + networkName + " идёт")
                .contains("срок 03.03.2031 12:10", "осталось 1 ч 5 мин");
        assertThat(rounds.get(1).text()).contains("Реакция · " + networkName, "нарушен",
                "затрачено 50 мин из 30 мин · ответили");
        assertThat(rounds.get(2).text()).contains("Реакция · 1-я линия", "затрачено 10 мин из 15 мин",
                "передано дальше");
        assertThat(page(get("/tickets/{n}/ola", ticket.value()), supervisor, "en")
                .selectFirst("[data-testid=ola-holder]").text())
                .isEqualTo("Now with team \"" + networkName + "\" (2nd line)");

        clock.set(T0.plus(Duration.ofMinutes(70)));
        mvc.perform(patchJson(admin, "{\"status\": \"SOLVED\"}", "/api/v1/tickets/{n}", ticket.value()))
                .andExpect(status().isOk());
        await().atMost(WAIT).untilAsserted(() -> assertThat(rows.of(ticket))
                .extracting(c -> c.kind() + " " + c.state() + " " + c.endedBy() + " " + c.breached())
                .containsExactlyInAnyOrder("RESPONSE STOPPED HANDED_ON false", "RESPONSE STOPPED RESPONDED true",
                        "RESOLUTION STOPPED SOLVED false"));

        Document report = page(get("/sla/ola").param("from", "2031-03-03").param("to", "2031-03-03"), supervisor,
                "ru");
        assertThat(report.selectFirst("[data-testid=period-text]").text()).isEqualTo("С 2031-03-03 по 2031-03-03");
        assertThat(line(report, "1-я линия (вся линия)", "Реакция")).containsExactly("1", "0", "0 %", "10 мин");
        assertThat(line(report, networkName + " · 2-я линия", "Реакция")).containsExactly("1", "1", "100 %",
                "50 мин");
        assertThat(line(report, networkName + " · 2-я линия", "Решение")).containsExactly("1", "0", "0 %", "1 ч");
        Document english = page(get("/sla/ola").param("from", "2031-03-01").param("to", "2031-03-31"), supervisor,
                "en");
        assertThat(line(english, networkName + " · 2nd line", "Response")).containsExactly("1", "1", "100%",
                "50 min");
        // another period: nothing of it ended then
        Document before = page(get("/sla/ola").param("from", "2031-02-01").param("to", "2031-02-28"), supervisor,
                "ru");
        assertThat(line(before, networkName + " · 2-я линия", "Реакция")).containsExactly("0", "0", "—", "—");

        mvc.perform(get("/sla/ola").with(user(users.loadUserByUsername(agentLogin)))).andExpect(status().isForbidden());
    }

    @Test
    void aPeriodThatCannotBeReadIsExplainedInTheReadersLanguage() throws Exception {
        Document backwards = Jsoup.parse(mvc.perform(get("/sla/ola").param("from", "2031-03-05")
                        .param("to", "2031-03-01").with(user(users.loadUserByUsername(supervisor)))
                        .header("Accept-Language", "ru"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(backwards.selectFirst("[data-testid=problem]").text()).isEqualTo("Начало периода позже его конца.");
        assertThat(backwards.selectFirst("input[name=from]").val()).isEqualTo("2031-03-05");
        assertThat(backwards.select("[data-testid=ola-row]")).isEmpty();

        Document garbled = Jsoup.parse(mvc.perform(get("/sla/ola").param("from", "вчера")
                        .with(user(users.loadUserByUsername(supervisor))).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(garbled.selectFirst("[data-testid=problem]").text())
                .isEqualTo("The date is not understood: pick it in the calendar or type it as 2026-11-30.");
    }

    // --- helpers

    private void target(OlaTargetDetails details) {
        OlaTargetId id = asAdmin(() -> targets.create(details));
        undo.add(() -> targets.delete(id));
    }

    /** The handled, breached, rate and median cells of the report's line for this holder and kind. */
    private static List<String> line(Document report, String holder, String kind) {
        Element row = report.select("[data-testid=ola-row]").stream()
                .filter(r -> r.selectFirst("[data-testid=holder]").text().equals(holder)
                        && r.selectFirst("[data-testid=kind]").text().equals(kind))
                .findFirst().orElseThrow(() -> new AssertionError("no line " + holder + " " + kind + " in "
                        + report.select("[data-testid=ola-row]").eachText()));
        return List.of(row.selectFirst("[data-testid=handled]").text(),
                row.selectFirst("[data-testid=breached]").text(), row.selectFirst("[data-testid=rate]").text(),
                row.selectFirst("[data-testid=median]").text());
    }

    private Document page(MockHttpServletRequestBuilder request, String login, String language) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(user(users.loadUserByUsername(login)))
                        .header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
