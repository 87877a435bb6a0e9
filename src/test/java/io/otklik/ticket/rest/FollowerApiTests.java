package io.otklik.ticket.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.otklik.ApiTest;
import io.otklik.agent.TeamId;
import io.otklik.agent.TicketScope;
import io.otklik.identity.Role;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

/** A ticket's followers over JSON: list, add by email or customer id, remove; bad input refused readably. */
class FollowerApiTests extends ApiTest {

    Staff agent;
    String marker;

    @BeforeEach
    void staff() {
        agent = staff(Role.AGENT, TicketScope.ALL);
        marker = unique("cc").toLowerCase();
    }

    @Test
    void addsListsAndRemovesFollowersWithALineInTheHistoryForEach() throws Exception {
        Ticket ticket = ticketFor("Анна " + marker, "anna-" + marker + "@client.test");
        String path = "/api/v1/tickets/{number}/followers";

        mvc.perform(getAs(agent, path, ticket.number)).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
        JsonNode ivan = body(mvc.perform(postJson(agent, """
                        {"email": "  Ivan-%s@Client.test ", "name": "Иван Петров"}""".formatted(marker), path,
                        ticket.number))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION,
                        matchesPattern(".*/api/v1/tickets/" + ticket.number + "/followers/\\d+")))
                .andExpect(jsonPath("$.name").value("Иван Петров"))
                .andExpect(jsonPath("$.email").value("ivan-" + marker + "@client.test"))
                .andExpect(jsonPath("$.source").value("AGENT"))
                .andReturn());
        long ivanId = ivan.get("customerId").asLong();
        mvc.perform(getAs(agent, path + "/{customer}", ticket.number, ivanId)).andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(ivanId));

        mvc.perform(postJson(agent, "{\"email\": \"ivan-%s@client.test\"}".formatted(marker), path, ticket.number))
                .andExpect(status().isOk()).andExpect(jsonPath("$.customerId").value(ivanId));
        long olgaId = customerIdOf(ticketFor("Ольга " + marker, "olga-" + marker + "@client.test"));
        mvc.perform(postJson(agent, "{\"customerId\": %d}".formatted(olgaId), path, ticket.number))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("Ольга " + marker));
        mvc.perform(getAs(agent, path, ticket.number))
                .andExpect(jsonPath("$[*].customerId", contains((int) ivanId, (int) olgaId)));

        mvc.perform(delete(path + "/{customer}", ticket.number, ivanId).header(HttpHeaders.AUTHORIZATION,
                agent.bearer())).andExpect(status().isNoContent());
        mvc.perform(delete(path + "/{customer}", ticket.number, ivanId).header(HttpHeaders.AUTHORIZATION,
                agent.bearer())).andExpect(status().isNoContent());
        mvc.perform(getAs(agent, path, ticket.number)).andExpect(jsonPath("$[*].customerId", contains((int) olgaId)));
        mvc.perform(getAs(agent, path + "/{customer}", ticket.number, ivanId))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(getAs(agent, "/api/v1/tickets/{number}/history", ticket.number))
                .andExpect(jsonPath("$[?(@.field == 'follower-agent')].newValue", containsInAnyOrder(
                        "Иван Петров <ivan-" + marker + "@client.test>",
                        "Ольга " + marker + " <olga-" + marker + "@client.test>")))
                .andExpect(jsonPath("$[?(@.field == 'follower-removed')].oldValue",
                        contains("Иван Петров <ivan-" + marker + "@client.test>")))
                .andExpect(jsonPath("$[?(@.field == 'follower-removed')].actor.name", contains(agent.name())));
    }

    @Test
    void badInputIsRefusedReadablyAndChangesNothing() throws Exception {
        Ticket ticket = ticketFor("Борис " + marker, "boris-" + marker + "@client.test");
        String path = "/api/v1/tickets/{number}/followers";

        mvc.perform(postJson(agent, "{\"email\": \"boris at client\"}", path, ticket.number))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Это не похоже на адрес электронной почты."));
        mvc.perform(english(postJson(agent, "{\"email\": \"boris at client\"}", path, ticket.number)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("This does not look like an email address."));
        mvc.perform(english(postJson(agent, "{\"email\": \"BORIS-%s@client.test\"}".formatted(marker), path,
                        ticket.number)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("boris-" + marker
                        + "@client.test is the requester of this ticket and gets its public replies anyway."));
        mvc.perform(postJson(agent, "{\"customerId\": %d}".formatted(ticket.requester), path, ticket.number))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Борис " + marker + " <boris-" + marker
                        + "@client.test> — заявитель этого тикета: публичные ответы и так приходят ему."));
        mvc.perform(postJson(agent, "{}", path, ticket.number))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("follower")))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Укажите наблюдателя: email или customerId, но не оба сразу."));
        mvc.perform(postJson(agent, "{\"email\": \"x-%s@client.test\", \"customerId\": %d}".formatted(marker,
                        ticket.requester), path, ticket.number))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", contains("follower")));
        mvc.perform(postJson(agent, "{\"customerId\": 999999999}", path, ticket.number))
                .andExpect(status().isNotFound());
        mvc.perform(postJson(agent, "{\"email\": \"y-%s@client.test\"}".formatted(marker), path, 999999999))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(getAs(agent, path, ticket.number)).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(getAs(agent, "/api/v1/customers").param("q", "x-" + marker)).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(getAs(agent, "/api/v1/customers").param("q", "y-" + marker)).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void anAgentWhoMayNotSeeTheTicketMayNotSeeOrChangeItsFollowers() throws Exception {
        TeamId billing = team("Биллинг");
        TeamId network = team("Сеть");
        Staff restricted = staff(Role.AGENT, TicketScope.OWN_TEAMS, network);
        JsonNode created = body(mvc.perform(postJson(admin(), """
                        {"subject": "Чужой", "description": "Текст.", "teamId": %d,
                         "requester": {"email": "z-%s@client.test"}}""".formatted(billing.value(), marker),
                        "/api/v1/tickets"))
                .andExpect(status().isCreated()).andReturn());
        long number = created.get("number").asLong();

        mvc.perform(getAs(restricted, "/api/v1/tickets/{number}/followers", number))
                .andExpect(status().isNotFound());
        mvc.perform(postJson(restricted, "{\"email\": \"w-%s@client.test\"}".formatted(marker),
                "/api/v1/tickets/{number}/followers", number)).andExpect(status().isNotFound());
        mvc.perform(getAs(agent, "/api/v1/tickets/{number}/followers", number)).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void mergingCustomersMovesTheirFollowingToTheCustomerTheyBecome() throws Exception {
        Staff supervisor = staff(Role.SUPERVISOR, TicketScope.ALL);
        Ticket ofOther = ticketFor("Другой " + marker, "other-" + marker + "@client.test");
        Ticket ofTarget = ticketFor("Светлана " + marker, "s-" + marker + "@work.test");
        Ticket ofDuplicate = ticketFor("Света " + marker, "sveta-" + marker + "@mail.test");
        Ticket alsoFollowed = ticketFor("Третий " + marker, "third-" + marker + "@client.test");
        long target = ofTarget.requester;
        long duplicate = ofDuplicate.requester;
        String path = "/api/v1/tickets/{number}/followers";
        mvc.perform(postJson(agent, "{\"customerId\": %d}".formatted(duplicate), path, ofOther.number))
                .andExpect(status().isCreated());
        mvc.perform(postJson(agent, "{\"customerId\": %d}".formatted(duplicate), path, ofTarget.number))
                .andExpect(status().isCreated());
        mvc.perform(postJson(agent, "{\"customerId\": %d}".formatted(target), path, ofDuplicate.number))
                .andExpect(status().isCreated());
        mvc.perform(postJson(agent, "{\"customerId\": %d}".formatted(duplicate), path, alsoFollowed.number))
                .andExpect(status().isCreated());
        mvc.perform(postJson(agent, "{\"customerId\": %d}".formatted(target), path, alsoFollowed.number))
                .andExpect(status().isCreated());

        mvc.perform(postJson(supervisor, "{\"duplicateId\": %d}".formatted(duplicate), "/api/v1/customers/{id}/merge",
                target)).andExpect(status().isOk());

        mvc.perform(getAs(agent, path, ofOther.number))
                .andExpect(jsonPath("$[*].customerId", contains((int) target)))
                .andExpect(jsonPath("$[0].name").value("Светлана " + marker));
        mvc.perform(getAs(agent, path, alsoFollowed.number))
                .andExpect(jsonPath("$[*].customerId", contains((int) target)));
        // The customer is now the requester of both: they get the replies as such, not in copy.
        mvc.perform(getAs(agent, path, ofTarget.number)).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(getAs(agent, path, ofDuplicate.number)).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(postJson(agent, "{\"customerId\": %d}".formatted(duplicate), path, ofOther.number))
                .andExpect(status().isOk()).andExpect(jsonPath("$.customerId").value(target));
    }

    private record Ticket(long number, long requester) {
    }

    private Ticket ticketFor(String name, String email) throws Exception {
        JsonNode ticket = body(mvc.perform(postJson(admin(), """
                        {"subject": "Вопрос", "description": "Текст вопроса.",
                         "requester": {"name": "%s", "email": "%s"}}""".formatted(name, email), "/api/v1/tickets"))
                .andExpect(status().isCreated()).andReturn());
        return new Ticket(ticket.get("number").asLong(), ticket.at("/requester/id").asLong());
    }

    private static long customerIdOf(Ticket ticket) {
        return ticket.requester;
    }

    private static MockHttpServletRequestBuilder english(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.ACCEPT_LANGUAGE, "en");
    }
}
