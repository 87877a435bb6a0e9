package io.otklik.channel.email.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import io.otklik.ApiTest;
import io.otklik.agent.TicketScope;
import io.otklik.identity.Role;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

/**
 * Raw mail over the API, as a script or the mail gate hands it in: an administrator's mail is stored and becomes a
 * ticket, the same mail twice is stored once, {@code wait=true} answers with the ticket, and bad requests (no such
 * mailbox, empty, too large, wrong type, not an administrator) are refused with problem+json and store nothing.
 * The stored message's record tells what became of it and why, in the caller's language.
 */
class MailMessagesApiTests extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final MediaType RFC822 = MediaType.parseMediaType("message/rfc822");

    @Autowired JdbcClient jdbc;

    @Test
    void anAdministratorHandsInAMailAndItBecomesATicket() throws Exception {
        Staff admin = admin();
        String sender = "anna-" + unique("c") + "@client.test";
        String messageId = "<" + unique("m") + "@client.test>";
        byte[] raw = mail(sender, "Анна Смирнова", "Не приходит счёт", messageId, null, "Добрый день! Счёт за ноябрь не пришёл.");

        MvcResult posted = mvc.perform(postMail(admin, mailbox(), raw).header("Accept-Language", "en"))
                .andExpect(status().isAccepted()).andReturn();
        JsonNode answer = body(posted);
        long id = answer.get("id").asLong();
        assertThat(answer.get("duplicate").asBoolean()).isFalse();
        assertThat(answer.get("state").asString()).isIn("RECEIVED", "DONE");
        assertThat(answer.get("location").asString()).endsWith("/api/v1/inbound/" + id);
        assertThat(posted.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/v1/inbound/" + id);

        await().atMost(WAIT).until(() -> "DONE".equals(record(admin, id, "en").get("state").asString()));
        JsonNode record = record(admin, id, "en");
        assertThat(record.get("outcome").asString()).isEqualTo("TICKET_OPENED");
        assertThat(record.get("arrivedVia").asString()).isEqualTo("API");
        assertThat(record.get("messageId").asString()).isEqualTo(messageId);
        assertThat(record.get("sender").asString()).isEqualTo(sender);
        assertThat(record.get("subject").asString()).isEqualTo("Не приходит счёт");
        assertThat(record.get("reason").asString()).isEqualTo("thread.new-ticket");
        assertThat(record.get("reasonText").asString()).isEqualTo("new request");
        assertThat(record(admin, id, "ru").get("reasonText").asString()).isEqualTo("новое обращение");
        assertThat(record.get("receivedAt").asString()).isNotBlank();
        assertThat(record.get("processedAt").asString()).isNotBlank();
        assertThat(record.get("lastError").isNull()).isTrue();
        long ticket = record.get("ticketId").asLong();
        assertThat(record.get("ticketReference").asString()).isEqualTo(reference(ticket));

        JsonNode opened = body(mvc.perform(getAs(admin, "/api/v1/tickets/{n}", ticket)).andExpect(status().isOk())
                .andReturn());
        assertThat(opened.get("subject").asString()).isEqualTo("Не приходит счёт");
        assertThat(opened.get("channel").asString()).isEqualTo("EMAIL");

        MvcResult original = mvc.perform(getAs(admin, record.get("original").asString()))
                .andExpect(status().isOk()).andExpect(content().contentType(RFC822)).andReturn();
        assertThat(original.getResponse().getContentAsByteArray()).isEqualTo(raw);
        assertThat(original.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains("message-" + id + ".eml");
    }

    @Test
    void theSameMailHandedInTwiceIsStoredOnceAndAnswers200() throws Exception {
        Staff admin = admin();
        byte[] raw = mail("boris-" + unique("c") + "@client.test", "Борис", "Дважды", "<" + unique("m")
                + "@client.test>", null, "Один раз, пожалуйста.");
        long first = body(mvc.perform(postMail(admin, mailbox(), raw)).andExpect(status().isAccepted()).andReturn())
                .get("id").asLong();

        MvcResult again = mvc.perform(postMail(admin, mailbox(), raw)).andExpect(status().isOk()).andReturn();
        assertThat(body(again).get("duplicate").asBoolean()).isTrue();
        assertThat(body(again).get("id").asLong()).isEqualTo(first);
        assertThat(again.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/v1/inbound/" + first);
        await().atMost(WAIT).until(() -> "DONE".equals(record(admin, first, "en").get("state").asString()));
        assertThat(jdbc.sql("select count(*) from inbound_message where id = :id or external_id = "
                + "(select external_id from inbound_message where id = :id)").param("id", first).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void waitingForProcessingAnswersWithTheTicketAndAReplyLandsOnIt() throws Exception {
        Staff admin = admin();
        String sender = "vera-" + unique("c") + "@client.test";
        String first = "<" + unique("m") + "@client.test>";
        JsonNode opened = body(mvc.perform(postMail(admin, mailbox(), mail(sender, "Вера", "Сломался ноутбук", first,
                null, "Не включается.")).param("wait", "true")).andExpect(status().isAccepted()).andReturn());
        assertThat(opened.get("state").asString()).isEqualTo("DONE");
        assertThat(opened.get("outcome").asString()).isEqualTo("TICKET_OPENED");
        long ticket = opened.get("ticketId").asLong();
        assertThat(opened.get("ticketReference").asString()).isEqualTo(reference(ticket));

        JsonNode reply = body(mvc.perform(postMail(admin, mailbox(), mail(sender, "Вера", "Re: Сломался ноутбук",
                "<" + unique("m") + "@client.test>", first, "Уже включился, но медленно.")).param("wait", "true"))
                .andExpect(status().isAccepted()).andReturn());
        assertThat(reply.get("outcome").asString()).isEqualTo("ADDED_TO_TICKET");
        assertThat(reply.get("ticketId").asLong()).isEqualTo(ticket);
        JsonNode record = record(admin, reply.get("id").asLong(), "en");
        assertThat(record.get("reason").asString()).isEqualTo("thread.in-reply-to|" + first);
        assertThat(record.get("reasonText").asString()).isEqualTo("reply to " + first);
    }

    @Test
    void aMailSentAsOctetStreamIsTakenTooButPlainTextIsNot() throws Exception {
        Staff admin = admin();
        byte[] raw = mail("gleb-" + unique("c") + "@client.test", "Глеб", "Бинарно", "<" + unique("m")
                + "@client.test>", null, "Как octet-stream.");
        mvc.perform(post("/api/v1/mail-accounts/{id}/messages", mailbox()).header(HttpHeaders.AUTHORIZATION,
                admin.bearer()).contentType(MediaType.APPLICATION_OCTET_STREAM).content(raw))
                .andExpect(status().isAccepted());

        mvc.perform(post("/api/v1/mail-accounts/{id}/messages", mailbox()).header(HttpHeaders.AUTHORIZATION,
                admin.bearer()).contentType(MediaType.TEXT_PLAIN).content(raw))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void badMailsAreRefusedWithProblemsAndNothingIsStored() throws Exception {
        Staff admin = admin();
        long before = stored();

        JsonNode unknown = body(mvc.perform(postMail(admin, 999_999_999L, mail("x-" + unique("c") + "@client.test",
                        "X", "Куда?", "<" + unique("m") + "@client.test>", null, "Нет такого ящика."))
                        .header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).andReturn());
        assertThat(unknown.get("detail").asString()).isEqualTo("There is no mailbox 999999999.");

        JsonNode empty = body(mvc.perform(postMail(admin, mailbox(), new byte[0]).header("Accept-Language", "ru"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).andReturn());
        assertThat(empty.get("detail").asString()).isEqualTo("Пустое сообщение: принимать нечего.");

        byte[] huge = new byte[25 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) 'a');
        byte[] head = "Subject: big\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, huge, 0, head.length);
        JsonNode tooLarge = body(mvc.perform(postMail(admin, mailbox(), huge).header("Accept-Language", "en"))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).andReturn());
        assertThat(tooLarge.get("detail").asString())
                .isEqualTo("The message is larger than 25 MB, the most this server takes (otklik.mail.inbound.max-size).");

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsHandInMailsOrReadTheRecords() throws Exception {
        Staff admin = admin();
        long id = body(mvc.perform(postMail(admin, mailbox(), mail("dina-" + unique("c") + "@client.test", "Дина",
                "Запись", "<" + unique("m") + "@client.test>", null, "Текст."))).andExpect(status().isAccepted())
                .andReturn()).get("id").asLong();
        long before = stored();
        byte[] raw = mail("evil-" + unique("c") + "@client.test", "Злоумышленник", "От чужого имени", "<"
                + unique("m") + "@client.test>", null, "Я пишу как кто угодно.");

        for (Staff notAdmin : new Staff[] {staff(Role.AGENT, TicketScope.ALL), staff(Role.SUPERVISOR, TicketScope.ALL)}) {
            mvc.perform(postMail(notAdmin, mailbox(), raw)).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(getAs(notAdmin, "/api/v1/inbound/{id}", id)).andExpect(status().isForbidden());
            mvc.perform(getAs(notAdmin, "/api/v1/inbound")).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/v1/mail-accounts/{id}/messages", mailbox()).contentType(RFC822).content(raw))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/mail-accounts/{id}/messages", mailbox()).header(HttpHeaders.AUTHORIZATION,
                "Bearer otk_wrong").contentType(RFC822).content(raw)).andExpect(status().isUnauthorized());
        assertThat(stored()).isEqualTo(before);

        mvc.perform(getAs(admin, "/api/v1/inbound/{id}", 999_999_999L).header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theListingFiltersByMailboxAndStateNewestFirst() throws Exception {
        Staff admin = admin();
        long first = body(mvc.perform(postMail(admin, mailbox(), mail("list-" + unique("c") + "@client.test", "Лида",
                "Первое", "<" + unique("m") + "@client.test>", null, "1.")).param("wait", "true"))
                .andExpect(status().isAccepted()).andReturn()).get("id").asLong();
        long second = body(mvc.perform(postMail(admin, mailbox(), mail("list-" + unique("c") + "@client.test", "Лида",
                "Второе", "<" + unique("m") + "@client.test>", null, "2.")).param("wait", "true"))
                .andExpect(status().isAccepted()).andReturn()).get("id").asLong();

        JsonNode page = body(mvc.perform(getAs(admin, "/api/v1/inbound").param("accountId", String.valueOf(mailbox()))
                .param("state", "DONE").param("size", "200")).andExpect(status().isOk()).andReturn());
        java.util.List<Long> ids = new java.util.ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        assertThat(ids).contains(first, second);
        assertThat(ids.indexOf(second)).isLessThan(ids.indexOf(first));
        page.get("items").forEach(item -> {
            assertThat(item.get("state").asString()).isEqualTo("DONE");
            assertThat(item.get("accountId").asLong()).isEqualTo(mailbox());
        });
        JsonNode none = body(mvc.perform(getAs(admin, "/api/v1/inbound").param("accountId", "999999999"))
                .andExpect(status().isOk()).andReturn());
        assertThat(none.get("items").size()).isZero();
    }

    @Test
    void theApiDescriptionDocumentsRawMailAndInboundRecords() throws Exception {
        JsonNode api = body(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn());
        JsonNode post = api.at("/paths/~1api~1v1~1mail-accounts~1{id}~1messages/post");
        assertThat(post.at("/requestBody/content").propertyNames())
                .contains("message/rfc822", "application/octet-stream");
        assertThat(post.get("responses").propertyNames()).contains("202", "200", "404", "413", "422");
        java.util.List<String> parameters = new java.util.ArrayList<>();
        post.get("parameters").forEach(p -> parameters.add(p.get("name").asString()));
        assertThat(parameters).contains("id", "wait", "via");
        assertThat(api.get("paths").propertyNames()).contains("/api/v1/inbound/{id}", "/api/v1/inbound/{id}/original",
                "/api/v1/inbound", "/api/v1/inbound/{id}/retry");
        assertThat(api.at("/components/schemas/InboundResponse/properties").propertyNames())
                .contains("state", "outcome", "reason", "reasonText", "ticketId", "sender", "subject", "receivedAt",
                        "lastError");
    }

    // --- helpers ---

    private MockHttpServletRequestBuilder postMail(Staff who, long mailbox, byte[] raw) {
        return post("/api/v1/mail-accounts/{id}/messages", mailbox).header(HttpHeaders.AUTHORIZATION, who.bearer())
                .contentType(RFC822).content(raw);
    }

    private JsonNode record(Staff who, long id, String language) throws Exception {
        return body(mvc.perform(getAs(who, "/api/v1/inbound/{id}", id).header("Accept-Language", language))
                .andExpect(status().isOk()).andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE)).andReturn());
    }

    private long mailbox() {
        return jdbc.sql("select id from mail_account where sandbox").query(Long.class).single();
    }

    private long stored() {
        return jdbc.sql("select count(*) from inbound_message").query(Long.class).single();
    }

    private String reference(long ticket) {
        return jdbc.sql("select reference from ticket where id = :id").param("id", ticket).query(String.class).single();
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
