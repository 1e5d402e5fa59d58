package dev.aei.net;

import dev.aei.capture.Opcode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLParameters;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/**
 * One connection of a lane: a Java-WebSocket client that hands everything it sees to its
 * {@link Events}. A lane makes a new socket per connection attempt, so a reconnect starts clean.
 */
final class LaneSocket extends WebSocketClient implements CaptureDraft.RawMessageSink {
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    /** How long a server may take to answer the WebSocket upgrade once the TCP connection is up. */
    static final int HANDSHAKE_TIMEOUT_MS = 10_000;

    private final Events events;
    private final boolean verifyHostname;
    private volatile Exception lastError;
    private volatile boolean opened;

    /** What a lane is told about its socket, on the socket's thread. */
    interface Events {
        void opened(LaneSocket socket);

        void received(LaneSocket socket, Opcode opcode, String text, byte[] bytes, boolean truncated);

        void closed(LaneSocket socket, int code, String reason, boolean remote, Exception error);
    }

    /**
     * A socket for one attempt. For {@code wss://} the TLS connection is opened (and its handshake
     * done) right here, on the caller's thread, so a TLS failure surfaces as an exception with its
     * cause instead of racing the library's reader and writer threads.
     */
    LaneSocket(ConnectRequest request, int maxFrameBytes, TlsTrust tls, Events events) throws IOException {
        super(request.uri(), new CaptureDraft(protocols(request.subprotocols()), maxFrameBytes),
                request.headers(), CONNECT_TIMEOUT_MS);
        this.events = events;
        this.verifyHostname = tls.verifiesHostnames();
        setDaemon(true);
        if ("wss".equalsIgnoreCase(request.uri().getScheme())) {
            setSocket(tls.connect(request.uri(), CONNECT_TIMEOUT_MS));
        }
    }

    private static List<IProtocol> protocols(List<String> offered) {
        List<IProtocol> protocols = new ArrayList<>();
        offered.forEach(p -> protocols.add(new Protocol(p)));
        // Also accept an answer without a subprotocol: some servers do not echo it.
        protocols.add(new Protocol(""));
        return protocols;
    }

    /** True once the handshake completed (stays true after a close). */
    boolean wasOpened() {
        return opened;
    }

    @Override
    protected void onSetSSLParameters(SSLParameters parameters) {
        // The library turns hostname verification on here; only the insecure switch leaves it off.
        if (verifyHostname) {
            super.onSetSSLParameters(parameters);
        }
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        opened = true;
        events.opened(this);
    }

    @Override
    public void onMessage(String message) {
        events.received(this, Opcode.TEXT, message, null, false);
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        events.received(this, Opcode.BINARY, null, copy, false);
    }

    @Override
    public void onRawMessage(CaptureDraft.RawMessage message) {
        events.received(this, message.opcode, null, message.payload, message.truncated);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        events.closed(this, code, reason, remote, lastError);
    }

    @Override
    public void onError(Exception error) {
        lastError = error;
    }
}
