package dev.aei.loadtest;

import java.time.Duration;

/**
 * How a recording becomes a Gatling project; every value is the simulation's default, which a
 * system property changes at run time.
 *
 * @param server     the WebSocket URL, or null for the recorded one
 * @param users      virtual users in all, shared over the recorded users
 * @param ramp       over how long they arrive; zero for all at once
 * @param runTimeout longest wait for a run, from its message to its last event
 * @param authMode   header, subprotocol, query or ticket; null for the recorded one
 * @param profile    the event profile (a shipped name or a file); null for the recorded one
 */
public record GatlingSettings(String server, int users, Duration ramp, Duration runTimeout, String authMode,
                             String profile) {

    public GatlingSettings {
        if (users < 1) {
            throw new IllegalArgumentException("there must be at least one virtual user, got " + users);
        }
        if (ramp == null || ramp.isNegative() || runTimeout == null || runTimeout.isNegative() || runTimeout.isZero()) {
            throw new IllegalArgumentException("the ramp must not be negative and the run timeout must be positive");
        }
    }

    /** The recorded server, auth and profile; 10 users over 60 s; runs may take 60 s. */
    public static GatlingSettings defaults() {
        return new GatlingSettings(null, 10, Duration.ofSeconds(60), Duration.ofSeconds(60), null, null);
    }
}
