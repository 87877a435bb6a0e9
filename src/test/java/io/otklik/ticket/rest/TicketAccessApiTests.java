package io.otklik.ticket.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import io.otklik.ApiTest;
import io.otklik.agent.TeamId;
import io.otklik.agent.TicketScope;
import io.otklik.identity.Role;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * An agent limited to their teams sees, through the API, only their teams' tickets and those assigned to them;
 * anything else is answered exactly like a ticket that does not exist.
 */
class TicketAccessApiTests extends ApiTest {

    Staff admin;
    Staff restricted;
    TeamId ownTeam;
    TeamId otherTeam;
    String tag;

    @BeforeEach
    void teams() {
        admin = admin();
        ownTeam = team("Первая линия");
        otherTeam = team("Бухгалтерия");
        restricted = staff(Role.AGENT, TicketScope.OWN_TEAMS, ownTeam);
        tag = unique("scope");
    }

    @Test
    void hidesAnotherTeamsTicketItsMessagesHistoryAndAttachments() throws Exception {
        long hidden = open(otherTeam, null);
        MvcResult note = mvc.perform(multipart("/api/v1/tickets/{number}/messages", hidden)
                        .file(new MockMultipartFile("files", "зарплата.csv", "text/csv",
                                "секрет".getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "INTERNAL_NOTE")
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .andExpect(status().isCreated()).andReturn();
        String href = body(note).at("/attachments/0/href").asString();
        mvc.perform(getAs(admin, href)).andExpect(status().isOk());

        mvc.perform(getAs(restricted, "/api/v1/tickets/{number}", hidden))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Тикет " + hidden + " не найден."));
        mvc.perform(getAs(restricted, "/api/v1/tickets/{number}/messages", hidden))
                .andExpect(status().isNotFound());
        mvc.perform(getAs(restricted, "/api/v1/tickets/{number}/history", hidden))
                .andExpect(status().isNotFound());
        mvc.perform(getAs(restricted, href))
                .andExpect(status().isNotFound())
                .andExpect(header().doesNotExist(HttpHeaders.CONTENT_DISPOSITION));
        mvc.perform(patchJson(restricted, "{\"priority\": \"LOW\"}", "/api/v1/tickets/{number}", hidden))
                .andExpect(status().isNotFound());
        mvc.perform(postJson(restricted, "{\"kind\": \"INTERNAL_NOTE\", \"body\": \"Я тут\"}",
                        "/api/v1/tickets/{number}/messages", hidden))
                .andExpect(status().isNotFound());

        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/messages", hidden))
                .andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}", hidden))
                .andExpect(jsonPath("$.priority").value("MEDIUM"));
    }

    @Test
    void listsOnlyOwnTeamsAndOwnTickets() throws Exception {
        long ofOwnTeam = open(ownTeam, null);
        long ofOtherTeam = open(otherTeam, null);
        long assignedToThem = open(otherTeam, restricted);

        mvc.perform(getAs(restricted, "/api/v1/tickets").param("tag", tag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].number",
                        containsInAnyOrder(TicketApiTests.numbers(ofOwnTeam, assignedToThem))))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(getAs(restricted, "/api/v1/tickets").param("q", Long.toString(ofOtherTeam)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(getAs(restricted, "/api/v1/tickets").param("teamId", "" + otherTeam.value()).param("tag", tag))
                .andExpect(jsonPath("$.items[*].number", contains(TicketApiTests.numbers(assignedToThem))));
        mvc.perform(getAs(admin, "/api/v1/tickets").param("tag", tag))
                .andExpect(jsonPath("$.total").value(3));

        mvc.perform(getAs(restricted, "/api/v1/tickets/{number}", ofOwnTeam)).andExpect(status().isOk());
        mvc.perform(getAs(restricted, "/api/v1/tickets/{number}", assignedToThem)).andExpect(status().isOk());
    }

    @Test
    void handsTicketToAnotherTeamAndThenNoLongerShowsIt() throws Exception {
        long number = open(ownTeam, null);

        mvc.perform(patchJson(restricted, "{\"teamId\": %d}".formatted(otherTeam.value()),
                        "/api/v1/tickets/{number}", number))
                .andExpect(status().isNoContent());
        mvc.perform(getAs(restricted, "/api/v1/tickets/{number}", number)).andExpect(status().isNotFound());
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}", number))
                .andExpect(jsonPath("$.teamId").value(otherTeam.value()));

        MvcResult created = mvc.perform(postJson(restricted, """
                        {"subject": "Для бухгалтерии", "description": "Передаю.", "teamId": %d,
                         "requester": {"email": "%s@example.ru"}}""".formatted(otherTeam.value(), unique("r")),
                        "/api/v1/tickets"))
                .andExpect(status().isCreated())
                .andExpect(header().exists(HttpHeaders.LOCATION))
                .andReturn();
        mvc.perform(getAs(admin, created.getResponse().getHeader(HttpHeaders.LOCATION)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value("Для бухгалтерии"));
    }

    private long open(TeamId team, Staff assignee) throws Exception {
        MvcResult result = mvc.perform(postJson(admin, """
                        {"subject": "Вопрос", "description": "Текст.", "requester": {"email": "%s@example.ru"},
                         "teamId": %d, "assigneeId": %s, "tags": ["%s"]}""".formatted(unique("r"), team.value(),
                        assignee == null ? "null" : assignee.agent().value(), tag), "/api/v1/tickets"))
                .andExpect(status().isCreated()).andReturn();
        return body(result).get("number").asLong();
    }
}
