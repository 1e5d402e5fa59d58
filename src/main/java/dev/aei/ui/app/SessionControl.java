package dev.aei.ui.app;

import dev.aei.analysis.RuleConfig;
import dev.aei.auth.AuthException;
import dev.aei.auth.TestUser;
import dev.aei.capture.JournalWriter;
import dev.aei.fixture.BrowserHar;
import dev.aei.inspect.Decoders;
import dev.aei.inspect.Inspection;
import dev.aei.inspect.LiveSettings;
import dev.aei.inspect.TokenSettings;
import dev.aei.net.AuthMode;
import dev.aei.net.LaneState;
import dev.aei.net.ReconnectPolicy;
import dev.aei.net.SentPrompt;
import dev.aei.protocol.CanaryPatterns;
import dev.aei.protocol.Profile;
import dev.aei.server.BackendConfig;
import dev.aei.server.FaultRule;
import dev.aei.server.ReferenceBackend;
import dev.aei.ui.composer.ComposerViewModel;
import dev.aei.ui.settings.AppSettings;
import dev.aei.ui.settings.NetworkPrefs;
import dev.aei.ui.signin.Connections;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's handle on its {@link Inspection}: runs the inspection's blocking calls off the FX
 * thread, turns the sign-in panel's settings into {@link LiveSettings}, and owns the embedded
 * reference backend the app starts with.
 */
