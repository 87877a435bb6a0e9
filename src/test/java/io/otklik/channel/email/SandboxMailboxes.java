package io.otklik.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

/**
 * A sandbox mailbox as a person's mail program reads it over IMAP (every recipient has one: login = password =
 * address; the support mailbox has its own password).
 */
public final class SandboxMailboxes {

    private SandboxMailboxes() {
    }

    /** Every mail in the address's inbox, as detached copies. */
    public static List<MimeMessage> inbox(SandboxMailServer sandbox, String address) throws MessagingException {
        return read(sandbox, address, inbox -> {
            List<MimeMessage> copies = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                copies.add(new MimeMessage((MimeMessage) message));
            }
            return copies;
        });
    }

    /** How many mails in the address's inbox are not marked seen. */
    public static int unread(SandboxMailServer sandbox, String address) throws MessagingException {
        return read(sandbox, address, Folder::getUnreadMessageCount);
    }

    private interface Reading<T> {
        T from(Folder inbox) throws MessagingException;
    }

    private static <T> T read(SandboxMailServer sandbox, String address, Reading<T> reading)
            throws MessagingException {
        String password = address.equalsIgnoreCase(sandbox.mailbox()) ? sandbox.mailboxPassword() : address;
        Properties properties = new Properties();
        properties.setProperty("mail.imap.host", sandbox.host());
        properties.setProperty("mail.imap.port", String.valueOf(sandbox.imapPort()));
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect(address, password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return reading.from(inbox);
            } finally {
                inbox.close(false);
            }
        }
    }

    /** The mail with this Message-ID in the address's inbox; fails when it is not there. */
    public static MimeMessage mail(SandboxMailServer sandbox, String address, String messageId)
            throws MessagingException {
        for (MimeMessage message : inbox(sandbox, address)) {
            if (messageId.equals(message.getMessageID())) {
                return message;
            }
        }
        throw new AssertionError("No mail " + messageId + " in the mailbox of " + address);
    }
}
