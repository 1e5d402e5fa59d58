package dev.aei.protocol;

import java.util.Map;

/**
 * How a ticket is fetched before connecting: POST {@code body} to {@code path}, with the JWT as a
 * bearer header or only where the body's {@code ${token}} placeholder puts it, read the ticket
 * from {@code answerField} and connect with {@code ?<queryParam>=<ticket>}.
 *
 * @param path        the ticket URL's path on the WebSocket server's host, or null when only an
 *                    explicit ticket URL is used
 * @param bearer      true: send {@code Authorization: Bearer <JWT>}
 * @param body        the request body; {@code ${token}} and {@code ${user_id}} are filled in
 * @param answerField the answer's field holding the ticket
 * @param queryParam  the query parameter the ticket is connected with
 */
public record TicketExchange(String path, boolean bearer, MessageTemplate body, String answerField,
                             String queryParam) {
    /** The placeholder for the JWT in the body. */
    public static final String TOKEN = "token";

    /** The exchange this tool used before profiles described it: {@code {"token": JWT}}, answer {@code ticket}. */
    public static final TicketExchange LEGACY = new TicketExchange(null, false,
            new MessageTemplate("ticket body", "{\"token\":\"${token}\"}"), "ticket", "ticket");

    public TicketExchange {
        if (path != null && !path.startsWith("/")) {
            throw new IllegalArgumentException("the ticket path must start with '/': " + path);
        }
        if (body == null || blank(answerField) || blank(queryParam)) {
            throw new IllegalArgumentException("a ticket exchange needs a body, an answer field and a query parameter");
        }
    }

    /** The request body for one user's token. */
    public String renderBody(String token, String userId) {
        return body.render(Map.of(TOKEN, token, MessageTemplate.USER_ID, userId));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
