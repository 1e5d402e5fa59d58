package dev.aei.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aei.auth.JwtMinter.MintedToken;
import dev.aei.protocol.ParserMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Fetches tokens from a login endpoint (POST JSON credentials, read the token at a JSON path),
 * caching each until shortly before the {@code exp} its payload states. Tokens without
 * {@code exp} are fetched again every time.
 */
public final class LoginTokenSource implements TokenSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoginSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final TokenCache cache;

    public LoginTokenSource(LoginSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.cache = new TokenCache(clock);
    }

    /** A source with its own HTTP client on the system clock. */
    public LoginTokenSource(LoginSettings settings) {
        this(settings, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .build(), Clock.systemUTC());
    }

    @Override
    public String token(TestUser user) throws AuthException {
        return cache.get(user, this::fetch);
    }

    private MintedToken fetch(TestUser user) throws AuthException {
        String where = "login at " + settings.url() + " for " + user.id();
        // HTTP/1.1 on purpose: on http:// the default client offers an h2c upgrade, which Node servers answer with 404.
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(user)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new AuthException(where + " failed: cannot reach " + settings.url().getAuthority(), e);
        } catch (HttpTimeoutException e) {
            throw new AuthException(where + " failed: no answer within " + settings.timeout().toSeconds() + " s", e);
        } catch (IOException e) {
            throw new AuthException(where + " failed: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException(where + " was interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new AuthException(where + " failed: HTTP " + response.statusCode());
        }
        String token = tokenFrom(response.body(), where);
        Instant now = clock.instant();
        // Without exp the token is treated as already due for renewal, so it is fetched every time.
        Instant expiry = JwtPayload.expiry(token).orElse(now);
        return new MintedToken(token, now, expiry);
    }

    private String body(TestUser user) throws AuthException {
        try {
            JsonNode template = JSON.readTree(settings.bodyTemplate());
            Object password = user.claims().getOrDefault("password", settings.password());
            fill(template, user.id(), password == null ? "" : password.toString());
            return JSON.writeValueAsString(template);
        } catch (JsonProcessingException e) {
            throw new AuthException("the login body template is not valid JSON: " + ParserMessage.of(e));
        }
    }

    /** Replaces placeholder string values in place, at any depth. */
    private static void fill(JsonNode node, String user, String password) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(field.getValue().asText()
                            .replace("${user}", user).replace("${password}", password)));
                } else {
                    fill(field.getValue(), user, password);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(child -> fill(child, user, password));
        }
    }

    private String tokenFrom(String body, String where) throws AuthException {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AuthException(where + " failed: the answer is not JSON");
        }
        for (String part : settings.tokenPath().split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new AuthException(where + " failed: the answer has no token at '" + settings.tokenPath() + "'");
        }
        return node.asText();
    }
}
