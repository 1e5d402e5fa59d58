package dev.aei.net;

import dev.aei.auth.Redactor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.auth.AuthException;
import dev.aei.protocol.TicketExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Turns a JWT into the upgrade request of the configured {@link AuthMode}. */
final class HandshakeAuth {
    private static final Duration TICKET_TIMEOUT = Duration.ofSeconds(15);

    private final ConnectionSettings settings;
    private final HttpClient http;
    private final TicketExchange exchange;
    private final ObjectMapper json = new ObjectMapper();

    HandshakeAuth(ConnectionSettings settings, HttpClient http, TicketExchange exchange) {
        this.settings = settings;
        this.http = http;
        this.exchange = exchange;
    }

    /** An HTTP client for ticket requests; HTTP/1.1 because on http:// the default offers an h2c upgrade. */
    static HttpClient ticketClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The request for one user's connection attempt; fetches a fresh ticket first in ticket mode. */
    ConnectRequest prepare(String token, String userId) throws AuthException {
        URI server = settings.server();
        return switch (settings.authMode()) {
            case HEADER -> new ConnectRequest(server, Map.of("Authorization", "Bearer " + token), List.of());
            case SUBPROTOCOL -> new ConnectRequest(server, Map.of(), List.of("jwt." + token));
            case QUERY -> new ConnectRequest(UrlQuery.withParam(server, "token", token), Map.of(), List.of());
            case TICKET -> new ConnectRequest(UrlQuery.withParam(server, exchange.queryParam(),
                    fetchTicket(token, userId)), Map.of(), List.of());
        };
    }

    private String fetchTicket(String token, String userId) throws AuthException {
        URI ticketUrl = TicketUrls.resolve(settings.server(), settings.ticketUrl(), exchange);
        if (ticketUrl == null) {
            throw new AuthException("ticket auth needs a ticket URL (the profile names no ticket path)");
        }
        String shown = Redactor.message(ticketUrl.toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(ticketUrl)
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(TICKET_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(exchange.renderBody(token, userId)));
        if (exchange.bearer()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AuthException("ticket request to " + shown + " failed: HTTP " + response.statusCode());
            }
            return ticketFrom(response.body(), shown);
        } catch (IOException e) {
            throw new AuthException("ticket request to " + shown + " failed: " + Redactor.message(describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("ticket request to " + shown + " was interrupted");
        }
    }

    private String ticketFrom(String body, String shown) throws AuthException {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            throw new AuthException("ticket answer from " + shown + " is not JSON");
        }
        for (String part : exchange.answerField().split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null || !node.isValueNode() || node.isNull() || node.asText().isEmpty()) {
            throw new AuthException("ticket answer from " + shown + " has no \"" + exchange.answerField() + "\" field");
        }
        return node.asText();
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
