package io.otklik.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Opens tickets through {@code POST /api/v1/tickets}, first with one client and then with several at once, and
 * reports tickets per second and latency percentiles. Only the status matters: 201 is success.
 */
public final class CreateTickets {

    private static final Set<String> OPTIONS = Set.of("base-url", "token", "tickets", "clients", "max-seconds",
            "warmup", "help");
    private static final int REQUESTERS = 500;

    private final HttpClient client = Http.client(null);
    private final URI endpoint;
    private final String token;
    private final List<String[]> requesters = new ArrayList<>();
    private final long seed = System.nanoTime();

    private CreateTickets(URI base, String token) {
        this.endpoint = base.resolve("/api/v1/tickets");
        this.token = token;
        // A fixed set of people, so the API meets returning customers as well as new ones.
        Random random = new Random(42);
        for (int i = 0; i < REQUESTERS; i++) {
            Names.Person person = Names.person(random);
            requesters.add(new String[] {person.fullName(), person.mailbox() + i + "@" + Names.mailHost(random)});
        }
    }

    public static void main(String[] argv) throws Exception {
        Args.guard(() -> run(argv));
    }

    private static void run(String[] argv) throws Exception {
        Args args = Args.parse(argv, OPTIONS);
        if (args.has("help") || !args.has("token")) {
            System.out.println("""
                    Usage: bench/run.sh CreateTickets --token otk_… [options]
                      --token TOKEN       API token of an agent (Settings → API tokens in the app)
                      --base-url URL      the app, on this machine only (default http://127.0.0.1:8080)
                      --tickets N         tickets per phase (default 2000)
                      --clients LIST      concurrent clients per phase (default 1,8)
                      --max-seconds S     time limit per phase (default 120)
                      --warmup N          requests before measuring, not counted (default 100)""");
            return;
        }
        CreateTickets bench = new CreateTickets(Http.localBase(args.get("base-url", "http://127.0.0.1:8080")),
                args.get("token", ""));
        long tickets = args.getLong("tickets", 2_000);
        Duration limit = Duration.ofSeconds(args.getLong("max-seconds", 120));
        int warmup = args.getInt("warmup", 100);

        System.out.printf(Locale.ROOT, "POST %s: warm-up %d, then %,d tickets per phase (at most %d s)%n",
                bench.endpoint, warmup, tickets, limit.toSeconds());
        if (warmup > 0) {
            LoadRun.Result warm = LoadRun.run(1, warmup, limit, 201, bench::create);
            if (warm.ok() == 0) {
                System.out.println("Warm-up created no ticket (" + warm.errorSummary() + "); stopping. "
                        + bench.probe());
                System.exit(1);
            }
        }
        System.out.println(LoadRun.Result.header("clients"));
        for (String clients : args.get("clients", "1,8").split(",")) {
            int n = Integer.parseInt(clients.trim());
            LoadRun.Result result = LoadRun.run(n, tickets, limit, 201, bench::create);
            System.out.println(result.line(n + (n == 1 ? " client" : " clients")));
        }
    }

    private int create(long sequence) throws Exception {
        return client.send(request(sequence), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest request(long sequence) {
        Random random = new Random(seed + sequence);
        String[] requester = requesters.get(random.nextInt(REQUESTERS));
        String body = "{\"subject\":" + Http.json(Texts.subject(random))
                + ",\"description\":" + Http.json(Texts.description(random, requester[0]))
                + ",\"requester\":{\"name\":" + Http.json(requester[0]) + ",\"email\":" + Http.json(requester[1])
                + "},\"priority\":\"MEDIUM\"}";
        return HttpRequest.newBuilder(endpoint).timeout(Http.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** One more request whose answer is shown, so a wrong token or a missing endpoint is plain to see. */
    private String probe() {
        try {
            HttpResponse<String> response = client.send(request(-1), HttpResponse.BodyHandlers.ofString());
            String body = response.body().replaceAll("\\s+", " ");
            return "The API answered " + response.statusCode() + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        } catch (Exception e) {
            return "The API could not be reached: " + e;
        }
    }
}
