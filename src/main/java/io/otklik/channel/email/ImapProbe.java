package io.otklik.channel.email;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.eclipse.angus.mail.imap.IMAPStore;
import org.springframework.stereotype.Component;

/**
 * Connects to an IMAP server the way the poller will, opens the folder and reads its message count and whether the
 * server advertises IDLE; every failure is turned into one of a few plain reasons.
 */
@Component
class ImapProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    ConnectionCheck check(ImapConnection connection) {
        Store store = null;
        try {
            store = session(connection, TIMEOUT).getStore(protocol(connection.security()));
            store.connect(connection.host(), connection.port(), connection.username(), connection.password());
            boolean idle = store instanceof IMAPStore imap && imap.hasCapability("IDLE");
            Folder folder = store.getFolder(connection.folder());
            if (!folder.exists()) {
                return ConnectionCheck.failed(ConnectionCheck.Problem.NO_SUCH_FOLDER, connection.folder());
            }
            folder.open(Folder.READ_ONLY);
            try {
                return ConnectionCheck.succeeded(folder.getMessageCount(), idle);
            } finally {
                folder.close(false);
            }
        } catch (AuthenticationFailedException e) {
            return ConnectionCheck.failed(ConnectionCheck.Problem.AUTHENTICATION, text(e));
        } catch (FolderNotFoundException e) {
            return ConnectionCheck.failed(ConnectionCheck.Problem.NO_SUCH_FOLDER, connection.folder());
        } catch (MessagingException | RuntimeException e) {
            return classify(e);
        } finally {
            if (store != null) {
                try {
                    store.close();
                } catch (MessagingException ignored) {
                    // nothing left to do with a store that will not close
                }
            }
        }
    }

    /** A session for this account with connect, read and write bounded by {@code timeout}. */
    static Session session(ImapConnection connection, Duration timeout) {
        String protocol = protocol(connection.security());
        String millis = Long.toString(timeout.toMillis());
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", millis);
        properties.setProperty("mail." + protocol + ".timeout", millis);
        properties.setProperty("mail." + protocol + ".writetimeout", millis);
        if (connection.security() == MailSecurity.STARTTLS) {
            properties.setProperty("mail.imap.starttls.enable", "true");
            properties.setProperty("mail.imap.starttls.required", "true");
        }
        if (connection.security() != MailSecurity.NONE) {
            properties.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return Session.getInstance(properties);
    }

    static String protocol(MailSecurity security) {
        return security == MailSecurity.SSL ? "imaps" : "imap";
    }

    private static ConnectionCheck classify(Exception e) {
        return ConnectionCheck.failed(ConnectionCheck.problemOf(e), ConnectionCheck.detailOf(e));
    }

    /** A failure as one line an administrator can act on. */
    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof AuthenticationFailedException)) {
            cause = cause.getCause();
        }
        return text(e) + (cause == e ? "" : " (" + text(cause) + ")");
    }

    private static String text(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }
}
