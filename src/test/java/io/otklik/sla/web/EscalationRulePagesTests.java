package io.otklik.sla.web;

import static io.otklik.TestStaff.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.identity.Role;
import io.otklik.sla.BusinessCalendars;
import io.otklik.sla.ClockTarget;
import io.otklik.sla.EscalationAction;
import io.otklik.sla.EscalationAdministration;
import io.otklik.sla.EscalationRule;
import io.otklik.sla.PolicyConditions;
import io.otklik.sla.PolicyDetails;
import io.otklik.sla.PolicyTargets;
import io.otklik.sla.SlaPolicyAdministration;
import io.otklik.sla.SlaPolicyId;
import io.otklik.sla.SlaPolicyView;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;

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
 * A policy's escalations page: administrators add rules (a share of a deadline and what to do), switch them off and
 * delete them; mistakes are shown next to their field in the reader's language and nothing is saved; supervisors
 * look, agents are kept out. The default policy comes with its rules.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EscalationRulePagesTests extends PostgresTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired AgentDirectory agents;
    @Autowired SlaPolicyAdministration policies;
    @Autowired EscalationAdministration escalations;
    @Autowired BusinessCalendars calendars;

    String admin;
    String supervisor;
    String mark;
    TeamId team;
    SlaPolicyId policy;

    @BeforeEach
    void policy() {
        admin = TestStaff.add(agents, Role.ADMIN);
        supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        mark = TestStaff.unique();
        team = asAdmin(() -> agents.createTeam("Вторая линия " + mark, SupportLine.L2));
        Map<Priority, PolicyTargets> targets = new EnumMap<>(Priority.class);
        targets.put(Priority.HIGH, new PolicyTargets(Duration.ofHours(1), null, null, Duration.ofHours(8)));
        // matches only the team of this test: its rules concern no other test's tickets
        policy = asAdmin(() -> policies.create(new PolicyDetails("Эскалации " + mark, true,
                new PolicyConditions(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(team.value())),
                calendars.standardId(), targets, Set.of(Status.PENDING), Duration.ofHours(24))));
    }

    @AfterEach
    void removePolicy() {
        asAdmin(() -> {
            policies.delete(policy);
            return null;
        });
    }

    @Test
    void anAdminAddsARuleThatThePageShowsInRussianAndEnglish() throws Exception {
        MvcResult added = mvc.perform(post(url()).with(as(admin)).with(csrf()).params(form("RESOLUTION", "150 %",
                        "REASSIGN_TEAM", Long.toString(team.value()))))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(url())).andReturn();

        assertThat(rules()).extracting(EscalationRule::target, EscalationRule::atPercent, EscalationRule::action,
                EscalationRule::team, EscalationRule::enabled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ClockTarget.RESOLUTION, 150,
                        EscalationAction.REASSIGN_TEAM, team, true));
        MockHttpServletRequestBuilder landing = get(url());
        added.getFlashMap().forEach(landing::flashAttr);
        Document ru = page(landing, admin, "ru");
        assertThat(ru.selectFirst("[data-testid=added]").text()).isEqualTo("Правило добавлено.");
        Element row = ru.selectFirst("[data-testid=rule]");
        assertThat(row.selectFirst("[data-testid=target]").text()).isEqualTo("Решение");
        assertThat(row.selectFirst("[data-testid=when]").text()).isEqualTo("после срока: 150 % срока");
        assertThat(row.selectFirst("[data-testid=action]").text())
                .isEqualTo("Передать команде «Вторая линия " + mark + "»");
        assertThat(row.selectFirst("[data-testid=state]").text()).isEqualTo("Включено");
        assertThat(ru.selectFirst("[data-testid=policy-link]").attr("href")).isEqualTo("/admin/sla-policies/" + policy);
        Element link = page(get("/admin/sla-policies/" + policy), supervisor, "ru")
                .selectFirst("[data-testid=escalations-link]");
        assertThat(link.text()).isEqualTo("Эскалации");
        assertThat(link.attr("href")).isEqualTo(url());

        Element en = page(get(url()), supervisor, "en").selectFirst("[data-testid=rule]");
        assertThat(en.selectFirst("[data-testid=target]").text()).isEqualTo("Resolution");
        assertThat(en.selectFirst("[data-testid=when]").text()).isEqualTo("after the breach: 150% of the time");
        assertThat(en.selectFirst("[data-testid=action]").text())
                .isEqualTo("Reassign to team \"Вторая линия " + mark + "\"");
        assertThat(en.selectFirst("[data-testid=state]").text()).isEqualTo("On");
    }

    @Test
    void mistakesAreShownNextToTheirFieldInTheReadersLanguageAndNothingIsSaved() throws Exception {
        escalations(List.of("FIRST_RESPONSE", "80", "NOTIFY_ASSIGNEE", ""));

        assertRefused(form("FIRST_RESPONSE", "восемьдесят", "NOTIFY_ASSIGNEE", ""), "atPercent",
                "«восемьдесят» — не число: укажите долю срока целым числом процентов, например 80.",
                "\"восемьдесят\" is not a number: enter the share as whole percent, e.g. 80.");
        assertRefused(form("FIRST_RESPONSE", "0", "NOTIFY_ASSIGNEE", ""), "atPercent",
                "Доля срока — от 1 до 1000 %.", "The share must be from 1 to 1000%.");
        assertRefused(form("FIRST_RESPONSE", "", "NOTIFY_ASSIGNEE", ""), "atPercent",
                "Укажите долю срока в процентах.", "Enter the share of the time in percent.");
        assertRefused(form("RESOLUTION", "100", "REASSIGN_TEAM", ""), "team",
                "Выберите команду, которой передать тикет.", "Choose the team to reassign the ticket to.");
        assertRefused(form("RESOLUTION", "100", "REASSIGN_TEAM", "987654321"), "team",
                "Такой команды нет (№ 987654321): выберите из списка.",
                "No such team (no. 987654321): choose one from the list.");
        assertRefused(form("SOMETIME", "100", "SHOUT", ""), "target",
                "Такого срока нет: выберите из списка.", "No such deadline: choose one from the list.");
        assertRefused(form("FIRST_RESPONSE", "80", "NOTIFY_ASSIGNEE", ""), null,
                "Такое правило уже есть.", "This rule exists already.");

        assertThat(rules()).hasSize(1);
    }

    @Test
    void supervisorsSeeTheRulesButOnlyAdministratorsChangeThem() throws Exception {
        escalations(List.of("FIRST_RESPONSE", "100", "NOTIFY_SUPERVISORS", ""));
        EscalationRule rule = rules().getFirst();

        Document seen = page(get(url()), supervisor, "ru");
        assertThat(seen.select("[data-testid=rule]")).hasSize(1);
        assertThat(seen.selectFirst("[data-testid=rule-form]")).isNull();
        assertThat(seen.selectFirst("[data-testid=toggle]")).isNull();

        String refused = mvc.perform(post(url()).with(as(supervisor)).with(csrf()).header("Accept-Language", "ru")
                        .params(form("RESOLUTION", "80", "NOTIFY_ASSIGNEE", "")))
                .andExpect(status().isForbidden()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(refused).selectFirst("[data-testid=not-allowed]").text())
                .isEqualTo("Менять правила могут только администраторы.");
        mvc.perform(post(url() + "/" + rule.id() + "/delete").with(as(supervisor)).with(csrf()))
                .andExpect(redirectedUrl(url()));
        assertThat(rules()).containsExactly(rule);

        String agent = TestStaff.add(agents, Role.AGENT);
        mvc.perform(get(url()).with(as(agent))).andExpect(status().isForbidden());
    }

    @Test
    void anAdminSwitchesARuleOffAndOnAndDeletesIt() throws Exception {
        escalations(List.of("RESOLUTION", "80", "RAISE_PRIORITY", ""));
        EscalationRule rule = rules().getFirst();

        mvc.perform(post(url() + "/" + rule.id() + "/disable").with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl(url()));
        assertThat(rules().getFirst().enabled()).isFalse();
        assertThat(page(get(url()), admin, "en").selectFirst("[data-testid=state]").text()).isEqualTo("Off");

        mvc.perform(post(url() + "/" + rule.id() + "/enable").with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl(url()));
        assertThat(rules().getFirst().enabled()).isTrue();

        mvc.perform(post(url() + "/" + rule.id() + "/delete").with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl(url()));
        assertThat(rules()).isEmpty();
        assertThat(page(get(url()), admin, "ru").selectFirst("[data-testid=no-rules]").text())
                .isEqualTo("Правил нет: сроки этой политики не эскалируются.");
    }

    @Test
    void theDefaultPolicyWarnsTheAssigneeAt80PercentAndTheSupervisorsAtTheBreach() throws Exception {
        SlaPolicyView standard = asAdmin(() -> policies.policies()).getLast();

        Document page = page(get("/admin/sla-policies/" + standard.id() + "/escalations"), admin, "en");

        assertThat(page.select("[data-testid=rule]").stream().map(row -> row.selectFirst("[data-testid=target]")
                .text() + " · " + row.selectFirst("[data-testid=when]").text() + " · "
                + row.selectFirst("[data-testid=action]").text()).toList()).containsExactly(
                "First response · 80% of the time used · Notify the assignee",
                "First response · at the breach · Notify the supervisors",
                "Resolution · 80% of the time used · Notify the assignee",
                "Resolution · at the breach · Notify the supervisors");
    }

    private void assertRefused(Form form, String field, String russian, String english) throws Exception {
        for (String language : List.of("ru", "en")) {
            String html = mvc.perform(post(url()).with(as(admin)).with(csrf()).header("Accept-Language", language)
                            .params(form))
                    .andExpect(status().is(422)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            Document page = Jsoup.parse(html);
            String shown = field == null ? page.selectFirst("[data-testid=global-errors]").text()
                    : page.selectFirst("#" + field + "-error").text();
            assertThat(shown).isEqualTo(language.equals("ru") ? russian : english);
        }
    }

    private void escalations(List<String> fields) throws Exception {
        mvc.perform(post(url()).with(as(admin)).with(csrf()).params(form(fields.get(0), fields.get(1),
                fields.get(2), fields.get(3)))).andExpect(status().is3xxRedirection());
    }

    private List<EscalationRule> rules() {
        return asAdmin(() -> escalations.rules(policy));
    }

    private String url() {
        return "/admin/sla-policies/" + policy + "/escalations";
    }

    private Document page(MockHttpServletRequestBuilder request, String login, String language) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(as(login)).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    private static Form form(String target, String percent, String action, String team) {
        Form form = new Form();
        form.add("target", target);
        form.add("atPercent", percent);
        form.add("action", action);
        form.add("team", team);
        return form;
    }

    static final class Form extends LinkedMultiValueMap<String, String> {
    }
}
