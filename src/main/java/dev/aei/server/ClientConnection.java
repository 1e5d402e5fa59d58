package dev.aei.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;

/**
 * One client socket: who it belongs to and the per-connection {@code seq} counter. Numbering
 * and sending happen under one lock, so seq order is wire order (faults aside).
 */
final class ClientConnection {

    /** How an event goes on the wire. */
    enum Wire {
        /** One text frame. */
        TEXT,
        /** The same text frame twice (one seq). */
        TWICE,
        /** The text cut in half: not valid JSON. */
        TRUNCATED,
        /** The JSON bytes as a binary frame instead of a text frame. */
        BINARY,
        /** Not sent at all, but its seq is used up. */
        DROPPED
    }

    private static final long ABORT_FLUSH_WAIT_MS = 2000;
    /** More frames than this waiting to be written means the client reads too slowly. */
    private static final int MAX_QUEUED_FRAMES = 1000;

    private final WebSocket socket;
    private final String userId;
    private final String reportedId;
    private final String connectionId;
    private final boolean numbered;
    private long nextSeq = 1;
    private volatile boolean aborted;
    private volatile boolean stalled;

    /**
     * @param userId     the JWT subject
     * @param reportedId the identity the backend reports and stamps (differs under demo-identity)
     * @param numbered   true: add {@code seq} to every JSON frame
     */
    ClientConnection(WebSocket socket, String userId, String reportedId, String connectionId, boolean numbered) {
        this.socket = socket;
        this.userId = userId;
        this.reportedId = reportedId;
        this.connectionId = connectionId;
        this.numbered = numbered;
    }

    String userId() {
        return userId;
    }

    String reportedId() {
        return reportedId;
    }

    String connectionId() {
        return connectionId;
    }

    /** Whether frames can still go out: open, not aborted, not stalled. */
    boolean isOpen() {
        return !aborted && !stalled && socket.isOpen();
    }

    /** From now on nothing goes out, not even pongs, while the TCP connection stays up. */
    void stall() {
        stalled = true;
    }

    boolean stalled() {
        return stalled;
    }

    /** Whether so many frames wait to be written that runs should pause. */
    boolean congested() {
        return socket instanceof WebSocketImpl impl && impl.outQueue.size() > MAX_QUEUED_FRAMES;
    }

    /** Sends one event as one text frame; false when the socket is gone. */
    boolean send(ObjectNode event) {
        return deliver(event, Wire.TEXT);
    }

    /** Numbers and sends an event the given way; false when the socket is gone. */
    synchronized boolean deliver(ObjectNode event, Wire wire) {
        if (!isOpen()) {
            return false;
        }
        String text = number(event).toString();
        try {
            switch (wire) {
                case TEXT -> socket.send(text);
                case TWICE -> {
                    socket.send(text);
                    socket.send(text);
                }
                case TRUNCATED -> socket.send(text.substring(0, text.length() / 2));
                case BINARY -> socket.send(text.getBytes(StandardCharsets.UTF_8));
                case DROPPED -> {
                    // The seq is used up; nothing goes out.
                }
            }
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false;
        }
    }

    /** Makes the next seq jump: {@code count} numbers are never sent. */
    synchronized void skipSeq(int count) {
        nextSeq += count;
    }

    /**
     * Sends two events in swapped order, each with the seq it would have had in order, so the
     * wire shows the later event (seq n+1) before the earlier one (seq n).
     */
    synchronized boolean sendSwapped(ObjectNode earlier, ObjectNode later) {
        if (!isOpen()) {
            return false;
        }
        String first = number(earlier).toString();
        String second = number(later).toString();
        try {
            socket.send(second);
            socket.send(first);
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false;
        }
    }

    /**
     * Drops the TCP connection without a close frame, once what was already sent has left the
     * process (so the frames before the fault still arrive).
     */
    void abort(ScheduledExecutorService scheduler) {
        aborted = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ABORT_FLUSH_WAIT_MS);
        scheduler.execute(new Runnable() {
            @Override
            public void run() {
                if (socket.hasBufferedData() && System.nanoTime() < deadline) {
                    scheduler.schedule(this, 5, TimeUnit.MILLISECONDS);
                } else {
                    socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "fault: close-abrupt");
                }
            }
        });
    }

    /** Closes normally with a close frame. */
    void close(int code, String reason) {
        socket.close(code, reason);
    }

    private ObjectNode number(ObjectNode event) {
        if (!numbered) {
            return event;
        }
        ObjectNode copy = event.deepCopy();
        copy.put("seq", nextSeq++);
        return copy;
    }
}
