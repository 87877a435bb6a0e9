package io.otklik.bench;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.user.GreenMailUser;

/**
 * How fast mail becomes tickets. Generates N customer mails ({@link MailFactory}) and hands them to a running app
 * either the way a mail server would keep them, in an IMAP mailbox the app reads ({@code --via imap}: GreenMail
 * inside this process, a mailbox row added to the app's database), or through the raw mail API
 * ({@code --via api}: {@code POST /api/v1/mail-accounts/{id}/messages} from several clients). Then it watches the
 * app's raw inbound store, {@code inbound_message}, once a second until every mail is processed, and reports from
 * the rows' own timestamps: messages per second from the first stored to the last processed, the wait between the
 * two, the outcomes and failures. It only reads the database, besides adding (and at the end switching off) its
 * own mailbox.
 */
public final class MailIntake {

    private static final Set<String> OPTIONS = Set.of("via", "mails", "db-url", "db-user", "db-password",
            "base-url", "token", "clients", "account", "max-seconds", "seed", "stock-greenmail", "help");
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/otklik_mailbench";
    private static final long DEFAULT_SEED = 20261124;
    private static final String DOMAIN = "mailbench.otklik.local";
    /** The app looks for new mailboxes every 10 s; nothing stored a while after that means it is not reading. */
    private static final Duration PICKUP_LIMIT = Duration.ofSeconds(60);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Database database;
    private final int mails;
    private final Duration limit;
    private final long seed;
    private final String stamp;
    private final String mailbox;

    private MailIntake(Database database, int mails, long seed, Duration limit) {
        this.database = database;
        this.mails = mails;
        this.limit = limit;
        this.stamp = STAMP.format(LocalDateTime.now());
        this.mailbox = "bench-" + stamp + "@" + DOMAIN;
        this.seed = seed;
    }

    /** The run's mails, sent to {@code to}; their Message-IDs carry the run's time stamp. */
    private MailFactory factory(String to) {
        return new MailFactory(seed, mails, tag(), to, Instant.now());
    }

    private String tag() {
        return "mb" + stamp.replace("-", "");
    }

    /** The run's rows: of its mailbox, and with its tag in the Message-ID (a mailbox given may have others). */
    private static final String RUN = "account_id = ? and strpos(external_id, ?) > 0";

    private PreparedStatement ofRun(Connection db, String sql, long account) throws SQLException {
        PreparedStatement s = db.prepareStatement(sql);
        s.setLong(1, account);
        s.setString(2, "." + tag() + ".");
        return s;
    }

    public static void main(String[] argv) throws Exception {
        Args.guard(() -> run(argv));
    }

    private static void run(String[] argv) throws Exception {
        Args args = Args.parse(argv, OPTIONS);
        if (args.has("help")) {
            System.out.println("""
                    Usage: bench/run.sh MailIntake [--via imap|api] [options]
                      --via imap|api      how the mails reach the app (default imap):
                                          imap  GreenMail in this process, a mailbox row the app then reads
                                          api   POST /api/v1/mail-accounts/{id}/messages (needs --token)
                      --mails N           how many mails (default 10000): ~20 KB on average, 10% with a file
                      --db-url URL        the database the running app uses, read to measure (default
                                          jdbc:postgresql://127.0.0.1:5432/otklik_mailbench)
                      --db-user USER      (default postgres)  --db-password PASSWORD (default empty)
                      --base-url URL      api: the app, on this machine only (default http://127.0.0.1:8080)
                      --token TOKEN       api: API token of an administrator (Settings → API tokens)
                      --clients N         api: concurrent clients (default 8)
                      --account ID        api: post to this mailbox instead of a new switched-off one
                      --max-seconds S     give up waiting after this long (default 1200)
                      --seed N            the mails (default 20261124; the same seed, the same mails)
                      --stock-greenmail   imap: GreenMail as it comes, for comparison (slow for large mailboxes:
                                          quadratic fetches, ~40 ms per mail waiting for an ACK; see README)""");
            return;
        }
        String via = args.get("via", "imap");
        if (!via.equals("imap") && !via.equals("api")) {
            throw new IllegalArgumentException("--via is imap or api, got: " + via);
        }
        int mails = args.getInt("mails", 10_000);
        if (mails < 1) {
            throw new IllegalArgumentException("--mails must be at least 1");
        }
        Database database = new Database(args.get("db-url", DEFAULT_URL), args.get("db-user", "postgres"),
                args.get("db-password", ""));
        MailIntake bench = new MailIntake(database, mails, args.getLong("seed", DEFAULT_SEED),
                Duration.ofSeconds(args.getLong("max-seconds", 1200)));
        if (via.equals("imap")) {
            bench.overImap(args.has("stock-greenmail"));
        } else {
            if (!args.has("token")) {
                throw new IllegalArgumentException("--via api needs --token (an administrator's API token)");
            }
            bench.overApi(Http.localBase(args.get("base-url", "http://127.0.0.1:8080")), args.get("token", ""),
                    args.getInt("clients", 8), args.has("account") ? args.getLong("account", 0) : null);
        }
    }

