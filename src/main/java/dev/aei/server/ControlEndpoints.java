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
import java.util.function.Supplier;

/**
 * The backend's small HTTP side on its own loopback port: {@code POST /auth/ticket},
 * {@code POST /auth/login} and {@code GET/PUT /faults}.
 */
final class ControlEndpoints implements AutoCloseable {

    /** The one password the login endpoint accepts. */
    static final String DEMO_PASSWORD = "demo";
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    /** A request the endpoint refuses, with its HTTP status. */
    private static final class Refusal extends Exception {
        private final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** One endpoint's work: the JSON answer for a request body. */
    private interface Action {
        JsonNode answer(String body) throws Refusal;
    }

    private final ObjectMapper json;
    private final TokenVerifier verifier;
    private final Tickets tickets;
    private final JwtMinter minter;
    private final Supplier<FaultPlan> plan;
    private final Consumer<FaultPlan> replacePlan;
    private final HttpServer server;

    ControlEndpoints(String host, ObjectMapper json, TokenVerifier verifier, Tickets tickets, JwtMinter minter,
                     Supplier<FaultPlan> plan, Consumer<FaultPlan> replacePlan) throws IOException {
        this.json = json;
        this.verifier = verifier;
        this.tickets = tickets;
        this.minter = minter;
        this.plan = plan;
        this.replacePlan = replacePlan;
        this.server = HttpServer.create(new InetSocketAddress(host, 0), 16);
        server.createContext("/auth/ticket", handler("/auth/ticket", "POST", this::ticket));
        server.createContext("/auth/login", handler("/auth/login", "POST", this::login));
        server.createContext("/faults", handler("/faults", "PUT", this::replaceFaults));
        server.start();
    }

    /** The base URL, {@code http://host:port}. */
    URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    private JsonNode ticket(String body) throws Refusal {
        String token = field(body, "token");
        try {
            String userId = verifier.verify(token);
            return json.createObjectNode().put("ticket", tickets.issue(userId))
                    .put("expires_in", Tickets.LIFETIME.toSeconds());
        } catch (HandshakeRejection e) {
            throw new Refusal(401, e.reason());
        }
    }

    private JsonNode login(String body) throws Refusal {
        String username = field(body, "username");
        if (!DEMO_PASSWORD.equals(field(body, "password"))) {
            throw new Refusal(401, "invalid username or password");
        }
        try {
            return json.createObjectNode().put("access_token", minter.mint(TestUser.named(username)).token())
                    .put("token_type", "bearer").put("expires_in", minter.lifetime().toSeconds());
        } catch (AuthException e) {
            throw new Refusal(500, e.getMessage());
        }
    }

    private JsonNode replaceFaults(String body) throws Refusal {
        try {
            FaultPlan parsed = FaultPlan.parse(body);
            replacePlan.accept(parsed);
            return json.readTree(parsed.toJson());
        } catch (FaultPlanException e) {
            throw new Refusal(400, "bad fault plan: " + e.getMessage());
        } catch (IOException e) {
            throw new Refusal(500, e.getMessage());
        }
    }

    private String field(String body, String name) throws Refusal {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            throw new Refusal(400, "the body must be a JSON object");
        }
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new Refusal(400, "the body needs a string '" + name + "'");
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
                    reply(exchange, 200, action.answer(readBody(exchange)));
                }
            } catch (Refusal refusal) {
                reply(exchange, refusal.status, error(refusal.getMessage()));
            } catch (IOException | RuntimeException e) {
                reply(exchange, 500, error("internal error"));
            } finally {
                exchange.close();
            }
        };
    }

    private static String readBody(HttpExchange exchange) throws IOException, Refusal {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new Refusal(413, "body too large");
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
