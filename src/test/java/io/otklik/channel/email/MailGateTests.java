package io.otklik.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import io.otklik.ApiTest;
import io.otklik.agent.TicketScope;
import io.otklik.identity.Role;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mail gate ({@code bin/otklik-mailgate}) as a mail server runs it: a real process reading one mail on standard
 * input and handing it to the running application, answering with the exit code the mail server acts on — 0 taken
 * (also again), 75 try later (unreachable, failing, too slow), 77 token refused, 65 refused as bad, 64 wrong usage.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MailGateTests extends ApiTest {

    private static final Path GATE = Path.of("bin", "otklik-mailgate").toAbsolutePath();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    record Run(int exit, String out, String err) {
    }

    @Test
    void aMailPipedThroughTheGateBecomesATicket() throws Exception {
        String token = tokenFile(admin());
        String sender = "pavel-" + unique("c") + "@client.test";
        String messageId = "<" + unique("m") + "@client.test>";
        byte[] mail = mail(sender, "Павел", "Не работает VPN", messageId, "Ошибка 809 с утра.");
        // What a mail server's pipe hands over may start with the mbox envelope line.
        byte[] piped = concat(("From " + sender + " Mon Nov 23 10:00:00 2026\n").getBytes(StandardCharsets.US_ASCII),
                mail);

        Run run = gate(piped, Map.of(), "--url", url(), "--account", mailbox(), "--token-file", token);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        await().atMost(WAIT).until(() -> "DONE".equals(inbound(messageId).get("state")));
        Map<String, Object> stored = inbound(messageId);
        assertThat(stored.get("arrived_via")).isEqualTo("GATE");
        assertThat(stored.get("outcome")).isEqualTo("TICKET_OPENED");
        assertThat((byte[]) stored.get("raw")).isEqualTo(mail);
        assertThat(jdbc.sql("select subject from ticket where id = :id").param("id", stored.get("ticket_id"))
                .query(String.class).single()).isEqualTo("Не работает VPN");
    }

    @Test
    void theSameMailPipedTwiceIsAcceptedTwiceAndStoredOnce() throws Exception {
        String token = tokenFile(admin());
        String messageId = "<" + unique("m") + "@client.test>";
        byte[] mail = mail("twice-" + unique("c") + "@client.test", "Дважды", "Повторная доставка", messageId, "Раз.");

        assertThat(gate(mail, Map.of(), "--url", url(), "--account", mailbox(), "--token-file", token).exit())
                .isZero();
        Run again = gate(mail, Map.of(), "--url=" + url() + "/", "--account=" + mailbox(), "--token-file=" + token);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(jdbc.sql("select count(*) from inbound_message where external_id = :id").param("id", messageId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRefusedTokenExits77AndNothingIsStored() throws Exception {
        String messageId = "<" + unique("m") + "@client.test>";
        byte[] mail = mail("nobody-" + unique("c") + "@client.test", "Никто", "Без прав", messageId, "Текст.");

        Run wrong = gate(mail, Map.of("OTKLIK_MAILGATE_TOKEN", "otk_not-a-token"), "--url", url(), "--account",
                mailbox());
        assertThat(wrong.exit()).isEqualTo(77);
        assertThat(wrong.err()).startsWith("otklik-mailgate: Otklik answered HTTP 401");

        Run agent = gate(mail, Map.of(), "--url", url(), "--account", mailbox(), "--token-file",
                tokenFile(staff(Role.AGENT, TicketScope.ALL)));
        assertThat(agent.exit()).isEqualTo(77);
        assertThat(agent.err()).contains("HTTP 403", "You are not allowed to do this.");
        assertThat(jdbc.sql("select count(*) from inbound_message where external_id = :id").param("id", messageId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anUnreachableSlowOrFailingServerExits75SoTheMailServerTriesAgain() throws Exception {
        String token = tokenFile(admin());
        byte[] mail = mail("later-" + unique("c") + "@client.test", "Позже", "Потом", "<" + unique("m")
                + "@client.test>", "Текст.");

        int unused;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            unused = socket.getLocalPort();
        }
        Run down = gate(mail, Map.of(), "--url", "http://127.0.0.1:" + unused, "--account", mailbox(),
                "--token-file", token, "--timeout", "5s");
        assertThat(down.exit()).isEqualTo(75);
        assertThat(down.err()).contains("cannot connect to Otklik at http://127.0.0.1:" + unused);

        HttpServer stub = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/failing", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"detail\":\"database away\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.createContext("/silent", exchange -> {
            try {
                Thread.sleep(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        stub.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        stub.start();
        try {
            String base = "http://127.0.0.1:" + stub.getAddress().getPort();
            Run failing = gate(mail, Map.of(), "--url", base + "/failing", "--account", mailbox(), "--token-file",
                    token);
            assertThat(failing.exit()).isEqualTo(75);
            assertThat(failing.err()).contains("HTTP 503: database away", "try again");

            Run silent = gate(mail, Map.of(), "--url", base + "/silent", "--account", mailbox(), "--token-file",
                    token, "--timeout", "1s");
            assertThat(silent.exit()).isEqualTo(75);
            assertThat(silent.err()).contains("did not answer within 1.0 s");
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void aMailOtklikRefusesExits65() throws Exception {
        String token = tokenFile(admin());
        byte[] mail = mail("bad-" + unique("c") + "@client.test", "Плохо", "Нет ящика", "<" + unique("m")
                + "@client.test>", "Текст.");

        Run unknown = gate(mail, Map.of(), "--url", url(), "--account", "999999999", "--token-file", token);
        assertThat(unknown.exit()).isEqualTo(65);
        assertThat(unknown.err()).isEqualTo("otklik-mailgate: Otklik answered HTTP 404: There is no mailbox 999999999.\n");

        Run empty = gate(new byte[0], Map.of(), "--url", url(), "--account", mailbox(), "--token-file", token);
        assertThat(empty.exit()).isEqualTo(65);
        assertThat(empty.err()).contains("the mail on standard input is empty");

        byte[] huge = new byte[26 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        System.arraycopy(mail, 0, huge, 0, mail.length);
        Run tooLarge = gate(huge, Map.of(), "--url", url(), "--account", mailbox(), "--token-file", token);
        assertThat(tooLarge.exit()).as(tooLarge.err()).isEqualTo(65);
        assertThat(tooLarge.err()).contains("HTTP 413", "larger than 25 MB");
    }

    @Test
    void wrongUsageExits64AndHelpExplains() throws Exception {
        byte[] mail = "Subject: x\r\n\r\ny\r\n".getBytes(StandardCharsets.US_ASCII);
        Run missing = gate(mail, Map.of(), "--url", url());
        assertThat(missing.exit()).isEqualTo(64);
        assertThat(missing.err()).contains("--account");
        assertThat(gate(mail, Map.of(), "--url", url(), "--account", "1", "--colour", "red").exit()).isEqualTo(64);
        assertThat(gate(mail, Map.of(), "--url", url(), "--account", "1").err()).contains("OTKLIK_MAILGATE_TOKEN");
        assertThat(gate(mail, Map.of(), "--url", url(), "--account", "1", "--token-file", "/nonexistent/token")
                .exit()).isEqualTo(78);

        Run help = gate(new byte[0], Map.of(), "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Usage: otklik-mailgate --url URL --account ID");
    }

    @Test
    void aBodyStreamedWithoutLengthIsCutOffAtTheLimit() throws Exception {
        Staff admin = admin();
        long before = jdbc.sql("select count(*) from inbound_message").query(Long.class).single();
        InputStream endless = new InputStream() {
            long left = 26L * 1024 * 1024;

            @Override
            public int read() {
                return left-- > 0 ? 'z' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 'z');
                left -= n;
                return n;
            }
        };
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(url() + "/api/v1/mail-accounts/" + mailbox() + "/messages"))
                        .header("Authorization", admin.bearer()).header("Content-Type", "message/rfc822")
                        .header("Accept-Language", "en")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("larger than 25 MB");
        assertThat(jdbc.sql("select count(*) from inbound_message").query(Long.class).single()).isEqualTo(before);
    }

    // --- helpers ---

    /** Runs the gate as a mail server would: the script itself, its shebang finding this JDK's java on the PATH. */
    private Run gate(byte[] stdin, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(GATE.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        builder.environment().put("PATH", javaBin + java.io.File.pathSeparator + System.getenv("PATH"));
        builder.environment().remove("OTKLIK_MAILGATE_TOKEN");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(env);
        Path out = Files.createTempFile("mailgate-out", ".txt");
        Path err = Files.createTempFile("mailgate-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        Thread feeder = Thread.ofVirtual().start(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException ignored) {
                // The gate may stop reading early (usage errors): nothing more to give it.
            }
        });
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the mail gate did not finish");
        }
        feeder.join();
        try {
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }

    private static String tokenFile(Staff staff) throws IOException {
        Path file = Files.createTempFile("otklik-token", ".txt");
        Files.writeString(file, staff.token() + "\n");
        file.toFile().deleteOnExit();
        return file.toString();
    }

    private String mailbox() {
        return String.valueOf(jdbc.sql("select id from mail_account where sandbox").query(Long.class).single());
    }

    private Map<String, Object> inbound(String externalId) {
        return jdbc.sql("select * from inbound_message where external_id = :id").param("id", externalId).query()
                .singleRow();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] mail(String from, String name, String subject, String messageId, String body) {
        return InboundMailTests.mail(from, name, subject, messageId, null, body);
    }
}
