package dev.aei.net;

import dev.aei.auth.Redactor;
import dev.aei.auth.AuthException;
import dev.aei.auth.TestUser;
import dev.aei.auth.TokenSource;
import dev.aei.capture.Frame;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Opcode;
import dev.aei.capture.Session;
import dev.aei.protocol.ClientPing;
import dev.aei.protocol.ClientProfile;
import dev.aei.protocol.IdText;
import dev.aei.protocol.MessageTemplate;
import dev.aei.protocol.ThreadPolicy;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;

/**
 * One test user's lane on the network side: signs in, connects, stamps every frame into the
 * session, sends the profile's automatic replies and pings, and reports its state. A lane can
 * have several connections over its life (one {@link LaneSocket} each); lane events mark where
 * each starts and ends. A user signed in twice has two lanes ({@code alice}, {@code alice #2}),
 * each with its own socket, token and threads.
 */
final class LaneClient implements LaneSocket.Events {
    /** A profile's ready event that never comes does not hold the lane back longer than this. */
    private static final long READY_WAIT_MS = 10_000;
    private static final long CLOSE_WAIT_MS = 3_000;

    private final TestUser user;
    /** Writes this lane into the session; it copes with failing session listeners so the state machine need not. */
    private final LaneRecorder recorder;
    private final ConnectionSettings settings;
    private final TokenSource tokens;
    private final HandshakeAuth auth;
    private final PayloadLimit limit;
    private final BiConsumer<String, LaneState> stateSink;
    private final Executor connecting;
    private final TlsTrust tls;
    private final ClientProfile client;
    private final AutoAnswers answers;
    private final ScheduledExecutorService timer;
    private final AtomicInteger threads = new AtomicInteger();
    private final Object sendLock = new Object();

    private volatile LaneState state = LaneState.IDLE;
    private volatile LaneSocket socket;
    private volatile CompletableFuture<Void> attempt = CompletableFuture.completedFuture(null);
    private volatile CountDownLatch closed = new CountDownLatch(0);
    private final RetrySchedule retries;
    private volatile boolean wanted;
    /** Who a close the inspector asked for is recorded as (it may have given up on the runs). */
    private volatile LaneEvent.ClosedBy closer = LaneEvent.ClosedBy.INSPECTOR;
    private volatile ScheduledFuture<?> pinging;
    private String currentThread;

    LaneClient(TestUser user, Session session, ConnectionSettings settings, Network network,
               BiConsumer<String, LaneState> stateSink) {
        this.user = user;
        // the claims the tokens carry (profile defaults, --claim overrides, the user's own), not only the user's
        this.recorder = new LaneRecorder(session,
                session.addLane(user.lane(), user.id(), network.tokens().claims(user)));
        this.settings = settings;
        this.tokens = network.tokens();
        this.auth = network.auth();
        this.tls = network.tls();
        this.connecting = network.connecting();
        this.client = network.client();
        this.answers = new AutoAnswers(client);
        this.timer = network.timer();
        this.retries = new RetrySchedule(settings.reconnect(), network.timer());
        this.limit = new PayloadLimit(settings.maxFrameBytes());
        this.stateSink = stateSink;
    }

    /** What all lanes of a connector share: credentials, TLS trust, the profile's conversation and threads. */
    record Network(TokenSource tokens, HandshakeAuth auth, TlsTrust tls, ClientProfile client, Executor connecting,
                   ScheduledExecutorService timer) {
    }

    LaneState state() {
        return state;
    }

    /** Who this lane signs in as. */
    TestUser user() {
        return user;
    }

    /** Starts a connection attempt unless one is open or under way; completes when it opened or failed. */
    synchronized CompletableFuture<Void> connect() {
        wanted = true;
        retries.reset();
        if (!attempt.isDone() || isOpen()) {
            return attempt;
        }
        return startAttempt();
    }

    private synchronized CompletableFuture<Void> startAttempt() {
        CompletableFuture<Void> next = new CompletableFuture<>();
        attempt = next;
        closed = new CountDownLatch(1);
        update(LaneEvent.Kind.CONNECTING, LaneState.Status.CONNECTING, 0, Redactor.message(settings.server().toString()));
        try {
            connecting.execute(this::open);
        } catch (RejectedExecutionException e) {
            fail(0, "the connector is closed");
        }
        return next;
    }

