package dev.aei.net;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.CloseFrame;

/**
 * Closes plain Java-WebSocket clients within a bound. Their {@code closeBlocking} waits for the
 * server's answer to the close frame with no limit; when that answer is lost it returns only after
 * the library's lost-connection check, a minute or two later.
 */
public final class SocketClose {
    private static final long POLL_MILLIS = 5;
    /** A bound generous for a loopback server under load; a lost answer costs this much once. */
    private static final long DEFAULT_MILLIS = 10_000;

    private SocketClose() {
    }

    /** As {@link #all(Collection, long)}, within ten seconds in all. */
    public static void all(Collection<? extends WebSocketClient> clients) throws InterruptedException {
        all(clients, DEFAULT_MILLIS);
    }

    /**
     * Starts the close handshake of every client, waits up to {@code millis} in all for them to
     * finish, then drops the connections still open.
     */
    public static void all(Collection<? extends WebSocketClient> clients, long millis) throws InterruptedException {
        clients.forEach(WebSocketClient::close);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (WebSocketClient client : clients) {
            while (!client.isClosed() && System.nanoTime() - deadline < 0) {
                Thread.sleep(POLL_MILLIS);
            }
            if (!client.isClosed()) {
                client.closeConnection(CloseFrame.ABNORMAL_CLOSE, "no close answer from the server");
            }
        }
    }
}
