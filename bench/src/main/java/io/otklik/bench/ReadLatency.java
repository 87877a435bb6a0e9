package io.otklik.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;

/**
 * Reads the busiest URLs of the agent workspace, API and pages, one kind after another: a warm-up, then a measured
 * phase; reports requests per second and latency percentiles per kind.
 */
public final class ReadLatency {

    private static final Set<String> OPTIONS = Set.of("base-url", "token", "user", "password", "numbers", "clients",
            "warmup-seconds", "seconds", "max-requests", "kinds", "help");
    private static final String ALL_KINDS = "api-open,api-unassigned,api-ticket,page-queue,page-ticket";

    /** One kind of URL: its path (given a random ticket number) and whether it needs the token or the session. */
    private record Kind(String name, LongFunction<String> path, boolean api) {
    }

    public static void main(String[] argv) throws Exception {
        Args.guard(() -> run(argv));
    }

    private static void run(String[] argv) throws Exception {
        Args args = Args.parse(argv, OPTIONS);
        if (args.has("help")) {
            System.out.println("""
                    Usage: bench/run.sh ReadLatency [options]
                      --base-url URL        the app, on this machine only (default http://127.0.0.1:8080)
                      --token TOKEN         API token for the api-* kinds (without it they are skipped)
                      --user, --password    sign-in for the page-* kinds
                                            (default bench-admin@otklik.local / bench-password)
                      --numbers FROM-TO     existing ticket numbers (default 1001-1001000, the generator's 1M)
                      --kinds LIST          default api-open,api-unassigned,api-ticket,page-queue,page-ticket
                      --clients N           concurrent clients (default 4)
                      --warmup-seconds S    per kind, not counted (default 10)
                      --seconds S           measured, per kind (default 30)
                      --max-requests N      per kind and phase (default 100000)""");
            return;
        }
        URI base = Http.localBase(args.get("base-url", "http://127.0.0.1:8080"));
        String token = args.get("token", null);
        String[] range = args.get("numbers", "1001-1001000").split("-");
        long first = Long.parseLong(range[0].trim());
        long last = Long.parseLong(range[1].trim());
        int clients = args.getInt("clients", 4);
        Duration warmup = Duration.ofSeconds(args.getLong("warmup-seconds", 10));
        Duration measured = Duration.ofSeconds(args.getLong("seconds", 30));
        long maxRequests = args.getLong("max-requests", 100_000);

        LongFunction<String> randomTicket = i -> String.valueOf(ThreadLocalRandom.current().nextLong(first, last + 1));
        List<Kind> kinds = new ArrayList<>();
        for (String name : args.get("kinds", ALL_KINDS).split(",")) {
            kinds.add(switch (name.trim()) {
                case "api-open" -> new Kind("api-open", i -> "/api/v1/tickets?status=OPEN&size=25", true);
                case "api-unassigned" -> new Kind("api-unassigned",
                        i -> "/api/v1/tickets?unassigned=true&status=NEW&status=OPEN", true);
                case "api-ticket" -> new Kind("api-ticket", i -> "/api/v1/tickets/" + randomTicket.apply(i), true);
                case "page-queue" -> new Kind("page-queue", i -> "/queues/all-open", false);
                case "page-ticket" -> new Kind("page-ticket", i -> "/tickets/" + randomTicket.apply(i), false);
                default -> throw new IllegalArgumentException("unknown kind " + name + "; known: " + ALL_KINDS);
            });
        }

        HttpClient api = Http.client(null);
        // One signed-in session shared by all clients, like one agent with several tabs open.
        HttpClient pages = Http.client(new CookieManager());
        String pagesProblem = null;
        if (kinds.stream().anyMatch(k -> !k.api())) {
            pagesProblem = Http.signIn(pages, base, args.get("user", People.ADMIN_LOGIN),
                    args.get("password", People.PASSWORD));
        }

        System.out.printf(Locale.ROOT, "%s: %d clients, warm-up %d s, measured %d s per kind, ticket numbers %d-%d%n",
                base, clients, warmup.toSeconds(), measured.toSeconds(), first, last);
        System.out.println(LoadRun.Result.header("kind"));
        for (Kind kind : kinds) {
            if (kind.api() && token == null) {
                System.out.printf(Locale.ROOT, "%-16s skipped: no --token%n", kind.name());
                continue;
            }
            if (!kind.api() && pagesProblem != null) {
                System.out.printf(Locale.ROOT, "%-16s skipped: %s%n", kind.name(), pagesProblem);
                continue;
            }
            HttpClient client = kind.api() ? api : pages;
            LoadRun.Call call = i -> {
                HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(kind.path().apply(i)))
                        .timeout(Http.REQUEST_TIMEOUT).GET();
                if (kind.api()) {
                    request.header("Authorization", "Bearer " + token).header("Accept", "application/json");
                } else {
                    request.header("Accept", "text/html");
                }
                return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            };
            LoadRun.run(clients, maxRequests, warmup, 200, call);
            System.out.println(LoadRun.run(clients, maxRequests, measured, 200, call).line(kind.name()));
        }
    }
}
