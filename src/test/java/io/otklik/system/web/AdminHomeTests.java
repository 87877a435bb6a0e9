package io.otklik.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.Role;
import io.otklik.ticket.TicketQueries;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The administration home: every admin screen, with how much it holds; agents are kept out. */
@SpringBootTest
@AutoConfigureMockMvc
class AdminHomeTests extends PostgresTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AgentDirectory agents;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    TicketQueries tickets;

    @Test
    void supervisorSeesEachScreenWithItsCount() throws Exception {
        String supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        customers.register(new NewCustomer("Клиент", "home-" + TestStaff.unique() + "@mail.example", null, null));

        Document page = home(supervisor);

        assertThat(tile(page, "agents")).isEqualTo("/admin/agents Агенты Сотрудников: " + agents.agentCount());
        assertThat(tile(page, "teams")).isEqualTo("/admin/teams Команды Команд: " + agents.teamCount());
        assertThat(tile(page, "categories"))
                .isEqualTo("/admin/categories Категории обращений Категорий: " + tickets.categories().size());
        assertThat(tile(page, "customers")).isEqualTo("/customers Клиенты Клиентов: " + customers.customerCount());
        assertThat(tile(page, "organizations"))
                .isEqualTo("/customers/organizations Организации Организаций: " + customers.organizationCount());
        assertThat(customers.customerCount()).isPositive();
        var mailboxes = page.selectFirst("[data-screen=mail-accounts] h2 a");
        assertThat(mailboxes.attr("href") + " " + mailboxes.text()).isEqualTo("/admin/mail-accounts Почтовые ящики");
    }

    @Test
    void anAgentIsKeptOutAndIsNotOfferedTheLink() throws Exception {
        String agent = TestStaff.add(agents, Role.AGENT);

        mvc.perform(get("/admin").with(as(agent))).andExpect(status().isForbidden());
        Document customersPage = Jsoup.parse(mvc.perform(get("/customers").with(as(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(customersPage.select("a[href=/admin]")).isEmpty();
    }

    private Document home(String login) throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin").with(as(login))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    /** A tile as "link title count", the way a reader takes it in. */
    private static String tile(Document page, String screen) {
        var tile = page.selectFirst("[data-screen=" + screen + "]");
        assertThat(tile).as("tile " + screen).isNotNull();
        return tile.selectFirst("h2 a").attr("href") + " " + tile.selectFirst("h2").text() + " "
                + tile.selectFirst(".tile-count").text();
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }
}
