package io.otklik.customer.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import io.otklik.ApiTest;
import io.otklik.agent.TicketScope;
import io.otklik.customer.CustomField;
import io.otklik.customer.CustomFieldType;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerFields;
import io.otklik.identity.Role;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A customer's addresses, segments, custom fields and manager switch over the JSON API. */
class CustomerProfileApiTests extends ApiTest {

    @Autowired
    CustomerFields fields;

    @Autowired
    CustomerDirectory directory;

    Staff agent;

    @BeforeEach
    void staff() {
        agent = staff(Role.AGENT, TicketScope.OWN_TEAMS);
    }

    @Test
    void aCustomerHasSeveralAddressesAndEachBelongsToThemAlone() throws Exception {
        String marker = unique("addr").toLowerCase();
        long id = register("Ирина " + marker, marker + "@work.example");

        mvc.perform(postJson(agent, "{\"kind\": \"EMAIL\", \"value\": \" %s@Home.Example \"}".formatted(marker),
                        "/api/v1/customers/{id}/contacts", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(marker + "@work.example"))
                .andExpect(jsonPath("$.contacts[*].value", contains(marker + "@work.example", marker + "@home.example")));
        mvc.perform(postJson(agent, "{\"kind\": \"PHONE\", \"value\": \"+7 (921) 555-12-%s\"}".formatted(
                        Math.abs(marker.hashCode() % 90) + 10), "/api/v1/customers/{id}/contacts", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value(startsWith("+7 (921) 555-12-")))
                .andExpect(jsonPath("$.contacts[?(@.kind == 'PHONE')].value",
                        contains(matchesPattern("\\+792155512\\d\\d"))));
        mvc.perform(postJson(agent, "{\"kind\": \"TELEGRAM\", \"value\": \"@%s_tg\"}".formatted(marker),
                        "/api/v1/customers/{id}/contacts", id))
                .andExpect(jsonPath("$.contacts", hasSize(4)));

        long other = register("Другой " + marker, marker + "-other@work.example");
        mvc.perform(postJson(agent, "{\"kind\": \"EMAIL\", \"value\": \"%s@HOME.example\"}".formatted(marker),
                        "/api/v1/customers/{id}/contacts", other))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Адрес " + marker + "@home.example уже принадлежит клиенту «Ирина "
                        + marker + "»."));
        mvc.perform(postJson(agent, "{\"name\": \"Третий\", \"email\": \"%s@home.example\"}".formatted(marker),
                        "/api/v1/customers"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Клиент с адресом " + marker + "@home.example уже есть."));
        mvc.perform(deleteAs(agent, "/api/v1/customers/{id}/contacts", other).param("kind", "EMAIL")
                        .param("value", marker + "-other@work.example"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(startsWith("Это последний адрес клиента")));

        mvc.perform(getAs(agent, "/api/v1/customers").param("q", "@" + marker + "_TG"))
                .andExpect(jsonPath("$[*].id", contains((int) id)))
                .andExpect(jsonPath("$[0].contacts[*].kind", containsInAnyOrder("EMAIL", "EMAIL", "PHONE", "TELEGRAM")));
        mvc.perform(getAs(agent, "/api/v1/customers").param("q", marker + "@home"))
                .andExpect(jsonPath("$[*].id", contains((int) id)));

        mvc.perform(postJson(admin(), """
                        {"subject": "С домашней почты", "description": "Пишу с личного адреса.",
                         "requester": {"name": "Ира", "email": "%s@HOME.example"}}""".formatted(marker),
                        "/api/v1/tickets"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.requester.id").value(id))
                .andExpect(jsonPath("$.requester.name").value("Ирина " + marker));
    }

    @Test
    void supervisorsLetAnOrganizationsManagerSeeAllItsTickets() throws Exception {
        String marker = unique("mgr").toLowerCase();
        String domain = marker + ".example";
        directory.createOrganization("Компания " + marker, domain);
        long manager = register("Руководитель " + marker, "boss@" + domain);
        long loner = register("Без организации", marker + "@mail.example");
        Staff supervisor = staff(Role.SUPERVISOR, TicketScope.ALL);

        mvc.perform(patchJson(agent, "{\"seesOrganizationTickets\": true}", "/api/v1/customers/{id}", manager))
                .andExpect(status().isForbidden());
        mvc.perform(patchJson(supervisor, "{\"seesOrganizationTickets\": true}", "/api/v1/customers/{id}", manager))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seesOrganizationTickets").value(true));
        mvc.perform(getAs(agent, "/api/v1/customers/{id}", manager))
                .andExpect(jsonPath("$.seesOrganizationTickets").value(true))
                .andExpect(jsonPath("$.organizationName").value("Компания " + marker));
        mvc.perform(patchJson(supervisor, "{\"seesOrganizationTickets\": true}", "/api/v1/customers/{id}", loner)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(
                        "The customer is in no organization, so there are no organization tickets to see."));
        mvc.perform(patchJson(supervisor, "{\"seesOrganizationTickets\": false}", "/api/v1/customers/{id}", manager))
                .andExpect(jsonPath("$.seesOrganizationTickets").value(false));
    }

    @Test
    void agentsPutCustomersInSegments() throws Exception {
        long id = register("Вип " + unique("seg"), unique("vip") + "@mail.example");

        mvc.perform(putAs(agent, "/api/v1/customers/{id}/segments/{segment}", id, "vip"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.segments", contains("VIP")));
        mvc.perform(putAs(agent, "/api/v1/customers/{id}/segments/{segment}", id, "Нет такого"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Сегмента «Нет такого» нет."));
        mvc.perform(getAs(agent, "/api/v1/customers/segments"))
                .andExpect(jsonPath("$[*].name", hasItem("VIP")));
        mvc.perform(deleteAs(agent, "/api/v1/customers/{id}/segments/{segment}", id, "VIP"))
                .andExpect(jsonPath("$.segments", hasSize(0)));
    }

    @Test
    void customFieldValuesAreCheckedAndAWrongOneSavesNothing() throws Exception {
        String marker = unique("f").toLowerCase().replace("-", "_");
        String seats = "seats_" + marker;
        String renewal = "renewal_" + marker;
        asAdmin(() -> {
            fields.define(new CustomField(seats, "Рабочих мест", CustomFieldType.NUMBER, List.of()));
            fields.define(new CustomField(renewal, "Продление", CustomFieldType.DATE, List.of()));
            return null;
        });
        long id = register("Поля " + marker, marker + "@mail.example");

        mvc.perform(putJson(agent, "{\"%s\": \"много\", \"%s\": \"2025-02-30\"}".formatted(seats, renewal),
                        "/api/v1/customers/{id}/fields", id).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == '%s')].message".formatted(seats))
                        .value("A number is needed, for example 1500 or 12.5."))
                .andExpect(jsonPath("$.errors[?(@.field == '%s')].message".formatted(renewal))
                        .value("A date is needed, for example 2025-03-31 or 31.03.2025."));
        mvc.perform(getAs(agent, "/api/v1/customers/{id}", id)).andExpect(jsonPath("$.fields").isEmpty());

        mvc.perform(putJson(agent, "{\"%s\": \"25\", \"%s\": \"31.03.2025\"}".formatted(seats, renewal),
                        "/api/v1/customers/{id}/fields", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fields." + seats).value("25"))
                .andExpect(jsonPath("$.fields." + renewal).value("2025-03-31"));
        mvc.perform(getAs(agent, "/api/v1/customers/fields"))
                .andExpect(jsonPath("$[?(@.key == '%s')].type".formatted(renewal)).value("DATE"));
    }

    private long register(String name, String email) throws Exception {
        return body(mvc.perform(postJson(agent, "{\"name\": \"%s\", \"email\": \"%s\"}".formatted(name, email),
                "/api/v1/customers")).andExpect(status().isCreated()).andReturn()).get("id").asLong();
    }

    private static MockHttpServletRequestBuilder putAs(Staff who, String path, Object... variables) {
        return put(path, variables).header(HttpHeaders.AUTHORIZATION, who.bearer());
    }

    private static MockHttpServletRequestBuilder putJson(Staff who, String body, String path, Object... variables) {
        return putAs(who, path, variables).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder deleteAs(Staff who, String path, Object... variables) {
        return delete(path, variables).header(HttpHeaders.AUTHORIZATION, who.bearer());
    }
}
