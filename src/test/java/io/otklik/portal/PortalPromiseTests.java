package io.otklik.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestCustomers;
import io.otklik.TestServiceLevels;
import io.otklik.TestStaff;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.identity.CustomerSignInLinks;
import io.otklik.sla.CalendarAdministration;
import io.otklik.sla.ClockTarget;
import io.otklik.sla.SlaClock;
import io.otklik.sla.SlaPolicyAdministration;
import io.otklik.sla.TicketClocks;
import io.otklik.ticket.Categories;
import io.otklik.ticket.Channel;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketChanges;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;
import io.otklik.ticket.TicketUpdates;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The customer's view of the service level on the portal's ticket page: the time we promised to answer by (the first
 * or next response clock's due time, as the clocks count it), "we are waiting for your answer" while the ticket is
 * pending, nothing once it is solved — and nothing at all about another customer's ticket.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PortalPromiseTests extends PostgresTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Autowired MockMvc mvc;
    @Autowired CustomerDirectory customers;
    @Autowired CustomerSignInLinks links;
    @Autowired TicketIntake intake;
    @Autowired TicketUpdates updates;
    @Autowired TicketClocks clocks;
    @Autowired Categories categories;
    @Autowired CalendarAdministration calendars;
    @Autowired SlaPolicyAdministration policies;

    TestServiceLevels levels;
    CustomerId vera;
    MockHttpSession verasBrowser;

    @BeforeEach
    void signIn() throws Exception {
        levels = TestServiceLevels.roundTheClock(categories, calendars, policies);
        vera = TestCustomers.add(customers, "Вера Ответова");
        verasBrowser = TestCustomers.signIn(mvc, links, vera);
    }

    @AfterEach
    void removeServiceLevels() {
        levels.close();
    }

    @Test
    void theTicketPageSaysByWhenWeWillAnswerAsTheClocksCountIt() throws Exception {
        TicketId ticket = open(vera, Priority.HIGH);
        Instant due = clocks.computed(ticket).clock(ClockTarget.FIRST_RESPONSE).map(SlaClock::due).orElseThrow();

        Document page = page("/portal/tickets/" + ticket.value());
        assertThat(page.select("#promise").attr("hx-get")).isEqualTo("/portal/tickets/" + ticket.value() + "/promise");
        assertThat(page.select("#promise").attr("hx-trigger")).isEqualTo("load");

        Document promise = page("/portal/tickets/" + ticket.value() + "/promise");
        assertThat(promise.select("[data-testid=promise]").attr("data-promise")).isEqualTo("ANSWER_BY");
        assertThat(promise.select("[data-testid=promise]").text())
                .isEqualTo("Мы ответим до " + day(due, "ru") + " (UTC+3).");
        assertThat(page("/portal/tickets/" + ticket.value() + "/promise?lang=en").select("[data-testid=promise]")
                .text()).isEqualTo("We will answer by " + day(due, "en") + " (UTC+3).");
    }

    @Test
    void whileTheTicketWaitsForTheCustomerThePageSaysSo() throws Exception {
        TicketId ticket = open(vera, Priority.MEDIUM);
        updates.change(ticket, TicketChanges.none().withStatus(Status.PENDING), null);

        Document promise = page("/portal/tickets/" + ticket.value() + "/promise");

        assertThat(promise.select("[data-testid=promise]").attr("data-promise")).isEqualTo("WAITING_FOR_CUSTOMER");
        assertThat(promise.select("[data-testid=promise]").text())
                .isEqualTo("Мы ждём вашего ответа: напишите его ниже, и мы продолжим работу над обращением.");
        assertThat(promise.text()).doesNotContain("ответим до");
        assertThat(page("/portal/tickets/" + ticket.value() + "/promise?lang=en").text())
                .isEqualTo("We are waiting for your answer: write it below and we will carry on with your request.");
    }

    @Test
    void aSolvedTicketPromisesNothing() throws Exception {
        TicketId ticket = open(vera, Priority.LOW);
        updates.change(ticket, TicketChanges.none().withStatus(Status.SOLVED), null);

        assertThat(page("/portal/tickets/" + ticket.value()).select("#promise")).isEmpty();
        assertThat(page("/portal/tickets/" + ticket.value() + "/promise").select("[data-testid=promise]")).isEmpty();
    }

    @Test
    void anotherCustomersTicketIsNotFoundAndStrangersAreSentToSignIn() throws Exception {
        TicketId foreign = open(TestCustomers.add(customers, "Чужой Клиент"), Priority.CRITICAL);

        String answer = mvc.perform(get("/portal/tickets/{n}/promise", foreign.value()).session(verasBrowser))
                .andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).doesNotContain("ответим");
        mvc.perform(get("/portal/tickets/{n}/promise", foreign.value() + 1_000_000).session(verasBrowser))
                .andExpect(status().isNotFound());
        mvc.perform(get("/portal/tickets/{n}/promise", foreign.value()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/portal/login"));
    }

    TicketId open(CustomerId requester, Priority priority) {
        return intake.open(new NewTicket("Не приходит счёт " + TestStaff.unique(), "Счёт за ноябрь не пришёл.",
                requester, Channel.EMAIL, priority, levels.category(), null, null, Set.of(), List.of()));
    }

    Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(verasBrowser)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static String day(Instant instant, String language) {
        return DateTimeFormatter.ofPattern("d MMMM, HH:mm", Locale.of(language)).format(instant.atZone(MOSCOW));
    }
}
