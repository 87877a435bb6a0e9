package io.otklik.bench;

import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail serving IMAP only, on a free port of 127.0.0.1, with authentication off, and by default with
 * TCP_NODELAY on every connection. Stock GreenMail leaves Nagle's algorithm on and writes a FETCH answer in several
 * pieces, so the last piece waits for the client's delayed ACK: about 40 ms for every message fetched on its own,
 * which would measure GreenMail rather than the app. Mail servers people run send their answers at once.
 */
final class ImapMailbox extends GreenMail {

    private final boolean noDelay;

    ImapMailbox(boolean noDelay) {
        super(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        this.noDelay = noDelay;
        getManagers().getUserManager().setAuthRequired(false);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
        Map<String, AbstractServer> servers = new HashMap<>();
        for (ServerSetup setup : setups) {
            servers.put(setup.getProtocol(), new Server(setup, managers, noDelay));
        }
        return servers;
    }

    int port() {
        return services.get(ServerSetup.PROTOCOL_IMAP).getPort();
    }

    /** GreenMail's IMAP server, setting TCP_NODELAY on each connection when asked to. */
    private static final class Server extends AbstractServer {

        private final boolean noDelay;

        Server(ServerSetup setup, Managers managers, boolean noDelay) {
            super(setup, managers);
            this.noDelay = noDelay;
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket socket) {
            if (noDelay) {
                try {
                    socket.setTcpNoDelay(true);
                } catch (SocketException e) {
                    // The connection keeps the system's default.
                }
            }
            return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), socket);
        }
    }
}
