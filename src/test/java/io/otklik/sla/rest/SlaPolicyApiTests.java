package io.otklik.sla.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import io.otklik.ApiTest;
import io.otklik.agent.TicketScope;
import io.otklik.identity.Role;
import io.otklik.sla.BusinessCalendars;
import io.otklik.sla.PolicyConditions;
import io.otklik.sla.PolicyDetails;
import io.otklik.sla.PolicyTargets;
import io.otklik.sla.SlaPolicyAdministration;
import io.otklik.sla.SlaPolicyId;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/** The SLA policies over the JSON API: read only, in their order, for supervisors and administrators. */
class SlaPolicyApiTests extends ApiTest {

    @Autowired SlaPolicyAdministration administration;
    @Autowired BusinessCalendars calendars;

    SlaPolicyId made;

    @AfterEach
    void removePolicy() {
        if (made != null) {
            asAdmin(() -> {
                administration.delete(made);
                return null;
            });
        }
    }

    @Test
    void listsThePoliciesInOrderWithTheDefaultLast() throws Exception {
        String name = unique("Телефон");
        Map<Priority, PolicyTargets> targets = new EnumMap<>(Priority.class);
        targets.put(Priority.HIGH, new PolicyTargets(Duration.ofMinutes(20), null, Duration.ofHours(2),
                Duration.ofHours(6)));
        made = asAdmin(() -> administration.create(new PolicyDetails(name, false, new PolicyConditions(
                Set.of(Priority.HIGH, Priority.CRITICAL), Set.of(), Set.of(), Set.of(), Set.of(Channel.PHONE),
                Set.of()), calendars.standardId(), targets, Set.of(Status.ON_HOLD), Duration.ofHours(12))));

        JsonNode policies = body(mvc.perform(getAs(staff(Role.SUPERVISOR, TicketScope.ALL), "/api/v1/sla-policies"))
                .andExpect(status().isOk()).andReturn());

        JsonNode standard = policies.get(policies.size() - 1);
        assertThat(standard.get("name").asString()).isEqualTo("Стандартный");
        assertThat(standard.get("defaultPolicy").asBoolean()).isTrue();
        assertThat(standard.get("position").asInt()).isEqualTo(policies.size());
        assertThat(standard.at("/conditions/priorities").isEmpty()).isTrue();
        assertThat(standard.at("/targets/CRITICAL/firstResponseMinutes").asLong()).isEqualTo(30);
        assertThat(standard.at("/targets/LOW/resolutionMinutes").asLong()).isEqualTo(2400);
        assertThat(standard.at("/targets/LOW/periodicUpdateMinutes").isNull()).isTrue();
        assertThat(standard.get("firstResponseCapMinutes").asLong()).isEqualTo(1440);
        assertThat(standard.get("pausedIn").toString()).isEqualTo("[\"PENDING\",\"ON_HOLD\"]");

        JsonNode listed = policies.get(policies.size() - 2);
        assertThat(listed.get("id").asLong()).isEqualTo(made.value());
        assertThat(listed.get("name").asString()).isEqualTo(name);
        assertThat(listed.get("enabled").asBoolean()).isFalse();
        assertThat(listed.get("defaultPolicy").asBoolean()).isFalse();
        assertThat(listed.at("/conditions/priorities").toString()).isEqualTo("[\"CRITICAL\",\"HIGH\"]");
        assertThat(listed.at("/conditions/channels").toString()).isEqualTo("[\"PHONE\"]");
        assertThat(listed.get("calendarId").asLong()).isEqualTo(calendars.standardId().value());
        assertThat(listed.at("/targets/HIGH/firstResponseMinutes").asLong()).isEqualTo(20);
        assertThat(listed.at("/targets/HIGH/nextResponseMinutes").isNull()).isTrue();
        assertThat(listed.at("/targets/HIGH/periodicUpdateMinutes").asLong()).isEqualTo(120);
        assertThat(listed.at("/targets/CRITICAL/firstResponseMinutes").isNull()).isTrue();
        assertThat(listed.get("firstResponseCapMinutes").asLong()).isEqualTo(720);
    }

    @Test
    void agentsAndStrangersAreRefused() throws Exception {
        mvc.perform(getAs(staff(Role.AGENT, TicketScope.ALL), "/api/v1/sla-policies").header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/sla-policies")).andExpect(status().isUnauthorized());
    }

    @Test
    void theOpenApiDescriptionDocumentsTheList() throws Exception {
        JsonNode api = body(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn());
        assertThat(api.at("/paths/~1api~1v1~1sla-policies/get/summary").asString())
                .startsWith("The SLA policies in the order they are tried");
        assertThat(api.at("/components/schemas/SlaPolicyResponse/properties").propertyNames()).contains("position",
                "defaultPolicy", "conditions", "calendarId", "targets", "pausedIn", "firstResponseCapMinutes");
    }
}
