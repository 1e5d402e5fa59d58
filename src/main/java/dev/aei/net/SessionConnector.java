package dev.aei.net;

import dev.aei.auth.TestUser;
import dev.aei.auth.TokenSource;
import dev.aei.capture.Frame;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.protocol.Canary;
import dev.aei.protocol.ClientProfile;
import dev.aei.protocol.MessageTemplate;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Opens one socket per test user, in parallel, and feeds everything they carry into a session.
 * A user whose handshake fails gets a clear state of its own; the others are not disturbed.
 * Lanes are named by {@link TestUser#lane()}: a user signed in on several connections (tabs) has a
 * lane, socket and token per connection, and every method taking a lane id means that one connection.
 */
public final class SessionConnector implements AutoCloseable {
    private final Session session;
    private final ConnectionSettings settings;
    private final LaneClient.Network network;
    private final ClientProfile client;
    private final Map<String, LaneClient> clients = new LinkedHashMap<>();
    private final List<BiConsumer<String, LaneState>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService connecting = Executors.newCachedThreadPool(daemon("aei-connect"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("aei-reconnect"));
    private final SecureRandom random = new SecureRandom();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A connector speaking as this tool did before profiles described the conversation. */
    public SessionConnector(Session session, ConnectionSettings settings, TokenSource tokens) {
        this(session, settings, tokens, ClientProfile.LEGACY);
    }

    /** A connector that fetches tickets, sends prompts, replies and pings as the profile's client section says. */
    public SessionConnector(Session session, ConnectionSettings settings, TokenSource tokens, ClientProfile client) {
        this.session = session;
        this.settings = settings;
        this.client = client;
        HttpClient http = settings.authMode() == AuthMode.TICKET ? HandshakeAuth.ticketClient() : null;
        this.network = new LaneClient.Network(tokens, new HandshakeAuth(settings, http, client.ticket()),
                new TlsTrust(settings.tls()), client, connecting, timer);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** How this connector's lanes talk: the templates offered, replies, pings. */
    public ClientProfile client() {
        return client;
    }

    /** The session every lane feeds. */
    public Session session() {
        return session;
    }

    /** Connects every user at once; completes when each has connected or failed. */
    public CompletableFuture<Void> connectAll(Collection<TestUser> users) {
        return CompletableFuture.allOf(users.stream().map(this::connect).toArray(CompletableFuture[]::new));
    }

    /** Connects (or reconnects) one user's connection; completes when it has connected or failed, never exceptionally. */
    public CompletableFuture<Void> connect(TestUser user) {
        if (closed.get()) {
            throw new IllegalStateException("the connector is closed");
        }
        return client(user).connect();
    }

    /** Closes one lane's socket normally. */
    public void disconnect(String laneId) {
        LaneClient client = existing(laneId);
        if (client != null) {
            client.disconnect();
        }
    }

    /** Closes every socket normally, all at once, and waits (bounded) until each close is recorded. */
    public void disconnectAll() {
        disconnectAll("inspector disconnected");
    }

    /** Like {@link #disconnectAll()}, with this close reason (at most 123 bytes) recorded on every lane. */
    public void disconnectAll(String reason) {
        disconnectAll(reason, LaneEvent.ClosedBy.INSPECTOR);
    }

    /**
     * Like {@link #disconnectAll(String)}, recording each close as {@code closedBy}'s: give
     * {@link LaneEvent.ClosedBy#INSPECTOR_GAVE_UP} when the inspector stopped waiting for runs.
     */
    public void disconnectAll(String reason, LaneEvent.ClosedBy closedBy) {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (LaneClient client : clients()) {
            // A thread per lane (not the pool, which close() shuts down) so closes overlap.
            closing.add(CompletableFuture.runAsync(() -> client.disconnect(reason, closedBy),
                    runnable -> daemon("aei-close").newThread(runnable).start()));
        }
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).join();
    }

    /** A lane's connection state. */
    public LaneState state(String laneId) {
        LaneClient client = existing(laneId);
        return client == null ? LaneState.IDLE : client.state();
    }

    /** Called (on a network thread) with the lane id whenever a lane's state changes. */
    public void addStateListener(BiConsumer<String, LaneState> listener) {
        listeners.add(listener);
    }

    /**
     * Sends the prompt to every user at the same instant, each with its own canary, in the thread the
     * profile's thread policy picks and with its first-message or follow-up template: every message is
     * prepared first, then all are sent back to back. Users that are not connected are skipped; the
     * result lists the prompts that were sent. {@code laneIds} name the lanes (connections) to send on.
     */
    public List<SentPrompt> sendPrompt(Collection<String> laneIds, String prompt) {
        return sendPrompt(laneIds, prompt, null);
    }

    /**
     * Like {@link #sendPrompt(Collection, String)}, with this template for first and follow-up
     * messages (null: the profile's).
     */
    public List<SentPrompt> sendPrompt(Collection<String> laneIds, String prompt, MessageTemplate template) {
        ClientProfile conversation = template == null ? client : client.sendingAs(template);
        List<PreparedPrompt> prepared = new ArrayList<>();
        for (String laneId : laneIds) {
            LaneClient lane = existing(laneId);
            if (lane != null && lane.isOpen()) {
                prepared.add(prepare(conversation, laneId, lane, prompt));
            }
        }
        List<SentPrompt> sent = new ArrayList<>();
        for (PreparedPrompt p : prepared) {
            try {
                Frame frame = p.client.send(p.message);
                sent.add(new SentPrompt(p.laneId, p.threadId, p.canary, p.text, frame.index()));
            } catch (IllegalStateException e) {
                // that user dropped between preparing and sending; its lane events say so
            }
        }
        return sent;
    }

    private PreparedPrompt prepare(ClientProfile conversation, String laneId, LaneClient lane, String prompt) {
        LaneClient.PromptThread thread = lane.nextPromptThread(conversation.thread());
        MessageTemplate template = thread.followUp() ? conversation.followUpTemplate() : conversation.first();
        String canary = Canary.DEFAULT.next(random);
        String text = Canary.DEFAULT.mark(prompt, canary);
        String message = template.renderPrompt(text, thread.threadId(), lane.user().id(), canary);
        // A template without a thread id leaves the thread to the backend: the prompt then names none.
        String threadId = template.uses(MessageTemplate.THREAD_ID) ? thread.threadId() : null;
        return new PreparedPrompt(laneId, lane, threadId, canary, text, message);
    }

    /** Sends a raw text frame on a lane's socket (recorded as an OUT frame); throws if not connected. */
    public void send(String laneId, String text) {
        LaneClient client = existing(laneId);
        if (client == null) {
            throw new IllegalStateException(laneId + " is not connected");
        }
        client.send(text);
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        disconnectAll();
        timer.shutdownNow();
        connecting.shutdownNow();
    }

    private synchronized LaneClient client(TestUser user) {
        LaneClient existing = clients.get(user.lane());
        if (existing != null && !existing.user().id().equals(user.id())) {
            throw new IllegalArgumentException("lane " + user.lane() + " belongs to user " + existing.user().id()
                    + ", not " + user.id());
        }
        return clients.computeIfAbsent(user.lane(),
                id -> new LaneClient(user, session, settings, network, this::stateChanged));
    }

    private synchronized LaneClient existing(String laneId) {
        return clients.get(laneId);
    }

    private synchronized List<LaneClient> clients() {
        return new ArrayList<>(clients.values());
    }

    private void stateChanged(String laneId, LaneState state) {
        for (BiConsumer<String, LaneState> listener : listeners) {
            try {
                listener.accept(laneId, state);
            } catch (RuntimeException e) {
                // a broken listener must not take the network thread (and the lane) down with it
            }
        }
    }

    private record PreparedPrompt(String laneId, LaneClient client, String threadId, String canary, String text,
                                  String message) {
    }
}
