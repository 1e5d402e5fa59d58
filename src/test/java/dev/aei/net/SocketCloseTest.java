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
            Client polite = new Client(URI.create(server.url("/ws")));
            assertThat(polite.connectBlocking(30, TimeUnit.SECONDS)).isTrue();

            SocketClose.all(List.of(polite), 200);

            assertThat(polite.isClosed()).isTrue();
            assertThat(polite.code).as("dropped, not closed by handshake").isEqualTo(CloseFrame.ABNORMAL_CLOSE);
        }
    }

    @Test
    void aCloseTheServerAnswersEndsNormally() throws Exception {
        try (LoopbackServer server = new LoopbackServer() { }) {
            server.startAndWait();
            Client polite = new Client(URI.create(server.url("/ws")));
            assertThat(polite.connectBlocking(30, TimeUnit.SECONDS)).isTrue();

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
        }

        @Override
        public void onError(Exception ex) {
            // shows in the close code
        }
    }
}
