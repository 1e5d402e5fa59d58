package dev.aei.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.Handshakedata;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/**
 * A small real WebSocket server on loopback for the net tests: checks HS256 JWTs presented in any
 * of the four ways (answering 401 otherwise), answers each {@code user_message} with a five-event
 * run, and lets a test push any frame to a user.
 */
final class TestAgentServer extends WebSocketServer {
    private static final String REJECT = "X-Test-Reject";
    private static final Pattern PARAM = Pattern.compile("[?&](token|ticket)=([^&]+)");

    private final String secret;
    private final ObjectMapper json = new ObjectMapper();
    private final CountDownLatch started = new CountDownLatch(1);
    private final Map<String, WebSocket> sockets = new ConcurrentHashMap<>();
    private final Map<String, String> tickets = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> upgradeRequests = new CopyOnWriteArrayList<>();
    private final Set<WebSocket> silenced = ConcurrentHashMap.newKeySet();
    private HttpServer ticketServer;
    private String scheme = "ws";

    private TestAgentServer(String secret) {
        super(new InetSocketAddress("127.0.0.1", 0), List.of(new RejectingDraft()));
        this.secret = secret;
        setReuseAddr(true);
    }

    static TestAgentServer start(String secret) throws Exception {
        return start(secret, null);
    }

    /** A server speaking wss:// with the given TLS context (or plain ws:// when it is null). */
    static TestAgentServer start(String secret, SSLContext tls) throws Exception {
        TestAgentServer server = new TestAgentServer(secret);
        server.setDaemon(true);
        if (tls != null) {
            server.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(tls));
            server.scheme = "wss";
        }
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("test server did not start");
        }
        server.ticketServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.ticketServer.createContext("/ticket", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                String token = server.json.readTree(in).path("token").asText();
                String sub = server.subjectOf(token);
                byte[] body = sub == null ? "{}".getBytes(StandardCharsets.UTF_8)
                        : server.issueTicket(sub).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(sub == null ? 401 : 200, body.length);
                out.write(body);
            }
        });
        server.ticketServer.start();
        return server;
    }

    URI url() {
        return URI.create(scheme + "://127.0.0.1:" + getPort() + "/ws");
    }

    URI ticketUrl() {
        return URI.create("http://127.0.0.1:" + ticketServer.getAddress().getPort() + "/ticket");
    }

    /** Every text message users sent, in arrival order. */
    List<String> received() {
        return received;
    }

    /** The request line and headers of every upgrade request, as received. */
    List<String> upgradeRequests() {
        return upgradeRequests;
    }

    /** Sends a text message to a user. */
    void sendText(String user, String text) {
        sockets.get(user).send(text);
    }

    /** Sends any frame, valid or not, to a user. */
    void sendFrame(String user, Framedata frame) {
        sockets.get(user).sendFrame(frame);
    }

    /** Closes a user's socket from the server side. */
    void close(String user, int code, String reason) {
        sockets.get(user).close(code, reason);
    }

    /** Drops a user's connection without a close frame, as a crashed server would. */
    void drop(String user) {
        sockets.get(user).closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped");
    }

    /** Stops answering pings on the user's current socket, as a half-open connection would. */
    void silence(String user) {
        silenced.add(sockets.get(user));
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata ping) {
        if (!silenced.contains(conn)) {
            super.onWebsocketPing(conn, ping);
        }
    }

    boolean isConnected(String user) {
        WebSocket socket = sockets.get(user);
        return socket != null && socket.isOpen();
    }

    void shutdown() throws InterruptedException {
        ticketServer.stop(0);
        stop(2000);
    }

    /** A one-use ticket for a valid token's subject, as another ticket endpoint would hand out; null when invalid. */
    String ticketFor(String token) {
        String sub = subjectOf(token);
        if (sub == null) {
            return null;
        }
        String ticket = UUID.randomUUID().toString();
        tickets.put(ticket, sub);
        return ticket;
    }

    private String issueTicket(String sub) {
        String ticket = UUID.randomUUID().toString();
        tickets.put(ticket, sub);
        return json.createObjectNode().put("ticket", ticket).toString();
    }

    private String subjectOf(String token) {
        try {
            return Jwts.parser().verifyWith(TestTokens.key(secret)).build().parseSignedClaims(token).getPayload()
                    .getSubject();
        } catch (JwtException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                                                                       ClientHandshake request)
            throws InvalidDataException {
        ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        upgradeRequests.add(describe(request));
        String protocol = request.getFieldValue("Sec-WebSocket-Protocol");
        String sub = authenticate(request, protocol);
        if (sub == null) {
            response.put(REJECT, "401");
        } else {
            conn.setAttachment(sub);
            if (protocol.startsWith("jwt.")) {
                response.put("Sec-WebSocket-Protocol", protocol);
            }
        }
        return response;
    }

    private String authenticate(ClientHandshake request, String protocol) {
        String header = request.getFieldValue("Authorization");
        if (header.startsWith("Bearer ")) {
            return subjectOf(header.substring(7));
        }
        if (protocol.startsWith("jwt.")) {
            return subjectOf(protocol.substring(4));
        }
        Matcher param = PARAM.matcher(request.getResourceDescriptor());
        if (param.find()) {
            return param.group(1).equals("token") ? subjectOf(param.group(2)) : tickets.remove(param.group(2));
        }
        return null;
    }

    private static String describe(ClientHandshake request) {
        StringBuilder text = new StringBuilder("GET ").append(request.getResourceDescriptor()).append('\n');
        request.iterateHttpFields().forEachRemaining(
                name -> text.append(name).append(": ").append(request.getFieldValue(name)).append('\n'));
        return text.toString();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String user = conn.getAttachment();
        if (user == null) {
            conn.close();
            return;
        }
        sockets.put(user, conn);
        conn.send(json.createObjectNode().put("type", "connection_established")
                .set("data", json.createObjectNode().put("user_id", user)).toString());
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        received.add(message);
        try {
            JsonNode node = json.readTree(message);
            if ("user_message".equals(node.path("type").asText())) {
                runAgent(conn, conn.getAttachment(), node.path("payload"));
            }
        } catch (IOException e) {
            // not JSON: the tests only look at what was received
        }
    }

    private void runAgent(WebSocket conn, String user, JsonNode payload) {
        String thread = payload.path("thread_id").asText();
        String runId = "run_" + thread + "_00001_9f3a6c2e";
        String content = payload.path("content").asText();
        for (String type : List.of("agent_started", "agent_thinking", "tool_executing", "tool_completed",
                "agent_completed")) {
            ObjectNode event = json.createObjectNode().put("type", type).put("run_id", runId).put("user_id", user);
            event.putObject("data").put("message", "working on: " + content);
            conn.send(event.toString());
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        received.add("binary:" + message.remaining());
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        String user = conn.getAttachment();
        if (user != null) {
            sockets.remove(user, conn);
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // a test that cares sees it on the client side
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    /** Writes a plain 401 answer instead of the 101 upgrade for requests the server marked rejected. */
    private static final class RejectingDraft extends Draft_6455 {
        @Override
        public List<ByteBuffer> createHandshake(Handshakedata handshake, boolean withContent) {
            if (handshake.hasFieldValue(REJECT)) {
                return List.of(ByteBuffer.wrap(
                        "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            }
            return super.createHandshake(handshake, withContent);
        }

        @Override
        public Draft copyInstance() {
            return new RejectingDraft();
        }
    }
}
