package io.otklik.ticket.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.otklik.ApiTest;
import io.otklik.TestServiceLevels;
import io.otklik.identity.Role;
import io.otklik.agent.TicketScope;
import io.otklik.sla.CalendarAdministration;
import io.otklik.sla.SlaPolicyAdministration;
import io.otklik.ticket.Categories;
import io.otklik.ticket.Priority;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * "Due soonest" in the ticket API: tickets whose clocks the service levels keep come in the order of their next due
 * time, each with it, and tickets without a running clock last. The tickets are counted round the clock
 * ({@link TestServiceLevels}), so the due times are their arrival plus the first response target.
 */
class TicketDueSortApiTests extends ApiTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired Categories categories;
    @Autowired CalendarAdministration calendars;
    @Autowired SlaPolicyAdministration policies;

    TestServiceLevels levels;
    Staff agent;

    @BeforeEach
    void serviceLevels() {
        levels = TestServiceLevels.roundTheClock(categories, calendars, policies);
        agent = staff(Role.AGENT, TicketScope.ALL);
    }

    @AfterEach
    void removeServiceLevels() {
        levels.close();
    }

    @Test
    void listsTicketsDueSoonestFirstAndTicketsWithoutARunningClockLast() throws Exception {
        long low = open(Priority.LOW);
        long solved = open(Priority.CRITICAL);
        mvc.perform(patchJson(agent, "{\"status\": \"SOLVED\"}", "/api/v1/tickets/{n}", solved))
                .andExpect(status().isOk());
        long critical = open(Priority.CRITICAL);
        long medium = open(Priority.MEDIUM);

        await().atMost(WAIT).untilAsserted(() -> assertThat(numbers(list("due"))).containsExactly(critical, medium,
                low, solved));
        JsonNode items = list("DUE").get("items");
        assertThat(items.get(0).get("nextDue").get("at").asString()).isNotBlank();
        assertThat(Instant.parse(items.get(0).get("nextDue").get("at").asString()))
                .isEqualTo(createdAt(critical).plus(TestServiceLevels.firstResponse(Priority.CRITICAL)));
        assertThat(Instant.parse(items.get(2).get("nextDue").get("at").asString()))
                .isEqualTo(createdAt(low).plus(TestServiceLevels.firstResponse(Priority.LOW)));
        assertThat(items.get(0).get("nextDue").get("breached").asBoolean()).isFalse();
        assertThat(items.get(3).get("nextDue").isNull()).isTrue();

        // A raised priority brings a ticket forward as soon as its clocks are recomputed
        mvc.perform(patchJson(agent, "{\"priority\": \"HIGH\"}", "/api/v1/tickets/{n}", low))
                .andExpect(status().isOk());
        await().atMost(WAIT).untilAsserted(() -> assertThat(numbers(list("due"))).containsExactly(critical, low,
                medium, solved));
        JsonNode one = body(mvc.perform(getAs(agent, "/api/v1/tickets/{n}", low)).andExpect(status().isOk())
                .andReturn());
        assertThat(Instant.parse(one.get("nextDue").get("at").asString()))
                .isEqualTo(createdAt(low).plus(TestServiceLevels.firstResponse(Priority.HIGH)));
    }

    long open(Priority priority) throws Exception {
        return body(mvc.perform(postJson(agent, """
                        {"subject": "Не проходят платежи", "description": "С утра ни одного платежа.",
                         "requester": {"email": "%s"}, "priority": "%s", "categoryId": %d}"""
                        .formatted(unique("client") + "@client.test", priority, levels.category()), "/api/v1/tickets"))
                .andExpect(status().isCreated()).andReturn()).get("number").asLong();
    }

    JsonNode list(String sort) throws Exception {
        return body(mvc.perform(getAs(agent, "/api/v1/tickets").param("categoryId", "" + levels.category())
                .param("sort", sort)).andExpect(status().isOk()).andReturn());
    }

    Instant createdAt(long number) throws Exception {
        return Instant.parse(body(mvc.perform(getAs(agent, "/api/v1/tickets/{n}", number)).andReturn())
                .get("createdAt").asString());
    }

    static List<Long> numbers(JsonNode page) {
        List<Long> numbers = new ArrayList<>();
        page.get("items").forEach(item -> numbers.add(item.get("number").asLong()));
        return numbers;
    }
}
