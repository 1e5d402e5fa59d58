package dev.aei.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aei.auth.AuthException;
import dev.aei.auth.JwtMinter;
import dev.aei.auth.SigningKey;
import dev.aei.auth.TestUser;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP login endpoint on loopback: {@code POST {"username","password"}} answers
 * {@code {"access_token":<HS256 JWT>}} when the password is right, 401 otherwise. It remembers
 * every token it issued, so a test can look for them in what the tool wrote.
 */
final class LoginServer implements AutoCloseable {
    private final HttpServer http;
    private final String password;
    private final JwtMinter minter;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> issued = new CopyOnWriteArrayList<>();

    private LoginServer(String secret, String password) throws IOException {
        this.password = password;
        this.minter = new JwtMinter(SigningKey.hs256(secret));
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/login", this::login);
        http.start();
    }

    static LoginServer start(String secret, String password) throws IOException {
        return new LoginServer(secret, password);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/login");
    }

    /** Every token handed out so far. */
    List<String> issued() {
        return issued;
    }

    private void login(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = json.readTree(exchange.getRequestBody());
            String user = body.path("username").asText("");
            if (user.isEmpty() || !password.equals(body.path("password").asText())) {
                answer(exchange, 401, "{\"error\":\"invalid username or password\"}");
                return;
            }
            String token = minter.mint(TestUser.named(user)).token();
            issued.add(token);
            answer(exchange, 200, json.createObjectNode().put("access_token", token).toString());
        } catch (AuthException | RuntimeException e) {
            answer(exchange, 500, "{\"error\":\"login failed\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
