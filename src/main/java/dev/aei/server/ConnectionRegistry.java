package dev.aei.server;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open client connections, found by user for leak faults and all together for heartbeats. */
final class ConnectionRegistry {

    private final Set<ClientConnection> open = ConcurrentHashMap.newKeySet();

    void add(ClientConnection connection) {
        open.add(connection);
    }

    void remove(ClientConnection connection) {
        open.remove(connection);
    }

    /** The open connections authenticated as the user (JWT subject). */
    List<ClientConnection> ofUser(String userId) {
        return open.stream().filter(c -> c.userId().equals(userId)).toList();
    }

    List<ClientConnection> all() {
        return List.copyOf(open);
    }
}
