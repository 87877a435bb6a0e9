package io.otklik.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.TicketScope;
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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A staff member's own settings: language, and personal API tokens shown once, usable, revocable. */
@SpringBootTest
@AutoConfigureMockMvc
class SettingsPagesTests extends PostgresTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AgentDirectory agents;

    String agent;

    @BeforeEach
    void staff() {
        agent = TestStaff.add(agents, Role.AGENT, TicketScope.OWN_TEAMS, Set.of(), Locale.of("ru"));
    }

    @Test
    void aNewTokenIsShownOnceWorksAgainstTheApiAndStopsWorkingWhenRevoked() throws Exception {
        Document issued = Jsoup.parse(mvc.perform(post("/settings/tokens").with(as(agent)).with(csrf())
                        .param("name", "Выгрузка в CRM"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String secret = issued.select("[data-testid=token-secret]").val();
        assertThat(secret).startsWith("otk_").hasSizeGreaterThan(40);
        assertThat(issued.select("h1").text()).isEqualTo("Токен «Выгрузка в CRM» создан");
        assertThat(issued.text()).contains("Больше он показан не будет");

        String settings = settingsPage();
        assertThat(settings).doesNotContain(secret);
        Element row = Jsoup.parse(settings).select("[data-testid=token-row]").stream()
                .filter(r -> r.text().startsWith("Выгрузка в CRM")).findFirst().orElseThrow();
        assertThat(row.text()).contains(secret.substring(0, 8) + "…", "не использовался", "Действует");

        mvc.perform(get("/api/v1/nonexistent").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/nonexistent").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret + "x"))
                .andExpect(status().isUnauthorized());

        String revoke = row.select("form").attr("action");
        mvc.perform(post(revoke).with(as(agent)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/settings"));

        mvc.perform(get("/api/v1/nonexistent").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
                .andExpect(status().isUnauthorized());
        Element revoked = Jsoup.parse(settingsPage()).select("[data-testid=token-row]").stream()
                .filter(r -> r.text().startsWith("Выгрузка в CRM")).findFirst().orElseThrow();
        assertThat(revoked.text()).contains("Отозван").doesNotContain("Действует");
        assertThat(revoked.select("form")).isEmpty();
    }

    @Test
    void aTokenNeedsAName() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/settings/tokens").with(as(agent)).with(csrf())
                .param("name", "   ")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#name-error").text()).isEqualTo("Укажите название токена (до 100 символов).");
        assertThat(page.select("[data-testid=token-secret]")).isEmpty();
    }

    @Test
    void someoneElsesTokenCannotBeRevoked() throws Exception {
        String other = TestStaff.add(agents, Role.AGENT);
        Document issued = Jsoup.parse(mvc.perform(post("/settings/tokens").with(as(other)).with(csrf())
                .param("name", "Чужой")).andReturn().getResponse().getContentAsString());
        String secret = issued.select("[data-testid=token-secret]").val();
        String otherSettings = mvc.perform(get("/settings").with(as(other))).andReturn().getResponse()
                .getContentAsString();
        String revoke = Jsoup.parse(otherSettings).select("[data-testid=token-row] form").attr("action");

        mvc.perform(post(revoke).with(as(agent)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/nonexistent").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
                .andExpect(status().isNotFound());
    }

    @Test
    void aChosenLanguageHoldsForTheRestOfTheSessionAndAtTheNextSignIn() throws Exception {
        MockHttpSession session = new MockHttpSession();
        assertThat(heading(session)).isEqualTo("Мои настройки");

        mvc.perform(post("/settings/language").session(session).with(as(agent)).with(csrf()).param("language", "en"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/settings"));

        assertThat(heading(session)).isEqualTo("My settings");
        Document customers = Jsoup.parse(mvc.perform(get("/customers").session(session).with(as(agent)))
                .andReturn().getResponse().getContentAsString());
        assertThat(customers.select("h1").text()).isEqualTo("Customers");
        assertThat(heading(new MockHttpSession())).as("signed in afresh").isEqualTo("My settings");

        mvc.perform(post("/settings/language").session(session).with(as(agent)).with(csrf()).param("language", "ru"))
                .andExpect(status().is3xxRedirection());
        assertThat(heading(session)).isEqualTo("Мои настройки");
    }

    @Test
    void anUnknownLanguageIsRefused() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/settings/language").with(as(agent)).with(csrf())
                .param("language", "de")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#language-error").text()).isEqualTo("Выберите русский или английский язык.");
    }

    private String heading(MockHttpSession session) throws Exception {
        String html = mvc.perform(get("/settings").session(session).with(as(agent))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html).select("h1").text();
    }

    private String settingsPage() throws Exception {
        return mvc.perform(get("/settings").with(as(agent))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** Signed in as the account stands now (a fresh sign-in reads the stored language). */
    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }
}
