package io.otklik.agent.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.otklik.ApiTest;
import io.otklik.agent.TeamId;
import io.otklik.agent.TicketScope;
import io.otklik.identity.Role;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Agents and teams over the JSON API, for choosing whom to assign a ticket to. */
class AgentApiTests extends ApiTest {

    @Test
    void listsAgentsWithRoleScopeAndTeams() throws Exception {
        TeamId team = team("Эксперты");
        Staff expert = staff(Role.SUPERVISOR, TicketScope.ALL, team);
        Staff caller = staff(Role.AGENT, TicketScope.OWN_TEAMS);

        JsonNode agents = body(mvc.perform(getAs(caller, "/api/v1/agents")).andExpect(status().isOk()).andReturn());

        JsonNode listed = find(agents, expert.agent().value());
        assertThat(listed.get("name").asString()).isEqualTo(expert.name());
        assertThat(listed.get("role").asString()).isEqualTo("SUPERVISOR");
        assertThat(listed.get("scope").asString()).isEqualTo("ALL");
        assertThat(listed.get("teamIds").get(0).asLong()).isEqualTo(team.value());
        assertThat(listed.get("email").asString()).endsWith("@otklik.test");
        assertThat(listed.has("password")).isFalse();
    }

    @Test
    void listsTeamsWithTheirSupportLine() throws Exception {
        TeamId team = team("Дежурные");
        Staff caller = staff(Role.AGENT, TicketScope.OWN_TEAMS);

        JsonNode teams = body(mvc.perform(getAs(caller, "/api/v1/teams")).andExpect(status().isOk()).andReturn());

        JsonNode listed = find(teams, team.value());
        assertThat(listed.get("name").asString()).startsWith("Дежурные-");
        assertThat(listed.get("line").asString()).isEqualTo("L1");
    }

    private static JsonNode find(JsonNode items, long id) {
        for (JsonNode item : items) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("not listed: " + id + " in " + items);
    }
}
