package dev.aei.server;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket side of the reference backend: authenticates upgrades (401 with a reason when
 * refused), greets each connection and hands client messages on.
 */
final class AgentSocketServer extends WebSocketServer {

    private static final Logger LOG = LoggerFactory.getLogger(AgentSocketServer.class);
    /** Client frames above this size are refused by the library. */
    private static final int MAX_FRAME_BYTES = 1024 * 1024;
    /** The identity the demo-identity fault folds users into. */
    static final String DEMO_USER = "demo-user-001";

    private final HandshakeAuth auth;
    private final ConnectionRegistry connections;
    private final EventShaper shaper;
    private final ClientMessages messages;
    private final Predicate<String> demoIdentity;
    private final Clock clock;
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    AgentSocketServer(InetSocketAddress address, HandshakeAuth auth, ConnectionRegistry connections,
                      EventShaper shaper, ClientMessages messages, Predicate<String> demoIdentity, Clock clock) {
        super(address, List.of(new Draft_6455(List.of(), List.of(new Protocol("")), MAX_FRAME_BYTES)));
        this.auth = auth;
        this.connections = connections;
        this.shaper = shaper;
        this.messages = messages;
        this.demoIdentity = demoIdentity;
        this.clock = clock;
        setReuseAddr(true);
        setDaemon(true);
        setWebSocketFactory(new WebSocketServerFactory() {
            @Override
            public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
                return new WebSocketImpl(adapter, draft);
            }

            @Override
            public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
                return new WebSocketImpl(adapter, drafts);
            }

            @Override
            public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) {
                return new RejectingChannel(channel);
            }

            @Override
            public void close() {
                // Nothing held.
            }
        });
    }

    /** Completes when the socket is bound, or exceptionally when binding failed. */
    CompletableFuture<Void> started() {
        return started;
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                                                                       ClientHandshake request)
            throws InvalidDataException {
        ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        try {
            HandshakeAuth.Credential credential = auth.authenticate(request);
            conn.setAttachment(credential);
            if (credential.subprotocol() != null) {
                response.put("Sec-WebSocket-Protocol", credential.subprotocol());
            }
            return response;
        } catch (HandshakeRejection rejection) {
            if (((WebSocketImpl) conn).getChannel() instanceof RejectingChannel channel) {
                channel.reject(rejection.status(), rejection.reason());
            }
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, rejection.reason());
        }
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        HandshakeAuth.Credential credential = conn.getAttachment();
        String reported = demoIdentity.test(credential.userId()) ? DEMO_USER : credential.userId();
        ClientConnection connection = new ClientConnection(conn, credential.userId(), reported,
                UUID.randomUUID().toString(), !shaper.strict());
        conn.setAttachment(connection);
        connections.add(connection);
        connection.send(shaper.connectionEstablished(reported, connection.connectionId(), clock.instant()));
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        if (conn.getAttachment() instanceof ClientConnection connection) {
            connections.remove(connection);
        }
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata ping) {
        if (!(conn.getAttachment() instanceof ClientConnection connection && connection.stalled())) {
            super.onWebsocketPing(conn, ping);
        }
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        if (conn.getAttachment() instanceof ClientConnection connection && !connection.stalled()) {
            try {
                messages.onText(connection, message);
            } catch (RuntimeException e) {
                LOG.warn("could not handle a client message", e);
            }
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        if (conn.getAttachment() instanceof ClientConnection connection) {
            messages.onBinary(connection);
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            started.completeExceptionally(ex);
        } else {
            LOG.debug("connection error", ex);
        }
    }

    @Override
    public void onStart() {
        started.complete(null);
    }
}
