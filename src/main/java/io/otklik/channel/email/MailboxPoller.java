package io.otklik.channel.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.otklik.channel.ArrivedVia;
import io.otklik.channel.InboundIntake;
import io.otklik.channel.InboundReceipt;
import io.otklik.ticket.Channel;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads every enabled mailbox: one reader per mailbox, waiting with IMAP IDLE where the server has it (and looking
 * anyway every poll interval), polling otherwise. A message is stored (raw, see {@link InboundIntake}) before
 * anything else, processed, and only then marked seen on the server. Which messages are new is kept as the
 * highest stored UID per mailbox ({@link MailboxPositions}); a mailbox read for the first time starts with its
 * unread messages. A message fetched twice (a crash before the position moved on, two nodes reading one mailbox)
 * is recognised by its Message-ID and not processed again.
 */
@Component
class MailboxPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    /** Messages fetched, stored and processed together before they are marked on the server. */
    private static final int BATCH = 100;
    /** Messages up to this size are fetched whole with their batch (peeking: they stay unseen until processed). */
    private static final int PREFETCH_MAX = 256 * 1024;
    private static final Duration RECONCILE = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final ImapAccounts accounts;
    private final InboundIntake intake;
    private final MailboxPositions positions;
    private final boolean enabled;
    private final Map<MailAccountId, Reader> readers = new ConcurrentHashMap<>();
    private ScheduledExecutorService supervisor;
    private volatile boolean running;

    MailboxPoller(ImapAccounts accounts, InboundIntake intake, MailboxPositions positions,
            @Value("${otklik.mail.inbound.polling:true}") boolean enabled) {
        this.accounts = accounts;
        this.intake = intake;
        this.positions = positions;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            log.info("Reading mailboxes is switched off (otklik.mail.inbound.polling=false)");
            return;
        }
        supervisor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("mailbox-supervisor")
                .daemon().factory());
        supervisor.scheduleWithFixedDelay(this::reconcile, 0, RECONCILE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (supervisor != null) {
            supervisor.shutdownNow();
        }
        readers.values().forEach(Reader::stop);
        readers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the sandbox mail server (which starts at the default phase) and before the web server takes requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }

    /** Starts readers for new or changed mailboxes, stops those of removed, disabled or changed ones. */
    void reconcile() {
        try {
            Map<MailAccountId, ImapConnection> wanted = new HashMap<>();
            for (ImapConnection connection : accounts.enabled()) {
                wanted.put(connection.account(), connection);
            }
            readers.entrySet().removeIf(entry -> {
                ImapConnection now = wanted.get(entry.getKey());
                if (now == null || !now.equals(entry.getValue().connection)) {
                    entry.getValue().stop();
                    return true;
                }
                return false;
            });
            wanted.forEach((id, connection) -> readers.computeIfAbsent(id, key -> {
                Reader reader = new Reader(connection);
                reader.start();
                return reader;
            }));
        } catch (RuntimeException e) {
            log.warn("Could not look up the mailboxes to read: {}", e.toString());
        }
    }

    /** Fetches what is new in every mailbox now (tests, and a "fetch now" for administrators). */
    void fetchNow() {
        readers.values().forEach(Reader::wake);
    }

    /** One mailbox's reader, on a thread of its own. */
    private final class Reader implements Runnable {

        private final ImapConnection connection;
        private final Thread thread;
        private volatile boolean stopped;
        private volatile Store store;
        /** Stored but not yet processed when their batch was marked (UID → stored id): marked once they are. */
        private final Map<Long, Long> unsettled = new HashMap<>();
        private long unsettledValidity;
        private volatile IMAPFolder idling;

        Reader(ImapConnection connection) {
            this.connection = connection;
            this.thread = Thread.ofPlatform().name("mailbox-" + connection.account().value()).daemon()
                    .unstarted(this);
        }

        void start() {
            thread.start();
        }

        void stop() {
            stopped = true;
            thread.interrupt();
            closeQuietly();
        }

        /** Ends a wait (IDLE or sleep) so the mailbox is looked at now. */
        void wake() {
            IMAPFolder folder = idling;
            if (folder != null) {
                try {
                    folder.doCommand(protocol -> {
                        protocol.simpleCommand("NOOP", null);
                        return null;
                    });
                } catch (MessagingException | RuntimeException e) {
                    // The reader notices the broken connection itself.
                }
            } else {
                thread.interrupt();
            }
        }

        @Override
        public void run() {
            Duration backoff = Duration.ofSeconds(5);
            while (!stopped && running) {
                try {
                    readWhileConnected();
                    backoff = Duration.ofSeconds(5);
                } catch (MessagingException | IOException | RuntimeException e) {
                    if (stopped || !running) {
                        return;
                    }
                    String error = ImapProbe.describe(e);
                    log.info("Mailbox {}: {}", connection, error);
                    try {
                        accounts.recordFetchFailure(connection.account(), error);
                    } catch (RuntimeException recording) {
                        log.warn("Mailbox {}: could not record the failure: {}", connection, recording.toString());
                    }
                    closeQuietly();
                    if (!sleep(backoff.compareTo(connection.pollInterval()) < 0 ? backoff
                            : connection.pollInterval())) {
                        return;
                    }
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
                            : backoff.multipliedBy(2);
                }
            }
        }

        private void readWhileConnected() throws MessagingException, IOException {
            Duration poll = connection.pollInterval();
            Session session = session(connection, poll.plusSeconds(60));
            Store opened = session.getStore(ImapProbe.protocol(connection.security()));
            store = opened;
            opened.connect(connection.host(), connection.port(), connection.username(), connection.password());
            boolean idle = opened instanceof IMAPStore imap && imap.hasCapability("IDLE");
            IMAPFolder folder = (IMAPFolder) opened.getFolder(connection.folder());
            folder.open(Folder.READ_WRITE);
            try {
                while (!stopped && running) {
                    fetch(folder);
                    if (idle) {
                        idleFor(folder, poll);
                    } else if (!sleep(poll)) {
                        return;
                    }
                }
            } finally {
                closeQuietly();
            }
        }

        /** Waits for the server to say something changed, at most {@code poll} (a NOOP ends the wait). */
        private void idleFor(IMAPFolder folder, Duration poll) throws MessagingException {
            ScheduledFuture<?> alarm = supervisor.schedule(this::wake, poll.toMillis(), TimeUnit.MILLISECONDS);
            idling = folder;
            try {
                folder.idle(true);
            } finally {
                idling = null;
                alarm.cancel(false);
            }
        }

        private void fetch(IMAPFolder folder) throws MessagingException, IOException {
            long validity = folder.getUIDValidity();
            markSettledSince(folder, validity);
            Optional<MailboxPositions.Position> position = positions.of(connection.account())
                    .filter(p -> p.uidValidity() == validity);
            Message[] found;
            if (position.isPresent()) {
                long last = position.get().lastUid();
                found = Arrays.stream(folder.getMessagesByUID(last + 1, UIDFolder.MAXUID))
                        .filter(m -> m != null && uid(folder, m) > last).toArray(Message[]::new);
            } else {
                // Never read (or the server renumbered the folder): start with what nobody has read yet.
                found = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            }
            int taken = 0;
            int failed = 0;
            for (int from = 0; from < found.length && !stopped; from += BATCH) {
                Message[] batch = Arrays.copyOfRange(found, from, Math.min(found.length, from + BATCH));
                FetchProfile profile = new FetchProfile();
                profile.add(UIDFolder.FetchProfileItem.UID);
                profile.add(FetchProfile.Item.SIZE);
                folder.fetch(batch, profile);
                // The small ones (most mail) whole in one round trip; big ones one by one, so a batch never holds
                // more than a few megabytes.
                Message[] small = Arrays.stream(batch).filter(m -> sizeOf(m) <= PREFETCH_MAX).toArray(Message[]::new);
                if (small.length > 0) {
                    FetchProfile whole = new FetchProfile();
                    whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
                    folder.fetch(small, whole);
                }
                List<byte[]> raws = new ArrayList<>(batch.length);
                long highest = 0;
                for (Message message : batch) {
                    ((IMAPMessage) message).setPeek(true);
                    raws.add(rawOf(message));
                    highest = Math.max(highest, uid(folder, message));
                }
                List<InboundReceipt> receipts = intake.receiveAll(Channel.EMAIL, connection.account().value(),
                        ArrivedVia.IMAP, raws);
                // Every message of the batch is stored now: the position moves past them, whatever happens next.
                positions.advance(connection.account(), validity, highest);
                Set<Long> settled = intake.settled(receipts.stream().map(InboundReceipt::id).toList());
                List<Message> done = new ArrayList<>();
                for (int i = 0; i < batch.length; i++) {
                    if (settled.contains(receipts.get(i).id())) {
                        done.add(batch[i]);
                    } else {
                        failed++;
                        unsettledValidity = validity;
                        unsettled.put(uid(folder, batch[i]), receipts.get(i).id());
                    }
                }
                if (!done.isEmpty()) {
                    folder.setFlags(done.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
                }
                taken += batch.length;
            }
            accounts.recordFetch(connection.account(), taken, failed);
        }

        /** Marks seen what an earlier fetch stored but could not process at once (a retry, a reply that waited). */
        private void markSettledSince(IMAPFolder folder, long validity) throws MessagingException {
            if (unsettled.isEmpty()) {
                return;
            }
            if (unsettledValidity != validity) {
                unsettled.clear();
                return;
            }
            Set<Long> settled = intake.settled(List.copyOf(unsettled.values()));
            List<Message> done = new ArrayList<>();
            unsettled.entrySet().removeIf(entry -> {
                if (!settled.contains(entry.getValue())) {
                    return false;
                }
                try {
                    Message message = folder.getMessageByUID(entry.getKey());
                    if (message != null) {
                        done.add(message);
                    }
                } catch (MessagingException e) {
                    return false;
                }
                return true;
            });
            if (!done.isEmpty()) {
                folder.setFlags(done.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
            }
        }

        private boolean sleep(Duration duration) {
            try {
                Thread.sleep(duration);
                return true;
            } catch (InterruptedException e) {
                // Woken: to look now, or to stop.
                return !stopped && running;
            }
        }

        private void closeQuietly() {
            Store current = store;
            store = null;
            if (current != null) {
                try {
                    current.close();
                } catch (MessagingException | RuntimeException e) {
                    // Closing a broken connection: nothing to keep.
                }
            }
        }
    }

    private static int sizeOf(Message message) {
        try {
            return message.getSize();
        } catch (MessagingException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static long uid(IMAPFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] rawOf(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
        message.writeTo(out);
        return out.toByteArray();
    }

    /** A session for reading: whole messages in one fetch, reads waiting as long as an IDLE may. */
    static Session session(ImapConnection connection, Duration readTimeout) {
        Session probe = ImapProbe.session(connection, ImapProbe.TIMEOUT);
        Properties properties = new Properties();
        properties.putAll(probe.getProperties());
        String protocol = ImapProbe.protocol(connection.security());
        properties.setProperty("mail." + protocol + ".timeout", Long.toString(readTimeout.toMillis()));
        properties.setProperty("mail." + protocol + ".partialfetch", "false");
        // Fetching a whole message must not mark it seen: that happens once it is in its ticket.
        properties.setProperty("mail." + protocol + ".peek", "true");
        return Session.getInstance(properties);
    }
}
