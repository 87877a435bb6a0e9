package io.otklik.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.otklik.channel.DeliveryFailure;
import io.otklik.channel.QueuedSend;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * A batch of mails leaves over one SMTP connection, against a small SMTP server that speaks the protocol over a real
 * socket and counts what it gets: every mail arrives once with its own Message-ID; a recipient the server refuses
 * fails only that mail (for good), and the next ones go on over a new connection; a server that cannot be reached
 * fails the whole batch at once, as a failure worth retrying.
 */
class EmailChannelBatchTests {

    private CountingSmtpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new CountingSmtpServer();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aBatchTravelsOverOneConnectionAndEveryMailArrivesOnceWithItsMessageId() {
        List<QueuedSend> sends = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sends.add(send(i, "customer" + i + "@example.ru"));
        }

        Map<Long, RuntimeException> outcomes = deliverAll(channel(server.port()), sends);

        assertThat(outcomes).containsOnlyKeys(1L, 2L, 3L, 4L, 5L);
        assertThat(outcomes.values()).containsOnlyNulls();
        assertThat(server.connections.get()).isEqualTo(1);
        assertThat(server.messageIds).containsExactly("<batch-1@otklik.local>", "<batch-2@otklik.local>",
                "<batch-3@otklik.local>", "<batch-4@otklik.local>", "<batch-5@otklik.local>");
    }

    @Test
    void aRefusedRecipientFailsOnlyItsMailAndTheRestStillLeave() {
        List<QueuedSend> sends = List.of(send(1, "first@example.ru"), send(2, "refuse-me@example.ru"),
                send(3, "third@example.ru"));

        Map<Long, RuntimeException> outcomes = deliverAll(channel(server.port()), sends);

        assertThat(outcomes.get(1L)).isNull();
        assertThat(outcomes.get(3L)).isNull();
        assertThat(outcomes.get(2L)).isInstanceOf(DeliveryFailure.class);
        assertThat(((DeliveryFailure) outcomes.get(2L)).permanent()).isTrue();
        assertThat(outcomes.get(2L).getMessage()).contains("SMTP 127.0.0.1:" + server.port());
        assertThat(server.messageIds).containsExactly("<batch-1@otklik.local>", "<batch-3@otklik.local>");
        assertThat(server.connections.get()).isEqualTo(2);
    }

    @Test
    void anUnreachableServerFailsTheWholeBatchAsWorthRetrying() throws IOException {
        int port = server.port();
        server.close();
        List<QueuedSend> sends = List.of(send(1, "a@example.ru"), send(2, "b@example.ru"), send(3, "c@example.ru"));

        Map<Long, RuntimeException> outcomes = deliverAll(channel(port), sends);

        assertThat(outcomes).containsOnlyKeys(1L, 2L, 3L);
        assertThat(outcomes.values()).allSatisfy(failure -> {
            assertThat(failure).isInstanceOf(DeliveryFailure.class);
            assertThat(((DeliveryFailure) failure).permanent()).isFalse();
            assertThat(failure.getMessage()).contains("SMTP 127.0.0.1:" + port);
        });
    }

    private static Map<Long, RuntimeException> deliverAll(EmailChannel channel, List<QueuedSend> sends) {
        Map<Long, RuntimeException> outcomes = new LinkedHashMap<>();
        channel.deliverAll(sends, (send, failure) -> {
            assertThat(outcomes).as("one outcome per send").doesNotContainKey(send.id());
            outcomes.put(send.id(), failure);
        });
        return outcomes;
    }

    private static EmailChannel channel(int port) {
        var settings = new MailSettings(MailSettings.DEFAULT_FROM, null,
                new MailSettings.Smtp("127.0.0.1", port, null, null, "none", Duration.ofSeconds(5)), null);
        var sender = new SmtpServer("127.0.0.1", port, MailSecurity.NONE, null, null).sender(Duration.ofSeconds(5));
        var routes = new OutgoingRoutes(null, sender, settings, null,
                new StaticListableBeanFactory().getBeanProvider(SandboxMailServer.class));
        return new EmailChannel(routes, Clock.systemUTC());
    }

    private static QueuedSend send(long id, String to) {
        return new QueuedSend(id, "email", null, null, List.of(to), List.of(), "Обращение " + id,
                "Здравствуйте! Мы получили ваше обращение.", null, "<batch-" + id + "@otklik.local>", null, List.of(),
                1);
    }

    /**
     * Accepts SMTP sessions one at a time: refuses any recipient whose address starts with "refuse", keeps the
     * Message-ID of every mail it takes, counts connections.
     */
    private static final class CountingSmtpServer implements AutoCloseable {

        private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

        final AtomicInteger connections = new AtomicInteger();
        final List<String> messageIds = new CopyOnWriteArrayList<>();
        private final ServerSocket socket;
        private final Thread thread;

        CountingSmtpServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = Thread.ofVirtual().start(this::serve);
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    connections.incrementAndGet();
                    session(client);
                } catch (IOException e) {
                    // Closed, or the client went away: take the next one.
                }
            }
        }

        private void session(Socket client) throws IOException {
            var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            reply(out, "220 counting.test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 counting.test");
                } else if (command.startsWith("RCPT TO:<REFUSE")) {
                    reply(out, "550 5.1.1 No such user here");
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder data = new StringBuilder();
                    for (String dataLine = in.readLine(); dataLine != null && !dataLine.equals(".");
                            dataLine = in.readLine()) {
                        data.append(dataLine).append('\n');
                    }
                    Matcher id = MESSAGE_ID.matcher(data);
                    messageIds.add(id.find() ? id.group(1) : "(none)");
                    reply(out, "250 2.0.0 Ok: queued");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                } else {
                    reply(out, "250 Ok");
                }
            }
        }

        private static void reply(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            thread.interrupt();
        }
    }
}
