package io.otklik.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.agent.TicketScope;
import io.otklik.channel.ArrivedVia;
import io.otklik.channel.InboundReceipt;
import io.otklik.channel.email.MailAccountAdministration;
import io.otklik.channel.email.MailAccountDetails;
import io.otklik.channel.email.MailAccountId;
import io.otklik.channel.email.MailSecurity;
import io.otklik.channel.email.RawMailIntake;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * "Incoming mail" for administrators: every stored message with its mailbox, way in, sender, subject, state, outcome
 * and the reason in plain words, filtered and paged; "Process again" for one given up on; counts on the mailboxes
 * and the administration home. And the stored original for the staff: as a download or as plain text, to those who
 * may see its ticket (any for administrators, dropped ones too).
 */
@SpringBootTest
@AutoConfigureMockMvc
class InboundPagesTests extends PostgresTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired AgentDirectory agents;
    @Autowired JdbcClient jdbc;
    @Autowired RawMailIntake rawMail;
    @Autowired MailAccountAdministration mailboxes;

    String admin;
    String supervisor;

    @BeforeEach
    void staff() {
        admin = TestStaff.add(agents, Role.ADMIN);
        supervisor = TestStaff.add(agents, Role.SUPERVISOR);
    }

    @Test
    void administratorsSeeEachMessageWithWhatBecameOfItAndWhy() throws Exception {
        MailAccountId box = newMailbox();
        String customer = "olga-" + TestStaff.unique() + "@client.test";
        String firstId = "<" + TestStaff.unique() + "@client.test>";
        InboundReceipt opened = hand(box, mail(customer, "Ольга", "Не печатает принтер", firstId, null, "Принтер молчит."));
        InboundReceipt reply = hand(box, mail(customer, "Ольга", "Re: Не печатает принтер", "<" + TestStaff.unique()
                + "@client.test>", firstId, "Всё ещё молчит."));
        InboundReceipt loop = hand(box, mail("support@otklik.local", "Мы", "Петля", "<" + TestStaff.unique()
                + "@client.test>", null, "Это мы сами."));
        long ticket = jdbc.sql("select ticket_id from inbound_message where id = :id").param("id", opened.id())
                .query(Long.class).single();

        Document ru = page("/admin/inbound?account=" + box, admin, "ru");
        assertThat(ru.select("[data-testid=inbound]")).hasSize(3);
        Element newest = row(ru, loop.id());
        assertThat(ru.select("[data-testid=inbound]").first()).isEqualTo(newest);
        assertThat(newest.selectFirst("[data-testid=outcome]").text()).contains("Отброшено");
        assertThat(newest.selectFirst("[data-testid=ticket]").text()).isEqualTo("—");

        Element first = row(ru, opened.id());
        assertThat(first.selectFirst("[data-testid=mailbox]").text()).contains(mailboxName(box), "через API");
        assertThat(first.selectFirst("[data-testid=sender]").text()).isEqualTo(customer);
        assertThat(first.selectFirst("[data-testid=subject]").text()).isEqualTo("Не печатает принтер");
        assertThat(first.selectFirst("[data-testid=state]").text()).contains("Обработано");
        assertThat(first.selectFirst("[data-testid=outcome]").text()).contains("Открыт тикет", "новое обращение");
        assertThat(first.selectFirst("[data-testid=ticket] a").attr("href")).isEqualTo("/tickets/" + ticket);
        assertThat(first.selectFirst("[data-testid=original]").attr("href"))
                .isEqualTo("/inbound/" + opened.id() + "/original?view=1");
        assertThat(first.select("[data-testid=retry]")).isEmpty();

        assertThat(row(ru, reply.id()).selectFirst("[data-testid=outcome]").text())
                .contains("Добавлено в тикет", "ответ на письмо " + firstId);
        Document en = page("/admin/inbound?account=" + box, admin, "en");
        assertThat(row(en, reply.id()).selectFirst("[data-testid=outcome]").text())
                .contains("Added to ticket", "reply to " + firstId);
        assertThat(row(en, loop.id()).selectFirst("[data-testid=reason]").text())
                .isEqualTo("sent from our own address support@otklik.local");
    }

    @Test
    void everyReasonReadsInPlainWordsAndTwoPartsBothShow() throws Exception {
        MailAccountId box = newMailbox();
        long subject = stored(box, "DONE", "ADDED_TO_TICKET", "thread.subject-number|OTK-12 · filter.rule|Спам, VIP");
        long foreign = stored(box, "DONE", "TICKET_OPENED", "thread.subject-number-foreign-sender|OTK-7");
        long references = stored(box, "DONE", "ADDED_TO_TICKET", "thread.references|<a1@client.test>");
        long duplicate = stored(box, "DONE", "DROPPED", "thread.duplicate|42");
        long auto = stored(box, "DONE", "NOTE_ADDED", "thread.auto-reply");
        long own = stored(box, "DONE", "DROPPED", "filter.own-notification");
        long noSender = stored(box, "DONE", "DROPPED", "filter.no-sender");
        long autoDropped = stored(box, "DONE", "DROPPED", "filter.auto-reply");
        long bounced = stored(box, "DONE", "BOUNCE_RECORDED", "bounce.recorded|<b1@otklik.local>");
        long notOurs = stored(box, "DONE", "BOUNCE_RECORDED", "bounce.not-ours|<b2@elsewhere.test>");
        long unknownBounce = stored(box, "DONE", "BOUNCE_RECORDED", "bounce.unknown");
        long newer = stored(box, "DONE", "DROPPED", "something.new|x'{0}");

        Document ru = page("/admin/inbound?account=" + box, admin, "ru");
        assertThat(reason(ru, subject)).isEqualTo("номер OTK-12 в теме; правило почты: Спам, VIP");
        assertThat(reason(ru, foreign))
                .isEqualTo("номер OTK-7 в теме, но отправитель не участник того тикета — открыт новый");
        assertThat(reason(ru, duplicate)).isEqualTo("копия письма, уже попавшего в тикет OTK-42");
        assertThat(reason(ru, bounced)).isEqualTo("недоставка нашего письма <b1@otklik.local> — отмечена на нём");
        assertThat(reason(ru, newer)).isEqualTo("something.new|x'{0}");

        Document en = page("/admin/inbound?account=" + box, admin, "en");
        assertThat(reason(en, subject)).isEqualTo("number OTK-12 in the subject; mail rule: Спам, VIP");
        assertThat(reason(en, references)).isEqualTo("in the thread of <a1@client.test> (References)");
        assertThat(reason(en, auto)).isEqualTo("automatic reply on a ticket: kept as a note");
        assertThat(reason(en, own)).isEqualTo("our own notification came back");
        assertThat(reason(en, noSender)).isEqualTo("no sender address");
        assertThat(reason(en, autoDropped)).isEqualTo("automatic reply not about a ticket");
        assertThat(reason(en, notOurs)).isEqualTo("delivery failure of mail <b2@elsewhere.test>, which we did not send");
        assertThat(reason(en, unknownBounce)).isEqualTo("delivery failure report without the id of the original mail");
        assertThat(row(en, subject).selectFirst("[data-testid=reason]").attr("title"))
                .isEqualTo("thread.subject-number|OTK-12 · filter.rule|Спам, VIP");
    }

    @Test
    void aMessageGivenUpOnIsProcessedAgainWithRetry() throws Exception {
        MailAccountId box = newMailbox();
        String customer = "retry-" + TestStaff.unique() + "@client.test";
        long failed = storedRaw(box, "FAILED", mail(customer, "Роман", "Повтор", "<" + TestStaff.unique()
                + "@client.test>", null, "Со второго раза."), "CannotGetJdbcConnectionException: Connection is not available");

        Document list = page("/admin/inbound?account=" + box + "&state=FAILED", admin, "ru");
        Element row = row(list, failed);
        assertThat(row.selectFirst("[data-testid=state]").text()).contains("Не обработано");
        assertThat(row.selectFirst("[data-testid=last-error]").text())
                .contains("CannotGetJdbcConnectionException: Connection is not available", "Попыток: 8");
        assertThat(list.selectFirst("[data-testid=unsettled]").text()).contains("не обработаны:");
        String back = row.selectFirst("input[name=back]").val();
        assertThat(back).isEqualTo("/admin/inbound?account=" + box + "&state=FAILED");

        mvc.perform(post("/admin/inbound/" + failed + "/retry").param("back", back).with(as(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(back))
                .andExpect(flash().attribute("retried", failed));
        await().atMost(WAIT).until(() -> "DONE".equals(jdbc.sql("select state from inbound_message where id = :id")
                .param("id", failed).query(String.class).single()));
        Element done = row(page("/admin/inbound?account=" + box, admin, "ru"), failed);
        assertThat(done.selectFirst("[data-testid=outcome]").text()).contains("Открыт тикет");
        assertThat(done.selectFirst("[data-testid=last-error]").text()).isEqualTo("—");
        assertThat(done.select("[data-testid=ticket] a")).hasSize(1);

        // Retrying it again finds nothing to do, and says so.
        mvc.perform(post("/admin/inbound/" + failed + "/retry").with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/inbound")).andExpect(flash().attribute("notRetried", failed));
        // A supervisor may not.
        mvc.perform(post("/admin/inbound/" + failed + "/retry").with(as(supervisor)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theListFiltersByStateAndOutcomeAndPages() throws Exception {
        MailAccountId box = newMailbox();
        for (int i = 0; i < 51; i++) {
            stored(box, "DONE", "DROPPED", "filter.no-sender");
        }
        long failed = stored(box, "FAILED", null, null);
        long opened = stored(box, "DONE", "TICKET_OPENED", "thread.new-ticket");

        Document first = page("/admin/inbound?account=" + box, admin, "en");
        assertThat(first.select("[data-testid=inbound]")).hasSize(50);
        assertThat(first.selectFirst("[data-testid=total]").text()).isEqualTo("Total: 53");
        assertThat(first.select("[data-testid=previous]")).isEmpty();
        String next = first.selectFirst("[data-testid=next]").attr("href");
        assertThat(next).isEqualTo("/admin/inbound?account=" + box + "&page=1");
        Document second = page(next, admin, "en");
        assertThat(second.select("[data-testid=inbound]")).hasSize(3);
        assertThat(second.select("[data-testid=next]")).isEmpty();

        Document onlyFailed = page("/admin/inbound?account=" + box + "&state=FAILED", admin, "en");
        assertThat(onlyFailed.select("[data-testid=inbound]")).extracting(e -> Long.parseLong(e.attr("data-inbound")))
                .containsExactly(failed);
        assertThat(onlyFailed.selectFirst("#filter-state option[selected]").val()).isEqualTo("FAILED");
        Document onlyOpened = page("/admin/inbound?account=" + box + "&outcome=TICKET_OPENED", admin, "en");
        assertThat(onlyOpened.select("[data-testid=inbound]")).extracting(e -> Long.parseLong(e.attr("data-inbound")))
                .containsExactly(opened);
        assertThat(page("/admin/inbound?account=" + box + "&state=DONE&outcome=BOUNCE_RECORDED", admin, "ru")
                .selectFirst("[data-testid=none]").text()).isEqualTo("Сообщений нет.");
        // Nonsense in the filters means no filter, not an error.
        assertThat(page("/admin/inbound?account=" + box + "&state=bogus&page=x", admin, "en")
                .select("[data-testid=inbound]")).hasSize(50);
    }

    @Test
    void onlyAdministratorsSeeTheLogAndItsLinks() throws Exception {
        String agent = TestStaff.add(agents, Role.AGENT);
        mvc.perform(get("/admin/inbound").with(as(supervisor))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/inbound").with(as(agent))).andExpect(status().isForbidden());

        Document home = page("/admin", admin, "ru");
        Element tile = home.selectFirst("[data-screen=inbound]");
        assertThat(tile.selectFirst("a").attr("href")).isEqualTo("/admin/inbound");
        assertThat(tile.selectFirst(".tile-count").text()).startsWith("Ждут обработки или не обработаны:");
        assertThat(page("/admin", supervisor, "ru").select("[data-screen=inbound]")).isEmpty();
        assertThat(page("/admin/mail-accounts", admin, "ru").select("nav a[href=/admin/inbound]")).hasSize(1);
        assertThat(page("/admin/mail-accounts", supervisor, "ru").select("nav a[href=/admin/inbound]")).isEmpty();
    }

    @Test
    void eachMailboxShowsItsWaitingAndFailedMailsAndLinksToThem() throws Exception {
        MailAccountId box = newMailbox();
        long waiting = stored(box, "RECEIVED", null, null);
        jdbc.sql("update inbound_message set next_attempt_at = next_attempt_at + interval '1 hour', attempts = 1 "
                + "where id = :id").param("id", waiting).update();
        stored(box, "FAILED", null, null);
        stored(box, "FAILED", null, null);
        stored(box, "DONE", "TICKET_OPENED", "thread.new-ticket");

        Element row = page("/admin/mail-accounts", admin, "ru").selectFirst("[data-account=" + box + "]");
        assertThat(row.selectFirst("[data-testid=inbound]").text()).contains("Ждут: 1, не обработаны: 2");
        assertThat(row.selectFirst("[data-testid=inbound-log]").attr("href")).isEqualTo("/admin/inbound?account=" + box);
        Element seenBySupervisor = page("/admin/mail-accounts", supervisor, "en").selectFirst("[data-account=" + box + "]");
        assertThat(seenBySupervisor.selectFirst("[data-testid=inbound]").text()).contains("Waiting: 1, failed: 2");
        assertThat(seenBySupervisor.select("[data-testid=inbound-log]")).isEmpty();

        Element waitingRow = row(page("/admin/inbound?account=" + box + "&state=RECEIVED", admin, "en"), waiting);
        assertThat(waitingRow.selectFirst("[data-testid=state]").text()).contains("Waiting", "Next try:");
    }

    @Test
    void staffWhoMaySeeTheTicketReadTheOriginalAsDownloadOrPlainText() throws Exception {
        MailAccountId box = newMailbox();
        String boundary = "b" + TestStaff.unique();
        byte[] raw = ("From: Ирина <irina-" + TestStaff.unique() + "@client.test>\r\nTo: support@otklik.local\r\n"
                + "Subject: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString("Оригинал письма"
                .getBytes(StandardCharsets.UTF_8)) + "?=\r\nMessage-ID: <" + TestStaff.unique() + "@client.test>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n--"
                + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nЖирный текст\r\n--" + boundary
                + "\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><b>Жирный</b> текст"
                + "<script>alert(1)</script></body></html>\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        InboundReceipt receipt = hand(box, raw);

        String allSeeing = TestStaff.add(agents, Role.AGENT);
        MockHttpServletResponse download = mvc.perform(get("/inbound/" + receipt.id() + "/original")
                .with(as(allSeeing))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(download.getContentType()).isEqualTo("message/rfc822");
        assertThat(download.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"message-" + receipt.id() + ".eml\"");
        assertThat(download.getContentAsByteArray()).isEqualTo(raw);

        MockHttpServletResponse shown = mvc.perform(get("/inbound/" + receipt.id() + "/original").param("view", "1")
                .with(as(allSeeing))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(shown.getContentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(shown.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline");
        assertThat(shown.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(shown.getHeader("Content-Security-Policy")).contains("sandbox");
        assertThat(shown.getContentAsString(StandardCharsets.UTF_8))
                .contains("<b>Жирный</b> текст<script>alert(1)</script>", "Жирный текст");

        TeamId team = TestStaff.asAdmin(() -> agents.createTeam("Команда " + TestStaff.unique(), SupportLine.L1));
        String teamOnly = TestStaff.add(agents, Role.AGENT, TicketScope.OWN_TEAMS, Set.of(team), Locale.of("ru"));
        mvc.perform(get("/inbound/" + receipt.id() + "/original").with(as(teamOnly))).andExpect(status().isNotFound());
        mvc.perform(get("/inbound/" + receipt.id() + "/original").param("view", "1").with(as(teamOnly)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/inbound/" + receipt.id() + "/original")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theOriginalOfADroppedMessageIsForAdministratorsOnly() throws Exception {
        MailAccountId box = newMailbox();
        byte[] raw = mail("support@otklik.local", "Мы", "Вернулось наше", "<" + TestStaff.unique() + "@client.test>",
                null, "Петля.");
        InboundReceipt dropped = hand(box, raw);
        assertThat(jdbc.sql("select outcome from inbound_message where id = :id").param("id", dropped.id())
                .query(String.class).single()).isEqualTo("DROPPED");

        mvc.perform(get("/inbound/" + dropped.id() + "/original").with(as(supervisor))).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/inbound/" + dropped.id() + "/original").with(as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).isEqualTo(raw);
        Document missing = Jsoup.parse(mvc.perform(get("/inbound/999999999/original").header("Accept-Language", "en")
                .with(as(admin))).andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString());
        assertThat(missing.text()).contains("There is no inbound message 999999999, or you have no access to it.");
    }

    // --- helpers ---

    private InboundReceipt hand(MailAccountId box, byte[] raw) {
        return TestStaff.asAdmin(() -> rawMail.receive(box, ArrivedVia.API, raw, true));
    }

    private MailAccountId newMailbox() {
        String name = "Ящик " + TestStaff.unique();
        return TestStaff.asAdmin(() -> mailboxes.create(new MailAccountDetails(name, "box@company.test",
                "imap.company.test", 993, MailSecurity.SSL, "robot", "secret", "INBOX", Duration.ofSeconds(60), false)));
    }

    private String mailboxName(MailAccountId box) {
        return jdbc.sql("select name from mail_account where id = :id").param("id", box.value()).query(String.class)
                .single();
    }

    /** A stored message as processing left it (its original is a plain mail). */
    private long stored(MailAccountId box, String state, String outcome, String reason) {
        long id = storedRaw(box, state, mail("someone-" + TestStaff.unique() + "@client.test", "Кто-то", "Тема",
                "<" + TestStaff.unique() + "@client.test>", null, "Текст."), state.equals("FAILED")
                ? "IllegalStateException: test" : null);
        jdbc.sql("update inbound_message set outcome = :outcome, outcome_reason = :reason where id = :id")
                .param("outcome", outcome).param("reason", reason).param("id", id).update();
        return id;
    }

    private long storedRaw(MailAccountId box, String state, byte[] raw, String error) {
        long id = jdbc.sql("select nextval('inbound_message_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into inbound_message (id, channel, account_id, external_id, arrived_via, raw, size_bytes,
                  received_at, state, attempts, next_attempt_at, last_error, processed_at)
                values (:id, 'EMAIL', :account, :external, 'IMAP', :raw, :size, now(), :state, :attempts, now(),
                  :error, case when :state = 'DONE' then now() end)""")
                .param("id", id).param("account", box.value()).param("external", "<" + TestStaff.unique() + "@t>")
                .param("raw", raw).param("size", (long) raw.length).param("state", state)
                .param("attempts", "FAILED".equals(state) ? 8 : 1).param("error", error).update();
        return id;
    }

    private Element row(Document page, long id) {
        Element row = page.selectFirst("[data-testid=inbound][data-inbound=" + id + "]");
        assertThat(row).as("row of inbound message " + id).isNotNull();
        return row;
    }

    private String reason(Document page, long id) {
        return row(page, id).selectFirst("[data-testid=reason]").text();
    }

    private Document page(String path, String login, String language) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).header("Accept-Language", language).with(as(login)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    static byte[] mail(String from, String name, String subject, String messageId, String inReplyTo, String body) {
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        return ("From: =?UTF-8?B?" + base64.encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "?= <" + from
                + ">\r\nTo: support@otklik.local\r\nSubject: =?UTF-8?B?"
                + base64.encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=\r\nMessage-ID: " + messageId
                + "\r\n" + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\r\n")
                + "Date: Mon, 23 Nov 2026 10:00:00 +0300\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body
                + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
