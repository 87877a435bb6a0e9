package io.otklik.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Reads the reason processing recorded for a message ({@code thread.in-reply-to|<id>}, {@code filter.rule|names},
 * two parts joined by " · ") in people's words: each part's key is looked up as {@code inbound.reason.<key>} with
 * its argument; a part without a text of its own is shown as stored.
 */
@Component
public class InboundReasons {

    static final String SEPARATOR = " · ";

    private final MessageSource messages;
    private final String ticketPrefix;

    InboundReasons(MessageSource messages, @Value("${otklik.tickets.number-prefix:OTK-}") String ticketPrefix) {
        this.messages = messages;
        this.ticketPrefix = ticketPrefix;
    }

    /** The reason in the given language; empty for none. */
    public String describe(String reason, Locale locale) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String part : reason.split(java.util.regex.Pattern.quote(SEPARATOR))) {
            parts.add(describePart(part.strip(), locale));
        }
        return String.join("; ", parts);
    }

    private String describePart(String part, Locale locale) {
        int bar = part.indexOf('|');
        String key = bar < 0 ? part : part.substring(0, bar);
        String argument = bar < 0 ? "" : part.substring(bar + 1);
        if (key.equals("thread.duplicate") && argument.matches("\\d{1,18}")) {
            // The argument is the ticket's id: shown as its number.
            argument = ticketPrefix + argument;
        }
        try {
            return messages.getMessage("inbound.reason." + key, bar < 0 ? null : new Object[] {argument}, locale);
        } catch (NoSuchMessageException unknown) {
            return part;
        }
    }
}
