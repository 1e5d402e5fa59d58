package dev.aei.server;

import dev.aei.testing.Await;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.Framedata;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;

/** A real WebSocket client for tests that keeps every raw frame it receives and how it closed. */
final class WireClient extends WebSocketClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Text frames as String, binary frames as byte[], in arrival order. */
    final List<Object> frames = new CopyOnWriteArrayList<>();
    volatile String handshakeProtocol;
    volatile Integer closeCode;
    volatile String closeReason;
    volatile boolean closedRemotely;
    /** WebSocket protocol pongs received. */
    final AtomicInteger pongs = new AtomicInteger();

    WireClient(URI url, Map<String, String> headers, Draft draft) {
        super(url, draft, headers, 5000);
    }

    /** Connects with the given headers; returns the client whether or not the upgrade succeeded. */
    static WireClient connect(URI url, Map<String, String> headers) {
        return connect(url, headers, new Draft_6455());
    }

    static WireClient connect(URI url, Map<String, String> headers, Draft draft) {
        WireClient client = new WireClient(url, headers, draft);
        try {
            client.connectBlocking(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return client;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        handshakeProtocol = handshake.getFieldValue("Sec-WebSocket-Protocol");
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata frame) {
        pongs.incrementAndGet();
    }

    @Override
    public void onMessage(String message) {
        frames.add(message);
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        frames.add(copy);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeReason = reason;
        closedRemotely = remote;
        closeCode = code;
    }

    @Override
    public void onError(Exception ex) {
        // Failures show up through onClose.
    }

    /** The text frames that parse as JSON objects. */
    List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        for (Object frame : frames) {
            if (frame instanceof String text) {
                try {
                    JsonNode node = JSON.readTree(text);
                    if (node != null && node.isObject()) {
                        events.add(node);
                    }
                } catch (JsonProcessingException e) {
                    // Not JSON: left out here, still in frames.
                }
            }
        }
        return events;
    }

    List<String> types() {
        return events().stream().map(e -> e.path("type").asText()).toList();
    }

    long count(String type) {
        return types().stream().filter(type::equals).count();
    }

    /** Sends a user message and returns nothing; the run's events arrive on {@link #frames}. */
    void ask(String content, String threadId) {
        send("{\"type\":\"user_message\",\"payload\":{\"content\":" + quote(content)
                + ",\"thread_id\":" + quote(threadId) + "}}");
    }

    void awaitType(String type, int count) {
        Await.until(() -> count(type) >= count, () -> count + " x " + type + " in " + types());
    }

    void awaitClosed() {
        Await.until(() -> closeCode != null, () -> "connection closed");
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
