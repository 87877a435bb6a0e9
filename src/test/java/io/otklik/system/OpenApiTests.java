package io.otklik.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.otklik.ApiTest;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

/** The OpenAPI description and Swagger UI are public and describe the token-protected JSON API. */
class OpenApiTests extends ApiTest {

    @Test
    void describesTheApiWithBearerTokensOnEveryOperation() throws Exception {
        MvcResult result = mvc.perform(get("/v3/api-docs").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andReturn();
        JsonNode api = body(result);

        assertThat(api.at("/info/title").asString()).isEqualTo("Otklik API");
        assertThat(api.at("/info/version").asString()).isNotBlank();
        assertThat(api.at("/components/securitySchemes/apiToken/type").asString()).isEqualTo("http");
        assertThat(api.at("/components/securitySchemes/apiToken/scheme").asString()).isEqualTo("bearer");
        assertThat(api.at("/security/0/apiToken").isArray()).isTrue();
        assertThat(api.get("paths").propertyNames()).contains("/api/v1/tickets", "/api/v1/tickets/{number}",
                "/api/v1/tickets/{number}/messages", "/api/v1/tickets/{number}/history",
                "/api/v1/attachments/{id}", "/api/v1/categories", "/api/v1/customers", "/api/v1/customers/{id}",
                "/api/v1/agents", "/api/v1/teams", "/api/v1/customers/{id}/contacts", "/api/v1/customers/{id}/merge",
                "/api/v1/customers/{id}/fields", "/api/v1/customers/{id}/segments/{segment}",
                "/api/v1/customers/segments", "/api/v1/customers/fields");
        assertThat(api.at("/components/schemas/CustomerResponse/properties").propertyNames())
                .contains("contacts", "segments", "fields", "seesOrganizationTickets");
        assertThat(api.get("paths").propertyNames()).allMatch(path -> path.startsWith("/api/"));
        assertThat(api.at("/paths/~1api~1v1~1tickets~1{number}/patch")).isNotNull();
        assertThat(api.at("/paths/~1api~1v1~1tickets~1{number}~1messages/post/requestBody/content")
                .propertyNames()).contains("application/json", "multipart/form-data");
        assertThat(api.at("/components/schemas/TicketResponse/properties/status/enum").isArray()).isTrue();
    }

    @Test
    void describesRequestsAsClientsSendThem() throws Exception {
        JsonNode api = body(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn());

        JsonNode patch = api.at("/components/schemas/TicketPatch/properties");
        assertThat(patch.at("/subject/type").asString()).isEqualTo("string");
        assertThat(patch.at("/assigneeId/type").asString()).isEqualTo("integer");
        assertThat(patch.at("/tags/type").asString()).isEqualTo("array");
        assertThat(patch.at("/status/enum").isArray()).isTrue();

        String requesterCard = api.at("/components/schemas/TicketResponse/properties/requester/$ref").asString();
        assertThat(api.at("/components/schemas/" + requesterCard.substring(requesterCard.lastIndexOf('/') + 1)
                + "/properties").propertyNames()).contains("id", "organizationName");

        java.util.List<String> listParameters = new java.util.ArrayList<>();
        api.at("/paths/~1api~1v1~1tickets/get/parameters").forEach(p -> listParameters.add(p.get("name").asString()));
        assertThat(listParameters).contains("status", "priority", "teamId", "assigneeId", "unassigned", "categoryId",
                "tag", "q", "requesterId", "sort", "page", "size");
        assertThat(api.at("/paths/~1api~1v1~1tickets/post/responses").propertyNames()).contains("201");
    }

    @Test
    void servesSwaggerUiWithoutSignIn() throws Exception {
        MvcResult redirect = mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection()).andReturn();
        String target = redirect.getResponse().getRedirectedUrl();
        assertThat(target).contains("/swagger-ui/index.html");
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }
}
