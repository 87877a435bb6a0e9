package io.otklik.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.otklik.TestDatabase;
import io.otklik.TestStaff;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application is killed (SIGKILL, no shutdown) while it reads a batch of mail from a real IMAP server; after a
 * restart every mail is in exactly one ticket, none twice, none lost, and every one is marked seen on the server.
 * The application runs as a separate process on a database of its own, the mail server in this JVM.
 */
class KillAndRestartTests {

    private static final int MAILS = 150;
    private static final String MAILBOX = "support@kill.test";

    private GreenMail mail;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void everyMailIsInExactlyOneTicketAfterAKillDuringIngestion() throws Exception {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.getManagers().getUserManager().setAuthRequired(false);
        mail.start();
        mail.setUser(MAILBOX, MAILBOX, "secret");
        String run = TestStaff.unique();
        Session session = Session.getInstance(new java.util.Properties());
        for (int i = 0; i < MAILS; i++) {
            byte[] raw = InboundMailTests.mail("kill-" + run + "-" + i + "@client.test", "Клиент " + i,
                    "Письмо " + i, "<kill-" + run + "-" + i + "@client.test>", null,
                    "Текст письма номер " + i + ".\n" + "Строка для объёма. ".repeat(200));
            MimeMessage message = new MimeMessage(session, new java.io.ByteArrayInputStream(raw));
            mail.getManagers().getUserManager().getUser(MAILBOX).deliver(message);
        }

        String url = TestDatabase.url("killrestart");
        Path dataDir = Files.createTempDirectory("otklik-kill-");
        Process first = start(url, dataDir, "first");
        try (Connection db = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
            // Once it has started, its schema is complete.
            await().atMost(Duration.ofSeconds(120)).until(() -> started(dataDir.resolve("first.log")));
            addMailbox(db);
            // Kill it in the middle: some mails processed, more stored but waiting, the rest not yet fetched.
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                    .until(() -> count(db, "select count(*) from inbound_message where state = 'DONE'") >= 5);
            first.destroyForcibly().waitFor();
            long doneAtKill = count(db, "select count(*) from inbound_message where state = 'DONE'");
            assertThat(doneAtKill).as("killed before all were processed").isLessThan(MAILS);

            start(url, dataDir, "second");
            await().atMost(Duration.ofSeconds(180)).until(() ->
                    count(db, "select count(*) from inbound_message where state = 'DONE'") == MAILS);

            assertThat(count(db, "select count(*) from inbound_message")).isEqualTo(MAILS);
            assertThat(count(db, "select count(distinct external_id) from inbound_message")).isEqualTo(MAILS);
            assertThat(count(db, "select count(*) from inbound_message where outcome = 'TICKET_OPENED'"))
                    .isEqualTo(MAILS);
            assertThat(count(db, "select count(*) from ticket")).isEqualTo(MAILS);
            assertThat(count(db, "select count(*) from ticket_message where origin like 'inbound:%'"))
                    .isEqualTo(MAILS);
            assertThat(count(db, "select count(distinct origin) from ticket_message where origin like 'inbound:%'"))
                    .isEqualTo(MAILS);
            Map<String, Long> subjects = new HashMap<>();
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                    "select subject, count(*) from ticket group by subject")) {
                while (rs.next()) {
                    subjects.put(rs.getString(1), rs.getLong(2));
                }
            }
            assertThat(subjects).hasSize(MAILS).allSatisfy((subject, n) -> assertThat(n).isEqualTo(1));
            await().atMost(Duration.ofSeconds(60)).until(() -> unseen() == 0);
        }
    }

    private Process start(String url, Path dataDir, String name) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "io.otklik.OtklikApplication");
        Map<String, String> env = builder.environment();
        env.put("OTKLIK_DB_URL", url);
        env.put("SPRING_DATASOURCE_USERNAME", TestDatabase.user());
        env.put("SPRING_DATASOURCE_PASSWORD", TestDatabase.password());
        env.put("OTKLIK_PORT", "0");
        env.put("OTKLIK_DATA_DIR", dataDir.toString());
        env.put("OTKLIK_DEMO_DATA", "false");
        env.put("OTKLIK_MAIL_SANDBOX", "false");
        env.put("OTKLIK_SMTP_HOST", "127.0.0.1");
        env.put("OTKLIK_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()));
        env.put("OTKLIK_SMTP_TLS", "none");
        env.put("OTKLIK_MAIL_FROM", "Support <" + MAILBOX + ">");
        builder.redirectErrorStream(true);
        builder.redirectOutput(dataDir.resolve(name + ".log").toFile());
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private void addMailbox(Connection db) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.executeUpdate("insert into mail_account (id, name, address, host, port, security, username, "
                    + "folder, poll_seconds, enabled, sandbox, created_at, fetched_count, failed_count, version) "
                    + "values (nextval('mail_account_seq'), 'Поддержка', '" + MAILBOX + "', '127.0.0.1', "
                    + mail.getImap().getPort() + ", 'NONE', '" + MAILBOX + "', 'INBOX', 5, true, false, now(), 0, 0, 0)");
        }
    }

    private int unseen() throws Exception {
        try (Store store = Session.getInstance(new java.util.Properties()).getStore("imap")) {
            store.connect("127.0.0.1", mail.getImap().getPort(), MAILBOX, "secret");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.search(new jakarta.mail.search.FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
            } finally {
                inbox.close(false);
            }
        }
    }

    private static boolean started(Path log) throws IOException {
        return Files.exists(log) && Files.readString(log).contains("Started OtklikApplication");
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
