package dev.aei.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.aei.auth.AuthException;
import dev.aei.auth.JwtMinter;
import dev.aei.auth.TestUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The backend's small HTTP side on its own loopback port: {@code POST /auth/ticket},
 * {@code POST /api/websocket/ticket} (the web client's), {@code POST /auth/login} and
 * {@code GET/PUT /faults}. It is the JDK's {@code com.sun.net.httpserver} server, which speaks
 * HTTP/1.1 and ignores an {@code h2c} upgrade offer.
 */
final class ControlEndpoints implements AutoCloseable {

    /** The one password the login endpoint accepts. */
    static final String DEMO_PASSWORD = "demo";
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    /** What an endpoint reads of a request. */
    private record Request(String body, String authorization) {
    }

    /** One endpoint's work: the JSON answer for a request. */
    private interface Action {
        JsonNode answer(Request request) throws HttpRefusal;
    }

    private final ObjectMapper json;
    private final TokenVerifier verifier;
    private final Tickets tickets;
    private final WebClientTickets webTickets;
    private final JwtMinter minter;
    private final Function<String, TestUser> loginUser;
    private final Supplier<FaultPlan> plan;
    private final Consumer<FaultPlan> replacePlan;
    private final HttpServer server;

    /**
     * @param minter    mints the tokens the login endpoint answers with
     * @param loginUser the user (with any claims the backend requires) a login name mints a token for
     */
    ControlEndpoints(String host, ObjectMapper json, TokenVerifier verifier, Tickets tickets,
                     WebClientTickets webTickets, JwtMinter minter, Function<String, TestUser> loginUser,
                     Supplier<FaultPlan> plan, Consumer<FaultPlan> replacePlan) throws IOException {
        this.json = json;
        this.verifier = verifier;
        this.tickets = tickets;
        this.webTickets = webTickets;
        this.minter = minter;
        this.loginUser = loginUser;
        this.plan = plan;
        this.replacePlan = replacePlan;
        this.server = HttpServer.create(new InetSocketAddress(host, 0), 16);
        server.createContext("/auth/ticket", handler("/auth/ticket", "POST", this::ticket));
        server.createContext(WebClientTickets.PATH, handler(WebClientTickets.PATH, "POST",
                r -> webTickets.issue(r.authorization(), r.body())));
        server.createContext("/auth/login", handler("/auth/login", "POST", this::login));
        server.createContext("/faults", handler("/faults", "PUT", this::replaceFaults));
        server.start();
    }

    /** The base URL, {@code http://host:port}. */
    URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    /**
     * The original exchange, {@code {"token":JWT}} answered with {@code ticket}; a request without a
     * body token but with a Bearer header is taken as the web client's exchange and answered with
     * both answer fields, so either client finds its ticket here.
     */
    private JsonNode ticket(Request request) throws HttpRefusal {
        if (!hasField(request.body(), "token") && request.authorization() != null) {
            ObjectNode answer = (ObjectNode) webTickets.issue(request.authorization(), request.body());
            return answer.put("ticket", answer.path("ticket_id").asText());
        }
        String token = field(request.body(), "token");
        try {
            String userId = verifier.verify(token);
            return json.createObjectNode().put("ticket", tickets.issue(userId))
                    .put("expires_in", Tickets.LIFETIME.toSeconds());
        } catch (HandshakeRejection e) {
            throw new HttpRefusal(401, e.reason());
        }
    }

    private JsonNode login(Request request) throws HttpRefusal {
        String username = field(request.body(), "username");
        if (!DEMO_PASSWORD.equals(field(request.body(), "password"))) {
            throw new HttpRefusal(401, "invalid username or password");
        }
        try {
            return json.createObjectNode().put("access_token", minter.mint(loginUser.apply(username)).token())
                    .put("token_type", "bearer").put("expires_in", minter.lifetime().toSeconds());
        } catch (AuthException e) {
            throw new HttpRefusal(500, e.getMessage());
        }
    }

    private JsonNode replaceFaults(Request request) throws HttpRefusal {
        try {
            FaultPlan parsed = FaultPlan.parse(request.body());
            replacePlan.accept(parsed);
            return json.readTree(parsed.toJson());
        } catch (FaultPlanException e) {
            throw new HttpRefusal(400, "bad fault plan: " + e.getMessage());
        } catch (IOException e) {
            throw new HttpRefusal(500, e.getMessage());
        }
    }

    private boolean hasField(String body, String name) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.has(name);
        } catch (IOException e) {
            return false;
        }
    }

    private String field(String body, String name) throws HttpRefusal {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            throw new HttpRefusal(400, "the body must be a JSON object");
        }
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new HttpRefusal(400, "the body needs a string '" + name + "'");
        }
        return value.asText();
    }

    /** Exact-path handler; {@code GET /faults} answers the plan, other methods than {@code method} get 405. */
    private HttpHandler handler(String path, String method, Action action) {
        return exchange -> {
            try {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    reply(exchange, 404, error("no such endpoint"));
                } else if (path.equals("/faults") && exchange.getRequestMethod().equals("GET")) {
                    reply(exchange, 200, json.readTree(plan.get().toJson()));
                } else if (!exchange.getRequestMethod().equals(method)) {
                    reply(exchange, 405, error("use " + method));
                } else {
                    reply(exchange, 200, action.answer(new Request(readBody(exchange),
                            exchange.getRequestHeaders().getFirst("Authorization"))));
                }
            } catch (HttpRefusal refusal) {
                reply(exchange, refusal.status(), error(refusal.getMessage()));
            } catch (IOException | RuntimeException e) {
                reply(exchange, 500, error("internal error"));
            } finally {
                exchange.close();
            }
        };
    }

    private static String readBody(HttpExchange exchange) throws IOException, HttpRefusal {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new HttpRefusal(413, "body too large");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private ObjectNode error(String message) {
        return json.createObjectNode().put("error", message);
    }

    private void reply(HttpExchange exchange, int status, JsonNode body) {
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or an answer was already sent; nothing more to do.
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
