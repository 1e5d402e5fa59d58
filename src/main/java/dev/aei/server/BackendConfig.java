package dev.aei.server;

import java.util.List;

/**
 * How the reference backend runs.
 *
 * @param host         the address to bind, loopback by default
 * @param port         the WebSocket port, 0 for a free one
 * @param secret       the HS256 secret tokens must be signed with
 * @param eventDelayMs the pause between scripted events of a run
 * @param strictNetra  true: the real backend's exact shapes (no seq, no tool call id, …)
 * @param faults       the initial fault plan
 */
public record BackendConfig(String host, int port, String secret, long eventDelayMs, boolean strictNetra,
                            List<FaultRule> faults) {

    /** The secret the demo backend and the GUI's zero-setup mode share. */
    public static final String DEMO_SECRET = "aei-demo-secret-0123456789abcdef0123456789";

    public BackendConfig {
        faults = List.copyOf(faults);
    }

    /** Loopback, a free port, the demo secret, 150 ms between events, extended shapes, no faults. */
    public static BackendConfig defaults() {
        return new BackendConfig("127.0.0.1", 0, DEMO_SECRET, 150, false, List.of());
    }
}
