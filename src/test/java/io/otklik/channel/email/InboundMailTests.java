package io.otklik.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.channel.ArrivedVia;
import io.otklik.channel.InboundIntake;
import io.otklik.channel.InboundReceipt;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mail in, the way support teams meet it: a new mail opens a ticket and is acknowledged, replies thread onto their
 * ticket by headers or by the number in the subject, the same mail twice makes one ticket, loops and bounces open
 * none, auto-replies become notes, and what could not be kept is said on the ticket.
 */
@SpringBootTest
class InboundMailTests extends PostgresTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired InboundIntake intake;
    @Autowired SandboxMailServer sandbox;
    @Autowired JdbcClient jdbc;
    @Autowired PostmasterRuleAdministration postmaster;

    @Test
    void aMailSentToTheSandboxMailboxBecomesATicketAndIsAcknowledged() throws Exception {
        String customer = "olga-" + TestStaff.unique() + "@client.test";
        String messageId = "<" + TestStaff.unique() + "@client.test>";
        sendToSandbox(mail(customer, "Ольга Петрова", "Не работает принтер", messageId, null,
                "Добрый день! Принтер на третьем этаже не печатает."));

        Map<String, Object> row = awaitInbound(messageId);
        assertThat(row.get("outcome")).isEqualTo("TICKET_OPENED");
        assertThat(row.get("arrived_via")).isEqualTo("IMAP");
        long ticket = (Long) row.get("ticket_id");
        assertThat(subjectOf(ticket)).isEqualTo("Не работает принтер");
        assertThat(firstMessage(ticket)).contains("Принтер на третьем этаже");

        String reference = referenceOf(ticket);
        await().atMost(WAIT).until(() -> sandbox.mails().stream().anyMatch(m -> m.envelopeTo().contains(customer)
                && m.subject().contains("[" + reference + "]")));
        // Marked seen on the server only once it was in its ticket.
        await().atMost(WAIT).until(() -> unseenInSupportMailbox() == 0);
    }

    @Test
    void aReplyToOurAcknowledgementThreadsOntoTheSameTicket() {
        String customer = "ivan-" + TestStaff.unique() + "@client.test";
        long ticket = receiveAndWait(mail(customer, "Иван", "VPN не подключается", "<" + TestStaff.unique()
                + "@client.test>", null, "Ошибка 809."));
        String reference = referenceOf(ticket);
        await().atMost(WAIT).until(() -> sandbox.mails().stream().anyMatch(m -> m.envelopeTo().contains(customer)));
        String ackId = sandbox.mails().stream().filter(m -> m.envelopeTo().contains(customer)).findFirst()
                .orElseThrow().messageId();

        String replyId = "<" + TestStaff.unique() + "@client.test>";
        long replied = receiveAndWait(mail(customer, "Иван", "Re: [" + reference + "] Мы получили ваше обращение",
                replyId, ackId, "Спасибо, жду.\n\n> Мы получили ваше обращение"));
        assertThat(replied).isEqualTo(ticket);
        assertThat(inbound(replyId).get("outcome_reason")).isEqualTo("thread.in-reply-to|" + ackId);
        assertThat(messageCount(ticket)).isEqualTo(2);
    }

    @Test
    void theNumberInTheSubjectThreadsForTheRequesterButNotForAStranger() {
        String customer = "maria-" + TestStaff.unique() + "@client.test";
        long ticket = receiveAndWait(mail(customer, "Мария", "Нет доступа к папке", "<" + TestStaff.unique()
                + "@client.test>", null, "Папка «Бухгалтерия»."));
        String reference = referenceOf(ticket);

        String ownId = "<" + TestStaff.unique() + "@client.test>";
        assertThat(receiveAndWait(mail(customer, "Мария", "Ещё по " + reference, ownId, null, "Добавлю скриншот.")))
                .isEqualTo(ticket);
        assertThat(inbound(ownId).get("outcome_reason")).isEqualTo("thread.subject-number|" + reference);

        String strangerId = "<" + TestStaff.unique() + "@elsewhere.test>";
        long other = receiveAndWait(mail("stranger-" + TestStaff.unique() + "@elsewhere.test", "Чужой",
                "[" + reference + "] хочу в эту заявку", strangerId, null, "Впишите меня."));
        assertThat(other).isNotEqualTo(ticket);
        assertThat(inbound(strangerId).get("outcome_reason"))
                .isEqualTo("thread.subject-number-foreign-sender|" + reference);
    }

    @Test
    void theSameMailTwiceMakesOneTicket() {
        String customer = "petr-" + TestStaff.unique() + "@client.test";
        byte[] raw = mail(customer, "Пётр", "Дважды", "<" + TestStaff.unique() + "@client.test>", null, "Один раз.");
        InboundReceipt first = intake.receive(Channel.EMAIL, sandboxAccount(), ArrivedVia.API, raw);
        InboundReceipt second = intake.receive(Channel.EMAIL, sandboxAccount(), ArrivedVia.API, raw);
        assertThat(second.duplicate()).isTrue();
        assertThat(second.id()).isEqualTo(first.id());
        await().atMost(WAIT).until(() -> intake.settled(first.id()));
        assertThat(jdbc.sql("select count(*) from ticket t join customer_contact c on c.customer_id = t.requester_id"
                + " where c.address = :email").param("email", customer).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void ourOwnMailComingBackIsDroppedAndOpensNoTicket() {
        String id = "<" + TestStaff.unique() + "@client.test>";
        InboundReceipt receipt = intake.receive(Channel.EMAIL, sandboxAccount(), ArrivedVia.API,
                mail("support@otklik.local", "Служба поддержки", "Петля", id, null, "Это мы сами."));
        await().atMost(WAIT).until(() -> intake.settled(receipt.id()));
        assertThat(inbound(id).get("outcome")).isEqualTo("DROPPED");
        assertThat(inbound(id).get("ticket_id")).isNull();
    }

    @Test
    void anAutoReplyToATicketBecomesANoteAndIsNotAcknowledged() {
        String customer = "away-" + TestStaff.unique() + "@client.test";
        long ticket = receiveAndWait(mail(customer, "Отпускник", "Вопрос по счёту", "<" + TestStaff.unique()
                + "@client.test>", null, "Где счёт?"));
        String reference = referenceOf(ticket);
        await().atMost(WAIT).until(() -> mailsTo(customer) == 1);

        String autoId = "<" + TestStaff.unique() + "@client.test>";
        byte[] auto = ("From: " + customer + "\r\nTo: support@otklik.local\r\nSubject: Автоответ: [" + reference
                + "] Мы получили ваше обращение\r\nMessage-ID: " + autoId + "\r\nAuto-Submitted: auto-replied\r\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0300\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Я в отпуске до 1 декабря.\r\n").getBytes(StandardCharsets.UTF_8);
        InboundReceipt receipt = intake.receive(Channel.EMAIL, sandboxAccount(), ArrivedVia.API, auto);
        await().atMost(WAIT).until(() -> intake.settled(receipt.id()));
        assertThat(inbound(autoId).get("outcome")).isEqualTo("NOTE_ADDED");
        assertThat(jdbc.sql("select kind from ticket_message where ticket_id = :t order by id desc limit 1")
                .param("t", ticket).query(String.class).single()).isEqualTo("INTERNAL_NOTE");
        assertThat(statusOf(ticket)).isEqualTo("NEW");
        // No second mail to the customer: only the first acknowledgement.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> mailsTo(customer) == 1);
    }

    @Test
    void aBounceOfOurMailMarksItFailedAndOpensNoTicket() {
        String customer = "gone-" + TestStaff.unique() + "@client.test";
        long ticket = receiveAndWait(mail(customer, "Ушедший", "Пароль", "<" + TestStaff.unique()
                + "@client.test>", null, "Сбросьте пароль."));
        await().atMost(WAIT).until(() -> mailsTo(customer) == 1);
        String ackId = jdbc.sql("select message_id from outbox_entry where ticket_id = :t").param("t", ticket)
                .query(String.class).list().getFirst();

        String bounceId = "<" + TestStaff.unique() + "@mx.client.test>";
        byte[] bounce = ("From: Mail Delivery System <MAILER-DAEMON@mx.client.test>\r\nTo: support@otklik.local\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: " + bounceId + "\r\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0300\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n"
                + "--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.client.test\r\n\r\n"
                + "Final-Recipient: rfc822; " + customer + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n"
                + "--b1\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: " + ackId + "\r\nTo: " + customer
                + "\r\n\r\n--b1--\r\n").getBytes(StandardCharsets.UTF_8);
        long before = ticketCount();
        InboundReceipt receipt = intake.receive(Channel.EMAIL, sandboxAccount(), ArrivedVia.API, bounce);
        await().atMost(WAIT).until(() -> intake.settled(receipt.id()));
        assertThat(inbound(bounceId).get("outcome")).isEqualTo("BOUNCE_RECORDED");
        assertThat(ticketCount()).isEqualTo(before);
        Map<String, Object> entry = jdbc.sql("select state, last_error from outbox_entry where message_id = :id")
                .param("id", ackId).query().singleRow();
        assertThat(entry.get("state")).isEqualTo("FAILED");
        assertThat((String) entry.get("last_error")).contains("User unknown");
    }

    @Test
    void aProgramAttachedIsLeftOutAndTheTicketSaysSo() {
        String customer = "files-" + TestStaff.unique() + "@client.test";
        String id = "<" + TestStaff.unique() + "@client.test>";
        String boundary = "b" + TestStaff.unique();
        byte[] raw = ("From: " + customer + "\r\nTo: support@otklik.local\r\nSubject: Файлы\r\nMessage-ID: " + id
                + "\r\nDate: Mon, 23 Nov 2026 10:00:00 +0300\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary
                + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nСм. вложения.\r\n--" + boundary
                + "\r\nContent-Type: application/octet-stream; name=\"setup.exe\"\r\n"
                + "Content-Disposition: attachment; filename=\"setup.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getEncoder().encodeToString("MZ program".getBytes(StandardCharsets.UTF_8)) + "\r\n--"
                + boundary + "\r\nContent-Type: text/plain; name=\"log.txt\"\r\n"
                + "Content-Disposition: attachment; filename=\"log.txt\"\r\n\r\nerror 42\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        long ticket = receiveAndWait(raw);
        assertThat(jdbc.sql("select file_name from ticket_attachment where ticket_id = :t").param("t", ticket)
                .query(String.class).list()).containsExactly("log.txt");
        assertThat(jdbc.sql("select body_text from ticket_message where ticket_id = :t and kind = 'INTERNAL_NOTE'")
                .param("t", ticket).query(String.class).single()).contains("setup.exe");
    }

    @Test
    void addressesInCopyFollowTheTicketButOurOwnNever() {
        String customer = "cc-" + TestStaff.unique() + "@client.test";
        String colleague = "colleague-" + TestStaff.unique() + "@client.test";
        String id = "<" + TestStaff.unique() + "@client.test>";
        byte[] raw = ("From: " + customer + "\r\nTo: support@otklik.local\r\nCc: Коллега <" + colleague
                + ">, support@otklik.local\r\nSubject: Вместе\r\nMessage-ID: " + id
                + "\r\nDate: Mon, 23 Nov 2026 10:00:00 +0300\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Коллега в копии.\r\n").getBytes(StandardCharsets.UTF_8);
        long ticket = receiveAndWait(raw);
        assertThat(jdbc.sql("select c.address, f.source from ticket_follower f join customer_contact c"
                        + " on c.customer_id = f.customer_id where f.ticket_id = :t")
                .param("t", ticket).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .containsExactly(colleague + " EMAIL_CC");

        // The colleague answers our acknowledgement: the message is theirs, on the same ticket.
        await().atMost(WAIT).until(() -> mailsTo(customer) == 1);
        String ackId = jdbc.sql("select message_id from outbox_entry where ticket_id = :t").param("t", ticket)
                .query(String.class).list().getFirst();
        long answered = receiveAndWait(mail(colleague, "Коллега", "Re: Вместе", "<" + TestStaff.unique()
                + "@client.test>", ackId, "Подтверждаю."));
        assertThat(answered).isEqualTo(ticket);
    }

    @Test
    void postmasterRulesDropOrFileTheMail() {
        String mark = "pm" + TestStaff.unique();
        PostmasterRuleId drop = TestStaff.asAdmin(() -> postmaster.create(new PostmasterRuleDetails(mark + " спам",
                true, true, List.of(PostmasterCondition.of(PostmasterCondition.Field.SUBJECT,
                        PostmasterCondition.Operator.CONTAINS, mark + " casino")),
                List.of(PostmasterAction.drop()))));
        PostmasterRuleId file = TestStaff.asAdmin(() -> postmaster.create(new PostmasterRuleDetails(mark + " счета",
                true, false, List.of(PostmasterCondition.of(PostmasterCondition.Field.SUBJECT,
                        PostmasterCondition.Operator.CONTAINS, mark + " счёт")),
                List.of(PostmasterAction.tag("бухгалтерия"), PostmasterAction.priority(Priority.HIGH)))));
        try {
            String spamId = "<" + TestStaff.unique() + "@spam.test>";
            InboundReceipt spam = intake.receive(Channel.EMAIL, sandboxAccount(), ArrivedVia.API,
                    mail("win-" + TestStaff.unique() + "@spam.test", "Win", mark + " casino bonus", spamId, null, "!!!"));
            await().atMost(WAIT).until(() -> intake.settled(spam.id()));
            assertThat(inbound(spamId).get("outcome")).isEqualTo("DROPPED");
            assertThat(inbound(spamId).get("outcome_reason")).isEqualTo("filter.rule|" + mark + " спам");

            String billId = "<" + TestStaff.unique() + "@client.test>";
            long ticket = receiveAndWait(mail("bill-" + TestStaff.unique() + "@client.test", "Бухгалтер",
                    mark + " счёт не пришёл", billId, null, "Счёт за ноябрь."));
            assertThat(jdbc.sql("select priority from ticket where id = :t").param("t", ticket).query(String.class)
                    .single()).isEqualTo("HIGH");
            assertThat(jdbc.sql("select tag from ticket_tag where ticket_id = :t").param("t", ticket)
                    .query(String.class).list()).containsExactly("бухгалтерия");
            assertThat((String) inbound(billId).get("outcome_reason")).endsWith("filter.rule|" + mark + " счета");
        } finally {
            TestStaff.asAdmin(() -> {
                postmaster.delete(drop);
                postmaster.delete(file);
                return null;
            });
        }
    }

    // --- helpers ---

    private long receiveAndWait(byte[] raw) {
        InboundReceipt receipt = intake.receive(Channel.EMAIL, sandboxAccount(), ArrivedVia.API, raw);
        await().atMost(WAIT).until(() -> intake.settled(receipt.id()));
        Long ticket = intake.ticketOf(receipt.id()).orElseThrow(() -> new AssertionError(
                "no ticket: " + jdbc.sql("select outcome, outcome_reason, last_error from inbound_message where id = :id")
                        .param("id", receipt.id()).query().singleRow()));
        return ticket;
    }

    private Map<String, Object> awaitInbound(String externalId) {
        await().atMost(WAIT).until(() -> jdbc.sql(
                        "select count(*) from inbound_message where external_id = :id and state = 'DONE'")
                .param("id", externalId).query(Long.class).single() == 1);
        return inbound(externalId);
    }

    private Map<String, Object> inbound(String externalId) {
        return jdbc.sql("select * from inbound_message where external_id = :id").param("id", externalId).query()
                .singleRow();
    }

    private long sandboxAccount() {
        return jdbc.sql("select id from mail_account where sandbox").query(Long.class).single();
    }

    private String referenceOf(long ticket) {
        return jdbc.sql("select reference from ticket where id = :id").param("id", ticket).query(String.class).single();
    }

    private String subjectOf(long ticket) {
        return jdbc.sql("select subject from ticket where id = :id").param("id", ticket).query(String.class).single();
    }

    private String statusOf(long ticket) {
        return jdbc.sql("select status from ticket where id = :id").param("id", ticket).query(String.class).single();
    }

    private String firstMessage(long ticket) {
        return jdbc.sql("select body_text from ticket_message where ticket_id = :id order by id limit 1")
                .param("id", ticket).query(String.class).single();
    }

    private long messageCount(long ticket) {
        return jdbc.sql("select count(*) from ticket_message where ticket_id = :id and kind = 'PUBLIC_REPLY'")
                .param("id", ticket).query(Long.class).single();
    }

    private long ticketCount() {
        return jdbc.sql("select count(*) from ticket").query(Long.class).single();
    }

    private long mailsTo(String address) {
        return sandbox.mails().stream().filter(m -> m.envelopeTo().contains(address)).count();
    }

    private int unseenInSupportMailbox() throws Exception {
        return SandboxMailboxes.unread(sandbox, sandbox.mailbox());
    }

    private void sendToSandbox(byte[] raw) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", sandbox.host());
        properties.setProperty("mail.smtp.port", Integer.toString(sandbox.smtpPort()));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session, new java.io.ByteArrayInputStream(raw));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            // Sent as written: Transport.send would give it a new Message-ID.
            transport.sendMessage(message, new InternetAddress[] {new InternetAddress(sandbox.mailbox())});
        }
    }

    static byte[] mail(String from, String name, String subject, String messageId, String inReplyTo, String body) {
        return ("From: =?UTF-8?B?" + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8))
                + "?= <" + from + ">\r\nTo: support@otklik.local\r\nSubject: =?UTF-8?B?"
                + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + "Message-ID: " + messageId + "\r\n" + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo
                + "\r\nReferences: " + inReplyTo + "\r\n") + "Date: Mon, 23 Nov 2026 10:00:00 +0300\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body.replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
