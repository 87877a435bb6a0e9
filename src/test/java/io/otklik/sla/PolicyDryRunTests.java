package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.otklik.ApiTest;
import io.otklik.MovableClock;
import io.otklik.agent.TicketScope;
import io.otklik.identity.Role;
import io.otklik.ticket.Categories;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketQueries;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A policy tried on past tickets from its form: three tickets of a category were opened through the ticket API on
 * days the test sets and clocked by the category's policy (first answer within an hour, solved within eight, round
 * the clock); one answered late. A stricter version of that policy, unsaved, would have found more of them late, and
 * says which; a new policy below it would have applied to none; nothing is saved either way.
 */
@Import(MovableClock.Setup.class)
class PolicyDryRunTests extends ApiTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** Monday 2 June 2031, 10:00 in Moscow: "now" of the dry runs. */
    static final Instant NOW = Instant.parse("2031-06-02T07:00:00Z");

    @Autowired ClockRows clockRows;
    @Autowired SlaPolicyAdministration policies;
    @Autowired CalendarAdministration calendarAdministration;
    @Autowired Categories categories;
    @Autowired TicketQueries tickets;
    @Autowired UserDetailsService users;

    final MovableClock clock = MovableClock.SHARED;
    final List<Runnable> undo = new ArrayList<>();
    Staff agent;
    String supervisor;
    long category;
    BusinessCalendarId calendar;
    SlaPolicyId policy;
    String policyName;

    @BeforeEach
    void categoryAndItsPolicy() {
        agent = admin();
        supervisor = agents.agent(staff(Role.SUPERVISOR, TicketScope.ALL).agent()).email();
        category = asAdmin(() -> categories.create(unique("Платежи")));
        calendar = asAdmin(() -> calendarAdministration.create(CalendarDetails.of(unique("Круглосуточно"),
                ZoneId.of("Europe/Moscow"), true, WeeklyHours.allDay(), null)));
        undo.add(() -> calendarAdministration.delete(calendar));
        policyName = unique("Платежи");
        policy = asAdmin(() -> policies.create(details(policyName, Duration.ofHours(1), Duration.ofHours(8))));
        undo.add(() -> policies.delete(policy));
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
    void aStricterPolicyWouldHaveMissedMoreTargetsThanTheRealOneAndNothingIsSaved() throws Exception {
        // answered after 40 min, solved after 3 h; after 20 min and 1 h; after 90 min (late) and 2 h
        TicketId first = seed(NOW.minus(Duration.ofDays(10)), Duration.ofMinutes(40), Duration.ofHours(3));
        TicketId second = seed(NOW.minus(Duration.ofDays(9)), Duration.ofMinutes(20), Duration.ofHours(1));
        TicketId third = seed(NOW.minus(Duration.ofDays(8)), Duration.ofMinutes(90), Duration.ofHours(2));
        clock.set(NOW);
        Map<TicketId, TicketSla> kept = Map.of(first, kept(first), second, kept(second), third, kept(third));
        SlaPolicyView before = asAdmin(() -> policies.policy(policy));
        int count = asAdmin(() -> policies.policies()).size();

        // first answer within 30 minutes, solved within 2 hours
        Form stricter = form(policyName, "30", "2:00");
        Document ru = dryRun("/admin/sla-policies/" + policy + "/dry-run", stricter, "30", "ru");

        assertThat(ru.selectFirst("[data-testid=dry-run-summary]").text())
                .isEqualTo("Проверено обращений: 3 — за последние 30 дн., с 03.05.2031.");
        Element answer = target(ru, "FIRST_RESPONSE");
        assertThat(answer.selectFirst("[data-testid=applies]").text()).isEqualTo("3");
        assertThat(answer.selectFirst("[data-testid=would]").text()).isEqualTo("67 % (2 из 3)");
        assertThat(answer.selectFirst("[data-testid=real]").text()).isEqualTo("33 % (1 из 3)");
        assertThat(answer.select("[data-testid=now-breached] a").eachAttr("href"))
                .containsExactly("/tickets/" + first.value());
        assertThat(answer.select("[data-testid=now-breached] a").text())
                .isEqualTo(tickets.details(first).reference());
        assertThat(answer.selectFirst("[data-testid=now-met]")).isNull();
        Element solving = target(ru, "RESOLUTION");
        assertThat(solving.selectFirst("[data-testid=would]").text()).isEqualTo("33 % (1 из 3)");
        assertThat(solving.selectFirst("[data-testid=real]").text()).isEqualTo("0 % (0 из 3)");
        assertThat(ru.select("[data-testid=dry-run-target]")).hasSize(2);

        Document en = dryRun("/admin/sla-policies/" + policy + "/dry-run", stricter, "30", "en");
        assertThat(target(en, "FIRST_RESPONSE").selectFirst("[data-testid=would]").text()).isEqualTo("67% (2 of 3)");

        // a laxer one: the late answer would have been in time
        Document laxer = dryRun("/admin/sla-policies/" + policy + "/dry-run", form(policyName, "2:00", "8:00"),
                "30", "ru");
        assertThat(target(laxer, "FIRST_RESPONSE").selectFirst("[data-testid=would]").text())
                .isEqualTo("0 % (0 из 3)");
        assertThat(target(laxer, "FIRST_RESPONSE").select("[data-testid=now-met] a").eachAttr("href"))
                .containsExactly("/tickets/" + third.value());

        // a new policy goes just above the default one, below this category's: it would catch none of them
        Document added = dryRun("/admin/sla-policies/dry-run", form("", "30", "2:00"), "30", "ru");
        assertThat(added.selectFirst("[data-testid=dry-run-none]").text())
                .isEqualTo("Ни к одному из этих обращений политика не применилась бы.");
        // and the tickets of the last five days are none of these
        Document lately = dryRun("/admin/sla-policies/" + policy + "/dry-run", stricter, "5", "ru");
        assertThat(lately.selectFirst("[data-testid=dry-run-summary]").text()).startsWith("Проверено обращений: 0 ");

        assertThat(asAdmin(() -> policies.policy(policy))).isEqualTo(before);
        assertThat(asAdmin(() -> policies.policies())).hasSize(count);
        for (TicketId ticket : List.of(first, second, third)) {
            assertThat(clockRows.of(ticket).orElseThrow()).isEqualTo(kept.get(ticket));
        }
    }

    @Test
    void whatCannotBeTriedIsSaidInTheRegionInTheReadersLanguage() throws Exception {
        clock.set(NOW);
        Form bad = form(policyName, "полчаса", "2:00");

        Document ru = dryRun("/admin/sla-policies/" + policy + "/dry-run", bad, "30", "ru");
        assertThat(ru.select("[data-testid=dry-run-problems] p").eachText()).containsExactly(
                "Чтобы проверить политику, исправьте форму:",
                "«полчаса» — не срок: пишите минуты (90) или часы и минуты (1:30).");
        Document en = dryRun("/admin/sla-policies/dry-run", form(policyName, "30", "2:00"), "500", "en");
        assertThat(en.select("[data-testid=dry-run-problems] p").eachText()).containsExactly(
                "To try the policy, correct the form:", "Enter a number of days from 1 to 180.");

        Document page = Jsoup.parse(mvc.perform(get("/admin/sla-policies/" + policy)
                        .with(user(users.loadUserByUsername(supervisor))).header("Accept-Language", "ru"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Element ask = page.selectFirst("form[data-testid=dry-run]");
        assertThat(ask.selectFirst("[data-testid=dry-run-button]").text()).isEqualTo("Проверить на прошлых тикетах");
        assertThat(ask.attr("hx-post")).isEqualTo("/admin/sla-policies/" + policy + "/dry-run");
        assertThat(ask.attr("hx-include")).isEqualTo("form[data-testid=policy-form]");
        assertThat(ask.selectFirst("[data-testid=dry-run-days]").val()).isEqualTo("30");
    }

    // --- helpers

    /** Opens a ticket of the category at {@code at}, answers it and solves it after the times given. */
    private TicketId seed(Instant at, Duration answered, Duration solved) throws Exception {
        clock.set(at);
        TicketId ticket = new TicketId(body(mvc.perform(postJson(agent, """
                        {"subject": "Платёж не прошёл", "description": "Деньги списаны, заказ не оплачен.",
                         "requester": {"email": "%s"}, "priority": "HIGH", "categoryId": %d}"""
                        .formatted(unique("client") + "@client.test", category), "/api/v1/tickets"))
                .andExpect(status().isCreated()).andReturn()).get("number").asLong());
        clock.set(at.plus(answered));
        mvc.perform(postJson(agent, "{\"kind\": \"PUBLIC_REPLY\", \"body\": \"Проверяем платёж.\"}",
                "/api/v1/tickets/{n}/messages", ticket.value())).andExpect(status().isCreated());
        clock.set(at.plus(solved));
        mvc.perform(patchJson(agent, "{\"status\": \"SOLVED\"}", "/api/v1/tickets/{n}", ticket.value()))
                .andExpect(status().isOk());
        return ticket;
    }

    /** The ticket's kept clocks once the solving is kept. */
    private TicketSla kept(TicketId ticket) {
        // Until the clock queue has computed the ticket there is no row yet: waited for, not an error.
        await().atMost(WAIT).untilAsserted(() -> assertThat(clockRows.of(ticket)
                .flatMap(sla -> sla.clock(ClockTarget.RESOLUTION)).map(SlaClock::state)).contains(ClockState.STOPPED));
        return clockRows.of(ticket).orElseThrow();
    }

    private Document dryRun(String path, Form form, String days, String language) throws Exception {
        return Jsoup.parse(mvc.perform(post(path).with(user(users.loadUserByUsername(supervisor))).with(csrf())
                        .header("Accept-Language", language).header("HX-Request", "true").params(form)
                        .param("days", days))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static Element target(Document result, String target) {
        Element row = result.selectFirst("[data-testid=dry-run-target][data-target=" + target + "]");
        assertThat(row).as(target + " in " + result.text()).isNotNull();
        return row;
    }

    PolicyDetails details(String name, Duration firstResponse, Duration resolution) {
        Map<Priority, PolicyTargets> targets = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            targets.put(priority, new PolicyTargets(firstResponse, null, null, resolution));
        }
        return new PolicyDetails(name, true, new PolicyConditions(Set.of(), Set.of(category), Set.of(), Set.of(),
                Set.of(), Set.of()), calendar, targets, Set.of(Status.PENDING, Status.ON_HOLD), Duration.ofHours(24));
    }

    /** The policy form as the browser sends it: the category, the calendar, the same targets for every priority. */
    private Form form(String name, String firstResponse, String resolution) {
        Form form = new Form();
        form.add("name", name);
        form.add("enabled", "true");
        form.add("categories", String.valueOf(category));
        form.add("calendar", calendar.toString());
        for (int i = 0; i < Priority.values().length; i++) {
            form.add("firstResponse[" + i + "]", firstResponse);
            form.add("resolution[" + i + "]", resolution);
        }
        form.add("pausedIn", "PENDING");
        form.add("pausedIn", "ON_HOLD");
        form.add("firstResponseCap", "24:00");
        return form;
    }

    static final class Form extends LinkedMultiValueMap<String, String> {
    }
}
