package io.otklik.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
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
import io.otklik.notification.NotificationKind;
import io.otklik.notification.NotificationTemplates;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The notification templates screens: admins edit with a preview, mistakes are shown in place, others only look. */
@SpringBootTest
@AutoConfigureMockMvc
class NotificationTemplatePagesTests extends PostgresTest {

    private static final String EDIT = "/admin/notifications/closed/en";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired AgentDirectory agents;
    @Autowired NotificationTemplates templates;

    @Test
    void listsEveryKindInBothLanguages() throws Exception {
        String supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        Document page = page(mvc.perform(get("/admin/notifications").with(as(supervisor))));
        assertThat(page.select("[data-testid=template-kind]")).hasSize(NotificationKind.values().length);
        assertThat(page.select("a[href=/admin/notifications/acknowledgement/ru]").text()).isEqualTo("Русский");
        assertThat(page.select("a[href=/admin/notifications/acknowledgement/en]").text()).isEqualTo("Английский");
        assertThat(page.text()).contains("Подтверждение получения", "Решено — подтвердите");

        Document english = page(mvc.perform(get("/admin/notifications").with(as(supervisor)).param("lang", "en")));
        assertThat(english.text()).contains("Acknowledgement", "Solved — please confirm");
    }

    @Test
    void anAdminPreviewsAndSavesATemplateThatTheNextMailUses() throws Exception {
        String admin = TestStaff.add(agents, Role.ADMIN);
        try {
            Document preview = page(mvc.perform(post(EDIT + "/preview").with(as(admin)).with(csrf())
                    .param("subject", "[{{ticket.reference}}] Closed <for good>")
                    .param("body", "Dear {{customer.name}},\n<b>thanks</b> from {{team.name}}.")));
            assertThat(preview.select("[data-testid=preview-subject]").text()).isEqualTo("[OTK-1042] Closed <for good>");
            assertThat(preview.selectFirst("[data-testid=preview-text]").wholeText())
                    .isEqualTo("Dear Anna Smirnova,\n<b>thanks</b> from Support team.");
            assertThat(preview.select("iframe").attr("srcdoc")).contains("&lt;b&gt;thanks&lt;/b&gt;")
                    .doesNotContain("<b>thanks");
            assertThat(preview.select("iframe").hasAttr("sandbox")).isTrue();
            assertThat(preview.select("iframe").attr("sandbox")).isEmpty();

            mvc.perform(post(EDIT).with(as(admin)).with(csrf()).param("subject", "Closed: {{ticket.subject}}")
                    .param("body", "Thank you, {{customer.name}}!"))
                    .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(EDIT));
            assertThat(templates.template(NotificationKind.CLOSED, Locale.ENGLISH).body())
                    .isEqualTo("Thank you, {{customer.name}}!");
            Document edited = page(mvc.perform(get(EDIT).with(as(admin))));
            assertThat(edited.select("textarea[name=body]").text()).isEqualTo("Thank you, {{customer.name}}!");

            mvc.perform(post(EDIT + "/reset").with(as(admin)).with(csrf())).andExpect(status().is3xxRedirection());
            assertThat(templates.template(NotificationKind.CLOSED, Locale.ENGLISH).edited()).isFalse();
        } finally {
            TestStaff.asAdmin(() -> {
                templates.reset(NotificationKind.CLOSED, Locale.ENGLISH);
                return null;
            });
        }
    }

    @Test
    void anUnknownVariableOrAnEmptySubjectIsShownNextToTheFieldAndNothingIsSaved() throws Exception {
        String admin = TestStaff.add(agents, Role.ADMIN);
        Document page = page(mvc.perform(post(EDIT).with(as(admin)).with(csrf()).param("subject", " ")
                .param("body", "Hello {{customer.nmae}} and {{answer.by}}")).andExpect(status().is(422)));

        assertThat(page.select("#subject-error").text()).isEqualTo("Укажите тему письма.");
        assertThat(page.select("#body-error").text()).isEqualTo("Такой переменной нет: {{customer.nmae}}, "
                + "{{answer.by}}. Доступные переменные перечислены справа.");
        assertThat(page.select("textarea[name=body]").text()).isEqualTo("Hello {{customer.nmae}} and {{answer.by}}");
        assertThat(templates.template(NotificationKind.CLOSED, Locale.ENGLISH).edited()).isFalse();

        Document preview = page(mvc.perform(post(EDIT + "/preview").with(as(admin)).with(csrf())
                .param("subject", "Hi").param("body", "{{nope}}")));
        assertThat(preview.select("[data-testid=preview-error]").text()).contains("{{nope}}");
    }

    @Test
    void aSupervisorSeesTheTemplatesButCannotChangeThem() throws Exception {
        String supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        mvc.perform(get(EDIT).with(as(supervisor))).andExpect(status().isOk());
        Document refused = page(mvc.perform(post(EDIT).with(as(supervisor)).with(csrf())
                .param("subject", "Hijacked").param("body", "Hijacked")).andExpect(status().isForbidden()));
        assertThat(refused.select("[data-testid=not-allowed]").text())
                .isEqualTo("Менять шаблоны может только администратор.");
        assertThat(templates.template(NotificationKind.CLOSED, Locale.ENGLISH).subject()).doesNotContain("Hijacked");

        String agent = TestStaff.add(agents, Role.AGENT);
        mvc.perform(get("/admin/notifications").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/notifications/no-such-kind/ru").with(as(supervisor))).andExpect(status().isNotFound());
    }

    private static Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }
}
