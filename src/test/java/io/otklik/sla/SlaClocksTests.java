package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.otklik.ApiTest;
import io.otklik.customer.CustomerId;
import io.otklik.customer.CustomerSegments;
import io.otklik.ticket.Categories;
import io.otklik.ticket.Channel;
import io.otklik.ticket.CustomerTickets;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketTrails;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Clocks kept for tickets as they go through the ticket API, and recomputed when their calendar or policy changes.
 * The tickets here are in a category of their own, which a policy of the test counts round the clock (first response
 * 1 h, next response 2 h, periodic update 4 h, resolution 8 h; paused while pending or on hold), so that the expected
 * due times are plain arithmetic.
 */
class SlaClocksTests extends ApiTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired ClockRows rows;
    @Autowired ClockRecompute recompute;
    @Autowired JdbcClient jdbc;
    @Autowired TicketClocks clocks;
    @Autowired TicketTrails trails;
    @Autowired PromisedAnswers promises;
    @Autowired BusinessCalendars calendars;
    @Autowired CalendarAdministration calendarAdministration;
    @Autowired SlaPolicyAdministration policyAdministration;
    @Autowired Categories categories;
    @Autowired CustomerTickets customerTickets;
    @Autowired CustomerSegments segments;

    final List<Runnable> undo = new ArrayList<>();
    Staff agent;
    long category;
    BusinessCalendarId calendar;
    SlaPolicyId policy;

    @BeforeEach
    void policy() {
        agent = admin();
        category = asAdmin(() -> categories.create(unique("Аварии")));
        calendar = asAdmin(() -> calendarAdministration.create(roundTheClock(unique("Круглосуточно"))));
        undo.add(() -> calendarAdministration.delete(calendar));
        policy = asAdmin(() -> policyAdministration.create(details(unique("Аварии"), Duration.ofHours(8))));
        undo.add(() -> policyAdministration.delete(policy));
    }

    @AfterEach
    void undo() {
        for (Runnable step : undo.reversed()) {
            asAdmin(() -> {
                step.run();
                return null;
            });
        }
    }

    @Test
    void clocksFollowTheTicketFromOpeningThroughWaitingAnswersSolvingAndReopening() throws Exception {
        JsonNode opened = open(Priority.HIGH);
        TicketId ticket = new TicketId(opened.get("number").asLong());
        CustomerId requester = new CustomerId(opened.at("/requester/id").asLong());
        Instant createdAt = createdAt(ticket);
        TicketSla first = awaitKept(ticket, "STARTED FIRST_RESPONSE OPENED", "STARTED RESOLUTION OPENED");
        assertThat(clock(first, ClockTarget.FIRST_RESPONSE).due()).isEqualTo(createdAt.plus(Duration.ofHours(1)));
        assertThat(clock(first, ClockTarget.RESOLUTION).due()).isEqualTo(createdAt.plus(Duration.ofHours(8)));
        assertThat(clock(first, ClockTarget.RESOLUTION).policyName()).startsWith("Аварии");

        patch(ticket, "{\"status\": \"PENDING\"}");
        TicketSla waiting = awaitKept(ticket, "STARTED FIRST_RESPONSE OPENED", "STARTED RESOLUTION OPENED",
                "PAUSED FIRST_RESPONSE STATUS", "PAUSED RESOLUTION STATUS");
        assertThat(waiting.clocks()).extracting(SlaClock::state).containsOnly(ClockState.PAUSED);

        customerTickets.reply(ticket, requester, "Есть новости?", List.of(), Channel.EMAIL);
        awaitKept(ticket, "STARTED FIRST_RESPONSE OPENED", "STARTED RESOLUTION OPENED",
                "PAUSED FIRST_RESPONSE STATUS", "PAUSED RESOLUTION STATUS",
                "RESUMED FIRST_RESPONSE STATUS", "RESUMED RESOLUTION STATUS");

        long answer = answer(ticket);
        customerTickets.reply(ticket, requester, "Спасибо, но не помогло.", List.of(), Channel.EMAIL);
        answer(ticket);
        patch(ticket, "{\"status\": \"SOLVED\"}");
        TicketSla solved = awaitKept(ticket, "STARTED FIRST_RESPONSE OPENED", "STARTED RESOLUTION OPENED",
                "PAUSED FIRST_RESPONSE STATUS", "PAUSED RESOLUTION STATUS",
                "RESUMED FIRST_RESPONSE STATUS", "RESUMED RESOLUTION STATUS",
                "STOPPED FIRST_RESPONSE AGENT_MESSAGE", "STARTED PERIODIC_UPDATE AGENT_MESSAGE",
                "STARTED NEXT_RESPONSE CUSTOMER_MESSAGE",
                "STOPPED NEXT_RESPONSE AGENT_MESSAGE", "STOPPED PERIODIC_UPDATE AGENT_MESSAGE",
                "STARTED PERIODIC_UPDATE AGENT_MESSAGE",
                "STOPPED PERIODIC_UPDATE STATUS", "STOPPED RESOLUTION STATUS");
        assertThat(solved.clocks()).extracting(SlaClock::state).containsOnly(ClockState.STOPPED);
        assertThat(solved.clocks()).noneMatch(SlaClock::breached);
        assertThat(solved.timeline().get(6).reason().message()).isEqualTo(answer);
        Duration resolutionUsed = clock(solved, ClockTarget.RESOLUTION).achieved();

        customerTickets.reply(ticket, requester, "Опять не работает.", List.of(), Channel.EMAIL);
        TicketSla reopened = awaitKept(ticket, "STARTED FIRST_RESPONSE OPENED", "STARTED RESOLUTION OPENED",
                "PAUSED FIRST_RESPONSE STATUS", "PAUSED RESOLUTION STATUS",
                "RESUMED FIRST_RESPONSE STATUS", "RESUMED RESOLUTION STATUS",
                "STOPPED FIRST_RESPONSE AGENT_MESSAGE", "STARTED PERIODIC_UPDATE AGENT_MESSAGE",
                "STARTED NEXT_RESPONSE CUSTOMER_MESSAGE",
                "STOPPED NEXT_RESPONSE AGENT_MESSAGE", "STOPPED PERIODIC_UPDATE AGENT_MESSAGE",
                "STARTED PERIODIC_UPDATE AGENT_MESSAGE",
                "STOPPED PERIODIC_UPDATE STATUS", "STOPPED RESOLUTION STATUS",
                "RESUMED RESOLUTION REOPENED", "STARTED PERIODIC_UPDATE REOPENED",
                "STARTED NEXT_RESPONSE CUSTOMER_MESSAGE");
        SlaClock resolution = clock(reopened, ClockTarget.RESOLUTION);
        assertThat(resolution.state()).isEqualTo(ClockState.RUNNING);
        // the time used before solving is kept: what is left counts on from the reopen
        assertThat(resolution.used()).isEqualTo(resolutionUsed);
        assertThat(Duration.between(resolution.runningSince().plus(Duration.ofHours(8)).minus(resolutionUsed),
                resolution.due()).abs()).isLessThan(Duration.ofSeconds(1));
        assertThat(clock(reopened, ClockTarget.NEXT_RESPONSE).rounds()).isEqualTo(2);
        assertThat(clock(reopened, ClockTarget.PERIODIC_UPDATE).rounds()).isEqualTo(3);
        assertThat(clock(reopened, ClockTarget.FIRST_RESPONSE).state()).isEqualTo(ClockState.STOPPED);
    }

    @Test
    void theFirstAnswerIsPromisedByThePolicyThatApplies() throws Exception {
        JsonNode opened = open(Priority.LOW);
        TicketId ticket = new TicketId(opened.get("number").asLong());

        assertThat(promises.firstAnswerBy(ticket)).isEqualTo(createdAt(ticket).plus(Duration.ofHours(1)));
    }

    @Test
    void aChangedCalendarMovesTheDueTimesOfOpenTicketsFromTheirTrail() throws Exception {
        TicketId ticket = new TicketId(open(Priority.MEDIUM).get("number").asLong());
        patch(ticket, "{\"status\": \"ON_HOLD\"}");
        patch(ticket, "{\"status\": \"OPEN\"}");
        TicketSla before = awaitKept(ticket, "STARTED FIRST_RESPONSE OPENED", "STARTED RESOLUTION OPENED",
                "PAUSED FIRST_RESPONSE STATUS", "PAUSED RESOLUTION STATUS",
                "RESUMED FIRST_RESPONSE STATUS", "RESUMED RESOLUTION STATUS");
        Instant dueBefore = clock(before, ClockTarget.RESOLUTION).due();

        // one working hour a day instead of round the clock: the 8 hours left now take 8 days
        asAdmin(() -> {
            calendarAdministration.update(calendar, new CalendarDetails(
                    calendarAdministration.calendar(calendar).name(), "Europe/Moscow", false,
                    List.of("09:00-10:00", "09:00-10:00", "09:00-10:00", "09:00-10:00", "09:00-10:00", "09:00-10:00",
                            "09:00-10:00"), null));
            return null;
        });

        BusinessTime changed = calendars.time(calendar);
        await().atMost(WAIT).untilAsserted(() -> {
            SlaClock resolution = clock(rows.of(ticket).orElseThrow(), ClockTarget.RESOLUTION);
            Duration used = resolution.used();
            assertThat(resolution.due()).isAfter(dueBefore.plus(Duration.ofDays(6)));
            // The row keeps the used time in whole seconds, the due time was computed with the exact one: opened
            // inside the calendar's working hour (09:00-10:00 Moscow), the ticket used a fraction of a second
            // before it was put on hold.
            assertThat(Duration.between(changed.plus(resolution.runningSince(), Duration.ofHours(8).minus(used)),
                    resolution.due()).abs()).isLessThan(Duration.ofSeconds(1));
        });
        // the trail is the same: the same steps, with the due times as they stand now
        TicketSla after = rows.of(ticket).orElseThrow();
        assertThat(steps(after)).isEqualTo(steps(before));
        assertThat(after.timeline().get(5).reason().due()).isEqualTo(clock(after, ClockTarget.RESOLUTION).due());
    }

    @Test
    void aChangedPolicyGivesOpenTicketsItsNewTargets() throws Exception {
        JsonNode opened = open(Priority.CRITICAL);
        TicketId ticket = new TicketId(opened.get("number").asLong());
        Instant createdAt = createdAt(ticket);
        awaitKept(ticket, "STARTED FIRST_RESPONSE OPENED", "STARTED RESOLUTION OPENED");

        asAdmin(() -> {
            policyAdministration.update(policy, details(policyAdministration.policy(policy).policy().name(),
                    Duration.ofHours(16)));
            return null;
        });

        await().atMost(WAIT).untilAsserted(() -> assertThat(clock(rows.of(ticket).orElseThrow(),
                ClockTarget.RESOLUTION).due()).isEqualTo(createdAt.plus(Duration.ofHours(16))));
    }

    @Test
    void aRequesterPutIntoASegmentGetsThatSegmentsPolicyOnTheirOpenTickets() throws Exception {
        String vip = unique("VIP");
        asAdmin(() -> {
            segments.create(vip);
            return null;
        });
        undo.add(() -> segments.delete(vip));
        SlaPolicyId forVip = asAdmin(() -> policyAdministration.create(details(unique("Для VIP"),
                new PolicyConditions(Set.of(), Set.of(), Set.of(), Set.of(vip), Set.of(), Set.of()),
                Duration.ofMinutes(15), Duration.ofHours(4))));
        undo.add(() -> policyAdministration.delete(forVip));
        JsonNode opened = body(mvc.perform(postJson(agent, """
                        {"subject": "Не открывается отчёт", "description": "Ошибка 500.",
                         "requester": {"email": "%s"}, "priority": "HIGH"}"""
                        .formatted(unique("vip") + "@client.test"), "/api/v1/tickets"))
                .andExpect(status().isCreated()).andReturn());
        TicketId ticket = new TicketId(opened.get("number").asLong());
        CustomerId requester = new CustomerId(opened.at("/requester/id").asLong());
        TicketId solved = new TicketId(body(mvc.perform(postJson(agent, """
                        {"subject": "Старый вопрос", "description": "Уже решён.",
                         "requesterId": %d, "priority": "HIGH"}""".formatted(requester.value()),
                        "/api/v1/tickets")).andExpect(status().isCreated()).andReturn()).get("number").asLong());
        patch(solved, "{\"status\": \"SOLVED\"}");
        assertThat(clock(awaitKept(ticket, "STARTED FIRST_RESPONSE OPENED", "STARTED RESOLUTION OPENED"),
                ClockTarget.FIRST_RESPONSE).policyName()).isEqualTo("Стандартный");
        await().atMost(WAIT).until(() -> rows.of(solved).map(sla -> sla.clocks().stream()
                .allMatch(c -> c.state() == ClockState.STOPPED)).orElse(false));
        TicketSla solvedBefore = rows.of(solved).orElseThrow();

        segments.putIn(requester, vip);

        await().atMost(WAIT).untilAsserted(() -> assertThat(clock(rows.of(ticket).orElseThrow(),
                ClockTarget.FIRST_RESPONSE).policyName()).startsWith("Для VIP"));
        SlaClock vipClock = clock(rows.of(ticket).orElseThrow(), ClockTarget.FIRST_RESPONSE);
        assertThat(vipClock.due()).isEqualTo(createdAt(ticket).plus(Duration.ofMinutes(15)));
        assertThat(rows.of(solved).orElseThrow()).isEqualTo(solvedBefore);

        segments.takeOut(requester, vip);

        await().atMost(WAIT).untilAsserted(() -> assertThat(clock(rows.of(ticket).orElseThrow(),
                ClockTarget.FIRST_RESPONSE).policyName()).isEqualTo("Стандартный"));
    }

    @Test
    void aMovedAnswerLeavesTheFirstResponseClockRunningAgain() throws Exception {
        TicketId ticket = new TicketId(open(Priority.HIGH).get("number").asLong());
        TicketId other = new TicketId(open(Priority.HIGH).get("number").asLong());
        long answer = answer(ticket);
        awaitKept(ticket, "STARTED FIRST_RESPONSE OPENED", "STARTED RESOLUTION OPENED",
                "STOPPED FIRST_RESPONSE AGENT_MESSAGE", "STARTED PERIODIC_UPDATE AGENT_MESSAGE");

        mvc.perform(postJson(agent, "{\"ticket\": %d}".formatted(other.value()),
                "/api/v1/tickets/{n}/messages/{m}/move", ticket.value(), answer)).andExpect(status().isOk());

        awaitKept(ticket, "STARTED FIRST_RESPONSE OPENED", "STARTED RESOLUTION OPENED");
        assertThat(clock(awaitKept(other, "STARTED FIRST_RESPONSE OPENED", "STARTED RESOLUTION OPENED",
                "STOPPED FIRST_RESPONSE AGENT_MESSAGE", "STARTED PERIODIC_UPDATE AGENT_MESSAGE"),
                ClockTarget.FIRST_RESPONSE).state()).isEqualTo(ClockState.STOPPED);
    }

    @Test
    void recomputingTwiceKeepsTheSameClocks() throws Exception {
        TicketId ticket = new TicketId(open(Priority.HIGH).get("number").asLong());
        answer(ticket);
        TicketSla kept = awaitKept(ticket, "STARTED FIRST_RESPONSE OPENED", "STARTED RESOLUTION OPENED",
                "STOPPED FIRST_RESPONSE AGENT_MESSAGE", "STARTED PERIODIC_UPDATE AGENT_MESSAGE");

        recompute.recompute(List.of(ticket, ticket));
        recompute.recompute(List.of(ticket));

        assertThat(rows.of(ticket).orElseThrow()).isEqualTo(kept);
    }

    @Test
    void recomputesOfOneTicketAtTheSameTimeTakeTurns() throws Exception {
        TicketId ticket = new TicketId(open(Priority.HIGH).get("number").asLong());
        answer(ticket);
        TicketSla kept = awaitKept(ticket, "STARTED FIRST_RESPONSE OPENED", "STARTED RESOLUTION OPENED",
                "STOPPED FIRST_RESPONSE AGENT_MESSAGE", "STARTED PERIODIC_UPDATE AGENT_MESSAGE");
        // as for a ticket seen for the first time: several recomputes race to make its row
        jdbc.sql("delete from sla_ticket where ticket_id = :id").param("id", ticket.value()).update();

        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 5; round++) {
                        recompute.recompute(List.of(ticket));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(rows.of(ticket).orElseThrow()).isEqualTo(kept);
    }

    // --- helpers

    PolicyDetails details(String name, Duration resolution) {
        return details(name, new PolicyConditions(Set.of(), Set.of(category), Set.of(), Set.of(), Set.of(), Set.of()),
                Duration.ofHours(1), resolution);
    }

    PolicyDetails details(String name, PolicyConditions conditions, Duration firstResponse, Duration resolution) {
        Map<Priority, PolicyTargets> targets = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            targets.put(priority, new PolicyTargets(firstResponse, Duration.ofHours(2), Duration.ofHours(4),
                    resolution));
        }
        return new PolicyDetails(name, true, conditions, calendar, targets, Set.of(Status.PENDING, Status.ON_HOLD),
                Duration.ofHours(24));
    }

    static CalendarDetails roundTheClock(String name) {
        return CalendarDetails.of(name, ZoneId.of("Europe/Moscow"), true, WeeklyHours.allDay(), null);
    }

    JsonNode open(Priority priority) throws Exception {
        return body(mvc.perform(postJson(agent, """
                        {"subject": "Не проходят платежи", "description": "С утра ни одного платежа.",
                         "requester": {"email": "%s"}, "priority": "%s", "categoryId": %d}"""
                        .formatted(unique("client") + "@client.test", priority, category), "/api/v1/tickets"))
                .andExpect(status().isCreated()).andReturn());
    }

    Instant createdAt(TicketId ticket) {
        return trails.of(ticket).orElseThrow().createdAt();
    }

    void patch(TicketId ticket, String body) throws Exception {
        mvc.perform(patchJson(agent, body, "/api/v1/tickets/{n}", ticket.value())).andExpect(status().isOk());
    }

    long answer(TicketId ticket) throws Exception {
        return body(mvc.perform(postJson(agent, "{\"kind\": \"PUBLIC_REPLY\", \"body\": \"Смотрим.\"}",
                "/api/v1/tickets/{n}/messages", ticket.value())).andExpect(status().isCreated()).andReturn())
                .get("id").asLong();
    }

    /** Waits until the kept timeline has exactly these steps ("KIND TARGET CAUSE") and returns the kept clocks. */
    TicketSla awaitKept(TicketId ticket, String... expected) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(rows.of(ticket).map(SlaClocksTests::steps)
                .orElse(List.of())).containsExactly(expected));
        return rows.of(ticket).orElseThrow();
    }

    static List<String> steps(TicketSla sla) {
        return sla.timeline().stream().map(e -> e.kind() + " " + e.target() + " " + e.reason().cause()).toList();
    }

    static SlaClock clock(TicketSla sla, ClockTarget target) {
        return sla.clock(target).orElseThrow(() -> new AssertionError("no " + target + " clock in " + sla));
    }
}
