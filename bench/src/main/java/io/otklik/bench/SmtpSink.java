package io.otklik.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server that accepts every mail and keeps none, standing for the mail relay a deployment sends through. The
 * app's sandbox mail server is a development default that files each mail into a mailbox per recipient (GreenMail
 * scans its list of mailboxes for every recipient: thousands of new customers make that the largest cost of a run);
 * a deployment hands its mail to a relay on another machine. Run it before the app and point the app at it:
 * {@code OTKLIK_SMTP_HOST=127.0.0.1 OTKLIK_SMTP_PORT=2626 OTKLIK_SMTP_TLS=none}. Plain SMTP, no authentication, on
 * 127.0.0.1 only; prints how many mails it took every 10 seconds while it takes any.
 */
public final class SmtpSink {

    private static final Set<String> OPTIONS = Set.of("port", "help");
    private static final AtomicLong MAILS = new AtomicLong();

    public static void main(String[] argv) throws Exception {
        Args.guard(() -> run(argv));
    }

    private static void run(String[] argv) throws Exception {
        Args args = Args.parse(argv, OPTIONS);
        if (args.has("help")) {
            System.out.println("""
                    Usage: bench/run.sh SmtpSink [--port N]
                      --port N   the port on 127.0.0.1 (default 2626); stop it with Ctrl-C""");
            return;
        }
        int port = args.getInt("port", 2626);
        try (ServerSocket server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress())) {
            System.out.printf(Locale.ROOT, "SMTP sink on 127.0.0.1:%d: takes every mail, keeps none%n", port);
            Thread.ofPlatform().daemon(true).start(SmtpSink::report);
            while (true) {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            }
        }
    }

    private static void report() {
        long last = 0;
        while (true) {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                return;
            }
            long now = MAILS.get();
            if (now != last) {
                System.out.printf(Locale.ROOT, "%,d mails taken%n", now);
                last = now;
            }
        }
    }

    private static void serve(Socket socket) {
        // Buffered: read byte by byte from the socket itself, every byte of every mail was a system call, and the
        // sink cost the shared machine more CPU than the app spent sending.
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            socket.setTcpNoDelay(true);
            reply(out, "220 127.0.0.1 ESMTP sink");
            String line;
            while ((line = readLine(in)) != null) {
                String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT)
                        : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply(out, "250-127.0.0.1\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "HELO" -> reply(out, "250 127.0.0.1");
                    case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String data;
                        while ((data = readLine(in)) != null && !data.equals(".")) {
                            // taken and dropped
                        }
                        MAILS.incrementAndGet();
                        reply(out, "250 OK taken");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** A line without its CR LF, or null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(80);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
