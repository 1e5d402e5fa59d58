package dev.aei.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One-time connection tickets: issued for a verified user, redeemable once within their lifetime. */
final class Tickets {

    /** How long a ticket stays redeemable. */
    static final Duration LIFETIME = Duration.ofSeconds(30);

    private record Ticket(String userId, Instant expiry) {
    }

    private final Map<String, Ticket> open = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    Tickets(Clock clock) {
        this.clock = clock;
    }

    /** A new ticket for the user. */
    String issue(String userId) {
        Instant now = clock.instant();
        open.values().removeIf(t -> now.isAfter(t.expiry()));
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String ticket = "tk-" + HexFormat.of().formatHex(bytes);
        open.put(ticket, new Ticket(userId, now.plus(LIFETIME)));
        return ticket;
    }

    /** The user the ticket was issued for; the ticket is used up either way. */
    String redeem(String ticket) throws HandshakeRejection {
        Ticket found = ticket == null ? null : open.remove(ticket);
        if (found == null) {
            throw HandshakeRejection.unauthorized("unknown or already used ticket");
        }
        if (clock.instant().isAfter(found.expiry())) {
            throw HandshakeRejection.unauthorized("ticket expired");
        }
        return found.userId();
    }
}
