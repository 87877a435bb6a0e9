package io.otklik.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import io.otklik.ApiTest;
import io.otklik.agent.TicketScope;
import io.otklik.identity.Role;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import tools.jackson.databind.JsonNode;

/** Merging a duplicate customer takes their tickets along, with a line in each ticket's history. */
class TicketsFollowMergedCustomersTests extends ApiTest {

    Staff supervisor;
    Staff agent;

    @BeforeEach
    void staff() {
        supervisor = staff(Role.SUPERVISOR, TicketScope.ALL);
        agent = staff(Role.AGENT, TicketScope.ALL);
    }

    @Test
    void theDuplicatesTicketsAddressesAndHistoryMoveToTheCustomerAndTheDuplicateIsNoLongerFound() throws Exception {
        String marker = unique("merge").toLowerCase();
        long target = ticketFor("Светлана Орлова " + marker, "s.orlova-" + marker + "@work.example");
        long keptTicket = lastTicket;
        long duplicate = ticketFor("Света " + marker, "sveta-" + marker + "@mail.example");
        long firstMoved = lastTicket;
        ticketFor("Света " + marker, "sveta-" + marker + "@mail.example");
        long secondMoved = lastTicket;

        mvc.perform(postJson(agent, "{\"duplicateId\": %d}".formatted(duplicate), "/api/v1/customers/{id}/merge",
                target)).andExpect(status().isForbidden());
        mvc.perform(postJson(supervisor, "{\"duplicateId\": %d}".formatted(duplicate), "/api/v1/customers/{id}/merge",
                        target))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(target))
                .andExpect(jsonPath("$.contacts[*].value",
                        contains("s.orlova-" + marker + "@work.example", "sveta-" + marker + "@mail.example")));

        for (long ticket : List.of(firstMoved, secondMoved)) {
            mvc.perform(getAs(agent, "/api/v1/tickets/{number}", ticket))
                    .andExpect(jsonPath("$.requester.id").value(target))
                    .andExpect(jsonPath("$.requester.name").value("Светлана Орлова " + marker));
            JsonNode history = body(mvc.perform(getAs(agent, "/api/v1/tickets/{number}/history", ticket))
                    .andExpect(status().isOk()).andReturn());
            List<String> lines = new ArrayList<>();
            history.forEach(entry -> lines.add(entry.get("field").asString() + ": " + entry.get("oldValue").asString()
                    + " → " + entry.get("newValue").asString() + " (" + entry.at("/actor/name").asString() + ")"));
            assertThat(lines).contains("requester: Света " + marker + " → Светлана Орлова " + marker + " ("
                    + supervisor.name() + ")");
        }
        mvc.perform(getAs(agent, "/api/v1/tickets").param("requesterId", Long.toString(target)))
                .andExpect(jsonPath("$.items", hasSize(3)));
        mvc.perform(getAs(agent, "/api/v1/tickets/{number}/history", keptTicket))
                .andExpect(jsonPath("$[?(@.field == 'requester')]", hasSize(0)));

        mvc.perform(getAs(agent, "/api/v1/customers").param("q", "Света " + marker))
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(getAs(agent, "/api/v1/customers").param("q", marker))
                .andExpect(jsonPath("$[*].id", contains((int) target)));
        mvc.perform(getAs(agent, "/api/v1/customers/{id}", duplicate))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(target));
        mvc.perform(postJson(admin(), """
                        {"subject": "Снова я", "description": "Пишу с личной почты.",
                         "requester": {"email": "sveta-%s@mail.example"}}""".formatted(marker), "/api/v1/tickets"))
                .andExpect(jsonPath("$.requester.id").value(target));
    }

    @Test
    void aCustomerIsNotMergedIntoThemselvesNorIntoAMergedOne() throws Exception {
        String marker = unique("twice").toLowerCase();
        long first = ticketFor("Первый " + marker, "first-" + marker + "@mail.example");
        long second = ticketFor("Второй " + marker, "second-" + marker + "@mail.example");
        long third = ticketFor("Третий " + marker, "third-" + marker + "@mail.example");
        mvc.perform(postJson(supervisor, "{\"duplicateId\": %d}".formatted(second), "/api/v1/customers/{id}/merge",
                first)).andExpect(status().isOk());

        mvc.perform(postJson(supervisor, "{\"duplicateId\": %d}".formatted(third), "/api/v1/customers/{id}/merge",
                        third))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Клиента нельзя объединить с самим собой."));
        mvc.perform(postJson(supervisor, "{\"duplicateId\": %d}".formatted(third), "/api/v1/customers/{id}/merge",
                        second).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("The customer \"Второй " + marker + "\" was already merged into "
                        + "\"Первый " + marker + "\": merge into that one."));
        mvc.perform(postJson(supervisor, "{\"duplicateId\": %d}".formatted(second), "/api/v1/customers/{id}/merge",
                        third))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Клиент «Второй " + marker + "» уже объединён с клиентом «Первый "
                        + marker + "»."));
        mvc.perform(getAs(agent, "/api/v1/tickets").param("requesterId", Long.toString(third)))
                .andExpect(jsonPath("$.items", hasSize(1)));
    }

    private long lastTicket;

    /** Opens a ticket for a requester known by email and answers the requester's id. */
    private long ticketFor(String name, String email) throws Exception {
        JsonNode ticket = body(mvc.perform(postJson(admin(), """
                        {"subject": "Вопрос", "description": "Текст вопроса.",
                         "requester": {"name": "%s", "email": "%s"}}""".formatted(name, email), "/api/v1/tickets"))
                .andExpect(status().isCreated()).andReturn());
        lastTicket = ticket.get("number").asLong();
        return ticket.at("/requester/id").asLong();
    }
}
