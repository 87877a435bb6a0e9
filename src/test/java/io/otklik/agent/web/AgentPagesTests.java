package io.otklik.agent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.identity.Role;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The agents and teams screens, as an administrator, a supervisor and an agent use them. */
@SpringBootTest
@AutoConfigureMockMvc
class AgentPagesTests extends PostgresTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AgentDirectory agents;

    String admin;
    String supervisor;
    String agent;

    @BeforeEach
    void staff() {
        admin = TestStaff.add(agents, Role.ADMIN);
        supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        agent = TestStaff.add(agents, Role.AGENT);
    }

    @Test
    void adminCreatesATeamAndAnAgentInItAndBothAppearInTheLists() throws Exception {
        String teamName = "Вторая линия — почта " + TestStaff.unique();
        mvc.perform(post("/admin/teams").with(as(admin)).with(csrf()).param("name", teamName).param("line", "L2"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/teams"));

        Document teams = page(get("/admin/teams"), admin);
        assertThat(teams.select("[data-line=L2] [data-testid=team-row] td:first-child").eachText()).contains(teamName);
        assertThat(teams.select("[data-line=L1] [data-testid=team-row] td:first-child").eachText())
                .doesNotContain(teamName);

        Document form = page(get("/admin/agents"), admin);
        Element option = form.select("select[name=teams] option").stream()
                .filter(o -> o.text().equals(teamName)).findFirst().orElseThrow();
        String email = "new-" + TestStaff.unique() + "@staff.example";
        mvc.perform(post("/admin/agents").with(as(admin)).with(csrf()).param("name", "Светлана Игнатьева")
                        .param("email", email).param("password", "пароль-надёжный").param("role", "SUPERVISOR")
                        .param("scope", "OWN_TEAMS").param("teams", option.val()).param("language", "ru"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/agents"));

        Document list = page(get("/admin/agents"), admin);
        Element row = list.select("[data-testid=agent-row]").stream()
                .filter(r -> r.text().contains(email)).findFirst().orElseThrow();
        assertThat(row.text()).contains("Светлана Игнатьева", "Руководитель", teamName,
                "Только тикеты своих команд");
        mvc.perform(formLogin().user(email).password("пароль-надёжный"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"));
    }

    @Test
    void supervisorSeesTheStaffButIsToldThatOnlyAnAdministratorAddsSomeone() throws Exception {
        Document list = page(get("/admin/agents"), supervisor);
        assertThat(list.select("[data-testid=agent-row]").eachText()).anyMatch(text -> text.contains(admin));
        assertThat(list.select("form[action=/admin/agents]")).isEmpty();

        String email = "sneaky-" + TestStaff.unique() + "@staff.example";
        String html = mvc.perform(post("/admin/agents").with(as(supervisor)).with(csrf()).param("name", "Кто-то")
                        .param("email", email).param("password", "достаточно-длинный").param("role", "ADMIN")
                        .param("scope", "ALL").param("language", "ru"))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();

        assertThat(Jsoup.parse(html).select("[data-testid=not-allowed]").text())
                .isEqualTo("Добавлять сотрудников может только администратор. Обратитесь к администратору Отклика.");
        assertThat(agents.agents()).noneMatch(view -> view.email().equals(email));
    }

    @Test
    void supervisorCannotCreateATeam() throws Exception {
        String name = "Команда " + TestStaff.unique();
        mvc.perform(post("/admin/teams").with(as(supervisor)).with(csrf()).param("name", name).param("line", "L1"))
                .andExpect(status().isForbidden());
        assertThat(agents.teams()).noneMatch(team -> team.name().equals(name));
    }

    @Test
    void anAgentCannotOpenTheAgentsScreenNorAddAnyone() throws Exception {
        mvc.perform(get("/admin/agents").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/agents").with(as(agent)).with(csrf()).param("name", "X")
                .param("email", "x-" + TestStaff.unique() + "@staff.example").param("password", "long-enough")
                .param("role", "ADMIN").param("scope", "ALL").param("language", "ru"))
                .andExpect(status().isForbidden());
    }

    @Test
    void invalidFormShowsRussianErrorsNextToTheFieldsAndKeepsWhatWasTyped() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/admin/agents").with(as(admin)).with(csrf())
                        .param("name", "  ").param("email", "не-почта").param("password", "short")
                        .param("role", "SUPERVISOR").param("scope", "OWN_TEAMS").param("language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#name-error").text()).isEqualTo("Укажите имя сотрудника.");
        assertThat(page.select("#email-error").text()).isEqualTo("Это не похоже на адрес электронной почты.");
        assertThat(page.select("#password-error").text()).isEqualTo("Пароль должен быть не короче 8 символов.");
        assertThat(page.select("input[name=email]").val()).isEqualTo("не-почта");
        assertThat(page.select("select[name=role] option[selected]").val()).isEqualTo("SUPERVISOR");
        assertThat(page.select("select[name=scope] option[selected]").val()).isEqualTo("OWN_TEAMS");
        assertThat(page.select("select[name=language] option[selected]").val()).isEqualTo("en");
        assertThat(page.select("input[name=password]").val()).isEmpty();
    }

    @Test
    void invalidFormSpeaksEnglishToAnEnglishBrowser() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/admin/agents").with(as(admin)).with(csrf())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9").param("name", "Jane Doe")
                        .param("email", "jane@").param("password", "1234567").param("role", "AGENT")
                        .param("scope", "ALL").param("language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#email-error").text()).isEqualTo("This does not look like an email address.");
        assertThat(page.select("#password-error").text())
                .isEqualTo("The password must be at least 8 characters long.");
        assertThat(page.select("#name-error")).isEmpty();
        assertThat(page.select("input[name=name]").val()).isEqualTo("Jane Doe");
        assertThat(page.select("label[for=email]").text()).isEqualTo("Email (sign-in login)");
    }

    @Test
    void anEmailAlreadyInUseIsRefusedNextToTheEmail() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/admin/agents").with(as(admin)).with(csrf())
                        .param("name", "Двойник").param("email", agent.toUpperCase(Locale.ROOT))
                        .param("password", "длинный-пароль").param("role", "AGENT").param("scope", "ALL")
                        .param("language", "ru"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#email-error").text()).isEqualTo("Учётная запись с логином " + agent + " уже есть.");
        assertThat(page.select("input[name=name]").val()).isEqualTo("Двойник");
    }

    private Document page(MockHttpServletRequestBuilder request, String login) throws Exception {
        ResultActions result = mvc.perform(request.with(as(login))).andExpect(status().isOk());
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }
}
