package io.otklik.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.imap.ImapRequestHandler;
import com.icegreen.greenmail.imap.ImapResponse;
import com.icegreen.greenmail.imap.ImapSession;
import com.icegreen.greenmail.imap.ImapSessionFolder;
import com.icegreen.greenmail.imap.ImapSessionImpl;
import com.icegreen.greenmail.imap.ImapSessionState;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail serving IMAP only, on a free port of 127.0.0.1, with authentication off — tuned so that it can hand a
 * mailbox of 10,000 mails to a reader that fetches them one at a time, as the app does, without becoming what is
 * measured. Stock GreenMail 2.1 has two costs there:
 * <ul>
 * <li>every FETCH walks all messages of the folder and looks up each one's sequence number with a scan of all of
 * them: quadratic in the folder's size, about 15 ms a fetch at 1,000 messages and seconds at 10,000;</li>
 * <li>it writes an answer in 1 KB pieces with Nagle's algorithm on, so the last piece of a fetched mail waits for
 * the client's delayed ACK, about 40 ms.</li>
 * </ul>
 * Here each connection gets TCP_NODELAY and a larger output buffer, and its selected folder knows the sequence number
 * of a UID from an index (rebuilt when messages are added or removed) instead of a scan. Everything else — commands,
 * the store, the flags, the answers — is GreenMail's own. {@code stock} keeps GreenMail as it is, for comparison.
 */
final class ImapMailbox extends GreenMail {

    private final boolean stock;

    ImapMailbox(boolean stock) {
        super(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        this.stock = stock;
        getManagers().getUserManager().setAuthRequired(false);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
        if (stock) {
            return super.createServices(setups, managers);
        }
        Map<String, AbstractServer> servers = new HashMap<>();
        for (ServerSetup setup : setups) {
            servers.put(setup.getProtocol(), new Server(setup, managers));
        }
        return servers;
    }

    int port() {
        return services.get(ServerSetup.PROTOCOL_IMAP).getPort();
    }

    /** GreenMail's IMAP server, with {@link Handler} for each connection. */
    private static final class Server extends AbstractServer {

        Server(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket socket) {
            try {
                socket.setTcpNoDelay(true);
            } catch (SocketException e) {
                // The connection keeps the system's default.
            }
            return new Handler(managers.getUserManager(), managers.getImapHostManager(), socket);
        }
    }

    /** GreenMail's connection loop (greeting, then one request after the other), with a {@link Session} of ours. */
    private static final class Handler extends ImapHandler {

        private final UserManager users;
        private final ImapHostManager host;
        private volatile ImapResponse response;

        Handler(UserManager users, ImapHostManager host, Socket socket) {
            super(users, host, socket);
            this.users = users;
            this.host = host;
        }

        @Override
        public void run() {
            try (InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
                    OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 65_536)) {
                response = new ImapResponse(out);
                response.okResponse(null, "IMAP4rev1 Server GreenMail (benchmark) ready");
                ImapSession session = new Session(new ImapSessionImpl(host, users, this,
                        socket.getInetAddress().getHostAddress()));
                ImapRequestHandler requests = new ImapRequestHandler();
                while (!isQuitting() && requests.handleRequest(in, out, session)) {
                    // One request after the other, until LOGOUT or the connection ends.
                }
            } catch (Exception e) {
                if (!isQuitting()) {
                    throw new IllegalStateException("Can not handle IMAP connection", e);
                }
            } finally {
                close();
            }
        }

        @Override
        public void forceConnectionClose(String message) {
            ImapResponse current = response;
            if (current != null) {
                current.byeResponse(message);
            }
            close();
        }
    }

    /**
     * GreenMail's session, except that the selected folder it hands to commands is an {@link IndexedFolder}. The
     * session's own folder still follows the mailbox and reports changes (new mail, flags) as before.
     */
    private static final class Session implements ImapSession {

        private final ImapSessionImpl session;
        private IndexedFolder selected;

        Session(ImapSessionImpl session) {
            this.session = session;
        }

        @Override
        public void setSelected(MailFolder folder, boolean readonly) {
            if (selected != null) {
                selected.deselect();
            }
            session.setSelected(folder, readonly);
            selected = new IndexedFolder(folder, this, readonly);
        }

        @Override
        public void deselect() {
            if (selected != null) {
                selected.deselect();
                selected = null;
            }
            session.deselect();
        }

        @Override
        public ImapSessionFolder getSelected() {
            return selected;
        }

        @Override
        public ImapSessionState getState() {
            return session.getState();
        }

        @Override
        public void unsolicitedResponses(ImapResponse response) throws FolderException {
            session.unsolicitedResponses(response);
        }

        @Override
        public void unsolicitedResponses(ImapResponse response, boolean omitExpunged) throws FolderException {
            session.unsolicitedResponses(response, omitExpunged);
        }

        @Override
        public void closeConnection() {
            session.closeConnection();
        }

        @Override
        public void closeConnection(String message) {
            session.closeConnection(message);
        }

        @Override
        public ImapHostManager getHost() {
            return session.getHost();
        }

        @Override
        public UserManager getUserManager() {
            return session.getUserManager();
        }

        @Override
        public String getClientIP() {
            return session.getClientIP();
        }

        @Override
        public void setAuthenticated(GreenMailUser user) {
            session.setAuthenticated(user);
        }

        @Override
        public GreenMailUser getUser() {
            return session.getUser();
        }
    }

    /** A selected folder that finds a UID's sequence number in an index rather than by scanning every message. */
    private static final class IndexedFolder extends ImapSessionFolder {

        private volatile Map<Long, Integer> numbers;

        IndexedFolder(MailFolder folder, ImapSession session, boolean readonly) {
            super(folder, session, readonly);
        }

        @Override
        public int getMsn(long uid) throws FolderException {
            Map<Long, Integer> index = numbers;
            if (index == null) {
                long[] uids = getMessageUids();
                index = new HashMap<>(uids.length * 2);
                for (int i = 0; i < uids.length; i++) {
                    index.put(uids[i], i + 1);
                }
                numbers = index;
            }
            Integer msn = index.get(uid);
            return msn != null ? msn : super.getMsn(uid);
        }

        @Override
        public void added(int msn) {
            numbers = null;
            super.added(msn);
        }

        @Override
        public void expunged(int msn) {
            numbers = null;
            super.expunged(msn);
        }
    }
}