    // ---- IMAP ----------------------------------------------------------------------------------------------------

    private void overImap(boolean stock) throws Exception {
        try (Connection db = connect()) {
            System.out.printf(Locale.ROOT, "Mail intake over IMAP: %,d mails into the app on %s (seed-made, %d cores,"
                    + " load %s)%n", mails, database.url, Runtime.getRuntime().availableProcessors(), load());
            warnAboutBacklog(db);
            ImapMailbox server = new ImapMailbox(stock);
            server.start();
            Mailbox account = null;
            try {
                GreenMailUser user = server.setUser(mailbox, mailbox, "");
                Session session = Session.getInstance(new Properties());
                MailFactory factory = factory(mailbox);
                Generated generated = new Generated();
                Progress progress = new Progress("delivered", mails);
                long started = System.nanoTime();
                for (int i = 0; i < mails; i++) {
                    MailFactory.Mail mail = factory.mail(i);
                    generated.add(mail);
                    user.deliver(new MimeMessage(session, new ByteArrayInputStream(mail.raw())));
                    progress.show(i + 1, generated.brief(), false);
                }
                progress.finish(mails, generated.brief());
                System.out.printf(Locale.ROOT, "Made %s; delivered to %s on GreenMail IMAP 127.0.0.1:%d (no "
                        + "authentication, %s) in %.1f s%n", generated.summary(), mailbox, server.port(),
                        stock ? "stock GreenMail" : "GreenMail tuned for large mailboxes",
                        (System.nanoTime() - started) / 1e9);

                account = Mailbox.add(db, "mailbench-" + stamp + "-imap", mailbox, server.port(), false);
                Mailbox added = account;
                Thread hook = Thread.ofPlatform().unstarted(() -> added.disable(database));
                Runtime.getRuntime().addShutdownHook(hook);
                System.out.printf(Locale.ROOT, "Mailbox \"%s\" (id %d) added, switched off%n", account.name,
                        account.id);
                double on = account.enable(db);
                System.out.println("Switched on; the app starts reading it within 10 s");
                Outcome outcome = watch(db, account, on, true);
                report(db, account, on, "after the mailbox was switched on", generated, outcome);
            } finally {
                if (account != null && account.disable(database)) {
                    System.out.printf(Locale.ROOT, "Mailbox \"%s\" (id %d) switched off; load %s%n", account.name,
                            account.id, load());
                }
                server.stop();
            }
        }
    }

    // ---- API -----------------------------------------------------------------------------------------------------

