package dev.aei.reliability;

import dev.aei.testing.LoopbackServer;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.BinaryFrame;
import org.java_websocket.framing.TextFrame;
import org.java_websocket.handshake.ClientHandshake;

/**
 * A real WebSocket server on loopback that signs users in by their bearer JWT, greets each with
 * {@code connection_established}, and then sends whatever a test tells it to, valid or not.
 */
final class HostileServer extends LoopbackServer {
    private final SecretKey key;
    private final Map<String, WebSocket> sockets = new ConcurrentHashMap<>();

    private HostileServer(String secret) {
        this.key = Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
        setDaemon(true);
    }

    static HostileServer start(String secret) throws InterruptedException {
        HostileServer server = new HostileServer(secret);
        server.startAndWait();
        return server;
    }

    URI url() {
        return URI.create(url("/ws"));
    }

    boolean isConnected(String user) {
        WebSocket socket = sockets.get(user);
        return socket != null && socket.isOpen();
    }

    void sendText(String user, String text) {
        sockets.get(user).send(text);
    }

    /** A text frame carrying these bytes as they are, even when they are not UTF-8. */
    void sendRawText(String user, byte[] payload) {
        TextFrame frame = new TextFrame();
        frame.setPayload(ByteBuffer.wrap(payload));
        sockets.get(user).sendFrame(frame);
    }

    void sendBinary(String user, byte[] payload) {
        BinaryFrame frame = new BinaryFrame();
        frame.setPayload(ByteBuffer.wrap(payload));
        sockets.get(user).sendFrame(frame);
    }

    /** Bytes queued but not yet written to a user's socket. */
    boolean hasPendingOutput(String user) {
        WebSocket socket = sockets.get(user);
        return socket != null && socket.hasBufferedData();
    }

    void shutdown() throws InterruptedException {
        stop(2000);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String user = subject(handshake.getFieldValue("Authorization"));
        if (user == null) {
            conn.close(1008, "bad token");
            return;
        }
        sockets.put(user, conn);
        conn.send("{\"type\":\"connection_established\",\"seq\":1,\"data\":{\"user_id\":\"" + user + "\"}}");
    }

    private String subject(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            return Jwts.parser().verifyWith(key).build().parseSignedClaims(authorization.substring(7))
                    .getPayload().getSubject();
        } catch (JwtException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        sockets.values().remove(conn);
    }
}
