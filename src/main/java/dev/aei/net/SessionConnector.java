package dev.aei.net;

import dev.aei.auth.TestUser;
import dev.aei.auth.TokenSource;
import dev.aei.capture.Session;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Opens one socket per test user, in parallel, and feeds everything they carry into a session.
 * A user whose handshake fails gets a clear state of its own; the others are not disturbed.
 */
public final class SessionConnector implements AutoCloseable {

    public SessionConnector(Session session, ConnectionSettings settings, TokenSource tokens) {
    }

    /** Connects every user at once; completes when each has connected or failed. */
    public CompletableFuture<Void> connectAll(Collection<TestUser> users) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Connects (or reconnects) one user. */
    public CompletableFuture<Void> connect(TestUser user) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Closes one user's socket normally. */
    public void disconnect(String userId) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Closes every socket normally. */
    public void disconnectAll() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The user's connection state. */
    public LaneState state(String userId) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Called (on a network thread) whenever a lane's state changes. */
    public void addStateListener(BiConsumer<String, LaneState> listener) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Sends one {@code user_message} per user, each in a new thread with its own canary, at the same instant. */
    public List<SentPrompt> sendPrompt(Collection<String> userIds, String prompt) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Sends a raw text frame on a user's socket (recorded as an OUT frame). */
    public void send(String userId, String text) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void close() {
        disconnectAll();
    }
}
