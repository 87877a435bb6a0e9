package io.otklik.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import com.icegreen.greenmail.user.GreenMailUser;

import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;

/** The tuned GreenMail serves a large mailbox the way the app reads it: correctly, and without slowing down. */
class ImapMailboxTest {

    private static final int MAILS = 1_500;
    private static final String BOX = "bench-test@mailbench.otklik.local";

    @Test
    void servesALargeMailboxOneMailAtATime() throws Exception {
        ImapMailbox server = new ImapMailbox(false);
        server.start();
        try {
            GreenMailUser user = server.setUser(BOX, BOX, "");
            MailFactory factory = new MailFactory(7, MAILS, "imap", BOX, Instant.now());
            Session session = Session.getInstance(new Properties());
            List<byte[]> raws = new ArrayList<>();
            for (int i = 0; i < MAILS; i++) {
                byte[] raw = factory.mail(i).raw();
                raws.add(raw);
                user.deliver(new MimeMessage(session, new ByteArrayInputStream(raw)));
            }
            Properties properties = new Properties();
            properties.setProperty("mail.imap.partialfetch", "false");
            try (Store store = Session.getInstance(properties).getStore("imap")) {
                // As the app logs in to a mailbox without a password.
                store.connect("127.0.0.1", server.port(), BOX, "");
                assertTrue(((IMAPStore) store).hasCapability("IDLE"));
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                Message[] unread = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                assertEquals(MAILS, unread.length);

                // The last 100, each fetched on its own, as the app does: exactly what was delivered.
                Message[] batch = Arrays.copyOfRange(unread, MAILS - 100, MAILS);
                long started = System.nanoTime();
                for (int i = 0; i < batch.length; i++) {
                    ((IMAPMessage) batch[i]).setPeek(true);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    batch[i].writeTo(out);
                    assertArrayEquals(raws.get(MAILS - 100 + i), out.toByteArray(), "mail " + (MAILS - 100 + i));
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                // Stock GreenMail needs about 7 s here (quadratic lookups, delayed ACKs); tuned, well under one.
                assertTrue(seconds < 3, "100 fetches took " + seconds + " s");

                inbox.setFlags(batch, new Flags(Flags.Flag.SEEN), true);
                assertEquals(MAILS - 100, inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length);
                assertEquals(MAILS, inbox.getMessageCount());
            }
        } finally {
            server.stop();
        }
    }
}
