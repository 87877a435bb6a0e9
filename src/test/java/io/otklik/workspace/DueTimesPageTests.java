package io.otklik.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestServiceLevels;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.TicketScope;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.Role;
import io.otklik.sla.CalendarAdministration;
import io.otklik.sla.SlaPolicyAdministration;
import io.otklik.ticket.Categories;
import io.otklik.ticket.Channel;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.NextDue;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketChanges;
import io.otklik.ticket.TicketDueTimes;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;
import io.otklik.ticket.TicketQueries;
import io.otklik.ticket.TicketUpdates;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Due times on the agent's screens: queues sorted "due soonest" with a badge per row saying how long is left or how
 * long it is overdue, coloured by how it stands, and the same on the ticket page and in its service-level panel, in
 * Russian and English. Tickets are counted round the clock ({@link TestServiceLevels}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class DueTimesPageTests extends PostgresTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired MockMvc mvc;
    @Autowired AgentDirectory agents;
    @Autowired CustomerDirectory customers;
    @Autowired TicketIntake intake;
    @Autowired TicketUpdates updates;
    @Autowired TicketQueries tickets;
    @Autowired TicketDueTimes dueTimes;
    @Autowired Categories categories;
    @Autowired CalendarAdministration calendars;
    @Autowired SlaPolicyAdministration policies;
    @Autowired UserDetailsService users;
    @Autowired Clock clock;

    TestServiceLevels levels;
    String agent;
    CustomerId customer;

    @BeforeEach
    void serviceLevels() {
        levels = TestServiceLevels.roundTheClock(categories, calendars, policies);
        agent = TestStaff.add(agents, Role.AGENT, TicketScope.ALL, Set.of(), null);
        String unique = TestStaff.unique();
        customer = customers.register(new NewCustomer("Нина " + unique, "nina-" + unique + "@client.test", null,
                null));
    }

    @AfterEach
    void removeServiceLevels() {
        levels.close();
    }

    @Test
    void aQueueSortedDueSoonestShowsHowLongEachTicketHasLeft() throws Exception {
        TicketId low = open(Priority.LOW);
        TicketId solved = open(Priority.CRITICAL);
        TestStaff.asAdmin(() -> updates.change(solved, TicketChanges.none().withStatus(Status.SOLVED), null));
        TicketId critical = open(Priority.CRITICAL);
        await().atMost(WAIT).until(() -> kept(low) != null && kept(critical) != null && kept(solved) == null);

        Document queue = queue("ru");

        assertThat(queue.select("tbody tr[data-ticket]").eachAttr("data-ticket"))
                .containsExactly(id(critical), id(low), id(solved));
        Element criticalBadge = badge(queue, critical);
        assertThat(criticalBadge.text()).isEqualTo("осталось 30 мин");
        assertThat(criticalBadge.classNames()).contains("due-near");
        assertThat(criticalBadge.attr("data-due")).isEqualTo(Long.toString(kept(critical).at().toEpochMilli()));
        Element lowBadge = badge(queue, low);
        assertThat(lowBadge.text()).isEqualTo("осталось 8 ч");
        assertThat(lowBadge.classNames()).contains("due-ok");
        assertThat(queue.select("tr[data-ticket=" + id(solved) + "] [data-testid=due-badge]")).isEmpty();
        assertThat(queue.select("#filter-sort option[selected]").text()).isEqualTo("Сначала ближайший срок");
        assertThat(queue.select("table.tickets th").eachText()).contains("Срок");

        Document english = queue("en");
        assertThat(badge(english, critical).text()).isEqualTo("30 min left");
        assertThat(badge(english, low).text()).isEqualTo("8 h left");
        assertThat(english.select("#filter-sort option[value=DUE]").text()).isEqualTo("Due soonest");
        // The words the page's script counts down with come in the page's language
        assertThat(english.select("#due-texts").attr("data-overdue")).isEqualTo("{0} overdue");
    }

    @Test
    void anOverdueTicketSaysHowLongItIsOverdueInTheQueueAndOnItsPage() throws Exception {
        TicketId ticket = open(Priority.HIGH);
        await().atMost(WAIT).until(() -> kept(ticket) != null);
        // Its due time passed 70 minutes ago (as an escalation scan or a stalled ticket would have it)
        Instant due = clock.instant().minus(Duration.ofMinutes(70)).plusSeconds(20);
        dueTimes.record(Map.of(ticket, new NextDue(due, due.minus(Duration.ofMinutes(12)), true)));

        Element inQueue = badge(queue("ru"), ticket);
        assertThat(inQueue.text()).isEqualTo("просрочено на 1 ч 10 мин");
        assertThat(inQueue.classNames()).contains("due-overdue");
        assertThat(badge(queue("en"), ticket).text()).isEqualTo("1 h 10 min overdue");

        Document page = page("/tickets/" + ticket.value(), "ru");
        assertThat(page.select("#due [data-testid=due-badge]").text()).isEqualTo("просрочено на 1 ч 10 мин");
        assertThat(page.select("#due [data-testid=due-badge]").first().classNames()).contains("due-overdue");
        assertThat(page.select("#due time").attr("data-local-time")).isEqualTo(Long.toString(due.toEpochMilli()));
        Document fragment = page("/tickets/" + ticket.value() + "?fragment=due", "en");
        assertThat(fragment.select("[data-testid=due-badge]").text()).isEqualTo("1 h 10 min overdue");
    }

    @Test
    void theServiceLevelPanelShowsEachRunningClocksDueTimeAndCountdown() throws Exception {
        TicketId ticket = open(Priority.CRITICAL);
        await().atMost(WAIT).until(() -> kept(ticket) != null);
        Instant created = TestStaff.asAdmin(() -> tickets.details(ticket)).createdAt();

        Document panel = page("/tickets/" + ticket.value() + "/sla", "ru");

        Element first = panel.select("[data-testid=sla-clock][data-target=FIRST_RESPONSE]").first();
        Instant firstDue = created.plus(TestServiceLevels.firstResponse(Priority.CRITICAL));
        assertThat(first.select("[data-testid=sla-due] time").attr("data-local-time"))
                .isEqualTo(Long.toString(firstDue.toEpochMilli()));
        assertThat(first.select("[data-testid=due-badge]").text()).isEqualTo("осталось 30 мин");
        Element resolution = panel.select("[data-testid=sla-clock][data-target=RESOLUTION]").first();
        assertThat(resolution.select("[data-testid=due-badge]").text()).isEqualTo("осталось 2 ч");
        assertThat(resolution.select("[data-testid=due-badge]").first().classNames()).contains("due-ok");
        assertThat(page("/tickets/" + ticket.value() + "/sla", "en")
                .select("[data-target=FIRST_RESPONSE] [data-testid=due-badge]").text()).isEqualTo("30 min left");
    }

    TicketId open(Priority priority) {
        return intake.open(new NewTicket("Не работает касса " + TestStaff.unique(), "Касса не печатает чеки.",
                customer, Channel.EMAIL, priority, levels.category(), null, null, Set.of(), List.of()));
    }

    NextDue kept(TicketId ticket) {
        return TestStaff.asAdmin(() -> tickets.details(ticket)).nextDue();
    }

    Document queue(String language) throws Exception {
        return page("/queues/all?category=" + levels.category() + "&sort=DUE", language);
    }

    Document page(String url, String language) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).locale(Locale.of(language)).with(user(users.loadUserByUsername(agent))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    static Element badge(Document queue, TicketId ticket) {
        Element badge = queue.select("tr[data-ticket=" + id(ticket) + "] [data-testid=due-badge]").first();
        assertThat(badge).as("due badge of ticket " + ticket.value()).isNotNull();
        return badge;
    }

    static String id(TicketId ticket) {
        return Long.toString(ticket.value());
    }
}
