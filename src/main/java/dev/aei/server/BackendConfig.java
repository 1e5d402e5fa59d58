package dev.aei.server;

import java.util.List;
import java.util.Objects;

/**
 * How the reference backend runs.
 *
 * @param host             the address to bind, loopback by default
 * @param port             the WebSocket port, 0 for a free one
 * @param secret           the HS256 secret tokens must be signed with
 * @param eventDelayMs     the pause between scripted events of a run (0: as fast as possible)
 * @param strictNetra      true: the real backend's exact shapes (no seq, no tool call id, …)
 * @param faults           the initial fault plan
 * @param heartbeatSeconds how often every connection gets a {@code heartbeat} event (0: never)
 * @param netraAuth        true: tokens need the real auth service's {@code iss}, {@code aud} and
 *                         {@code token_type} claims
 * @param input            which client message shapes start runs
 * @param shape            where events carry their fields
 */
public record BackendConfig(String host, int port, String secret, long eventDelayMs, boolean strictNetra,
                            List<FaultRule> faults, int heartbeatSeconds, boolean netraAuth, InputMode input,
                            EventShape shape) {

    /** The secret the demo backend and the GUI's zero-setup mode share. */
    public static final String DEMO_SECRET = "aei-demo-secret-0123456789abcdef0123456789";

    public BackendConfig {
        faults = List.copyOf(faults);
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(shape, "shape");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the secret must not be empty");
        }
        if (eventDelayMs < 0 || heartbeatSeconds < 0) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** A config with the default auth, input (any shape starts a run) and event shape (bridge). */
    public BackendConfig(String host, int port, String secret, long eventDelayMs, boolean strictNetra,
                         List<FaultRule> faults, int heartbeatSeconds) {
        this(host, port, secret, eventDelayMs, strictNetra, faults, heartbeatSeconds, false, InputMode.ANY,
                EventShape.BRIDGE);
    }

    /** A config without heartbeats. */
    public BackendConfig(String host, int port, String secret, long eventDelayMs, boolean strictNetra,
                         List<FaultRule> faults) {
        this(host, port, secret, eventDelayMs, strictNetra, faults, 0);
    }

    /** Loopback, a free port, the demo secret, 150 ms between events, extended shapes, no faults. */
    public static BackendConfig defaults() {
        return new BackendConfig("127.0.0.1", 0, DEMO_SECRET, 150, false, List.of());
    }

    /** This config on another port. */
    public BackendConfig withPort(int newPort) {
        return new BackendConfig(host, newPort, secret, eventDelayMs, strictNetra, faults, heartbeatSeconds,
                netraAuth, input, shape);
    }

    /** This config with another secret. */
    public BackendConfig withSecret(String newSecret) {
        return new BackendConfig(host, port, newSecret, eventDelayMs, strictNetra, faults, heartbeatSeconds,
                netraAuth, input, shape);
    }

    /** This config with another pause between events. */
    public BackendConfig withEventDelayMs(long newDelayMs) {
        return new BackendConfig(host, port, secret, newDelayMs, strictNetra, faults, heartbeatSeconds,
                netraAuth, input, shape);
    }

    /** This config in or out of strict netra mode. */
    public BackendConfig withStrictNetra(boolean strict) {
        return new BackendConfig(host, port, secret, eventDelayMs, strict, faults, heartbeatSeconds,
                netraAuth, input, shape);
    }

    /** This config with another initial fault plan. */
    public BackendConfig withFaults(List<FaultRule> newFaults) {
        return new BackendConfig(host, port, secret, eventDelayMs, strictNetra, newFaults, heartbeatSeconds,
                netraAuth, input, shape);
    }

    /** This config with heartbeats every {@code seconds} (0: none). */
    public BackendConfig withHeartbeatSeconds(int seconds) {
        return new BackendConfig(host, port, secret, eventDelayMs, strictNetra, faults, seconds,
                netraAuth, input, shape);
    }

    /** This config with or without the real auth service's claim checks. */
    public BackendConfig withNetraAuth(boolean strictClaims) {
        return new BackendConfig(host, port, secret, eventDelayMs, strictNetra, faults, heartbeatSeconds,
                strictClaims, input, shape);
    }

    /** This config with another input mode. */
    public BackendConfig withInput(InputMode newInput) {
        return new BackendConfig(host, port, secret, eventDelayMs, strictNetra, faults, heartbeatSeconds,
                netraAuth, newInput, shape);
    }

    /** This config with events in another shape. */
    public BackendConfig withShape(EventShape newShape) {
        return new BackendConfig(host, port, secret, eventDelayMs, strictNetra, faults, heartbeatSeconds,
                netraAuth, input, newShape);
    }
}
