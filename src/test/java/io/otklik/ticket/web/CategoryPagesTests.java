package io.otklik.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.identity.Role;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The request categories screen: supervisors keep the list, agents do not reach it. */
@SpringBootTest
@AutoConfigureMockMvc
class CategoryPagesTests extends PostgresTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AgentDirectory agents;

    @Test
    void supervisorAddsACategoryThatThenAppearsInTheList() throws Exception {
        String supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        String name = "Доступ и пароли " + TestStaff.unique();

        mvc.perform(post("/admin/categories").with(as(supervisor)).with(csrf()).param("name", "  " + name + " "))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/categories"));

        Document page = Jsoup.parse(mvc.perform(get("/admin/categories").with(as(supervisor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("[data-testid=category]").eachText()).contains(name);
    }

    @Test
    void aCategoryNameIsUsedOnceAndAnEmptyNameIsRefused() throws Exception {
        String supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        String name = "Биллинг " + TestStaff.unique();
        mvc.perform(post("/admin/categories").with(as(supervisor)).with(csrf()).param("name", name))
                .andExpect(status().is3xxRedirection());

        Document twice = Jsoup.parse(mvc.perform(post("/admin/categories").with(as(supervisor)).with(csrf())
                .param("name", name)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(twice.select("#name-error").text()).isEqualTo("Категория «" + name + "» уже есть.");
        assertThat(twice.select("input[name=name]").val()).isEqualTo(name);

        Document empty = Jsoup.parse(mvc.perform(post("/admin/categories").with(as(supervisor)).with(csrf())
                .param("name", " ")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(empty.select("#name-error").text()).isEqualTo("Укажите название категории.");
    }

    @Test
    void anAgentCannotReachTheCategories() throws Exception {
        String agent = TestStaff.add(agents, Role.AGENT);
        mvc.perform(get("/admin/categories").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/categories").with(as(agent)).with(csrf()).param("name", "Самовольная"))
                .andExpect(status().isForbidden());
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }
}
