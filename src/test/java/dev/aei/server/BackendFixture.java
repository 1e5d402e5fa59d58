package dev.aei.server;

import dev.aei.auth.AuthException;
import dev.aei.auth.MintingTokenSource;
import dev.aei.auth.TestUser;
import dev.aei.net.SocketClose;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a backend for a test and cleans up it and every client opened through it. */
final class BackendFixture implements AutoCloseable {

    final ReferenceBackend backend;
    final MintingTokenSource tokens = MintingTokenSource.hs256(BackendConfig.DEMO_SECRET);
    private final List<WireClient> clients = new ArrayList<>();

    BackendFixture(BackendConfig config) throws IOException {
        backend = ReferenceBackend.start(config);
    }

    /** Loopback, free port, 2 ms between events. */
    static BackendFixture fast() throws IOException {
        return new BackendFixture(BackendConfig.defaults().withEventDelayMs(2));
    }

    String token(String user) {
        try {
            return tokens.token(TestUser.named(user));
        } catch (AuthException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connects as the user with a Bearer header and waits for connection_established. */
    WireClient connect(String user) {
        WireClient client = track(WireClient.connect(backend.webSocketUrl(),
                Map.of("Authorization", "Bearer " + token(user))));
        client.awaitType("connection_established", 1);
        return client;
    }

    WireClient track(WireClient client) {
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    @Override
    public void close() {
        synchronized (clients) {
            try {
                SocketClose.all(clients);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        backend.close();
    }
}
