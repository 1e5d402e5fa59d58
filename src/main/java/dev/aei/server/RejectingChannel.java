package dev.aei.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The socket channel of one connection, able to answer a refused upgrade with a real HTTP status.
 * Java-WebSocket always answers a refused handshake with "404 WebSocket Upgrade Failure"; once
 * {@link #reject} is called, that answer is replaced on the wire by the status and reason given.
 */
final class RejectingChannel implements ByteChannel {

    private final SocketChannel socket;
    private volatile ByteBuffer replacement;

    RejectingChannel(SocketChannel socket) {
        this.socket = socket;
    }

    /** Makes the next write the given HTTP error instead of whatever the library sends. */
    void reject(int status, String reason) {
        String phrase = (status == 401 ? "Unauthorized" : "Not Found") + ": " + reason.replaceAll("[\\r\\n]", " ");
        String body = reason + "\n";
        String response = "HTTP/1.1 " + status + " " + phrase + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + (status == 401 ? "WWW-Authenticate: Bearer error=\"invalid_token\"\r\n" : "")
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + "Connection: close\r\n\r\n" + body;
        replacement = ByteBuffer.wrap(response.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        ByteBuffer answer = replacement;
        if (answer == null) {
            return socket.write(source);
        }
        int swallowed = source.remaining();
        source.position(source.limit());
        while (answer.hasRemaining() && socket.write(answer) > 0) {
            // A short error answer normally fits the send buffer in one go.
        }
        return swallowed;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        return socket.read(target);
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
