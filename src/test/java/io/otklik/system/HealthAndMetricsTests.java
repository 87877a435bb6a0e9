package io.otklik.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.otklik.PostgresTest;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.NewCustomer;
import io.otklik.ticket.Channel;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketIntake;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Operations can watch the service: liveness, readiness, and Prometheus metrics with request timings and tickets. */
@SpringBootTest
@AutoConfigureMockMvc
class HealthAndMetricsTests extends PostgresTest {

    @Autowired MockMvc mvc;
    @Autowired TicketIntake intake;
    @Autowired CustomerDirectory customers;

    @Test
    void livenessAndReadinessAreUpWithoutSignIn() throws Exception {
        assertThat(mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("\"UP\"");
        assertThat(mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("\"UP\"");
    }

    @Test
    void prometheusShowsRequestTimingsAndOpenedTickets() throws Exception {
        var customer = customers.register(new NewCustomer("Метрика", "m-" + UUID.randomUUID() + "@client.test",
                null, null));
        intake.open(new NewTicket("Счётчик", "Проверка счётчика", customer, Channel.PHONE, Priority.LOW, null, null,
                null, Set.of(), List.of()));
        mvc.perform(get("/login"));
        String metrics = mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(metrics).contains("http_server_requests_seconds_count")
                .containsPattern("otklik_tickets_opened_total\\{[^}]*channel=\"PHONE\"[^}]*\\} [1-9]");
    }
}
