package dev.aei.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.aei.testing.DeadPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP login endpoint on loopback that mints real tokens. */
class LoginTokenSourceTest {

    private static final String PASSWORD = "s3cret-pw";
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> headerNames = new CopyOnWriteArrayList<>();
    private final JwtMinter minter = new JwtMinter(SigningKey.hs256("login-test-secret-0123456789abcdef"));
    private HttpServer server;
    private volatile int status = 200;
    private volatile String answerTemplate = "{\"access_token\":\"%s\"}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/login", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            headerNames.addAll(exchange.getRequestHeaders().keySet());
            String token;
            try {
                token = minter.mint(TestUser.named("alice")).token();
            } catch (AuthException e) {
                throw new IOException(e);
            }
            byte[] answer = String.format(answerTemplate, token).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/login");
    }

    @Test
    void postsCredentialsAndCachesTheTokenUntilNearItsExpiry() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        LoginTokenSource source = new LoginTokenSource(LoginSettings.of(url(), PASSWORD),
                HttpClient.newHttpClient(), clock);
        String first = source.token(TestUser.named("alice"));
        assertThat(source.token(TestUser.named("alice"))).isEqualTo(first);
        assertThat(bodies).containsExactly("{\"username\":\"alice\",\"password\":\"s3cret-pw\"}");

        clock.advance(Duration.ofMinutes(14));
        assertThat(source.token(TestUser.named("alice"))).isNotEqualTo(first);
        assertThat(bodies).hasSize(2);
    }

    @Test
    void loginRequestsArePlainHttp11WithoutAnUpgradeOffer() throws Exception {
        // Even a client that defaults to HTTP/2 must not offer h2c: Node servers answer that with 404.
        new LoginTokenSource(LoginSettings.of(url(), PASSWORD), HttpClient.newHttpClient(), Clock.systemUTC())
                .token(TestUser.named("alice"));
        new LoginTokenSource(LoginSettings.of(url(), PASSWORD)).token(TestUser.named("bob"));
        assertThat(headerNames).isNotEmpty().noneMatch(name -> name.equalsIgnoreCase("Upgrade")
                || name.equalsIgnoreCase("HTTP2-Settings"));
    }

    @Test
    void readsTheTokenAtADottedPathWithACustomBody() throws Exception {
        answerTemplate = "{\"data\":{\"auth\":{\"jwt\":\"%s\"}}}";
        LoginSettings settings = new LoginSettings(url(), "{\"user\":{\"email\":\"${user}@corp\",\"pw\":\"${password}\"}}",
                PASSWORD, "data.auth.jwt", Duration.ofSeconds(5));
        String token = new LoginTokenSource(settings).token(new TestUser("bob \"b\"", Map.of("password", "own")));
        assertThat(JwtPayload.decode(token)).get().extracting(p -> p.path("sub").asText()).isEqualTo("alice");
        assertThat(bodies).containsExactly("{\"user\":{\"email\":\"bob \\\"b\\\"@corp\",\"pw\":\"own\"}}");
    }

    @Test
    void explainsFailuresWithoutLeakingSecrets() throws Exception {
        status = 401;
        assertThatThrownBy(() -> new LoginTokenSource(LoginSettings.of(url(), PASSWORD)).token(TestUser.named("alice")))
                .isInstanceOf(AuthException.class).hasMessageContaining("HTTP 401")
                .hasMessageNotContaining(PASSWORD);

        status = 200;
        answerTemplate = "{\"token_is_elsewhere\":\"%s\"}";
        assertThatThrownBy(() -> new LoginTokenSource(LoginSettings.of(url(), PASSWORD)).token(TestUser.named("alice")))
                .hasMessageContaining("no token at 'access_token'").hasMessageNotContaining("eyJ");

        answerTemplate = "<html>%s";
        assertThatThrownBy(() -> new LoginTokenSource(LoginSettings.of(url(), PASSWORD)).token(TestUser.named("alice")))
                .hasMessageContaining("not JSON").hasMessageNotContaining("eyJ");

        int closedPort = DeadPort.number();
        URI dead = URI.create("http://127.0.0.1:" + closedPort + "/login");
        assertThatThrownBy(() -> new LoginTokenSource(LoginSettings.of(dead, PASSWORD)).token(TestUser.named("alice")))
                .hasMessageContaining("cannot reach 127.0.0.1:" + closedPort).hasMessageNotContaining(PASSWORD);
    }

    @Test
    void fetchesAgainEachTimeWhenTheTokenHasNoExpiry() throws Exception {
        answerTemplate = "{\"access_token\":\"opaque-%.0s\"}";
        LoginTokenSource source = new LoginTokenSource(LoginSettings.of(url(), PASSWORD),
                HttpClient.newHttpClient(), Clock.systemUTC());
        assertThat(source.token(TestUser.named("alice"))).isEqualTo("opaque-");
        source.token(TestUser.named("alice"));
        assertThat(bodies).hasSize(2);
    }
}
