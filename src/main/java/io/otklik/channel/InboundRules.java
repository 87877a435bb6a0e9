package io.otklik.channel;

import java.util.Set;

import io.otklik.ticket.Priority;

/**
 * Rules an administrator sets for arriving messages (postmaster rules for mail): drop them, or file the ticket
 * they open with tags, a team, a category or a priority.
 */
public interface InboundRules {

    /** The verdict for one message; {@code raw} is the message as it arrived, for rules on its headers. */
    Verdict apply(InboundMessage message, byte[] raw);

    /** What the rules decided; {@code rules} names the rules that matched, for the record of why. */
    record Verdict(boolean drop, Set<String> tags, Long teamId, Long categoryId, Priority priority, String rules) {

        public static final Verdict NONE = new Verdict(false, Set.of(), null, null, null, null);

        public Verdict {
            tags = tags == null ? Set.of() : Set.copyOf(tags);
        }
    }
}
