package io.otklik.channel.email.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.channel.email.ImapAccounts;
import io.otklik.channel.email.ImapConnection;
import io.otklik.channel.email.MailAccountId;
import io.otklik.channel.email.SandboxMailServer;
import io.otklik.identity.Role;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
 * The mailboxes screen: administrators add and change IMAP accounts (the password encrypted in the database and
 * never shown again), supervisors look but cannot save, agents are kept out; "Test connection" against the
 * running sandbox mail server, and the health the poller records.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MailAccountPagesTests extends PostgresTest {

    private static final String PASSWORD = "Секрет-imap-" + TestStaff.unique();

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired AgentDirectory agents;
    @Autowired JdbcClient jdbc;
    @Autowired ImapAccounts imap;
    @Autowired SandboxMailServer sandbox;

    String admin;
    String supervisor;

    @BeforeEach
    void staff() {
        admin = TestStaff.add(agents, Role.ADMIN);
        supervisor = TestStaff.add(agents, Role.SUPERVISOR);
    }

    @Test
    void adminAddsAMailboxWhosePasswordIsStoredEncryptedAndNeverShown() throws Exception {
        String name = "Поддержка " + TestStaff.unique();
        mvc.perform(post("/admin/mail-accounts").with(as(admin)).with(csrf())
                        .params(form(name, "support@company.ru", "imap.company.ru", "993", "SSL", PASSWORD)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/mail-accounts"));

        Document list = page(get("/admin/mail-accounts"), supervisor, "ru");
        Element row = row(list, name);
        assertThat(row.selectFirst("[data-testid=address]").text()).isEqualTo("support@company.ru");
        assertThat(row.selectFirst("[data-testid=server]").text())
                .contains("robot@company.ru @ imap.company.ru:993", "SSL/TLS", "INBOX", "раз в 60 с");
        assertThat(row.selectFirst("[data-testid=state]").text()).isEqualTo("Включён");
        assertThat(row.selectFirst("[data-testid=last-fetch]").text()).isEqualTo("Ещё не проверялся");
        assertThat(list.html()).doesNotContain(PASSWORD);

        String stored = jdbc.sql("select password_secret from mail_account where name = ?").param(name)
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(PASSWORD);
        MailAccountId id = new MailAccountId(Long.parseLong(row.attr("data-account")));
        assertThat(imap.connection(id).orElseThrow().password()).isEqualTo(PASSWORD);

        Document edit = page(get("/admin/mail-accounts/" + id), admin, "ru");
        assertThat(edit.html()).doesNotContain(PASSWORD).doesNotContain(stored);
        assertThat(edit.selectFirst("input[name=password]").val()).isEmpty();
        assertThat(edit.selectFirst("[data-testid=password-about]").text())
                .isEqualTo("Пароль сохранён; оставьте поле пустым, чтобы его не менять.");
        assertThat(page(get("/admin/mail-accounts/" + id), admin, "en").selectFirst("[data-testid=password-about]")
                .text()).isEqualTo("A password is saved; leave this empty to keep it.");
    }

    @Test
    void savingWithAnEmptyPasswordKeepsTheSavedOneAndANewOneReplacesIt() throws Exception {
        String name = "Продажи " + TestStaff.unique();
        MailAccountId id = create(name, PASSWORD);
        String before = secret(name);

        MultiValue changed = form(name, "sales@company.ru", "mail.company.ru", "143", "STARTTLS", "");
        changed.put("pollSeconds", "120");
        mvc.perform(post("/admin/mail-accounts/" + id).with(as(admin)).with(csrf()).params(changed))
                .andExpect(status().is3xxRedirection());
        ImapConnection kept = imap.connection(id).orElseThrow();
        assertThat(kept.password()).isEqualTo(PASSWORD);
        assertThat(kept.host()).isEqualTo("mail.company.ru");
        assertThat(kept.pollInterval().toSeconds()).isEqualTo(120);
        assertThat(secret(name)).isEqualTo(before);

        changed.put("password", "новый-пароль");
        mvc.perform(post("/admin/mail-accounts/" + id).with(as(admin)).with(csrf()).params(changed))
                .andExpect(status().is3xxRedirection());
        assertThat(imap.connection(id).orElseThrow().password()).isEqualTo("новый-пароль");
        assertThat(secret(name)).isNotEqualTo(before).doesNotContain("новый-пароль");
    }

    @Test
    void theSamePasswordIsEncryptedDifferentlyEachTime() throws Exception {
        String first = "Первый " + TestStaff.unique();
        String second = "Второй " + TestStaff.unique();
        create(first, PASSWORD);
        create(second, PASSWORD);
        assertThat(secret(first)).isNotEqualTo(secret(second));
    }

    @Test
    void mistakesAreShownNextToTheirFieldsWithWhatWasTypedKept() throws Exception {
        MultiValue typed = form("", "не-адрес", "imap.company.ru", "порт", "SSL", "");
        typed.put("pollSeconds", "5");
        Document ru = Jsoup.parse(mvc.perform(post("/admin/mail-accounts").with(as(admin)).with(csrf())
                        .header("Accept-Language", "ru").params(typed))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
        assertThat(ru.selectFirst("#name-error").text()).isEqualTo("Введите название.");
        assertThat(ru.selectFirst("#address-error").text()).isEqualTo("Это не похоже на адрес электронной почты.");
        assertThat(ru.selectFirst("#port-error").text()).isEqualTo("Порт — число от 1 до 65535.");
        assertThat(ru.selectFirst("#interval-error").text()).isEqualTo("Интервал — от 10 до 86400 секунд.");
        assertThat(ru.selectFirst("#password-error").text()).isEqualTo("Введите пароль.");
        assertThat(ru.selectFirst("input[name=address]").val()).isEqualTo("не-адрес");
        assertThat(ru.selectFirst("input[name=host]").val()).isEqualTo("imap.company.ru");
        assertThat(ru.selectFirst("input[name=port]").val()).isEqualTo("порт");
        assertThat(ru.selectFirst("input[name=pollSeconds]").val()).isEqualTo("5");

        Document en = Jsoup.parse(mvc.perform(post("/admin/mail-accounts").with(as(admin)).with(csrf())
                        .header("Accept-Language", "en").params(typed))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
        assertThat(en.selectFirst("#address-error").text()).isEqualTo("This does not look like an email address.");
        assertThat(en.selectFirst("#interval-error").text()).isEqualTo("The interval is 10 to 86400 seconds.");
    }

    @Test
    void aSecondMailboxWithTheSameNameIsRefusedAtTheNameField() throws Exception {
        String name = "Дубль " + TestStaff.unique();
        create(name, PASSWORD);
        Document page = Jsoup.parse(mvc.perform(post("/admin/mail-accounts").with(as(admin)).with(csrf())
                        .header("Accept-Language", "ru")
                        .params(form(name, "other@company.ru", "imap.company.ru", "993", "SSL", PASSWORD)))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
        assertThat(page.selectFirst("#name-error").text()).isEqualTo("Ящик с названием «" + name + "» уже есть.");
        assertThat(page.html()).doesNotContain(PASSWORD);
    }

    @Test
    void aSupervisorSeesTheScreenButCannotSaveAndAnAgentIsKeptOut() throws Exception {
        String name = "Чужой " + TestStaff.unique();
        Document refused = Jsoup.parse(mvc.perform(post("/admin/mail-accounts").with(as(supervisor)).with(csrf())
                        .header("Accept-Language", "ru")
                        .params(form(name, "support@company.ru", "imap.company.ru", "993", "SSL", PASSWORD)))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString());
        assertThat(refused.selectFirst("[data-testid=not-allowed]").text())
                .isEqualTo("Сохранять настройки почтовых ящиков могут только администраторы.");
        assertThat(refused.selectFirst("input[name=host]").val()).isEqualTo("imap.company.ru");
        assertThat(jdbc.sql("select count(*) from mail_account where name = ?").param(name).query(Long.class)
                .single()).isZero();
        page(get("/admin/mail-accounts"), supervisor, "ru");
        page(get("/admin/mail-accounts/new"), supervisor, "ru");

        String agent = TestStaff.add(agents, Role.AGENT);
        mvc.perform(get("/admin/mail-accounts").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/mail-accounts").with(as(agent)).with(csrf())
                        .params(form(name, "support@company.ru", "imap.company.ru", "993", "SSL", PASSWORD)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from mail_account where name = ?").param(name).query(Long.class)
                .single()).isZero();
    }

    @Test
    void anAdminSwitchesAMailboxOffAndOnAndASupervisorCannot() throws Exception {
        String name = "Выключаемый " + TestStaff.unique();
        MailAccountId id = create(name, PASSWORD);
        mvc.perform(post("/admin/mail-accounts/" + id + "/enabled").param("enabled", "false").with(as(supervisor))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(row(page(get("/admin/mail-accounts"), admin, "ru"), name)
                .selectFirst("[data-testid=state]").text()).isEqualTo("Включён");

        mvc.perform(post("/admin/mail-accounts/" + id + "/enabled").param("enabled", "false").with(as(admin))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(row(page(get("/admin/mail-accounts"), admin, "en"), name)
                .selectFirst("[data-testid=state]").text()).isEqualTo("Off");
        assertThat(imap.enabled()).noneMatch(connection -> connection.account().equals(id));
    }

    @Test
    void testConnectionReachesTheSandboxMailboxAndReportsIdle() throws Exception {
        Document result = test(form("Проверка", sandbox.mailbox(), sandbox.host(),
                String.valueOf(sandbox.imapPort()), "NONE", sandbox.mailboxPassword()), "ru");
        assertThat(result.selectFirst("[data-testid=test-ok]").text())
                .startsWith("Связь есть: в папке писем —")
                .contains("Сервер поддерживает IDLE");
    }

    @Test
    void testConnectionNamesAWrongPasswordAnUnknownHostAndAMissingFolder() throws Exception {
        String port = String.valueOf(sandbox.imapPort());
        Document wrong = test(form("Проверка", sandbox.mailbox(), sandbox.host(), port, "NONE", "не-тот-пароль"), "ru");
        assertThat(wrong.selectFirst("[data-testid=test-failed] p").text())
                .isEqualTo("Сервер не принял имя пользователя или пароль.");

        Document unknown = test(form("Проверка", "a@b.ru", "no-such-host.invalid", "993", "SSL", "x"), "en");
        assertThat(unknown.selectFirst("[data-testid=test-failed] p").text())
                .isEqualTo("Server not found: check the server name.");

        MultiValue noFolder = form("Проверка", sandbox.mailbox(), sandbox.host(), port, "NONE",
                sandbox.mailboxPassword());
        noFolder.put("folder", "Нет-такой-папки");
        assertThat(test(noFolder, "ru").selectFirst("[data-testid=test-failed] p").text())
                .isEqualTo("Такой папки в ящике нет.");
    }

    @Test
    void testingASavedMailboxWithAnEmptyPasswordUsesTheSavedOne() throws Exception {
        MultiValue settings = form("Песочница вручную " + TestStaff.unique(), sandbox.mailbox(), sandbox.host(),
                String.valueOf(sandbox.imapPort()), "NONE", sandbox.mailboxPassword());
        mvc.perform(post("/admin/mail-accounts").with(as(admin)).with(csrf()).params(settings))
                .andExpect(status().is3xxRedirection());
        MailAccountId id = new MailAccountId(Long.parseLong(
                row(page(get("/admin/mail-accounts"), admin, "ru"), settings.getFirst("name")).attr("data-account")));
        settings.put("password", "");
        Document result = Jsoup.parse(mvc.perform(post("/admin/mail-accounts/" + id + "/test").with(as(admin))
                        .with(csrf()).header("Accept-Language", "ru").params(settings))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(result.selectFirst("[data-testid=test-ok]")).isNotNull();

        Document saved = Jsoup.parse(mvc.perform(post("/admin/mail-accounts/" + id + "/check").with(as(supervisor))
                        .with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(saved.selectFirst("[data-testid=test-ok]").text()).contains("The server offers IDLE");
    }

    @Test
    void aSupervisorCannotTestUnsavedSettings() throws Exception {
        Document result = Jsoup.parse(mvc.perform(post("/admin/mail-accounts/test").with(as(supervisor)).with(csrf())
                        .header("Accept-Language", "ru")
                        .params(form("x", "a@b.ru", "attacker.example", "993", "SSL", "")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(result.text()).isEqualTo("Проверять несохранённые настройки могут только администраторы.");
    }

    @Test
    void theListShowsTheHealthThePollerRecords() throws Exception {
        String name = "Здоровье " + TestStaff.unique();
        MailAccountId id = create(name, PASSWORD);
        imap.recordFetch(id, 7, 1);
        imap.recordFetch(id, 3, 0);
        Element healthy = row(page(get("/admin/mail-accounts"), supervisor, "ru"), name);
        assertThat(healthy.selectFirst("[data-testid=counts]").text()).isEqualTo("Получено: 10, не удалось: 1");
        assertThat(healthy.selectFirst("[data-testid=last-fetch]").text()).contains("Удачно:");
        assertThat(healthy.selectFirst("[data-testid=last-error]").text()).isEqualTo("—");

        imap.recordFetchFailure(id, "Connection refused");
        Element failing = row(page(get("/admin/mail-accounts"), supervisor, "ru"), name);
        assertThat(failing.selectFirst("[data-testid=last-error]").text()).startsWith("Connection refused");
        assertThat(failing.selectFirst("[data-testid=state]").text()).isEqualTo("Включён Ошибка");
    }

    @Test
    void aMailboxWhosePasswordCannotBeDecryptedIsLeftOutAndShowsWhy() throws Exception {
        String name = "Чужой ключ " + TestStaff.unique();
        MailAccountId id = create(name, PASSWORD);
        String foreign = "v1:" + java.util.Base64.getEncoder().encodeToString(new byte[40]);
        jdbc.sql("update mail_account set password_secret = ? where id = ?").params(foreign, id.value()).update();

        assertThat(imap.enabled()).noneMatch(connection -> connection.account().equals(id));
        Element row = row(page(get("/admin/mail-accounts"), supervisor, "ru"), name);
        assertThat(row.selectFirst("[data-testid=last-error]").text()).contains("OTKLIK_SECRETS_KEY");
        assertThat(row.selectFirst("[data-testid=state]").text()).contains("Ошибка");

        Document checked = Jsoup.parse(mvc.perform(post("/admin/mail-accounts/" + id + "/check").with(as(supervisor))
                        .with(csrf()).header("Accept-Language", "ru"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(checked.selectFirst("[data-testid=test-failed] p").text())
                .startsWith("Сохранённый пароль не расшифровывается");
    }

    @Test
    void theSandboxMailboxIsThereOutOfTheBoxAndPointsAtTheRunningSandbox() throws Exception {
        Element row = row(page(get("/admin/mail-accounts"), supervisor, "ru"), "Песочница");
        assertThat(row.text()).contains("Встроенная песочница почты");
        assertThat(row.selectFirst("[data-testid=server]").text())
                .contains(sandbox.mailbox() + " @ " + sandbox.host() + ":" + sandbox.imapPort());
        MailAccountId id = new MailAccountId(Long.parseLong(row.attr("data-account")));
        assertThat(secretOf(id)).isNull();
        ImapConnection connection = imap.connection(id).orElseThrow();
        assertThat(connection.port()).isEqualTo(sandbox.imapPort());
        assertThat(connection.password()).isEqualTo(sandbox.mailboxPassword());

        Document checked = Jsoup.parse(mvc.perform(post("/admin/mail-accounts/" + id + "/check").with(as(supervisor))
                        .with(csrf()).header("Accept-Language", "ru"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(checked.selectFirst("[data-testid=test-ok]").text()).contains("Сервер поддерживает IDLE");

        Document edit = page(get("/admin/mail-accounts/" + id), admin, "ru");
        assertThat(edit.selectFirst("input[name=host]").hasAttr("readonly")).isTrue();
        assertThat(edit.selectFirst("input[name=password]")).isNull();

        MultiValue changed = form("Песочница", sandbox.mailbox(), "elsewhere.example", "993", "SSL", "");
        changed.put("username", "someone-else");
        changed.put("pollSeconds", "30");
        mvc.perform(post("/admin/mail-accounts/" + id).with(as(admin)).with(csrf()).params(changed))
                .andExpect(status().is3xxRedirection());
        ImapConnection after = imap.connection(id).orElseThrow();
        assertThat(after.pollInterval().toSeconds()).isEqualTo(30);
        assertThat(after.host() + ":" + after.port() + " " + after.username() + " " + after.security())
                .isEqualTo(sandbox.host() + ":" + sandbox.imapPort() + " " + sandbox.mailbox() + " NONE");
    }

    private String secretOf(MailAccountId id) {
        return jdbc.sql("select password_secret from mail_account where id = ?").param(id.value())
                .query(String.class).optional().orElse(null);
    }

    private MailAccountId create(String name, String password) throws Exception {
        mvc.perform(post("/admin/mail-accounts").with(as(admin)).with(csrf())
                        .params(form(name, "support@company.ru", "imap.company.ru", "993", "SSL", password)))
                .andExpect(status().is3xxRedirection());
        return new MailAccountId(jdbc.sql("select id from mail_account where name = ?").param(name)
                .query(Long.class).single());
    }

    private String secret(String name) {
        return jdbc.sql("select password_secret from mail_account where name = ?").param(name)
                .query(String.class).single();
    }

    private Document test(MultiValue settings, String language) throws Exception {
        return Jsoup.parse(mvc.perform(post("/admin/mail-accounts/test").with(as(admin)).with(csrf())
                        .header("Accept-Language", language).params(settings))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static Element row(Document list, String name) {
        return list.select("[data-testid=mail-account]").stream()
                .filter(r -> r.selectFirst("[data-testid=name]").text().equals(name)).findFirst().orElseThrow();
    }

    private static MultiValue form(String name, String address, String host, String port, String security,
            String password) {
        MultiValue form = new MultiValue();
        form.put("name", name);
        form.put("address", address);
        form.put("host", host);
        form.put("port", port);
        form.put("security", security);
        form.put("username", "robot@company.ru".equals(address) ? address
                : address.contains("company.ru") ? "robot@company.ru" : address);
        form.put("password", password);
        form.put("folder", "INBOX");
        form.put("pollSeconds", "60");
        form.put("enabled", "true");
        return form;
    }

    private Document page(MockHttpServletRequestBuilder request, String login, String language) throws Exception {
        return Jsoup.parse(mvc.perform(request.header("Accept-Language", language).with(as(login)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    /** Form fields in the order typed, one value each. */
    static final class MultiValue extends org.springframework.util.LinkedMultiValueMap<String, String> {

        void put(String key, String value) {
            set(key, value);
        }
    }
}