    private void open() {
        try {
            ConnectRequest request = auth.prepare(tokens.token(user), user.id());
            LaneSocket next = new LaneSocket(request, settings.maxFrameBytes(), tls, this);
            next.setConnectionLostTimeout(pingSeconds());
            socket = next;
            if (!wanted) {
                fail(0, "connection cancelled");
                return;
            }
            next.connect();
            timer.schedule(() -> giveUpHandshake(next), LaneSocket.HANDSHAKE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (AuthException e) {
            fail(0, "sign-in failed: " + Redactor.message(e.getMessage()));
        } catch (TlsTrust.SetupException e) {
            fail(0, "TLS setup failed: " + Redactor.message(e.getMessage()));
        } catch (IOException e) {
            ConnectFailure failure = ConnectFailure.of("", e);
            fail(failure.httpStatus(), failure.detail());
        } catch (RuntimeException e) {
            fail(0, "cannot connect: " + Redactor.message(String.valueOf(e.getMessage())));
        }
    }

    /**
     * A server that takes the TCP connection but never answers the WebSocket upgrade would leave the
     * lane "connecting" for good: after the handshake's time the attempt fails, saying so.
     */
    private void giveUpHandshake(LaneSocket attempted) {
        if (socket == attempted && !attempted.wasOpened() && !attempt.isDone()) {
            attempted.closeConnection(CloseFrame.NEVER_CONNECTED, "no answer to the WebSocket handshake within "
                    + LaneSocket.HANDSHAKE_TIMEOUT_MS / 1000 + " s");
        }
    }

    private int pingSeconds() {
        long millis = settings.pingInterval() == null ? 0 : settings.pingInterval().toMillis();
        return millis <= 0 ? 0 : (int) Math.max(1, (millis + 999) / 1000);
    }

    boolean isOpen() {
        LaneSocket current = socket;
        return current != null && current.isOpen();
    }

    /**
     * The next thread id this lane's prompts use: {@code t-<lane>-<n>} with the lane name encoded, never
     * squashed, so every user and every tab of a user has threads of its own; never containing {@code _}.
     */
    String nextThreadId() {
        return IdText.threadId(user.lane(), threads.incrementAndGet());
    }

    /** The thread the next prompt goes to under the policy, and whether it follows up on earlier prompts there. */
    synchronized PromptThread nextPromptThread(ThreadPolicy policy) {
        if (policy == ThreadPolicy.SAME && currentThread != null) {
            return new PromptThread(currentThread, true);
        }
        currentThread = nextThreadId();
        return new PromptThread(currentThread, false);
    }

    /**
     * Where a prompt goes.
     *
     * @param threadId the thread's id
     * @param followUp true when earlier prompts of this lane opened the thread
     */
    record PromptThread(String threadId, boolean followUp) {
    }

    /** Records and sends a text frame; throws {@link IllegalStateException} when not connected. */
    Frame send(String text) {
        synchronized (sendLock) {
            LaneSocket current = socket;
            if (current == null || !current.isOpen()) {
                throw new IllegalStateException(user.lane() + " is not connected");
            }
            // Stamped before it leaves, so a fast answer can never be stamped ahead of its request.
            Frame frame = recorder.out(text);
            try {
                current.send(text);
            } catch (WebsocketNotConnectedException e) {
                throw new IllegalStateException(user.lane() + " lost its connection while sending", e);
            }
            return frame;
        }
    }

    /** Closes the connection normally (no reconnect follows) and waits (bounded) until the close is recorded. */
    void disconnect() {
        disconnect("inspector disconnected");
    }

    /** Closes the connection normally with this close reason (recorded in the lane's close event). */
    void disconnect(String reason) {
        disconnect(reason, LaneEvent.ClosedBy.INSPECTOR);
    }

    /** Closes the socket with this reason, recording the close as {@code closedBy}'s. */
    void disconnect(String reason, LaneEvent.ClosedBy closedBy) {
        closer = closedBy;
        wanted = false;
        retries.reset();
        LaneSocket current = socket;
        if (current == null) {
            return;
        }
        current.close(CloseFrame.NORMAL, reason);
        awaitClosed();
        if (!current.isClosed() && closed.getCount() > 0) {
            current.closeConnection(CloseFrame.ABNORMAL_CLOSE, "no close answer from the server");
            awaitClosed();
        }
    }

    private void awaitClosed() {
        try {
            closed.await(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void opened(LaneSocket from) {
        if (from != socket) {
            return;
        }
        retries.reset();
        update(LaneEvent.Kind.CONNECTED, LaneState.Status.CONNECTED, 101, Redactor.message(from.getURI().toString()));
        CompletableFuture<Void> waiting = attempt;
        try {
            startPinging(from);
            if (client.readyEvent() != null) {
                timer.schedule(() -> waiting.complete(null), READY_WAIT_MS, TimeUnit.MILLISECONDS);
                return;
            }
        } catch (RejectedExecutionException e) {
            // the connector is closing: nothing to ping or wait for
        }
        waiting.complete(null);
    }

    /** Sends the profile's client ping on this socket at its interval, recorded like any sent frame. */
    private void startPinging(LaneSocket from) {
        ClientPing ping = client.ping();
        if (ping == null) {
            return;
        }
        long every = ping.every().toMillis();
        stopPinging();
        pinging = timer.scheduleAtFixedRate(() -> {
            if (from == socket && from.isOpen()) {
                sendQuietly(ping.message().render(Map.of(MessageTemplate.EPOCH_MS, System.currentTimeMillis())));
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    private void stopPinging() {
        ScheduledFuture<?> current = pinging;
        if (current != null) {
            current.cancel(false);
        }
    }

    @Override
    public void received(LaneSocket from, Opcode opcode, String text, byte[] bytes, boolean truncated) {
        PayloadLimit.Payload payload = limit.fit(opcode, text, bytes, truncated);
        recorder.in(opcode, payload);
        if (from != socket) {
            return;
        }
        AutoAnswers.Answer answer = answers.to(payload.text());
        if (answer.ready()) {
            attempt.complete(null);
        }
        if (answer.reply() != null) {
            sendQuietly(answer.reply());
        }
    }

    /** Sends an automatic frame; a socket that closed meanwhile records its close by its own event. */
    private void sendQuietly(String text) {
        try {
            send(text);
        } catch (IllegalStateException e) {
            // nothing to do: the close is on the lane already
        }
    }

    @Override
    public void closed(LaneSocket from, int code, String reason, boolean remote, Exception error) {
        if (from != socket) {
            return;
        }
        stopPinging();
        if (!from.wasOpened()) {
            ConnectFailure failure = ConnectFailure.of(reason, error);
            fail(failure.httpStatus(), failure.detail());
            return;
        }
        // Once the inspector asked to disconnect, a close is its own even when the server's close frame
        // or a dropped TCP connection happens to arrive first.
        LaneEvent.ClosedBy by = remote && wanted ? LaneEvent.ClosedBy.SERVER : closer;
        // 1006 means no close frame came at all (a crash, a cut connection): nobody closed it
        String side = code == CloseFrame.ABNORMAL_CLOSE && by == LaneEvent.ClosedBy.SERVER
                ? "connection lost, no close frame"
                : by == LaneEvent.ClosedBy.SERVER ? "closed by the server" : "closed by the inspector";
        String text = reason == null || reason.isBlank() ? side : reason + " (" + side + ")";
        update(LaneEvent.Kind.CLOSED, LaneState.Status.CLOSED, code, Redactor.message(text), by);
        // Completed before the close is signalled, so a connect() right after disconnect() gets a fresh attempt
        // that this late completion cannot finish early.
        attempt.complete(null);
        closed.countDown();
        scheduleRetry();
    }

    private void fail(int code, String detail) {
        update(LaneEvent.Kind.FAILED, LaneState.Status.FAILED, code, detail);
        attempt.complete(null);
        closed.countDown();
        // A first connection that fails is the user's to fix; only failed retries are retried.
        if (retries.retrying()) {
            scheduleRetry();
        }
    }

    /** After a drop the inspector did not ask for, waits per the policy and connects again, with a fresh token. */
    private synchronized void scheduleRetry() {
        if (!wanted) {
            return;
        }
        RetrySchedule.Retry retry = retries.next(this::retry);
        if (retry != null) {
            update(LaneEvent.Kind.RECONNECTING, LaneState.Status.RECONNECTING, retry.number(),
                    "retry " + retry.number() + " in " + retry.delay().toMillis() + " ms");
        }
    }

    private synchronized void retry() {
        if (wanted) {
            startAttempt();
        }
    }

    private void update(LaneEvent.Kind kind, LaneState.Status status, int code, String detail) {
        update(kind, status, code, detail, LaneEvent.ClosedBy.SERVER);
    }

    private void update(LaneEvent.Kind kind, LaneState.Status status, int code, String detail,
                        LaneEvent.ClosedBy closedBy) {
        recorder.event(kind, code, detail, closedBy);
        state = new LaneState(status, code, detail);
        stateSink.accept(user.lane(), state);
    }
}