    private void overApi(URI base, String token, int clients, Long accountId) throws Exception {
        try (Connection db = connect()) {
            System.out.printf(Locale.ROOT, "Mail intake over the raw mail API: %,d mails from %d clients into %s, "
                    + "measured on %s (%d cores, load %s)%n", mails, clients, base, database.url,
                    Runtime.getRuntime().availableProcessors(), load());
            warnAboutBacklog(db);
            HttpClient client = Http.client(null);
            checkToken(client, base, token);
            // A mailbox switched off for fetching still takes mails handed in: the run's rows are told apart by it.
            Mailbox existing = accountId == null ? null : Mailbox.existing(db, accountId);
            MailFactory factory = factory(existing == null ? mailbox : existing.address);
            Generated generated = new Generated();
            byte[][] raws = new byte[mails][];
            Progress progress = new Progress("made", mails);
            for (int i = 0; i < mails; i++) {
                MailFactory.Mail mail = factory.mail(i);
                generated.add(mail);
                raws[i] = mail.raw();
                progress.show(i + 1, generated.brief(), false);
            }
            progress.finish(mails, generated.brief());
            System.out.println("Made " + generated.summary());

            Mailbox account = existing;
            if (account == null) {
                account = Mailbox.add(db, "mailbench-" + stamp + "-api", mailbox, 143, false);
            }
            URI endpoint = base.resolve("/api/v1/mail-accounts/" + account.id + "/messages");
            System.out.printf(Locale.ROOT, "POST %s (mailbox \"%s\")%n", endpoint, account.name);

            double sendingFrom = dbNow(db);
            HttpResponse<String> first = client.send(post(endpoint, token, raws[0]),
                    HttpResponse.BodyHandlers.ofString());
            if (first.statusCode() != 202) {
                String body = first.body().replaceAll("\\s+", " ");
                System.out.println("The first mail was not taken: the API answered " + first.statusCode() + ": "
                        + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
                if (first.statusCode() == 404 && body.contains("No static resource")) {
                    System.out.println("This build of the app has no raw mail API (POST /api/v1/mail-accounts/{id}/"
                            + "messages).");
                } else if (first.statusCode() == 404) {
                    System.out.println("Is there a mailbox " + account.id + "?");
                } else if (first.statusCode() == 401 || first.statusCode() == 403) {
                    System.out.println("The token must be an administrator's (Settings → API tokens).");
                }
                if (accountId == null) {
                    account.removeIfUnused(db);
                }
                System.exit(1);
            }
            LoadRun.Result sent = LoadRun.run(clients, mails - 1L, limit, 202,
                    sequence -> client.send(post(endpoint, token, raws[(int) sequence + 1]),
                            HttpResponse.BodyHandlers.discarding()).statusCode());
            System.out.println("Accepted (after a first single request; 202 counts):");
            System.out.println(LoadRun.Result.header("clients"));
            System.out.println(sent.line(clients + (clients == 1 ? " client" : " clients")));

            Outcome outcome = watch(db, account, sendingFrom, false);
            report(db, account, sendingFrom, "after the first request was sent", generated, outcome);
            if (accountId == null && counts(db, account.id).stored() == 0) {
                account.removeIfUnused(db);
            }
            System.out.printf(Locale.ROOT, "Load %s%n", load());
        }
    }

    /** The app answers and takes the token, before anything is made, added or waited for. */
    private static void checkToken(HttpClient client, URI base, String token) throws InterruptedException {
        int status;
        try {
            status = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/tickets?size=1"))
                    .timeout(Http.REQUEST_TIMEOUT).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the app does not answer at " + base + ": " + e);
        }
        if (status == 401) {
            throw new IllegalArgumentException("the app does not take this token (GET /api/v1/tickets answered 401): "
                    + "create one under Settings → API tokens, signed in as an administrator");
        }
    }

    private static HttpRequest post(URI endpoint, String token, byte[] raw) {
        return HttpRequest.newBuilder(endpoint).timeout(Http.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "message/rfc822")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build();
    }

    // ---- watching and reporting ----------------------------------------------------------------------------------

    /** How watching ended. */
    private enum Outcome {
        ALL_PROCESSED, TIME_LIMIT, NOT_PICKED_UP
    }

    /** The run's rows now: stored, processed (DONE), given up on (FAILED), and waiting after a failed try. */
    private record Counts(long stored, long done, long failed, long retrying) {
    }

    /** Looks at the store once a second until every mail is processed, the time is up, or (IMAP) none arrives. */
    private Outcome watch(Connection db, Mailbox account, double from, boolean imap) throws Exception {
        Progress progress = new Progress("processed", mails);
        Counts counts = counts(db, account.id);
        while (true) {
            double elapsed = dbNow(db) - from;
            progress.show(counts.done() + counts.failed(), text(counts, elapsed), false);
            if (counts.done() + counts.failed() >= mails) {
                progress.finish(counts.done() + counts.failed(), text(counts, elapsed));
                return Outcome.ALL_PROCESSED;
            }
            if (elapsed > limit.toSeconds()) {
                progress.finish(counts.done() + counts.failed(), text(counts, elapsed));
                System.out.printf(Locale.ROOT, "Stopped waiting after %d s (--max-seconds)%n", limit.toSeconds());
                return Outcome.TIME_LIMIT;
            }
            if (imap && counts.stored() == 0 && elapsed > PICKUP_LIMIT.toSeconds()) {
                progress.finish(0, text(counts, elapsed));
                System.out.println("Nothing arrived " + PICKUP_LIMIT.toSeconds() + " s after the mailbox was switched "
                        + "on: is the app running on " + database.url + " with mail reading on? "
                        + account.health(db));
                return Outcome.NOT_PICKED_UP;
            }
            Thread.sleep(1000);
            counts = counts(db, account.id);
        }
    }

    private String text(Counts counts, double elapsed) {
        return String.format(Locale.ROOT, "%,d/%,d  stored %,d  failed %,d  retrying %,d  elapsed %s",
                counts.done() + counts.failed(), mails, counts.stored(), counts.failed(), counts.retrying(),
                Progress.duration((long) Math.max(0, elapsed)));
    }

    private Counts counts(Connection db, long account) throws SQLException {
        try (PreparedStatement s = ofRun(db, """
                select count(*), count(*) filter (where state = 'DONE'), count(*) filter (where state = 'FAILED'),
                       count(*) filter (where state = 'RECEIVED' and attempts > 0)
                from inbound_message where""" + " " + RUN, account)) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        }
    }

