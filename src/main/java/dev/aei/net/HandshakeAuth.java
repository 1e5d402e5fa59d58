package dev.aei.net;

import dev.aei.auth.Redactor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.auth.AuthException;
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
    private final ObjectMapper json = new ObjectMapper();

    HandshakeAuth(ConnectionSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** The request for one connection attempt; fetches a ticket first in ticket mode. */
    ConnectRequest prepare(String token) throws AuthException {
        URI server = settings.server();
        return switch (settings.authMode()) {
            case HEADER -> new ConnectRequest(server, Map.of("Authorization", "Bearer " + token), List.of());
            case SUBPROTOCOL -> new ConnectRequest(server, Map.of(), List.of("jwt." + token));
            case QUERY -> new ConnectRequest(UrlQuery.withParam(server, "token", token), Map.of(), List.of());
            case TICKET -> new ConnectRequest(UrlQuery.withParam(server, "ticket", fetchTicket(token)), Map.of(),
                    List.of());
        };
    }

    private String fetchTicket(String token) throws AuthException {
        URI ticketUrl = settings.ticketUrl();
        if (ticketUrl == null) {
            throw new AuthException("ticket auth needs a ticket URL");
        }
        String shown = Redactor.message(ticketUrl.toString());
        HttpRequest request = HttpRequest.newBuilder(ticketUrl)
                .timeout(TICKET_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().put("token", token).toString()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AuthException("ticket request to " + shown + " failed: HTTP " + response.statusCode());
            }
            JsonNode ticket = json.readTree(response.body()).path("ticket");
            if (!ticket.isTextual() || ticket.asText().isEmpty()) {
                throw new AuthException("ticket answer from " + shown + " has no \"ticket\" field");
            }
            return ticket.asText();
        } catch (IOException e) {
            throw new AuthException("ticket request to " + shown + " failed: " + Redactor.message(describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("ticket request to " + shown + " was interrupted");
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
