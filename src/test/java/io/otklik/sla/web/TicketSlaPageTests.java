package io.otklik.sla.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.agent.TicketScope;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.Role;
import io.otklik.sla.BusinessCalendars;
import io.otklik.sla.PromisedAnswers;
import io.otklik.sla.SlaPolicies;
import io.otklik.sla.SlaPolicy;
import io.otklik.ticket.Channel;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketChanges;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;
import io.otklik.ticket.TicketUpdates;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The service levels on the agent's ticket page: each clock with its state and due time, and the timeline with every
 * step and its reason, in the agent's language; loaded into the page by htmx and refused for a ticket the agent may
 * not see.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TicketSlaPageTests extends PostgresTest {

    @Autowired MockMvc mvc;
    @Autowired AgentDirectory agents;
    @Autowired CustomerDirectory customers;
    @Autowired TicketIntake intake;
    @Autowired TicketUpdates updates;
    @Autowired PromisedAnswers promises;
    @Autowired SlaPolicies policies;
    @Autowired BusinessCalendars calendars;
    @Autowired UserDetailsService users;
    @Value("${otklik.time-zone}") ZoneId zone;

    String russian;
    String english;
    TicketId ticket;

    @BeforeEach
    void ticket() {
        russian = TestStaff.add(agents, Role.AGENT, TicketScope.ALL, Set.of(), Locale.of("ru"));
        english = TestStaff.add(agents, Role.AGENT, TicketScope.ALL, Set.of(), Locale.ENGLISH);
        String unique = TestStaff.unique();
        CustomerId requester = customers.register(new NewCustomer("Павел " + unique, "pavel-" + unique
                + "@client.test", null, null));
        ticket = intake.open(new NewTicket("Не печатает принтер " + unique, "Принтер в бухгалтерии молчит.",
                requester, Channel.EMAIL, Priority.MEDIUM, null, null, null, Set.of(), List.of()));
    }

    @Test
    void showsEachClockAndEveryStepWithItsReasonInTheAgentsLanguage() throws Exception {
        SlaPolicy standard = policies.all().getLast();
        String calendar = calendars.names().get(standard.calendar());
        TestStaff.asAdmin(() -> updates.change(ticket, TicketChanges.none().withPriority(Priority.CRITICAL), null));
        String due = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").format(promises.firstAnswerBy(ticket)
                .atZone(zone));

        Document page = fragment(russian);

        assertThat(page.select("[data-testid=sla-clock]").eachAttr("data-target"))
                .contains("FIRST_RESPONSE", "RESOLUTION");
        assertThat(page.select("[data-testid=sla-clock][data-target=FIRST_RESPONSE]").text()).contains("Первый ответ", "идёт",
                "срок " + due, "политика «" + standard.name() + "»");
        assertThat(page.select("[data-testid=sla-step]").eachText()).anySatisfy(step -> assertThat(step)
                .contains("Первый ответ: запущен — тикет создан; политика «" + standard.name() + "», цель 4 ч, "
                        + "календарь «" + calendar + "»; срок "))
                .anySatisfy(step -> assertThat(step).contains("Первый ответ: цель изменена — приоритет «Средний» → "
                        + "«Критический»; политика «" + standard.name() + "», цель 30 мин, календарь «" + calendar
                        + "»; прежняя цель 4 ч; срок " + due));
        assertThat(page.select("[data-testid=sla-timeline] summary").text()).isEqualTo("Как шли сроки (4)");

        Document english = fragment(this.english);
        assertThat(english.select("[data-testid=sla-clock][data-target=RESOLUTION]").text()).contains("Resolution", "running");
        assertThat(english.select("[data-testid=sla-step]").eachText()).anySatisfy(step -> assertThat(step)
                .contains("Resolution: target changed — priority \"Medium\" → \"Critical\"; policy \""
                        + standard.name() + "\", target 2 h, calendar \"" + calendar + "\"; target was 8 h"));
    }

    @Test
    void theTicketPageLoadsTheRegionAndAnAgentWhoMayNotSeeTheTicketGetsNothing() throws Exception {
        String page = mvc.perform(get("/tickets/{n}", ticket.value()).with(as(russian))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("#sla").attr("hx-get")).isEqualTo("/tickets/" + ticket.value() + "/sla");

        TeamId team = TestStaff.asAdmin(() -> agents.createTeam("Склад " + TestStaff.unique(), SupportLine.L1));
        String outsider = TestStaff.add(agents, Role.AGENT, TicketScope.OWN_TEAMS, Set.of(team), Locale.of("ru"));
        mvc.perform(get("/tickets/{n}/sla", ticket.value()).with(as(outsider))).andExpect(status().isNotFound());
    }

    private Document fragment(String login) throws Exception {
        return Jsoup.parse(mvc.perform(get("/tickets/{n}/sla", ticket.value()).with(as(login)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }
}