public final class SessionControl implements Connections, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionControl.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "aei-ui-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final Inspection inspection;
    private final BiConsumer<String, LaneState> states;
    private volatile ReferenceBackend backend;
    private volatile CanaryPatterns markers = CanaryPatterns.DEFAULT;
    private final List<Consumer<URI>> servers = new CopyOnWriteArrayList<>();

    /**
     * @param profile the event profile frames are read with until the user picks another
     * @param states  told (on network threads) about every lane state change
     */
    public SessionControl(String profile, BiConsumer<String, LaneState> states) {
        this.inspection = new Inspection(new Decoders(), profile);
        this.states = states;
        inspection.addStateListener(states);
    }

    /** The inspection behind the window. */
    public Inspection inspection() {
        return inspection;
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

    /** Tells {@code listener} (on a background thread) the server each connect goes to. */
    public void addServerListener(Consumer<URI> listener) {
        servers.add(listener);
    }

    /** The backend the app started, or null. */
    public ReferenceBackend backend() {
        return backend;
    }

    @Override
    public boolean connect(AppSettings settings, Collection<TestUser> users) {
        background.execute(() -> {
            try {
                useSettings(settings);
                LiveSettings live = liveSettings(settings);
                servers.forEach(listener -> listener.accept(live.server()));
                inspection.connect(live, users);
            } catch (AuthException | RuntimeException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                users.forEach(u -> states.accept(u.lane(), new LaneState(LaneState.Status.FAILED, 0, reason)));
            }
        });
        return true;
    }

    @Override
    public void disconnect(String userId) {
        background.execute(() -> inspection.disconnect(userId));
    }

    @Override
    public void disconnectAll() {
        background.execute(inspection::disconnectAll);
    }

    /** Tells the state listener the users' states as they are (e.g. after a connect did not happen). */
    public void showStates(Collection<TestUser> users) {
        background.execute(() -> users.forEach(u -> states.accept(u.lane(), inspection.state(u.lane()))));
    }

    /** True when connecting with these settings starts a fresh live session (another server, profile or rules). */
    public boolean startsNewSession(AppSettings settings) {
        try {
            return inspection.startsNewSession(liveSettings(settings));
        } catch (RuntimeException e) {
            return false; // the connect itself says what is wrong
        }
    }

    /**
     * Sends a prompt to the users at the same instant as the profile's template {@code sendAs} (null:
     * the profile's own choice), or the text exactly as typed when {@code sendAs} is
     * {@link ComposerViewModel#RAW}; blocks briefly, so call it off the FX thread.
     */
    public List<SentPrompt> sendPrompt(Collection<String> userIds, String prompt, String sendAs) {
        if (!ComposerViewModel.RAW.equals(sendAs)) {
            return inspection.sendPrompt(userIds, prompt, sendAs);
        }
        List<SentPrompt> sent = new ArrayList<>();
        for (String user : userIds) {
            inspection.sendRaw(user, prompt);
            sent.add(new SentPrompt(user, null, null, prompt, -1));
        }
        return sent;
    }

    /** Installs a fault plan on the embedded backend. */
    public void setFaults(List<FaultRule> faults) {
        ReferenceBackend current = backend;
        if (current != null) {
            current.setFaults(faults);
        }
    }

    /** Starts writing a journal of the live session into the folder; blocks on file I/O. */
    public Path startRecording(Path folder) throws IOException {
        return inspection.startJournal(JournalWriter.unusedName(
                folder.resolve("session-" + FILE_TIME.format(LocalDateTime.now()) + ".jsonl")));
    }

    /** Files opened from now on are judged as these settings say (their prompt marker formats). */
    public void useSettings(AppSettings settings) {
        markers = new CanaryPatterns(settings.canaries());
        inspection.setFileRules(rules(settings));
    }

    /**
     * How a browser's HAR is read: it names no protocol, so with the profile {@code chosen} in the
     * settings, else (that one unreadable) the profile in use.
     */
    public BrowserHar browserHar(String chosen) {
        try {
            return BrowserHar.readWith(Profile.load(chosen));
        } catch (RuntimeException e) {
            LOG.debug("profile {} not readable; the HAR is read with the profile in use", chosen, e);
            return BrowserHar.readWith(inspection.decoder().profile());
        }
    }

    /** The prompt marker formats of the settings last used to connect or open a file. */
    public CanaryPatterns markers() {
        return markers;
    }

    /** The rules the settings ask for: the defaults, with the user's prompt marker formats. */
    private static RuleConfig rules(AppSettings settings) {
        return RuleConfig.defaults().withCanaries(settings.canaries());
    }

    /** Runs blocking work off the FX thread. */
    public void runInBackground(Runnable work) {
        background.execute(work);
    }

    /**
     * The live settings the sign-in panel's settings describe; the embedded backend brings its own
     * server, secret and ticket endpoint.
     */
    LiveSettings liveSettings(AppSettings settings) {
        AuthMode auth = AuthMode.parse(settings.authMode());
        if (settings.embeddedBackend()) {
            ReferenceBackend embedded = backend;
            if (embedded == null) {
                throw new IllegalStateException("The embedded backend is not running");
            }
            return withNetwork(LiveSettings.of(embedded.webSocketUrl(), auth, settings.profile(),
                    TokenSettings.secret(embedded.config().secret())).withTicketUrl(embedded.webClientTicketUrl())
                    .withRules(rules(settings)), settings.network());
        }
        return withNetwork(LiveSettings.of(uri(settings.serverUrl(), "server URL"), auth, settings.profile(),
                        tokens(settings))
                .withTicketUrl(settings.ticketUrl().isBlank() ? null : uri(settings.ticketUrl(), "ticket URL"))
                .withRules(rules(settings)), settings.network());
    }

    /** The settings with the app-wide socket preferences: pings, the frame size limit, reconnects. */
    private static LiveSettings withNetwork(LiveSettings s, NetworkPrefs net) {
        return new LiveSettings(s.server(), s.auth(), s.ticketUrl(), s.profile(), s.client(), s.tokens(),
                Duration.ofSeconds(net.pingSeconds()), net.maxFrameBytes(),
                net.reconnect() ? ReconnectPolicy.defaults() : ReconnectPolicy.OFF, s.tls(), s.rules());
    }

    private static TokenSettings tokens(AppSettings settings) {
        return switch (settings.tokenMode()) {
            case AppSettings.TOKEN_KEY_FILE -> TokenSettings.keyFile(Path.of(settings.keyFile()), settings.algorithm());
            case AppSettings.TOKEN_LOGIN -> TokenSettings.login(uri(settings.loginUrl(), "login URL"), settings.secret());
            default -> TokenSettings.secret(settings.secret());
        };
    }

    private static URI uri(String text, String what) {
        try {
            return URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The " + what + " is not valid: " + text, e);
        }
    }

    @Override
    public void close() {
        inspection.close();
        if (backend != null) {
            backend.close();
        }
        background.shutdownNow();
    }
}
