package io.otklik;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.AgentId;
import io.otklik.agent.NewAgent;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.agent.TicketScope;
import io.otklik.identity.ApiTokens;
import io.otklik.identity.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of JSON API tests: the whole application with MockMvc, staff members with real API tokens, and short
 * helpers for calls. Each test makes its own staff, teams and data (names made unique), so tests do not depend
 * on each other or on their order.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ApiTest extends PostgresTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected AgentDirectory agents;

    @Autowired
    protected ApiTokens tokens;

    /** A staff member of the test and their token. */
    public record Staff(AgentId agent, String name, String token) {

        public String bearer() {
            return "Bearer " + token;
        }
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected TeamId team(String name) {
        return asAdmin(() -> agents.createTeam(unique(name), SupportLine.L1));
    }

    /** An agent with an account of the role and an API token; no preferred language, so requests choose it. */
    protected Staff staff(Role role, TicketScope scope, TeamId... teams) {
        String email = unique("agent") + "@otklik.test";
        String name = "Agent " + email.substring(0, email.indexOf('@'));
        Set<TeamId> teamIds = Arrays.stream(teams).collect(Collectors.toSet());
        AgentId agent = asAdmin(() -> agents.add(new NewAgent(name, email, "correct-horse-battery", role, scope,
                teamIds, null)));
        String token = tokens.issue(agents.agent(agent).userId(), "tests").secret();
        return new Staff(agent, name, token);
    }

    protected Staff admin() {
        return staff(Role.ADMIN, TicketScope.ALL);
    }

    /** Runs set-up work that needs an administrator, as the setup would in the admin screens. */
    protected static <T> T asAdmin(Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TestingAuthenticationToken("setup", null, Role.ADMIN.authority()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    protected static MockHttpServletRequestBuilder getAs(Staff who, String path, Object... variables) {
        return get(path, variables).header(HttpHeaders.AUTHORIZATION, who.bearer());
    }

    protected static MockHttpServletRequestBuilder postJson(Staff who, String body, String path, Object... variables) {
        return post(path, variables).header(HttpHeaders.AUTHORIZATION, who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    protected static MockHttpServletRequestBuilder patchJson(Staff who, String body, String path,
            Object... variables) {
        return patch(path, variables).header(HttpHeaders.AUTHORIZATION, who.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    protected JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
