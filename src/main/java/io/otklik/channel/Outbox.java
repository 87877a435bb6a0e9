package io.otklik.channel;

import java.util.Collection;
import java.util.Map;

/**
 * Every outgoing send goes through here: it is stored in the caller's transaction and leaves after commit,
 * retried with backoff while the server is unreachable, never sent twice.
 */
public interface Outbox {

    /** Queues a mail in the current transaction; a mail with a key already queued is not queued again. */
    long enqueue(OutboundMail mail);

    /** The delivery states of queued sends, by their ids; unknown ids are left out. */
    Map<Long, DeliveryState> states(Collection<Long> ids);
}
