package dev.aei.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.auth.TestUser;
import dev.aei.auth.TokenSource;
import dev.aei.net.SocketClose;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/** The ingest figure's reference: plain Java-WebSocket clients that only count what arrives. */
final class BareClients implements IngestClient {
    private final URI server;
    private final List<TestUser> users;
    private final TokenSource tokens;
    private final long timeoutSeconds;
    private final ObjectMapper json = new ObjectMapper();
    private final Arrivals arrivals = new Arrivals();
    private final List<Counter> counters = new ArrayList<>();

    BareClients(URI server, List<TestUser> users, TokenSource tokens, long timeoutSeconds) {
        this.server = server;
        this.users = users;
        this.tokens = tokens;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public void connect() throws Exception {
        arrivals.expect(users.size());
        for (TestUser user : users) {
            Counter counter = new Counter(user.id(), Map.of("Authorization", "Bearer " + tokens.token(user)));
            counters.add(counter);
            counter.connect();
        }
        if (arrivals.awaitNanos(timeoutSeconds) < 0) {
            throw new IllegalStateException("bare clients: only " + arrivals.count() + " of " + users.size()
                    + " greetings arrived");
        }
    }

    @Override
    public IngestRound burst(int runs, String threadTag) throws Exception {
        long perSocket = (long) runs * EVENTS_PER_RUN;
        arrivals.expect(perSocket * counters.size());
        long start = System.nanoTime();
        for (Counter counter : counters) {
            counter.send(IngestClient.request(json, counter.user, threadTag, runs));
        }
        long end = arrivals.awaitNanos(timeoutSeconds);
        long lost = 0;
        long received = 0;
        for (Counter counter : counters) {
            long sent = Math.max(1 + perSocket, IngestClient.seqOf(json, counter.last));
            lost += Math.max(0, sent - counter.received);
            received += counter.received - 1;
        }
        double seconds = ((end < 0 ? System.nanoTime() : end) - start) / 1e9;
        return new IngestRound(received / seconds, received, lost);
    }

    @Override
    public void close() throws InterruptedException {
        SocketClose.all(counters);
        counters.clear();
    }

    /** One socket: counts frames and keeps the last one (for its seq), nothing more. */
    private final class Counter extends WebSocketClient {
        private final String user;
        private volatile long received;
        private volatile String last;

        Counter(String user, Map<String, String> headers) {
            super(server, headers);
            this.user = user;
            setDaemon(true);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            // nothing to do until the greeting arrives
        }

        @Override
        public void onMessage(String message) {
            received++; // only this socket's reading thread writes it
            last = message;
            arrivals.arrived();
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            received++;
            arrivals.arrived();
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            // the round reads the counts
        }

        @Override
        public void onError(Exception error) {
            // a failed socket shows up as lost frames
        }
    }
}
