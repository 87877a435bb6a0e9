package io.otklik.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.Test;

class MailFactoryTest {

    private static final int MAILS = 3_000;
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private final MailFactory factory = new MailFactory(20261124, MAILS, "t1", "support@bench.test", NOW);

    @Test
    void aboutTwentyKilobytesOnAverageAndOneInTenWithAFile() {
        long bytes = 0;
        int attachments = 0;
        int replies = 0;
        int returning = 0;
        int largest = 0;
        Set<String> ids = new HashSet<>();
        Set<String> senders = new HashSet<>();
        for (int i = 0; i < MAILS; i++) {
            MailFactory.Mail mail = factory.mail(i);
            bytes += mail.raw().length;
            largest = Math.max(largest, mail.raw().length);
            attachments += mail.hasAttachment() ? 1 : 0;
            replies += mail.reply() ? 1 : 0;
            returning += mail.returning() ? 1 : 0;
            assertTrue(ids.add(mail.messageId()), "Message-IDs are unique: " + mail.messageId());
            senders.add(mail.from());
        }
        double average = bytes / (double) MAILS;
        assertTrue(average > 18_000 && average < 22_000, "average size " + average);
        assertTrue(largest < 3_000_000, "no giant: " + largest);
        assertTrue(Math.abs(attachments / (double) MAILS - 0.10) < 0.015, "attachments " + attachments);
        assertTrue(Math.abs(replies / (double) MAILS - 0.10) < 0.015, "replies " + replies);
        assertTrue(returning > MAILS / 10 && returning < MAILS / 4, "returning customers " + returning);
        // New tickets come from many different people; replies and returning customers reuse some.
        assertTrue(senders.size() > MAILS * 0.6 && senders.size() < MAILS * 0.85, "senders " + senders.size());
    }

    @Test
    void aMailDependsOnlyOnSeedAndPosition() {
        MailFactory again = new MailFactory(20261124, MAILS, "t1", "support@bench.test", NOW);
        again.mail(5);
        assertArrayEquals(factory.mail(1234).raw(), again.mail(1234).raw());
        MailFactory otherRun = new MailFactory(20261124, MAILS, "t2", "support@bench.test", NOW);
        assertTrue(!factory.mail(7).messageId().equals(otherRun.mail(7).messageId()), "each run its own ids");
    }

    @Test
    void mailsParseAndRepliesAnswerAnEarlierMailOfTheSameSender() throws Exception {
        Session session = Session.getInstance(new Properties());
        Map<String, MailFactory.Mail> byId = new HashMap<>();
        int checkedReplies = 0;
        int checkedFiles = 0;
        for (int i = 0; i < 600; i++) {
            MailFactory.Mail mail = factory.mail(i);
            byId.put(mail.messageId(), mail);
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(mail.raw()));
            assertEquals(mail.messageId(), message.getMessageID());
            assertEquals(mail.from(), ((jakarta.mail.internet.InternetAddress) message.getFrom()[0]).getAddress());
            assertNotNull(message.getSubject());
            assertTrue(text(message).length() > 20, "a readable text in mail " + i);
            if (mail.reply()) {
                MailFactory.Mail original = byId.get(mail.inReplyTo());
                assertNotNull(original, "answers an earlier mail");
                assertTrue(original.index() <= i - MailFactory.REPLY_GAP);
                assertEquals(original.from(), mail.from());
                assertEquals(mail.inReplyTo(), message.getHeader("In-Reply-To", null));
                assertTrue(message.getSubject().matches("(?i)re: .+"), message.getSubject());
                checkedReplies++;
            }
            if (mail.hasAttachment()) {
                Part file = ((Multipart) message.getContent()).getBodyPart(1);
                assertEquals(mail.attachment(), MimeUtility.decodeText(file.getFileName()));
                byte[] bytes = file.getInputStream().readAllBytes();
                String start = new String(bytes, 0, 8, StandardCharsets.ISO_8859_1);
                assertTrue(start.startsWith("%PDF-") || start.startsWith("\u0089PNG"), start);
                checkedFiles++;
            }
        }
        assertTrue(checkedReplies > 20 && checkedFiles > 20, checkedReplies + " replies, " + checkedFiles + " files");
    }

    @Test
    void nothingTheAppWouldProcessAtTheSameMomentConcernsTheSameCustomerOrTicket() {
        Map<Integer, Integer> lastReplyTo = new HashMap<>();
        for (int i = 0; i < MAILS; i++) {
            int author = factory.authorOf(i);
            assertTrue(author == i || author <= i - MailFactory.REPLY_GAP, "mail " + i + " by the author of " + author);
            if (factory.isReply(i)) {
                int target = factory.target(i);
                Integer before = lastReplyTo.put(target, i);
                assertTrue(before == null || before <= i - MailFactory.REPLY_GAP,
                        "replies " + before + " and " + i + " to " + target);
            }
        }
    }

    @Test
    void quotedPrintableKeepsLinesShort() {
        String text = "Ошибка = " + "x".repeat(200) + " \r\nend";
        String encoded = MailFactory.quotedPrintable(text.getBytes(StandardCharsets.UTF_8));
        for (String line : encoded.split("\r\n")) {
            assertTrue(line.length() <= 76, line);
        }
        assertTrue(encoded.contains("=3D") && encoded.contains("=20\r\nend"), encoded);
    }

    /** The first text part, decoded. */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            return text(multipart.getBodyPart(0));
        }
        return "";
    }
}
