package io.otklik.channel.webform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * How many requests one client address and one email address may send through the form: a token bucket each, full
 * at the configured number and refilled evenly over the window. Kept in memory, so each node counts on its own.
 */
@Component
class SubmissionLimits {

    /** Past this many tracked senders, buckets that have refilled completely are forgotten. */
    private static final int SWEEP_ABOVE = 10_000;
    /** Past this many even after a sweep (a flood from many addresses), all are forgotten rather than run out of memory. */
    private static final int FORGET_ABOVE = 200_000;

    private final WebFormProperties.Limits limits;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    SubmissionLimits(WebFormProperties properties, Clock clock) {
        this.limits = properties.limits();
        this.clock = clock;
    }

    /** Which limit turned a request away, and how long until it lets one through again. */
    record Refusal(Kind kind, Duration retryAfter) {

        enum Kind {
            CLIENT_ADDRESS, EMAIL
        }
    }

    /**
     * Takes one request from the client address's and the email's allowance, or, when either is used up, takes
     * nothing and says how long to wait.
     */
    synchronized Optional<Refusal> take(String clientAddress, String email) {
        Instant now = clock.instant();
        String addressKey = "address:" + group(clientAddress);
        String emailKey = "email:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
        Bucket address = buckets.computeIfAbsent(addressKey, key -> new Bucket(limits.perClientAddress(), now));
        Bucket mail = buckets.computeIfAbsent(emailKey, key -> new Bucket(limits.perEmail(), now));
        Duration addressWait = address.waitFor(now, limits.window());
        Duration emailWait = mail.waitFor(now, limits.window());
        if (!addressWait.isZero() || !emailWait.isZero()) {
            return Optional.of(addressWait.compareTo(emailWait) >= 0
                    ? new Refusal(Refusal.Kind.CLIENT_ADDRESS, addressWait)
                    : new Refusal(Refusal.Kind.EMAIL, emailWait));
        }
        address.take();
        mail.take();
        if (buckets.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        return Optional.empty();
    }

    private void sweep(Instant now) {
        buckets.values().removeIf(bucket -> bucket.isFull(now, limits.window()));
        if (buckets.size() > FORGET_ABOVE) {
            buckets.clear();
        }
    }

    /**
     * The sender an address stands for: an IPv4 address itself, an IPv6 address by its /64 network (one household
     * or server usually holds a whole /64, and could otherwise take a fresh address for every request).
     */
    static String group(String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank()) {
            return "unknown";
        }
        String address = clientAddress.strip();
        if (!address.contains(":")) {
            return address;
        }
        try {
            // A literal: parsed without any name look-up.
            byte[] bytes = InetAddress.getByName(address.replaceAll("^\\[|]$|%.*$", "")).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return address;
        }
    }

    /** A sender's allowance: up to {@code capacity} requests, refilled at {@code capacity} per window. */
    private static final class Bucket {

        private final int capacity;
        private double tokens;
        private Instant updatedAt;

        Bucket(int capacity, Instant now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.updatedAt = now;
        }

        /** Zero when a request may go now, else how long until one may. */
        Duration waitFor(Instant now, Duration window) {
            refill(now, window);
            if (tokens >= 1) {
                return Duration.ZERO;
            }
            double nanosPerToken = (double) window.toNanos() / capacity;
            return Duration.ofNanos((long) Math.ceil((1 - tokens) * nanosPerToken));
        }

        void take() {
            tokens -= 1;
        }

        boolean isFull(Instant now, Duration window) {
            refill(now, window);
            return tokens >= capacity;
        }

        private void refill(Instant now, Duration window) {
            if (now.isAfter(updatedAt)) {
                double gained = (double) Duration.between(updatedAt, now).toNanos() * capacity / window.toNanos();
                tokens = Math.min(capacity, tokens + gained);
                updatedAt = now;
            }
        }
    }
}
