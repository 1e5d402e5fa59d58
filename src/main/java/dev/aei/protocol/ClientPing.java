package dev.aei.protocol;

import java.time.Duration;

/**
 * A keep-alive message the client sends on its own, as the real web client does.
 *
 * @param every   how often, while the socket is open
 * @param message what is sent; {@code ${epoch_ms}} alone becomes the send time as a number
 */
public record ClientPing(Duration every, MessageTemplate message) {
    public ClientPing {
        if (every == null || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("a client ping needs a positive interval");
        }
        if (message == null) {
            throw new IllegalArgumentException("a client ping needs a message");
        }
    }
}
