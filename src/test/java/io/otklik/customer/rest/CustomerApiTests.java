package io.otklik.customer.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.otklik.ApiTest;
import io.otklik.agent.TicketScope;
import io.otklik.identity.Role;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** Customers over the JSON API: registered, read back and found by any agent. */
class CustomerApiTests extends ApiTest {

    Staff agent;

    @BeforeEach
    void staff() {
        agent = staff(Role.AGENT, TicketScope.OWN_TEAMS);
    }

    @Test
    void registersCustomerAndFindsThemByNameEmailOrPhone() throws Exception {
        String marker = unique("Смирнов");
        MvcResult created = mvc.perform(postJson(agent, """
                        {"name": "Иван %s", "email": "%s@Example.RU", "phone": "+7 495 123-45-67"}"""
                        .formatted(marker, marker.toLowerCase()), "/api/v1/customers"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Иван " + marker))
                .andExpect(jsonPath("$.email").value(marker.toLowerCase() + "@example.ru"))
                .andExpect(jsonPath("$.phone").value("+7 495 123-45-67"))
                .andExpect(jsonPath("$.since").isString())
                .andReturn();
        long id = body(created).get("id").asLong();
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/v1/customers/" + id);

        mvc.perform(getAs(agent, "/api/v1/customers/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.name").value("Иван " + marker));
        mvc.perform(getAs(agent, "/api/v1/customers").param("q", marker.toUpperCase()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", contains((int) id)));
        mvc.perform(getAs(agent, "/api/v1/customers").param("q", marker.toLowerCase() + "@example"))
                .andExpect(jsonPath("$[*].id", contains((int) id)));
    }

    @Test
    void refusesSecondCustomerWithTheSameEmailWith409() throws Exception {
        String email = unique("twice") + "@example.ru";
        mvc.perform(postJson(agent, "{\"name\": \"Первый\", \"email\": \"%s\"}".formatted(email), "/api/v1/customers"))
                .andExpect(status().isCreated());

        mvc.perform(postJson(agent, "{\"name\": \"Второй\", \"email\": \"%s\"}".formatted(email.toUpperCase()),
                        "/api/v1/customers"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Клиент с адресом " + email + " уже есть."));
        mvc.perform(getAs(agent, "/api/v1/customers").param("q", email))
                .andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void refusesCustomerWithoutNameOrContacts() throws Exception {
        mvc.perform(postJson(agent, "{\"email\": \"no-name@example\", \"phone\": \"%s\"}".formatted("1".repeat(41)),
                        "/api/v1/customers"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("Обязательное поле."))
                .andExpect(jsonPath("$.errors[?(@.field == 'phone')].message").value("Не длиннее 40 символов."));
        mvc.perform(postJson(agent, "{\"name\": \"Аноним\"}", "/api/v1/customers"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Укажите email или телефон клиента."));
        mvc.perform(postJson(agent, "{\"name\": \"Аноним\", \"email\": \"не-почта\"}", "/api/v1/customers")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.errors[0].message").value("Not a valid email address."));
    }

    @Test
    void answersUnknownCustomerWith404() throws Exception {
        mvc.perform(getAs(agent, "/api/v1/customers/{id}", 987_654_321L))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Клиент 987654321 не найден."));
    }
}
