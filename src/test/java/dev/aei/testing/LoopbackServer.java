package dev.aei.testing;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A real WebSocket server on a free loopback port for tests that play a backend: it ignores what
 * clients send unless a subclass says otherwise, and {@link #startAndWait()} returns once it listens.
 */
public abstract class LoopbackServer extends WebSocketServer implements AutoCloseable {
    private final CountDownLatch started = new CountDownLatch(1);

    protected LoopbackServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
    }

    protected LoopbackServer(List<Draft> drafts) {
        super(new InetSocketAddress("127.0.0.1", 0), drafts);
        setReuseAddr(true);
    }

    /** Starts listening and waits until it does, or fails after 30 s. */
    public void startAndWait() throws InterruptedException {
        start();
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(getClass().getSimpleName() + " did not start listening");
        }
    }

    /** The address clients connect to, e.g. {@code ws://127.0.0.1:PORT/ws}. */
    public String url(String path) {
        return "ws://127.0.0.1:" + getPort() + path;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        // a server that only listens
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        // the client side is what is under test
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        // heartbeat answers and the like: the tests look at what the client captured
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        // as above
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // as above
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        stop(1000);
    }
}
