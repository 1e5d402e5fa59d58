package dev.aei.server;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * The embedded reference agent backend (DESIGN section 5): a real WebSocket server with real
 * JWT validation that runs a scripted agent per user message, with live fault injection.
 */
public final class ReferenceBackend implements AutoCloseable {

    private ReferenceBackend() {
    }

    /** Starts a backend and returns once it accepts connections. */
    public static ReferenceBackend start(BackendConfig config) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The WebSocket URL, {@code ws://host:port/ws}. */
    public URI webSocketUrl() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The HTTP URL that turns a JWT into a one-time ticket ({@code POST}, JSON {@code {"token":…}}). */
    public URI ticketUrl() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The HTTP login URL ({@code POST {"username":…,"password":…}} answers {@code {"access_token":…}}). */
    public URI loginUrl() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Replaces the fault plan while running; affects runs that start afterwards. */
    public void setFaults(List<FaultRule> faults) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The fault plan in force. */
    public List<FaultRule> faults() {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void close() {
    }
}
