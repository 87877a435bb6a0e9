package io.otklik.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.otklik.TestStaff;
import io.otklik.PostgresTest;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.TicketScope;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.Role;
import io.otklik.ticket.Channel;
import io.otklik.ticket.FollowerView;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketFollowers;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The "Followers" section of the ticket page: add by email, remove, and a bad address refused in the agent's words. */
@SpringBootTest
@AutoConfigureMockMvc
class TicketFollowersPageTests extends PostgresTest {

    @Autowired MockMvc mvc;
    @Autowired AgentDirectory agents;
    @Autowired CustomerDirectory customers;
    @Autowired TicketIntake intake;
    @Autowired TicketFollowers followers;
    @Autowired UserDetailsService users;

    private String unique;
    private String russian;
    private String english;
    private TicketId ticket;

    @BeforeEach
    void ticket() {
        unique = TestStaff.unique();
        russian = TestStaff.add(agents, Role.AGENT, TicketScope.ALL, Set.of(), Locale.of("ru"));
        english = TestStaff.add(agents, Role.AGENT, TicketScope.ALL, Set.of(), Locale.ENGLISH);
        CustomerId requester = customers.register(new NewCustomer("Анна " + unique, "anna-" + unique + "@client.test",
                null, null));
        ticket = intake.open(new NewTicket("Нет доступа " + unique, "Не открывается папка.", requester,
                Channel.EMAIL, Priority.MEDIUM, null, null, null, Set.of(), List.of()));
    }

    @Test
    void anAgentAddsAFollowerByAddressAndRemovesThem() throws Exception {
        String page = mvc.perform(get(ticketPath()).with(as(russian))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Наблюдатели", "Наблюдателей нет.", "Email наблюдателя");

        String fragment = mvc.perform(post(ticketPath() + "/followers").header("HX-Request", "true")
                        .param("address", "Иван Петров <Ivan-" + unique + "@Client.test>")
                        .with(as(russian)).with(csrf()))
                .andExpect(status().isOk()).andExpect(header().string("HX-Trigger", "ticket-updated"))
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"followers\"", "Иван Петров", "ivan-" + unique + "@client.test",
                "ivan-" + unique + "@client.test теперь получает ответы в копии.", "добавлен(а) агентом")
                .doesNotContain("Наблюдателей нет.").doesNotContain("<html");
        FollowerView ivan = followers.list(ticket).getFirst();

        String history = mvc.perform(get(ticketPath()).param("fragment", "history").with(as(russian)))
                .andReturn().getResponse().getContentAsString();
        assertThat(history).contains("Иван Петров &lt;ivan-" + unique
                + "@client.test&gt; теперь наблюдатель (добавлен(а) агентом)");

        String removed = mvc.perform(post(ticketPath() + "/followers/" + ivan.customer().value() + "/remove")
                        .header("HX-Request", "true").with(as(russian)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(removed).contains("Наблюдателей нет.").doesNotContain("Иван Петров");
        assertThat(followers.followers(ticket)).isEmpty();
        assertThat(mvc.perform(get(ticketPath()).with(as(english))).andReturn().getResponse().getContentAsString())
                .contains("Followers", "No followers.",
                        "Иван Петров &lt;ivan-" + unique + "@client.test&gt; follows the ticket (added by an agent)",
                        "Иван Петров &lt;ivan-" + unique + "@client.test&gt; no longer follows the ticket");
    }

    @Test
    void withoutJavaScriptTheFormPostsAndComesBackToTheTicket() throws Exception {
        mvc.perform(post(ticketPath() + "/followers").param("address", "olga-" + unique + "@client.test")
                        .with(as(russian)).with(csrf()))
                .andExpect(redirectedUrl(ticketPath() + "#followers"))
                .andExpect(flash().attribute("followerAdded", "olga-" + unique + "@client.test"));
        assertThat(followers.list(ticket)).extracting(FollowerView::email)
                .containsExactly("olga-" + unique + "@client.test");

        mvc.perform(post(ticketPath() + "/followers").param("address", "olga at client").with(as(russian))
                        .with(csrf()))
                .andExpect(redirectedUrl(ticketPath() + "#followers"))
                .andExpect(flash().attribute("followersError", "Это не похоже на адрес электронной почты."))
                .andExpect(flash().attribute("followerAddress", "olga at client"));
    }

    @Test
    void aBadAddressOrTheRequesterIsRefusedInTheAgentsLanguageAndNothingChanges() throws Exception {
        String russianAnswer = mvc.perform(post(ticketPath() + "/followers").header("HX-Request", "true")
                        .param("address", "иван@").with(as(russian)).with(csrf()))
                .andExpect(status().isOk()).andExpect(header().doesNotExist("HX-Trigger"))
                .andReturn().getResponse().getContentAsString();
        assertThat(russianAnswer).contains("Это не похоже на адрес электронной почты.", "value=\"иван@\"",
                "aria-invalid=\"true\"", "Наблюдателей нет.");

        String englishAnswer = mvc.perform(post(ticketPath() + "/followers").header("HX-Request", "true")
                        .param("address", "ANNA-" + unique + "@client.test").with(as(english)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(englishAnswer).contains("anna-" + unique
                + "@client.test is the requester of this ticket and gets its public replies anyway.");

        String empty = mvc.perform(post(ticketPath() + "/followers").header("HX-Request", "true")
                        .param("address", " ").with(as(english)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("Give the address.");
        assertThat(followers.followers(ticket)).isEmpty();
        assertThat(customers.findByEmail("иван@")).isEmpty();
    }

    private String ticketPath() {
        return "/tickets/" + ticket.value();
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }
}
