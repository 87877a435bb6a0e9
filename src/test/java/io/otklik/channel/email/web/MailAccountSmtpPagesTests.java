package io.otklik.channel.email.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.channel.email.MailAccountId;
import io.otklik.channel.email.MailboxSmtpServer;
import io.otklik.channel.email.SandboxMailServer;
import io.otklik.channel.email.web.MailAccountPagesTests.MultiValue;
import io.otklik.identity.Role;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The outgoing side of the mailbox form: a mailbox's own SMTP server with its password encrypted and kept when the
 * field is left empty, "reply from this address", mistakes shown next to their fields, and "Test outgoing mail"
 * against a real SMTP server (a GreenMail of its own), the global server and the sandbox — in Russian and English.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MailAccountSmtpPagesTests extends PostgresTest {

    private static final String LOGIN = "robot@smtp.test";
    private static final String SMTP_PASSWORD = "Секрет-smtp-" + TestStaff.unique();

    static MailboxSmtpServer smtp;

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired AgentDirectory agents;
    @Autowired JdbcClient jdbc;
    @Autowired SandboxMailServer sandbox;

    String admin;
    String supervisor;

    @BeforeAll
    static void startSmtpServer() {
        smtp = MailboxSmtpServer.start(LOGIN, SMTP_PASSWORD);
    }

    @AfterAll
    static void stopSmtpServer() {
        smtp.close();
    }

    @BeforeEach
    void staff() {
        admin = TestStaff.add(agents, Role.ADMIN);
        supervisor = TestStaff.add(agents, Role.SUPERVISOR);
    }

    @Test
    void anAdminGivesAMailboxItsOwnSmtpServerWhosePasswordIsStoredEncryptedAndNeverShown() throws Exception {
        String name = "Продажи " + TestStaff.unique();
        MailAccountId id = create(form(name, SMTP_PASSWORD));

        Element row = row(page(get("/admin/mail-accounts"), supervisor, "ru"), name);
        assertThat(row.selectFirst("[data-testid=outgoing]").text())
                .isEqualTo("Ответы: SMTP " + LOGIN + " @ 127.0.0.1:" + smtp.port() + ", Без шифрования");
        assertThat(row(page(get("/admin/mail-accounts"), supervisor, "en"), name)
                .selectFirst("[data-testid=outgoing]").text())
                .isEqualTo("Replies: SMTP " + LOGIN + " @ 127.0.0.1:" + smtp.port() + ", No encryption");
        String stored = smtpSecret(id);
        assertThat(stored).startsWith("v1:").doesNotContain(SMTP_PASSWORD);

        Document edit = page(get("/admin/mail-accounts/" + id), admin, "ru");
        assertThat(edit.html()).doesNotContain(SMTP_PASSWORD).doesNotContain(stored);
        assertThat(edit.selectFirst("input[name=smtpHost]").val()).isEqualTo("127.0.0.1");
        assertThat(edit.selectFirst("input[name=smtpPort]").val()).isEqualTo(String.valueOf(smtp.port()));
        assertThat(edit.selectFirst("select[name=smtpSecurity] option[selected]").val()).isEqualTo("NONE");
        assertThat(edit.selectFirst("input[name=smtpUsername]").val()).isEqualTo(LOGIN);
        assertThat(edit.selectFirst("input[name=smtpPassword]").val()).isEmpty();
        assertThat(edit.selectFirst("input[name=sendsReplies]").hasAttr("checked")).isTrue();
        assertThat(edit.selectFirst("[data-testid=smtp-password-about]").text())
                .isEqualTo("Пароль сохранён; оставьте поле пустым, чтобы его не менять.");
        Document english = page(get("/admin/mail-accounts/" + id), admin, "en");
        assertThat(english.select("h2").text()).contains("Replies to customers (SMTP)");
        assertThat(english.selectFirst("[data-testid=smtp-test-button]").text()).isEqualTo("Test outgoing mail");
    }

    @Test
    void savingWithAnEmptySmtpPasswordKeepsTheSavedOneWhichStillSignsInAndANewOneReplacesIt() throws Exception {
        String name = "Бухгалтерия " + TestStaff.unique();
        MailAccountId id = create(form(name, SMTP_PASSWORD));
        String before = smtpSecret(id);

        MultiValue changed = form(name, "");
        changed.put("pollSeconds", "120");
        mvc.perform(post("/admin/mail-accounts/" + id).with(as(admin)).with(csrf()).params(changed))
                .andExpect(status().is3xxRedirection());
        assertThat(smtpSecret(id)).isEqualTo(before);
        Document kept = smtpTest("/admin/mail-accounts/" + id + "/smtp-test", changed, "ru");
        assertThat(kept.selectFirst("[data-testid=smtp-test-ok]").text())
                .isEqualTo("Связь с сервером SMTP 127.0.0.1:" + smtp.port() + " есть. Письмо не отправлялось. "
                        + "Сервер принял имя пользователя и пароль.");

        changed.put("smtpPassword", "новый-пароль");
        mvc.perform(post("/admin/mail-accounts/" + id).with(as(admin)).with(csrf()).params(changed))
                .andExpect(status().is3xxRedirection());
        assertThat(smtpSecret(id)).isNotEqualTo(before).doesNotContain("новый-пароль");
        changed.put("smtpPassword", "");
        Document refused = smtpTest("/admin/mail-accounts/" + id + "/smtp-test", changed, "en");
        assertThat(refused.selectFirst("[data-testid=smtp-test-failed] p").text())
                .isEqualTo("The server did not accept the user name or password.");

        MultiValue cleared = form(name, "");
        cleared.put("smtpHost", "");
        mvc.perform(post("/admin/mail-accounts/" + id).with(as(admin)).with(csrf()).params(cleared))
                .andExpect(status().is3xxRedirection());
        assertThat(smtpSecret(id)).as("no server of its own, no password kept").isNull();
        assertThat(row(page(get("/admin/mail-accounts"), supervisor, "ru"), name)
                .selectFirst("[data-testid=outgoing]").text()).isEqualTo("Ответы: через общий сервер SMTP");
    }

    @Test
    void smtpMistakesAreShownNextToTheirFieldsInRussianAndEnglishAndNothingIsSaved() throws Exception {
        String name = "Ошибки " + TestStaff.unique();
        MultiValue typed = form(name, "");
        typed.put("smtpPort", "порт");
        Document ru = refused(post("/admin/mail-accounts"), typed, "ru");
        assertThat(ru.selectFirst("#smtp-port-error").text()).isEqualTo("Порт — число от 1 до 65535.");
        assertThat(ru.selectFirst("#smtp-password-error").text()).isEqualTo("Введите пароль для сервера SMTP.");
        assertThat(ru.selectFirst("input[name=smtpHost]").val()).isEqualTo("127.0.0.1");
        assertThat(ru.selectFirst("input[name=smtpPort]").val()).isEqualTo("порт");
        assertThat(ru.selectFirst("input[name=smtpUsername]").val()).isEqualTo(LOGIN);

        typed.put("smtpPort", "");
        Document en = refused(post("/admin/mail-accounts"), typed, "en");
        assertThat(en.selectFirst("#smtp-port-error").text()).isEqualTo("Enter the port.");
        assertThat(en.selectFirst("#smtp-password-error").text()).isEqualTo("Enter the password for the SMTP server.");
        assertThat(jdbc.sql("select count(*) from mail_account where name = ?").param(name).query(Long.class)
                .single()).isZero();

        // A mailbox saved without an SMTP server has no SMTP password to keep.
        MultiValue plain = form(name, "");
        plain.put("smtpHost", "");
        MailAccountId id = create(plain);
        Document noSaved = refused(post("/admin/mail-accounts/" + id), form(name, ""), "ru");
        assertThat(noSaved.selectFirst("#smtp-password-error").text()).isEqualTo("Введите пароль для сервера SMTP.");
        assertThat(jdbc.sql("select smtp_host from mail_account where id = ?").param(id.value()).query(String.class)
                .optional()).isEmpty();
    }

    @Test
    void testOutgoingMailNamesWhatItFoundWithoutSendingAnything() throws Exception {
        int before = smtp.received().size();
        Document ok = smtpTest("/admin/mail-accounts/smtp-test", form("Новый", SMTP_PASSWORD), "ru");
        assertThat(ok.selectFirst("[data-testid=smtp-test-ok]").text()).contains("Связь с сервером SMTP",
                "Сервер принял имя пользователя и пароль.");

        Document wrong = smtpTest("/admin/mail-accounts/smtp-test", form("Новый", "не-тот"), "ru");
        assertThat(wrong.selectFirst("[data-testid=smtp-test-failed] p").text())
                .isEqualTo("Сервер не принял имя пользователя или пароль.");
        assertThat(wrong.selectFirst("[data-testid=smtp-test-server]").text())
                .isEqualTo("Сервер SMTP: 127.0.0.1:" + smtp.port());

        MultiValue unknown = form("Новый", SMTP_PASSWORD);
        unknown.put("smtpHost", "no-such-host.invalid");
        assertThat(smtpTest("/admin/mail-accounts/smtp-test", unknown, "en")
                .selectFirst("[data-testid=smtp-test-failed] p").text())
                .isEqualTo("Server not found: check the server name.");

        MultiValue incomplete = form("Новый", SMTP_PASSWORD);
        incomplete.put("smtpPort", "");
        assertThat(smtpTest("/admin/mail-accounts/smtp-test", incomplete, "ru").text())
                .isEqualTo("Заполните порт и защиту соединения сервера SMTP.");

        MultiValue global = form("Новый", "");
        global.put("smtpHost", "");
        assertThat(smtpTest("/admin/mail-accounts/smtp-test", global, "ru")
                .selectFirst("[data-testid=smtp-test-ok]").text())
                .isEqualTo("Своего сервера SMTP у ящика нет: письма уйдут через общий сервер " + sandbox.host() + ":"
                        + sandbox.smtpPort() + ", связь с ним есть. Письмо не отправлялось.");
        assertThat(smtp.received()).as("nothing sent").hasSize(before);
    }

    @Test
    void theSandboxMailboxSendsThroughTheRunningSandboxAndCanStopReplyingFromItsAddress() throws Exception {
        Element row = row(page(get("/admin/mail-accounts"), supervisor, "ru"), "Песочница");
        MailAccountId id = new MailAccountId(Long.parseLong(row.attr("data-account")));
        Document edit = page(get("/admin/mail-accounts/" + id), admin, "ru");
        assertThat(edit.selectFirst("[data-testid=smtp-sandbox]").text())
                .isEqualTo("Письма ящика песочницы всегда уходят через работающую песочницу почты.");
        assertThat(edit.selectFirst("input[name=smtpHost]")).isNull();

        MultiValue settings = new MultiValue();
        settings.put("name", "Песочница");
        settings.put("address", sandbox.mailbox());
        settings.put("host", sandbox.host());
        settings.put("port", String.valueOf(sandbox.imapPort()));
        settings.put("security", "NONE");
        settings.put("username", sandbox.mailbox());
        settings.put("folder", "INBOX");
        settings.put("pollSeconds", "60");
        settings.put("enabled", "true");
        settings.put("smtpHost", "elsewhere.example");
        settings.put("smtpPort", "25");
        settings.put("smtpSecurity", "NONE");
        assertThat(smtpTest("/admin/mail-accounts/" + id + "/smtp-test", settings, "en")
                .selectFirst("[data-testid=smtp-test-ok]").text())
                .isEqualTo("Mail of this mailbox goes to the sandbox mail server (" + sandbox.host() + ":"
                        + sandbox.smtpPort() + "), which answers. No mail was sent.");

        try {
            mvc.perform(post("/admin/mail-accounts/" + id).with(as(admin)).with(csrf()).params(settings))
                    .andExpect(status().is3xxRedirection());
            assertThat(row(page(get("/admin/mail-accounts"), supervisor, "ru"), "Песочница")
                    .selectFirst("[data-testid=outgoing]").text()).isEqualTo("Ответы уходят с общего адреса поддержки");
            assertThat(jdbc.sql("select smtp_host from mail_account where id = ?").param(id.value())
                    .query(String.class).optional()).as("the sandbox keeps no SMTP server").isEmpty();
        } finally {
            settings.put("sendsReplies", "true");
            mvc.perform(post("/admin/mail-accounts/" + id).with(as(admin)).with(csrf()).params(settings))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(row(page(get("/admin/mail-accounts"), supervisor, "en"), "Песочница")
                .selectFirst("[data-testid=outgoing]").text()).isEqualTo("Replies: through the sandbox mail server");
    }

    @Test
    void aSupervisorCannotTestUnsavedOutgoingSettings() throws Exception {
        Document result = Jsoup.parse(mvc.perform(post("/admin/mail-accounts/smtp-test").with(as(supervisor))
                        .with(csrf()).header("Accept-Language", "ru").params(form("x", SMTP_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(result.text()).isEqualTo("Проверять несохранённые настройки могут только администраторы.");
    }

    /** A mailbox (IMAP nobody polls here) whose replies leave through the test's SMTP server. */
    private static MultiValue form(String name, String smtpPassword) {
        MultiValue form = new MultiValue();
        form.put("name", name);
        form.put("address", "sales@company.ru");
        form.put("host", "imap.company.ru");
        form.put("port", "993");
        form.put("security", "SSL");
        form.put("username", "robot@company.ru");
        form.put("password", "imap-пароль");
        form.put("folder", "INBOX");
        form.put("pollSeconds", "60");
        form.put("sendsReplies", "true");
        form.put("smtpHost", MailboxSmtpServer.HOST);
        form.put("smtpPort", String.valueOf(smtp.port()));
        form.put("smtpSecurity", "NONE");
        form.put("smtpUsername", LOGIN);
        form.put("smtpPassword", smtpPassword);
        return form;
    }

    private MailAccountId create(MultiValue form) throws Exception {
        mvc.perform(post("/admin/mail-accounts").with(as(admin)).with(csrf()).params(form))
                .andExpect(status().is3xxRedirection());
        return new MailAccountId(jdbc.sql("select id from mail_account where name = ?").param(form.getFirst("name"))
                .query(Long.class).single());
    }

    private String smtpSecret(MailAccountId id) {
        return jdbc.sql("select smtp_password_secret from mail_account where id = ?").param(id.value())
                .query(String.class).optional().orElse(null);
    }

    private Document refused(MockHttpServletRequestBuilder request, MultiValue form, String language)
            throws Exception {
        return Jsoup.parse(mvc.perform(request.with(as(admin)).with(csrf()).header("Accept-Language", language)
                        .params(form))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
    }

    private Document smtpTest(String path, MultiValue form, String language) throws Exception {
        return Jsoup.parse(mvc.perform(post(path).with(as(admin)).with(csrf()).header("Accept-Language", language)
                        .params(form))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static Element row(Document list, String name) {
        return list.select("[data-testid=mail-account]").stream()
                .filter(r -> r.selectFirst("[data-testid=name]").text().equals(name)).findFirst().orElseThrow();
    }

    private Document page(MockHttpServletRequestBuilder request, String login, String language) throws Exception {
        return Jsoup.parse(mvc.perform(request.header("Accept-Language", language).with(as(login)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }
}
