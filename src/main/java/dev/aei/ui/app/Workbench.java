package dev.aei.ui.app;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.Finding;
import dev.aei.analysis.RuleConfig;
import dev.aei.analysis.SessionReplay;
import dev.aei.auth.AuthException;
import dev.aei.auth.TokenClaims;
import dev.aei.auth.TestUser;
import dev.aei.capture.JournalWriter;
import dev.aei.capture.Session;
import dev.aei.fixture.FileKind;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.FixtureException;
import dev.aei.fixture.Progress;
import dev.aei.fixture.Replayer;
import dev.aei.fixture.SessionFiles;
import dev.aei.net.AuthMode;
import dev.aei.net.ConnectionSettings;
import dev.aei.net.LaneState;
import dev.aei.net.SentPrompt;
import dev.aei.net.SessionConnector;
import dev.aei.net.TicketUrls;
import dev.aei.protocol.ClientProfile;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.Profile;
import dev.aei.server.BackendConfig;
import dev.aei.server.FaultRule;
import dev.aei.server.ReferenceBackend;
import dev.aei.ui.composer.ComposerViewModel;
import dev.aei.ui.feed.CaptureFeed;
import dev.aei.ui.settings.AppSettings;
import dev.aei.ui.signin.Connections;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capture pipeline behind the window, kept off the FX thread: the embedded backend, the
 * session, the sockets, the analysis and the journal. Everything captured reaches the UI only
 * through the {@link CaptureFeed}; connection states through the state sink.
 */
