package dev.aei.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A loopback port nothing listens on: taken from the system and closed again, so connecting is refused. */
public final class DeadPort {
    private DeadPort() {
    }

    /** The port number. */
    public static int number() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A WebSocket URL on such a port, {@code ws://127.0.0.1:PORT/ws}. */
    public static String webSocketUrl() {
        return "ws://127.0.0.1:" + number() + "/ws";
    }
}
