package dev.aei.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.testing.LoopbackServer;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;

class SocketCloseTest {
    @Test
    void aCloseTheServerNeverAnswersEndsWithTheConnectionDropped() throws Exception {
        try (LoopbackServer server = new LoopbackServer(List.of(new SilentOnClose())) { }) {
            server.startAndWait();
            Client polite = closedRightAfterOpening(server);
            for (int attempt = 1; attempt < 5 && polite.code == CloseFrame.NORMAL && !polite.remote; attempt++) {
                polite = closedRightAfterOpening(server);
            }

            assertThat(polite.isClosed()).isTrue();
            assertThat(polite.remote).as("the server never answered").isFalse();
            assertThat(polite.code).as("dropped, not closed by handshake").isEqualTo(CloseFrame.ABNORMAL_CLOSE);
        }
    }

    /**
     * A client closed as soon as it is open. Its library may end the connection itself (1000, not
     * remote) when the close comes before its reading thread went back to reading after the
     * handshake: that run says nothing about the bound, so the test tries again.
     */
    private static Client closedRightAfterOpening(LoopbackServer server) throws InterruptedException {
        Client polite = opened(server);
        SocketClose.all(List.of(polite), 200);
        return polite;
    }

    private static Client opened(LoopbackServer server) throws InterruptedException {
        Client client = new Client(URI.create(server.url("/ws")));
        assertThat(client.connectBlocking(30, TimeUnit.SECONDS)).isTrue();
        return client;
    }

    @Test
    void aCloseTheServerAnswersEndsNormally() throws Exception {
        try (LoopbackServer server = new LoopbackServer() { }) {
            server.startAndWait();
            Client polite = opened(server);

            SocketClose.all(List.of(polite), 30_000);

            assertThat(polite.isClosed()).isTrue();
            assertThat(polite.code).isEqualTo(CloseFrame.NORMAL);
        }
    }

    /** A server draft that ignores the client's close frame, as a server whose answer got lost. */
    private static final class SilentOnClose extends Draft_6455 {
        @Override
        public void processFrame(WebSocketImpl webSocket, Framedata frame) throws InvalidDataException {
            if (frame.getOpcode() != Opcode.CLOSING) {
                super.processFrame(webSocket, frame);
            }
        }

        @Override
        public Draft copyInstance() {
            return new SilentOnClose();
        }
    }

    private static final class Client extends WebSocketClient {
        volatile int code;
        volatile boolean remote;

        Client(URI server) {
            super(server);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            // nothing to say
        }

        @Override
        public void onMessage(String message) {
            // nothing expected
        }

        @Override
        public void onClose(int closeCode, String reason, boolean remote) {
            code = closeCode;
            this.remote = remote;
        }

        @Override
        public void onError(Exception ex) {
            // shows in the close code
        }
    }
}