    private void report(Connection db, Mailbox account, double from, String firstWhat, Generated generated,
            Outcome outcome) throws SQLException, InterruptedException {
        Counts counts = counts(db, account.id);
        System.out.printf(Locale.ROOT, "%nResults for mailbox \"%s\" (id %d), %,d mails%s:%n", account.name,
                account.id, mails, outcome == Outcome.ALL_PROCESSED ? "" : " — incomplete, " + outcome
                        .name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (counts.stored() == 0) {
            System.out.println("  nothing was stored");
            return;
        }
        try (PreparedStatement s = ofRun(db, """
                select extract(epoch from min(received_at)), extract(epoch from max(received_at)),
                       extract(epoch from max(processed_at) filter (where state = 'DONE')),
                       percentile_cont(0.5) within group (order by extract(epoch from processed_at - received_at))
                           filter (where state = 'DONE'),
                       percentile_cont(0.95) within group (order by extract(epoch from processed_at - received_at))
                           filter (where state = 'DONE'),
                       max(extract(epoch from processed_at - received_at)) filter (where state = 'DONE'),
                       count(distinct ticket_id), coalesce(sum(size_bytes), 0),
                       extract(epoch from percentile_disc(0.99) within group (order by processed_at)
                           filter (where state = 'DONE')),
                       count(*) filter (where state = 'DONE' and attempts > 1)
                from inbound_message where""" + " " + RUN, account.id)) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                double firstStored = rs.getDouble(1);
                double lastStored = rs.getDouble(2);
                double lastProcessed = rs.getDouble(3);
                boolean anyDone = !rs.wasNull();
                System.out.printf(Locale.ROOT, "  %-24s %.1f s %s%n", "first mail stored", firstStored - from,
                        firstWhat);
                System.out.printf(Locale.ROOT, "  %-24s %,d in %.1f s: %,.1f mails/s (first to last received_at),"
                        + " %.1f MB%n", "stored", counts.stored(), lastStored - firstStored,
                        rate(counts.stored(), lastStored - firstStored), rs.getLong(8) / 1e6);
                if (anyDone) {
                    double span = lastProcessed - firstStored;
                    System.out.printf(Locale.ROOT, "  %-24s %,d DONE in %.1f s: %,.1f messages/s (first received_at"
                            + " to last processed_at)%n", "processed", counts.done(), span, rate(counts.done(), span));
                    long most = (long) Math.ceil(0.99 * counts.done());
                    double mostSpan = rs.getDouble(9) - firstStored;
                    System.out.printf(Locale.ROOT, "  %-24s %,d by %.1f s: %,.1f messages/s (without the slowest "
                            + "1%%: retries)%n", "99% processed", most, mostSpan, rate(most, mostSpan));
                    System.out.printf(Locale.ROOT, "  %-24s p50 %.2f s, p95 %.2f s, max %.2f s (processed_at − "
                            + "received_at)%n", "waited in the store", rs.getDouble(4), rs.getDouble(5),
                            rs.getDouble(6));
                    System.out.printf(Locale.ROOT, "  %-24s %,d (tried again after a failure, or waited for the mail "
                            + "they answer; the app's log says why)%n", "processed on a later try", rs.getLong(10));
                }
                System.out.printf(Locale.ROOT, "  %-24s %,d failed (given up), %,d still waiting (%,d of them after "
                        + "a failed try), %,d never stored%n", "not processed", counts.failed(),
                        counts.stored() - counts.done() - counts.failed(), counts.retrying(),
                        Math.max(0, mails - counts.stored()));
                System.out.printf(Locale.ROOT, "  %-24s %,d%n", "tickets they went to", rs.getLong(7));
            }
        }
        acknowledgements(db, account.id);
        System.out.printf(Locale.ROOT, "  %-24s %s%n", "outcomes", mix(db, account.id,
                "coalesce(outcome, state)"));
        System.out.printf(Locale.ROOT, "  %-24s %s%n", "threading", mix(db, account.id,
                "split_part(split_part(outcome_reason, ' · ', 1), '|', 1)"));
        long threaded = mixMap(db, account.id, "'threaded'", "outcome_reason like 'thread.in-reply-to|%'")
                .getOrDefault("threaded", 0L);
        System.out.printf(Locale.ROOT, "  %-24s %,d of the %,d replies made, by In-Reply-To%n", "replies threaded",
                threaded, generated.replies);
        if (ownAddressAsCustomer(db, account.address) > 0) {
            System.out.printf(Locale.ROOT, "  %-24s the app registered the mailbox's own address %s as a customer%n",
                    "note", account.address);
        }
        Map<String, Long> errors = mixMap(db, account.id, "last_error", "last_error is not null");
        if (!errors.isEmpty()) {
            System.out.println("  errors (most frequent first):");
            errors.entrySet().stream().limit(5).forEach(e -> System.out.printf(Locale.ROOT, "    %,6d × %s%n",
                    e.getValue(), e.getKey().length() > 200 ? e.getKey().substring(0, 200) + "…" : e.getKey()));
        }
    }

    /**
     * The acknowledgements of the run's new tickets: the app decides them after the ticket's commit (a worker, in
     * batches), so a run whose mails are all processed may still owe some. Waits up to a minute for the last one,
     * then reports how long they took and the rate with them: the rate the app can keep up, not only the intake's.
     */
    private void acknowledgements(Connection db, long account) throws SQLException, InterruptedException {
        String sql = """
                select count(*), count(n.id), count(o.id) filter (where o.state = 'SENT'),
                       extract(epoch from min(i.received_at)), extract(epoch from max(n.created_at)),
                       extract(epoch from max(o.sent_at)),
                       percentile_cont(0.5) within group (order by extract(epoch from n.created_at - t.created_at)),
                       percentile_cont(0.95) within group (order by extract(epoch from n.created_at - t.created_at)),
                       max(extract(epoch from n.created_at - t.created_at)),
                       (select extract(epoch from max(processed_at)) from inbound_message where""" + " " + RUN + """
                )
                from inbound_message i join ticket t on t.id = i.ticket_id
                left join notification n on n.dedupe_key = 'ack:' || t.id
                left join outbox_entry o on o.id = n.outbox_id
                where i.outcome = 'TICKET_OPENED' and i.account_id = ? and strpos(i.external_id, ?) > 0""";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (PreparedStatement s = db.prepareStatement(sql)) {
                s.setLong(1, account);
                s.setString(2, "." + tag() + ".");
                s.setLong(3, account);
                s.setString(4, "." + tag() + ".");
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    long opened = rs.getLong(1);
                    long decided = rs.getLong(2);
                    if (decided < opened && System.nanoTime() < deadline) {
                        Thread.sleep(500);
                        continue;
                    }
                    if (opened == 0) {
                        return;
                    }
                    double first = rs.getDouble(4);
                    double lastDecided = rs.getDouble(5);
                    double lastProcessed = rs.getDouble(10);
                    System.out.printf(Locale.ROOT, "  %-24s %,d of %,d new tickets (%,d sent, the rest suppressed or "
                            + "queued), the last %.1f s after the last mail was processed; ticket to "
                            + "acknowledgement p50 %.2f s, p95 %.2f s, max %.2f s%n", "acknowledged", decided, opened,
                            rs.getLong(3), lastDecided - lastProcessed, rs.getDouble(7), rs.getDouble(8),
                            rs.getDouble(9));
                    double span = Math.max(lastDecided, lastProcessed) - first;
                    System.out.printf(Locale.ROOT, "  %-24s %,d in %.1f s: %,.1f messages/s (first received_at to "
                            + "the last processed_at or acknowledgement, whichever is later)%n",
                            "with acknowledgements", mails, span, rate(mails, span));
                    return;
                }
            }
        }
    }

    private static long ownAddressAsCustomer(Connection db, String address) {
        try (PreparedStatement s = db.prepareStatement("select count(*) from customer where lower(email) = ?")) {
            s.setString(1, address.strip().toLowerCase(Locale.ROOT));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            return 0;
        }
    }

    private static double rate(long count, double seconds) {
        return seconds <= 0 ? Double.NaN : count / seconds;
    }

    private String mix(Connection db, long account, String expression) throws SQLException {
        Map<String, Long> counts = mixMap(db, account, expression, "true");
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<String> parts = new ArrayList<>();
        counts.forEach((what, n) -> parts.add(String.format(Locale.ROOT, "%s %,d (%.1f%%)", what, n,
                100.0 * n / Math.max(1, total))));
        return parts.isEmpty() ? "—" : String.join(", ", parts);
    }

    private Map<String, Long> mixMap(Connection db, long account, String expression, String condition)
            throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement s = ofRun(db, "select " + expression + ", count(*) from inbound_message where " + RUN
                + " and " + condition + " group by 1 order by 2 desc, 1", account)) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(String.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    // ---- the database ---------------------------------------------------------------------------------------------

    private Connection connect() throws SQLException {
        Connection db;
        try {
            db = database.connect();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + database.url + ": " + e.getMessage()
                    + " (create it with: createdb -h 127.0.0.1 -U postgres " + database.name
                    + ", and start the app on it)");
        }
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                select count(*) from information_schema.columns where table_schema = current_schema()
                  and ((table_name = 'inbound_message' and column_name = 'processed_at')
                    or (table_name = 'mail_account' and column_name = 'last_uid'))""")) {
            rs.next();
            if (rs.getInt(1) < 2) {
                db.close();
                throw new IllegalStateException("database " + database.name + " has no inbound_message or "
                        + "mail_account table: start the app on it once (it creates the schema), then run this again");
            }
        }
        return db;
    }

    /** Messages of other mailboxes still waiting compete with the run: said before it starts. */
    private static void warnAboutBacklog(Connection db) throws SQLException {
        long waiting = single(db, "select count(*) from inbound_message where state = 'RECEIVED'");
        if (waiting > 0) {
            System.out.printf(Locale.ROOT, "Note: %,d earlier messages are still waiting to be processed; they "
                    + "compete with this run%n", waiting);
        }
    }

    private static double dbNow(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select extract(epoch from clock_timestamp())")) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static long single(Connection db, String sql, long... parameters) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setLong(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** The mailbox row the run adds (or one it was given), and switching it off at the end. */
    private static final class Mailbox {

        final long id;
        final String name;
        final String address;
        private final boolean added;
        private final AtomicBoolean off = new AtomicBoolean();

        private Mailbox(long id, String name, String address, boolean added) {
            this.id = id;
            this.name = name;
            this.address = address;
            this.added = added;
        }

        /**
         * Adds a mailbox as an administrator would, without a password (the app then logs in with an empty one).
         * Its id comes from the table's own sequence, a block the app never hands out itself.
         */
        static Mailbox add(Connection db, String name, String address, int port, boolean enabled)
                throws SQLException {
            try (PreparedStatement s = db.prepareStatement("""
                    insert into mail_account (id, name, address, host, port, security, username, password_secret,
                        folder, poll_seconds, enabled, sandbox, created_at, fetched_count, failed_count, version)
                    values (nextval('mail_account_seq'), ?, ?, '127.0.0.1', ?, 'NONE', ?, null, 'INBOX', 10, ?,
                        false, now(), 0, 0, 0)
                    returning id""")) {
                s.setString(1, name);
                s.setString(2, address);
                s.setInt(3, port);
                s.setString(4, address);
                s.setBoolean(5, enabled);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new Mailbox(rs.getLong(1), name, address, true);
                }
            }
        }

        static Mailbox existing(Connection db, long id) throws SQLException {
            try (PreparedStatement s = db.prepareStatement("select name, address from mail_account where id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no mailbox with id " + id + " in the database");
                    }
                    return new Mailbox(id, rs.getString(1), rs.getString(2), false);
                }
            }
        }

        /** Switches the mailbox on for fetching; returns when, by the database's clock. */
        double enable(Connection db) throws SQLException {
            try (PreparedStatement s = db.prepareStatement("update mail_account set enabled = true, "
                    + "version = version + 1 where id = ? returning extract(epoch from now())")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getDouble(1);
                }
            }
        }

        /** Switches the added mailbox off, once (at the end, or when the run is interrupted). */
        boolean disable(Database database) {
            if (!added || !off.compareAndSet(false, true)) {
                return false;
            }
            try (Connection db = database.connect();
                    PreparedStatement s = db.prepareStatement("update mail_account set enabled = false, "
                            + "version = version + 1 where id = ? and enabled")) {
                s.setLong(1, id);
                s.executeUpdate();
                return true;
            } catch (SQLException e) {
                System.err.println("Could not switch off mailbox " + id + ": " + e.getMessage());
                return false;
            }
        }

        /** Removes a mailbox the run added when nothing was stored for it (the API refused the first mail). */
        void removeIfUnused(Connection db) throws SQLException {
            try (PreparedStatement s = db.prepareStatement("delete from mail_account where id = ? and not exists "
                    + "(select 1 from inbound_message where account_id = ?)")) {
                s.setLong(1, id);
                s.setLong(2, id);
                s.executeUpdate();
            }
        }

        /** What the app recorded about reading it. */
        String health(Connection db) throws SQLException {
            try (PreparedStatement s = db.prepareStatement("select last_fetch_at, last_error from mail_account "
                    + "where id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return "(the mailbox row is gone)";
                    }
                    if (rs.getString(1) == null && rs.getString(2) == null) {
                        return "(the app has not tried to read it)";
                    }
                    return "(last fetch " + rs.getString(1) + ", last error: " + rs.getString(2) + ")";
                }
            }
        }
    }

    /** What was made: sizes, files, replies, senders. */
    private static final class Generated {
        long count;
        long bytes;
        long attachments;
        long replies;
        long returning;
        int largest;

        void add(MailFactory.Mail mail) {
            count++;
            bytes += mail.raw().length;
            largest = Math.max(largest, mail.raw().length);
            attachments += mail.hasAttachment() ? 1 : 0;
            replies += mail.reply() ? 1 : 0;
            returning += mail.returning() ? 1 : 0;
        }

        String brief() {
            return String.format(Locale.ROOT, "%,d mails, %.1f MB", count, bytes / 1e6);
        }

        String summary() {
            double n = Math.max(1, count);
            return String.format(Locale.ROOT, "%,d mails of %,.0f bytes on average (%.1f MB in all, largest %,d), "
                    + "%.1f%% with a file, %.1f%% replies, %.1f%% from returning customers", count, bytes / n,
                    bytes / 1e6, largest, 100 * attachments / n, 100 * replies / n, 100 * returning / n);
        }
    }
}