public final class Workbench implements Connections, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workbench.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ExecutorService background = Executors.newCachedThreadPool(daemon("aei-ui-worker"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("aei-ui-tick"));
    private final CaptureFeed feed;
    private final Map<String, EventDecoder> decoders = new ConcurrentHashMap<>();
    private final BiConsumer<String, LaneState> states;
    /** Reads the frames of what is shown: the live session's profile, or the opened file's. */
    private volatile EventDecoder decoder;
    private volatile ReferenceBackend backend;
    private volatile Session session;
    private volatile Analyzer analyzer;
    private volatile SessionConnector connector;
    private volatile JournalWriter journal;
    /** The live session holds prompts or frames the user sent since it was last saved. */
    private volatile boolean unsaved;
    /** What Save writes: the live session with its analysis so far, or the whole opened file; null before either. */
    private volatile Supplier<Fixture> saveable = () -> null;
    private AppSettings connectorSettings;

    /**
     * @param feed    receives every frame, lane event and finding
     * @param profile the event profile frames are read with until the user picks another; netra
     *                when it cannot be loaded (the next connect explains why)
     * @param states  told (on network threads) about every lane state change
     */
    public Workbench(CaptureFeed feed, String profile, BiConsumer<String, LaneState> states) {
        this.feed = feed;
        this.decoder = decoderFor("netra"); // the fallback while the chosen profile is looked up
        this.decoder = decoderOrCurrent(profile);
        this.states = states;
    }

    /** Starts the embedded reference backend in the background. */
    public CompletableFuture<URI> startEmbedded(BackendConfig config) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                backend = ReferenceBackend.start(config);
                LOG.info("Embedded reference backend on {}", backend.webSocketUrl());
                return backend.webSocketUrl();
            } catch (IOException e) {
                throw new IllegalStateException("The embedded backend could not start: " + e.getMessage(), e);
            }
        }, background);
    }

    /** True once the embedded backend runs (fault injection is possible). */
    public boolean embedded() {
        return backend != null;
    }

    @Override
    public void connect(AppSettings settings, Collection<TestUser> users) {
        background.execute(() -> {
            try {
                SessionConnector current = connectorFor(settings);
                List<TestUser> waiting = new ArrayList<>();
                for (TestUser user : users) {
                    LaneState now = current.state(user.lane()); // by lane: a user may have several tabs
                    if (now.status() == LaneState.Status.CONNECTED || now.status() == LaneState.Status.CONNECTING) {
                        states.accept(user.lane(), now); // already in (or on the way): its socket is kept
                    } else {
                        waiting.add(user);
                    }
                }
                current.connectAll(waiting);
            } catch (AuthException | RuntimeException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                users.forEach(u -> states.accept(u.lane(), new LaneState(LaneState.Status.FAILED, 0, reason)));
            }
        });
    }

    @Override
    public void disconnect(String userId) {
        SessionConnector current = connector;
        if (current != null) {
            background.execute(() -> current.disconnect(userId));
        }
    }

    @Override
    public void disconnectAll() {
        SessionConnector current = connector;
        if (current != null) {
            background.execute(current::disconnectAll);
        }
    }

    /**
     * Sends a prompt to the users at the same instant, as the event profile's template {@code sendAs}
     * (null: the profile's own choice), or the text exactly as typed when {@code sendAs} is
     * {@link ComposerViewModel#RAW}; blocks briefly, so call it off the FX thread.
     */
    public List<SentPrompt> sendPrompt(Collection<String> userIds, String prompt, String sendAs) {
        SessionConnector current = connector;
        if (current == null) {
            throw new IllegalStateException("nobody is connected yet");
        }
        List<SentPrompt> sent;
        if (ComposerViewModel.RAW.equals(sendAs)) {
            sent = new ArrayList<>();
            for (String user : userIds) {
                current.send(user, prompt);
                sent.add(new SentPrompt(user, null, null, prompt, -1));
            }
        } else {
            sent = current.sendPrompt(userIds, prompt, sendAs == null ? null : current.client().template(sendAs));
        }
        unsaved |= !sent.isEmpty();
        return sent;
    }

    /** Sends a raw text frame on a user's socket (recorded as an OUT frame); call it off the FX thread. */
    public void sendRaw(String userId, String text) {
        SessionConnector current = connector;
        if (current == null) {
            throw new IllegalStateException("nobody is connected yet");
        }
        current.send(userId, text);
        unsaved = true;
    }

    /** Installs a fault plan on the embedded backend. */
    public void setFaults(List<FaultRule> faults) {
        ReferenceBackend current = backend;
        if (current != null) {
            current.setFaults(faults);
        }
    }

    /**
     * Saves the live session with its findings, or the opened file whole (also while it is being
     * replayed), as a fixture or HAR file (redacted); blocks on file I/O.
     */
    public void saveFixture(Path file, Progress progress) throws FixtureException {
        Fixture current = saveable.get();
        if (current == null) {
            throw new FixtureException("There is nothing to save yet: connect a user or open a file first.");
        }
        boolean live = analyzer != null;
        SessionFiles.defaults().save(current, file, progress);
        if (live) {
            unsaved = false;
        }
    }

    /**
     * True when quitting or leaving the live session would lose work: the user sent something in it
     * since it was last saved, and no journal is keeping it on disk.
     */
    public boolean hasUnsavedWork() {
        return unsaved && analyzer != null && journal == null;
    }

    /**
     * Shows a loaded session instead of the live one: live connections are closed, the loaded frames
     * and findings go through the feed; the next connect starts a fresh live session. A HAR file or
     * journal holds no findings, so it is analysed here as {@code aei check} would. Blocks briefly.
     */
    public synchronized void view(Fixture loaded) {
        feed.show(loaded.session()); // the live sockets closing below must not reach the file's panels
        SessionConnector old = connector;
        connector = null;
        connectorSettings = null;
        if (old != null) {
            old.close();
        }
        List<Finding> findings = loaded.kind() == FileKind.FIXTURE ? loaded.findings()
                : SessionReplay.analyze(loaded.session(), new Analyzer(decoder, RuleConfig.defaults(), null),
                        loaded.endsOpen());
        session = loaded.session();
        Fixture whole = Fixture.of(loaded.session(), findings);
        saveable = () -> whole;
        analyzer = null;
        feed.enqueueAll(loaded.session(), findings, decoder);
    }

    /**
     * Starts replaying a loaded file into a fresh session that the feed and a new analysis listen
     * to, so frames and findings appear as they did; the caller plays or steps the returned replayer.
     */
    public synchronized Replayer replay(Fixture recording) {
        Session target = Replayer.freshTarget(recording.session());
        decoder = decoderOrCurrent(recording.session().info().profile());
        Analyzer rules = new Analyzer(decoder, RuleConfig.defaults(), null);
        feed.attach(target, rules);
        session = target;
        analyzer = null; // not a live session: the next connect starts a fresh one
        return new Replayer(recording, target, rules);
    }

    /** Starts writing a journal of the session into the folder; blocks on file I/O. */
    public Path startRecording(Path folder) throws IOException {
        Session current = session;
        if (current == null) {
            throw new IOException("There is nothing to record yet: connect a user first.");
        }
        stopRecording();
        Path file = folder.resolve("session-" + FILE_TIME.format(LocalDateTime.now()) + ".jsonl");
        journal = JournalWriter.open(file, current);
        return file;
    }

    /** Stops the journal (if any), flushing it; blocks on file I/O. */
    public void stopRecording() throws IOException {
        JournalWriter current = journal;
        journal = null;
        if (current != null) {
            current.close();
        }
    }

    /** The decoder of what is shown (the live session's event profile, or the opened file's). */
    public EventDecoder decoder() {
        return decoder;
    }

    /** True when connecting with these settings needs a new live session: the event profile changed. */
    public boolean startsNewSession(AppSettings settings) {
        Session live = session;
        return analyzer != null && live != null && !live.info().profile().equals(settings.profile());
    }

    /** Closes the live session's sockets; the next connect starts a fresh session. Blocks briefly. */
    public synchronized void endLive() {
        SessionConnector old = connector;
        connector = null;
        connectorSettings = null;
        analyzer = null;
        if (old != null) {
            old.close();
        }
    }

    /** The live session, or null before the first connect. */
    public Session session() {
        return session;
    }

    /** The backend the app started, or null. */
    public ReferenceBackend backend() {
        return backend;
    }

    /** Runs blocking work off the FX thread. */
    public void runInBackground(Runnable work) {
        background.execute(work);
    }

    private synchronized SessionConnector connectorFor(AppSettings settings) throws AuthException {
        if (connector != null && settings.forConnecting().equals(connectorSettings)) {
            return connector;
        }
        URI server = serverUri(settings);
        Session live = sessionFor(server, settings);
        String secret = settings.embeddedBackend() ? backend.config().secret() : settings.secret();
        ClientProfile client = ClientProfile.load(settings.profile());
        SessionConnector fresh = new SessionConnector(live, connectionSettings(server, settings, client),
                TokenSources.of(settings, secret, new TokenClaims(client.claims())), client);
        fresh.addStateListener(states);
        SessionConnector old = connector;
        connector = fresh;
        connectorSettings = settings.forConnecting();
        if (old != null) {
            background.execute(old::close);
        }
        return fresh;
    }

    private ConnectionSettings connectionSettings(URI server, AppSettings settings, ClientProfile client) {
        AuthMode mode = AuthMode.parse(settings.authMode());
        ConnectionSettings plain = ConnectionSettings.of(server, mode);
        if (mode != AuthMode.TICKET) {
            return plain;
        }
        URI tickets = settings.embeddedBackend() ? backend.webClientTicketUrl()
                : ticketUrl(server, settings.ticketUrl(), client);
        return new ConnectionSettings(server, mode, tickets, plain.pingInterval(), plain.maxFrameBytes());
    }

    /** The typed ticket URL, or the profile's ticket path on the WebSocket server's host over HTTP(S). */
    static URI ticketUrl(URI server, String typed, ClientProfile client) {
        URI explicit = null;
        if (!typed.isBlank()) {
            try {
                explicit = URI.create(typed.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The ticket URL is not valid: " + typed, e);
            }
        }
        URI resolved = TicketUrls.resolve(server, explicit, client.ticket());
        if (resolved == null) {
            throw new IllegalArgumentException("Type the ticket URL: the event profile names no ticket path");
        }
        return resolved;
    }

    private URI serverUri(AppSettings settings) {
        if (settings.embeddedBackend()) {
            if (backend == null) {
                throw new IllegalStateException("The embedded backend is not running");
            }
            return backend.webSocketUrl();
        }
        try {
            return URI.create(settings.serverUrl());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The server URL is not valid: " + settings.serverUrl(), e);
        }
    }

    /** The one session of this run; lanes are per user, so changing servers keeps adding to it. */
    private Session sessionFor(URI server, AppSettings settings) {
        if (session == null || analyzer == null || !session.info().profile().equals(settings.profile())) {
            decoder = decoderFor(settings.profile());
            Session fresh = Session.start(server.toString(), settings.authMode(), settings.profile());
            Analyzer rules = new Analyzer(decoder, RuleConfig.defaults(), null);
            feed.attach(fresh, rules);
            analyzer = rules;
            unsaved = false;
            saveable = () -> Fixture.of(fresh, rules.findings());
            boolean first = session == null;
            session = fresh;
            if (first) {
                ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
            }
        }
        return session;
    }

    /** The decoder of a profile (shipped name or file), loaded once. */
    private EventDecoder decoderFor(String profile) {
        try {
            return decoders.computeIfAbsent(profile, name -> new EventDecoder(Profile.load(name)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The event profile " + profile + " could not be loaded: "
                    + e.getMessage(), e);
        }
    }

    /** A file's own profile when it can be loaded, else the one in use (a file may name a profile file elsewhere). */
    private EventDecoder decoderOrCurrent(String profile) {
        try {
            return profile == null || profile.isBlank() ? decoder : decoderFor(profile);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}; reading the file with the {} profile", e.getMessage(), decoder.profile().name());
            return decoder;
        }
    }

    /** Lets time-driven rules fire; under the session's lock, which serialises every append too. */
    private void tick() {
        Session live = session;
        Analyzer rules = analyzer;
        if (live != null && rules != null) {
            synchronized (live) {
                rules.tick(live.clock().next());
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            stopRecording();
        } catch (IOException e) {
            LOG.warn("The journal could not be closed cleanly: {}", e.getMessage());
        }
        SessionConnector current = connector;
        if (current != null) {
            current.close();
        }
        if (backend != null) {
            backend.close();
        }
        background.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
