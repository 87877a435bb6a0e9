package io.otklik.sla.web;

import static io.otklik.TestStaff.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.identity.Role;
import io.otklik.sla.BusinessCalendars;
import io.otklik.sla.OlaKind;
import io.otklik.sla.OlaTarget;
import io.otklik.sla.OlaTargetAdministration;

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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The internal targets screen: administrators add, change and delete targets of teams and lines; mistakes are shown
 * next to their field in the reader's language and nothing is saved; supervisors look, agents are kept out.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OlaTargetPagesTests extends PostgresTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired AgentDirectory agents;
    @Autowired OlaTargetAdministration administration;
    @Autowired BusinessCalendars calendars;

    String admin;
    String supervisor;
    String agent;
    TeamId team;
    String teamName;

    @BeforeEach
    void staffAndTeam() {
        admin = TestStaff.add(agents, Role.ADMIN);
        supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        agent = TestStaff.add(agents, Role.AGENT);
        teamName = "Сети " + TestStaff.unique();
        team = asAdmin(() -> agents.createTeam(teamName, SupportLine.L2));
    }

    @AfterEach
    void removeTargets() {
        asAdmin(() -> {
            administration.targets().forEach(t -> administration.delete(t.id()));
            return null;
        });
    }

    @Test
    void anAdminAddsATeamsTargetThatSupervisorsSeeInRussianAndEnglish() throws Exception {
        Form form = form("team:" + team.value(), "RESPONSE", "0:45");

        MvcResult created = mvc.perform(post("/admin/ola-targets").with(as(admin)).with(csrf()).params(form))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/ola-targets")).andReturn();

        OlaTarget saved = only();
        assertThat(saved.team()).isEqualTo(team);
        assertThat(saved.line()).isNull();
        assertThat(saved.kind()).isEqualTo(OlaKind.RESPONSE);
        assertThat(saved.allowed()).isEqualTo(Duration.ofMinutes(45));
        assertThat(saved.calendar()).isEqualTo(calendars.standardId());
        assertThat(saved.enabled()).isTrue();

        MockHttpServletRequestBuilder landing = get("/admin/ola-targets");
        created.getFlashMap().forEach(landing::flashAttr);
        Document ru = page(landing, admin, "ru");
        assertThat(ru.selectFirst("[data-testid=saved]").text()).isEqualTo("Срок сохранён.");
        Element row = ru.selectFirst("[data-testid=ola-target]");
        assertThat(row.selectFirst("[data-testid=holder]").text()).isEqualTo(teamName + " · 2-я линия");
        assertThat(row.selectFirst("[data-testid=kind]").text()).isEqualTo("Реакция");
        assertThat(row.selectFirst("[data-testid=allowed]").text()).isEqualTo("0:45");
        assertThat(row.selectFirst("[data-testid=state]").text()).isEqualTo("Включён");
        assertThat(ru.select("nav.subnav a[aria-current=page]").text()).isEqualTo("Внутренние сроки (OLA)");

        Document en = page(get("/admin/ola-targets"), supervisor, "en");
        Element enRow = en.selectFirst("[data-testid=ola-target]");
        assertThat(enRow.selectFirst("[data-testid=holder]").text()).isEqualTo(teamName + " · 2nd line");
        assertThat(enRow.selectFirst("[data-testid=kind]").text()).isEqualTo("Response");
        assertThat(en.selectFirst("[data-testid=add]")).isNull();
        Document view = page(get("/admin/ola-targets/" + saved.id()), supervisor, "en");
        assertThat(view.selectFirst("select[name=holder] option[selected]").val()).isEqualTo("team:" + team.value());
        assertThat(view.selectFirst("[data-testid=save]")).isNull();

        mvc.perform(get("/admin/ola-targets").with(as(agent))).andExpect(status().isForbidden());
    }

    @Test
    void mistakesAreShownNextToTheirFieldInRussianAndEnglishAndNothingIsSaved() throws Exception {
        Form blank = form("", "RESPONSE", "полчаса");

        Document ru = refused(post("/admin/ola-targets"), blank, "ru");
        assertThat(ru.selectFirst("#holder-error").text()).isEqualTo("Выберите команду или линию.");
        assertThat(ru.selectFirst("#target-error").text())
                .isEqualTo("«полчаса» — не срок: пишите минуты (90) или часы и минуты (1:30).");
        assertThat(ru.selectFirst("input[name=target]").val()).isEqualTo("полчаса");
        assertThat(ru.selectFirst("input[name=target]").attr("aria-invalid")).isEqualTo("true");

        Document en = refused(post("/admin/ola-targets"), blank, "en");
        assertThat(en.selectFirst("#holder-error").text()).isEqualTo("Choose a team or a line.");
        assertThat(en.selectFirst("#target-error").text())
                .isEqualTo("\"полчаса\" is not a duration: write minutes (90) or hours and minutes (1:30).");

        Document tooLong = refused(post("/admin/ola-targets"), form("line:L2", "RESOLUTION", "9000:00"), "ru");
        assertThat(tooLong.selectFirst("#target-error").text()).isEqualTo("Срок не может быть больше 365 дней.");
        assertThat(tooLong.selectFirst("#holder-error")).isNull();
        Document noTeam = refused(post("/admin/ola-targets"), form("team:999999999", "RESPONSE", "30"), "en");
        assertThat(noTeam.selectFirst("#holder-error").text()).isEqualTo("There is no such team.");
        assertThat(targets()).isEmpty();

        mvc.perform(post("/admin/ola-targets").with(as(admin)).with(csrf())
                .params(form("line:L2", "RESPONSE", "30"))).andExpect(status().is3xxRedirection());
        Document taken = refused(post("/admin/ola-targets"), form("line:L2", "RESPONSE", "1:00"), "ru");
        assertThat(taken.selectFirst("#holder-error").text())
                .isEqualTo("У этой команды или линии уже есть такой срок — измените его.");
        assertThat(targets()).extracting(OlaTarget::allowed).containsExactly(Duration.ofMinutes(30));

        Document forbidden = Jsoup.parse(mvc.perform(post("/admin/ola-targets").with(as(supervisor)).with(csrf())
                        .header("Accept-Language", "ru").params(form("line:L3", "RESPONSE", "30")))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString());
        assertThat(forbidden.selectFirst("[data-testid=not-allowed]").text())
                .isEqualTo("Менять внутренние сроки могут только администраторы.");
        assertThat(targets()).hasSize(1);
    }

    @Test
    void anAdminChangesAndDeletesATarget() throws Exception {
        mvc.perform(post("/admin/ola-targets").with(as(admin)).with(csrf())
                .params(form("line:L3", "RESOLUTION", "8:00"))).andExpect(status().is3xxRedirection());
        OlaTarget target = only();

        Form changed = form("line:L3", "RESOLUTION", "600");
        changed.set("enabled", "");
        mvc.perform(post("/admin/ola-targets/" + target.id()).with(as(admin)).with(csrf()).params(changed))
                .andExpect(redirectedUrl("/admin/ola-targets"));
        OlaTarget after = only();
        assertThat(after.allowed()).isEqualTo(Duration.ofHours(10));
        assertThat(after.enabled()).isFalse();
        Element row = page(get("/admin/ola-targets"), admin, "ru").selectFirst("[data-testid=ola-target]");
        assertThat(row.selectFirst("[data-testid=holder]").text()).isEqualTo("3-я линия (вся линия)");
        assertThat(row.selectFirst("[data-testid=allowed]").text()).isEqualTo("10:00");
        assertThat(row.selectFirst("[data-testid=state]").text()).isEqualTo("Выключен");

        Document bad = refused(post("/admin/ola-targets/" + target.id()), form("line:L3", "RESOLUTION", "0"), "ru");
        assertThat(bad.selectFirst("#target-error").text())
                .isEqualTo("Нулевой срок не годится: оставьте поле пустым, если срока нет.");
        assertThat(only()).isEqualTo(after);

        mvc.perform(post("/admin/ola-targets/" + target.id() + "/delete").with(as(supervisor)).with(csrf()))
                .andExpect(redirectedUrl("/admin/ola-targets"));
        assertThat(targets()).hasSize(1);
        mvc.perform(post("/admin/ola-targets/" + target.id() + "/delete").with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/ola-targets"));
        assertThat(targets()).isEmpty();
    }

    // --- helpers

    private List<OlaTarget> targets() {
        return asAdmin(() -> administration.targets());
    }

    private OlaTarget only() {
        List<OlaTarget> all = targets();
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    private Document refused(MockHttpServletRequestBuilder request, Form form, String language) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(as(admin)).with(csrf()).header("Accept-Language", language)
                        .params(form))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
    }

    private Document page(MockHttpServletRequestBuilder request, String login, String language) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(as(login)).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    /** The target form as a browser sends it: on, the default calendar. */
    private Form form(String holder, String kind, String target) {
        Form form = new Form();
        form.add("holder", holder);
        form.add("kind", kind);
        form.add("target", target);
        form.add("calendar", calendars.standardId().toString());
        form.add("enabled", "true");
        return form;
    }

    static final class Form extends LinkedMultiValueMap<String, String> {
    }
}
