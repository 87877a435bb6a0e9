package io.otklik.channel.email;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

import io.otklik.channel.InboundMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Applies the administrator's postmaster rules to an incoming mail (see {@link #evaluate}). The enabled rules are
 * kept in memory, compiled: a change saved on this node is seen from its commit on, one saved on another node
 * within {@code otklik.mail.postmaster.refresh-interval} (15 s unless set), when the rules are read again.
 */
@Service
public class PostmasterRules {

    /** A header's name as RFC 5322 allows it: printable characters except the colon. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+");

    private final PostmasterRuleRows rows;
    private final long refreshNanos;
    /** Moves on with every change, so that rules read before a change are never kept as current after it. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Loaded loaded;

    PostmasterRules(PostmasterRuleRows rows,
            @Value("${otklik.mail.postmaster.refresh-interval:15s}") Duration refreshInterval) {
        this.rows = rows;
        this.refreshNanos = refreshInterval.toNanos();
    }

    /**
     * What the enabled rules, in order, decide about this mail: a rule matches when all its conditions do; its
     * actions then apply (tags add up, a later team, category or priority replaces an earlier one) and, if it says
     * so, the rules after it are skipped. {@link PostmasterDecision#none()} when no rule matches.
     *
     * @param headers the mail's headers by lower-case name, each with all its values decoded (see
     *        {@link #headersOf(byte[])}); may be empty when the mail has none to offer
     */
    /** Whether any rule is switched on (when none is, a mail's headers need not even be read). */
    public boolean anyEnabled() {
        return !book().isEmpty();
    }

    public PostmasterDecision evaluate(InboundMessage message, Map<String, List<String>> headers) {
        return book().decide(message, headers);
    }

    /**
     * The header block of a raw mail, by lower-case name, every value of a repeated header in order, unfolded and
     * with RFC 2047 encoded words and unlabelled 8-bit text decoded. Lines that are no headers are left out; the
     * body is not read. Empty when there is no header block.
     */
    public static Map<String, List<String>> headersOf(byte[] raw) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        InternetHeaders headers;
        try {
            headers = new InternetHeaders(new ByteArrayInputStream(raw == null ? new byte[0] : raw));
        } catch (MessagingException e) {
            return Map.of();
        }
        Enumeration<Header> all = headers.getAllHeaders();
        while (all.hasMoreElements()) {
            Header header = all.nextElement();
            String name = header.getName() == null ? "" : header.getName().strip();
            if (!HEADER_NAME.matcher(name).matches()) {
                continue;
            }
            String value = HeaderText.decode(header.getValue());
            result.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>(1))
                    .add(value == null ? "" : value);
        }
        result.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(result);
    }

    /** Forgets the rules in memory once the current transaction commits (at once outside one). */
    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget();
                }
            });
        } else {
            forget();
        }
    }

    private void forget() {
        generation.incrementAndGet();
        loaded = null;
    }

    /** The enabled rules: those in memory while fresh, read again otherwise. */
    PostmasterRuleBook book() {
        Loaded current = loaded;
        if (current != null && current.generation == generation.get()
                && System.nanoTime() - current.at < refreshNanos) {
            return current.book;
        }
        return reload();
    }

    // Not synchronized: a thread waiting here may hold a pooled connection that the one inside needs (a pool
    // exhausted that way stalls everything); two threads reloading at once read the same rows.
    private PostmasterRuleBook reload() {
        Loaded current = loaded;
        long seen = generation.get();
        if (current != null && current.generation == seen && System.nanoTime() - current.at < refreshNanos) {
            return current.book;
        }
        long at = System.nanoTime();
        PostmasterRuleBook book = PostmasterRuleBook.of(rows.enabled());
        if (generation.get() == seen) {
            loaded = new Loaded(book, seen, at);
        }
        return book;
    }

    private record Loaded(PostmasterRuleBook book, long generation, long at) {
    }
}
