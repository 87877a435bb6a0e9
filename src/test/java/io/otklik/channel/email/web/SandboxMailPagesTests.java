package io.otklik.channel.email.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.channel.email.SandboxMail;
import io.otklik.channel.email.SandboxMailServer;
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

/**
 * The sandbox mail pages: every mail that reached the sandbox (here one a mail program sent it over SMTP, with an
 * attachment and HTML that tries to run a script) listed and shown part by part; agents are kept out.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SandboxMailPagesTests extends PostgresTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired AgentDirectory agents;
    @Autowired SandboxMailServer sandbox;

    @Test
    void supervisorSeesTheMailsAndEachOnePartByPartInRussianAndEnglish() throws Exception {
        String supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        String subject = "Счёт за ноябрь " + TestStaff.unique();
        SandboxMail mail = sendToSandbox(subject);

        Document list = page(supervisor, "ru", "/admin/sandbox-mail");
        assertThat(list.selectFirst("h1").text()).isEqualTo("Песочница почты");
        assertThat(list.selectFirst("[data-testid=sandbox-server]").text())
                .contains("SMTP порт " + sandbox.smtpPort(), "support@otklik.local");
        Element row = list.selectFirst("[data-mail=" + mail.number() + "]");
        assertThat(row.text()).contains("Бухгалтерия <billing@client.test>", "support@otklik.local", subject);
        assertThat(row.selectFirst("a").attr("href")).isEqualTo("/admin/sandbox-mail/" + mail.number());

        Document shown = page(supervisor, "ru", "/admin/sandbox-mail/" + mail.number());
        assertThat(shown.selectFirst("[data-testid=mail-subject]").text()).isEqualTo(subject);
        assertThat(shown.selectFirst("[data-testid=mail-from]").text()).isEqualTo("Бухгалтерия <billing@client.test>");
        assertThat(shown.selectFirst("[data-testid=text-part]").text()).isEqualTo("Добрый день! Счёт во вложении.");
        Element frame = shown.selectFirst("iframe[data-testid=html-part]");
        assertThat(frame.attr("sandbox")).isEmpty();
        assertThat(frame.hasAttr("sandbox")).isTrue();
        assertThat(frame.attr("srcdoc")).contains("<p>Добрый <b>день</b>!</p>", "<script>");
        assertThat(shown.select("script").stream().map(Element::html)).noneMatch(html -> html.contains("stolen"));
        assertThat(shown.select("[data-testid=attachment]").eachText()).containsExactly("счёт-ноябрь.pdf");
        assertThat(shown.select("[data-testid=header]").eachText()).anyMatch(h -> h.startsWith("Subject " + subject));
        assertThat(shown.select("h2").eachText()).contains("Текст", "Вложения", "Заголовки");

        Document english = page(supervisor, "en", "/admin/sandbox-mail/" + mail.number());
        assertThat(english.select("h2").eachText()).contains("Text", "HTML", "Attachments", "Headers");
        assertThat(page(supervisor, "en", "/admin/sandbox-mail").selectFirst("h1").text()).isEqualTo("Sandbox mail");
    }

    @Test
    void aMailThatIsNotThereIsNotFound() throws Exception {
        String supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        mvc.perform(get("/admin/sandbox-mail/999999999").with(as(supervisor))).andExpect(status().isNotFound());
    }

    @Test
    void anAgentIsKeptOut() throws Exception {
        String agent = TestStaff.add(agents, Role.AGENT);
        mvc.perform(get("/admin/sandbox-mail").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/sandbox-mail/1").with(as(agent))).andExpect(status().isForbidden());
    }

    private SandboxMail sendToSandbox(String subject) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", sandbox.host());
        properties.setProperty("mail.smtp.port", String.valueOf(sandbox.smtpPort()));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("billing@client.test", "Бухгалтерия", "UTF-8"));
        message.setRecipients(Message.RecipientType.TO, "support@otklik.local");
        message.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Добрый день! Счёт во вложении.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>Добрый <b>день</b>!</p><script>fetch('/stolen')</script>", "UTF-8", "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternatives);
        MimeBodyPart file = new MimeBodyPart();
        file.setContent(new byte[] {1, 2, 3}, "application/pdf");
        file.setFileName(jakarta.mail.internet.MimeUtility.encodeText("счёт-ноябрь.pdf", "UTF-8", null));
        file.setDisposition(MimeBodyPart.ATTACHMENT);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(file);
        message.setContent(mixed);
        Transport.send(message);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sandbox.mails().stream().anyMatch(m -> m.subject().equals(subject)));
        return sandbox.mails().stream().filter(m -> m.subject().equals(subject)).findFirst().orElseThrow();
    }

    private Document page(String login, String language, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).header("Accept-Language", language).with(as(login)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }
}
