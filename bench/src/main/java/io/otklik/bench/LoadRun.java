package io.otklik.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Calls a request function from several clients at once, bounded in count and in time, and records each outcome. */
final class LoadRun {

    private LoadRun() {
    }

    /** One request: given its sequence number, returns the HTTP status it got. */
    interface Call {
        int call(long sequence) throws Exception;
    }

    /** What a run did: counts, errors by status or exception, wall time and every successful request's latency. */
    record Result(long requests, long ok, Map<String, Long> errors, double seconds, long[] nanos) {

        double perSecond() {
            return seconds == 0 ? 0 : ok / seconds;
        }

        /** Nearest-rank percentile of successful requests, in milliseconds. */
        double millis(double percentile) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * nanos.length);
            return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
        }

        String errorSummary() {
            if (errors.isEmpty()) {
                return "none";
            }
            StringBuilder out = new StringBuilder();
            errors.forEach((what, count) -> out.append(out.isEmpty() ? "" : ", ").append(what).append(" × ")
                    .append(count));
            return out.toString();
        }

        String line(String label) {
            return String.format(Locale.ROOT, "%-16s %8d %8d %7.1f s %9.1f/s %8.1f %8.1f %8.1f %8.1f  %s", label,
                    requests, ok, seconds, perSecond(), millis(50), millis(95), millis(99), millis(100),
                    errorSummary());
        }

        static String header(String label) {
            return String.format(Locale.ROOT, "%-16s %8s %8s %9s %11s %8s %8s %8s %8s  %s", label, "requests", "ok",
                    "time", "ok/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors");
        }
    }

    /**
     * Runs {@code clients} loops on virtual threads until {@code maxRequests} were sent or {@code maxTime} passed;
     * a request counts as ok when its status is {@code okStatus}.
     */
    static Result run(int clients, long maxRequests, Duration maxTime, int okStatus, Call call) throws Exception {
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + maxTime.toNanos();
        List<Future<Client>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    Client client = new Client();
                    for (long i = next.getAndIncrement(); i < maxRequests && System.nanoTime() < deadline;
                            i = next.getAndIncrement()) {
                        client.send(call, i, okStatus);
                    }
                    return client;
                }));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long requests = 0;
        long ok = 0;
        Map<String, Long> errors = new TreeMap<>();
        long[] all = new long[0];
        for (Future<Client> future : futures) {
            Client client = future.get();
            requests += client.requests;
            ok += client.count;
            client.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
            long[] merged = Arrays.copyOf(all, all.length + client.count);
            System.arraycopy(client.nanos, 0, merged, all.length, client.count);
            all = merged;
        }
        Arrays.sort(all);
        return new Result(requests, ok, errors, seconds, all);
    }

    /** One client's own records, merged after the run so clients never contend on shared state. */
    private static final class Client {
        private long[] nanos = new long[1024];
        private int count;
        private long requests;
        private final Map<String, Long> errors = new TreeMap<>();

        void send(Call call, long sequence, int okStatus) {
            requests++;
            long start = System.nanoTime();
            try {
                int status = call.call(sequence);
                long took = System.nanoTime() - start;
                if (status == okStatus) {
                    if (count == nanos.length) {
                        nanos = Arrays.copyOf(nanos, count * 2);
                    }
                    nanos[count++] = took;
                } else {
                    errors.merge("HTTP " + status, 1L, Long::sum);
                }
            } catch (Exception e) {
                errors.merge(e.getClass().getSimpleName(), 1L, Long::sum);
            }
        }
    }
}
