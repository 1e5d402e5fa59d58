package dev.aei.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.auth.JwtMinter;
import dev.aei.auth.SigningKey;
import dev.aei.auth.TestUser;
import dev.aei.net.PortProbe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * The embedded reference agent backend: a real WebSocket server with real
 * JWT validation that runs a scripted agent per user message, with live fault injection.
 */
public final class ReferenceBackend implements AutoCloseable {

    private static final long START_TIMEOUT_S = 10;
    private static final int SCHEDULER_THREADS = 2;
    /** The audience the login endpoint puts in tokens under netra auth. */
    private static final String NETRA_LOGIN_AUDIENCE = "netra-platform";

    private final BackendConfig config;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ConnectionRegistry connections = new ConnectionRegistry();
    private volatile FaultPlan plan;
    private AgentSocketServer sockets;
    private ControlEndpoints control;

    private ReferenceBackend(BackendConfig config) {
        this.config = config;
        this.plan = new FaultPlan(config.faults());
        this.scheduler = new ScheduledThreadPoolExecutor(SCHEDULER_THREADS, daemonThreads());
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** Starts a backend and returns once it accepts connections. */
    public static ReferenceBackend start(BackendConfig config) throws IOException {
        ReferenceBackend backend = new ReferenceBackend(config);
        try {
            backend.open();
            return backend;
        } catch (IOException | RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    private void open() throws IOException {
        PortProbe.ensureFree(new InetSocketAddress(config.host(), config.port())); // before anything listens
        Clock clock = Clock.systemUTC();
        ObjectMapper json = new ObjectMapper();
        RandomGenerator random = new SecureRandom();
        TokenVerifier verifier = new TokenVerifier(config.secret(), config.netraAuth());
        Tickets tickets = new Tickets(clock);
        EventShaper shaper = new EventShaper(json, config.strictNetra(), config.shape());
        RunPlayer.Stage stage = new RunPlayer.Stage(scheduler, connections, shaper, clock, config.eventDelayMs());
        RunLauncher runs = new RunLauncher(stage, new AgentScript(random), () -> plan, random);
        WebClientTickets webTickets = new WebClientTickets(json, verifier, tickets, this::webSocketUrl);
        control = new ControlEndpoints(config.host(), json, verifier, tickets, webTickets, loginMinter(clock),
                this::loginUser, () -> plan, p -> plan = p);
        sockets = new AgentSocketServer(new InetSocketAddress(config.host(), config.port()),
                new HandshakeAuth(verifier, tickets), connections, shaper,
                new ClientMessages(json, shaper, runs, new InputGate(config.input()), clock),
                userId -> plan.demoIdentity(userId), clock);
        sockets.start();
        awaitBound();
        if (config.heartbeatSeconds() > 0) {
            Instant since = clock.instant();
            scheduler.scheduleAtFixedRate(() -> {
                Map<String, Object> stats = heartbeatStats(since, clock.instant(), runs);
                connections.all().forEach(c -> c.send(shaper.heartbeat(stats, clock.instant())));
            }, config.heartbeatSeconds(), config.heartbeatSeconds(), TimeUnit.SECONDS);
        }
    }

    /** The figures a heartbeat reports under {@code data.stats}. */
    private Map<String, Object> heartbeatStats(Instant since, Instant now, RunLauncher runs) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("active_connections", connections.all().size());
        stats.put("runs_started", runs.runsSoFar());
        stats.put("uptime_seconds", Duration.between(since, now).toSeconds());
        return stats;
    }

    /** The login endpoint mints tokens the backend itself accepts, with the real claims under netra auth. */
    private JwtMinter loginMinter(Clock clock) {
        SigningKey key = SigningKey.hs256(config.secret());
        return config.netraAuth()
                ? new JwtMinter(key, TokenVerifier.NETRA_ISSUER, JwtMinter.DEFAULT_LIFETIME, clock)
                : new JwtMinter(key);
    }

    private TestUser loginUser(String name) {
        return config.netraAuth()
                ? new TestUser(name, Map.of("aud", NETRA_LOGIN_AUDIENCE, "token_type", "access"))
                : TestUser.named(name);
    }

    private void awaitBound() throws IOException {
        String where = config.host() + ":" + config.port();
        try {
            sockets.started().get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("cannot listen on " + where + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the backend did not start listening on " + where + " within "
                    + START_TIMEOUT_S + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the backend", e);
        }
    }

    /** The config it was started with. */
    public BackendConfig config() {
        return config;
    }

    /** The bound WebSocket port. */
    public int port() {
        return sockets.getPort();
    }

    /** The WebSocket URL, {@code ws://host:port/ws}. */
    public URI webSocketUrl() {
        return URI.create("ws://" + config.host() + ":" + port() + "/ws");
    }

    /**
     * The HTTP URL that turns a JWT into a one-time ticket ({@code POST}, JSON {@code {"token":…}},
     * answer {@code ticket}); it also answers the web client's request, as {@link #webClientTicketUrl} does.
     */
    public URI ticketUrl() {
        return control.baseUrl().resolve("/auth/ticket");
    }

    /**
     * The web client's ticket URL: {@code POST} with {@code Authorization: Bearer <JWT>} and
     * {@code {"ttl_seconds":300,"single_use":true,"permissions":[…]}} answers {@code ticket_id}.
     */
    public URI webClientTicketUrl() {
        return control.baseUrl().resolve(WebClientTickets.PATH);
    }

    /** The HTTP login URL ({@code POST {"username":…,"password":…}} answers {@code {"access_token":…}}). */
    public URI loginUrl() {
        return control.baseUrl().resolve("/auth/login");
    }

    /** The HTTP URL of the live fault plan: {@code GET} reads it, {@code PUT} replaces it. */
    public URI faultsUrl() {
        return control.baseUrl().resolve("/faults");
    }

    /** Replaces the fault plan while running; affects runs that start afterwards. */
    public void setFaults(List<FaultRule> faults) {
        plan = new FaultPlan(faults);
    }

    /** The fault plan in force. */
    public List<FaultRule> faults() {
        return plan.rules();
    }

    /** Whether a {@code stall} fault has silenced one of the user's connections (tests wait for it). */
    public boolean stalled(String userId) {
        return connections.ofUser(userId).stream().anyMatch(ClientConnection::stalled);
    }

    /** Stops the sockets, the HTTP endpoints and all runs; safe to call twice. */
    @Override
    public void close() {
        try {
            if (sockets != null) {
                sockets.stop(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (control != null) {
                control.close();
            }
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "aei-backend-runs-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
