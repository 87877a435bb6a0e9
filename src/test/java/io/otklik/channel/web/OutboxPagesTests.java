package io.otklik.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.channel.DeliveryState;
import io.otklik.channel.OutboundMail;
import io.otklik.channel.Outbox;
import io.otklik.identity.Role;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox page: supervisors see every mail with its state in Russian or English; agents are kept out. */
@SpringBootTest
@AutoConfigureMockMvc
class OutboxPagesTests extends PostgresTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired AgentDirectory agents;
    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;

    @Test
    void supervisorSeesSentAndFailedMailsInRussianAndEnglish() throws Exception {
        String supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        String unique = TestStaff.unique();
        long sent = enqueue("ok:" + unique, "sent-" + unique + "@client.test", "Ответ " + unique);
        long failed = enqueue("bad:" + unique, "не адрес " + unique, "Неверный адрес " + unique);
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.states(List.of(sent, failed))
                .equals(java.util.Map.of(sent, DeliveryState.SENT, failed, DeliveryState.FAILED)));

        Document russian = page(supervisor, "ru", null);
        assertThat(russian.selectFirst("h1").text()).isEqualTo("Исходящая почта");
        Element sentRow = russian.selectFirst("[data-entry=" + sent + "]");
        assertThat(sentRow.text()).contains("sent-" + unique + "@client.test", "Ответ " + unique, "Отправлено");
        assertThat(sentRow.select("button")).isEmpty();
        Element failedRow = russian.selectFirst("[data-entry=" + failed + "]");
        assertThat(failedRow.selectFirst(".badge").text()).isEqualTo("Не доставлено");
        assertThat(failedRow.selectFirst("[data-testid=last-error]").text()).contains("Invalid address");
        assertThat(failedRow.selectFirst("button").text()).isEqualTo("Повторить сейчас");
        assertThat(russian.selectFirst("[data-state=FAILED]").text()).startsWith("Не доставленные (");

        Document english = page(supervisor, "en", "FAILED");
        assertThat(english.selectFirst("h1").text()).isEqualTo("Outgoing mail");
        assertThat(english.selectFirst("[data-entry=" + failed + "] .badge").text()).isEqualTo("Failed");
        assertThat(english.selectFirst("[data-entry=" + failed + "] button").text()).isEqualTo("Retry now");
        assertThat(english.selectFirst("[data-entry=" + sent + "]")).as("filtered to failed mails").isNull();
        assertThat(english.select("th").eachText()).contains("To", "Subject", "State", "Tries", "Next try",
                "Last error");
    }

    @Test
    void anAgentCannotSeeOrRetryTheOutbox() throws Exception {
        String agent = TestStaff.add(agents, Role.AGENT);
        mvc.perform(get("/admin/outbox").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/outbox/1/retry").with(as(agent)).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void theAdministrationHomeLinksTheMailScreens() throws Exception {
        String supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        Document home = Jsoup.parse(mvc.perform(get("/admin").with(as(supervisor)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(home.selectFirst("[data-screen=outbox] h2 a").attr("href")).isEqualTo("/admin/outbox");
        assertThat(home.selectFirst("[data-screen=outbox] h2").text()).isEqualTo("Outgoing mail");
        assertThat(home.selectFirst("[data-screen=sandbox-mail] h2 a").attr("href")).isEqualTo("/admin/sandbox-mail");
        assertThat(home.selectFirst("[data-screen=sandbox-mail] .tile-count").text()).startsWith("Mails: ");
    }

    private long enqueue(String key, String to, String subject) {
        return transactions.execute(status -> outbox.enqueue(new OutboundMail(key, null, null, List.of(to), List.of(),
                subject, "Текст письма", null)));
    }

    private Document page(String login, String language, String state) throws Exception {
        var request = get("/admin/outbox").header("Accept-Language", language).with(as(login));
        if (state != null) {
            request = request.param("state", state);
        }
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }
}
