package dev.aei.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connection tickets: issued for a verified user, redeemable within their lifetime, once for a
 * single-use ticket or any number of times otherwise.
 */
final class Tickets {

    /** How long a ticket from the old endpoint stays redeemable. */
    static final Duration LIFETIME = Duration.ofSeconds(30);

    /**
     * A ticket as issued.
     *
     * @param id     what the client puts in {@code ?ticket=}
     * @param expiry when it stops being redeemable
     */
    record Issued(String id, Instant expiry) {
    }

    private record Ticket(String userId, Instant expiry, boolean singleUse) {
    }

    private final Map<String, Ticket> open = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    Tickets(Clock clock) {
        this.clock = clock;
    }

    /** A new single-use ticket for the user with the default lifetime. */
    String issue(String userId) {
        return issue(userId, LIFETIME, true).id();
    }

    /** A new ticket for the user. */
    Issued issue(String userId, Duration lifetime, boolean singleUse) {
        Instant now = clock.instant();
        open.values().removeIf(t -> now.isAfter(t.expiry()));
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String ticket = "tk-" + HexFormat.of().formatHex(bytes);
        Instant expiry = now.plus(lifetime);
        open.put(ticket, new Ticket(userId, expiry, singleUse));
        return new Issued(ticket, expiry);
    }

    /** The user the ticket was issued for; a single-use ticket is used up either way. */
    String redeem(String ticket) throws HandshakeRejection {
        Ticket found = ticket == null ? null : open.get(ticket);
        if (found != null && found.singleUse() && !open.remove(ticket, found)) {
            found = null;
        }
        if (found == null) {
            throw HandshakeRejection.unauthorized("unknown or already used ticket");
        }
        if (clock.instant().isAfter(found.expiry())) {
            open.remove(ticket);
            throw HandshakeRejection.unauthorized("ticket expired");
        }
        return found.userId();
    }
}
