package dev.aei.inspect;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.Finding;
import dev.aei.analysis.RuleConfig;
import dev.aei.auth.AuthException;
import dev.aei.auth.Redactor;
import dev.aei.auth.TestUser;
import dev.aei.capture.JournalWriter;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.FixtureException;
import dev.aei.fixture.Progress;
import dev.aei.fixture.Replayer;
import dev.aei.fixture.SessionFiles;
import dev.aei.net.LaneState;
import dev.aei.net.SentPrompt;
import dev.aei.net.SessionConnector;
import dev.aei.protocol.EventDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inspection's session life, for the window and the command line alike: a live session (its
 * sockets, its one analysis, its journal), or an opened file shown whole, or that file replayed;
 * and back to a fresh live session. Every frame is decoded once, by the session's analysis (or, for
 * a fixture that brings its findings, by one pass), and published with the findings to the
 * {@link InspectionListener}s; what is shown and its time range are published as {@link Shown}.
 *
 * <p>Calls may block briefly (sockets closing, files written): keep them off a UI thread.
 */
public final class Inspection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Inspection.class);

    private final Decoders decoders;
    private final Publisher out = new Publisher();
    /** What is shown; a switch and the items of the session shown pass one lock there. */
    private final Showing showing = new Showing(out);
    /** Reads the frames of what is shown; before anything is, the default profile's. */
    private volatile EventDecoder decoder;
    private volatile LiveSession live;
    private final LiveTicker ticker = new LiveTicker(() -> live);
    /** The opened file with its findings, while it (or its replay) is shown. */
    private volatile Fixture viewed;
    private volatile JournalWriter journal;
    /** The rules an opened file and its replay are judged by (a live session brings its own). */
    private volatile RuleConfig fileRules = RuleConfig.defaults();
    /** The live session holds prompts or frames sent since it was last saved. */
    private volatile boolean unsaved;

    /**
     * @param decoders       where profiles are loaded
     * @param defaultProfile the profile frames are read with before a session or file says otherwise;
     *                       netra when it cannot be loaded (the next connect explains why)
     */
    public Inspection(Decoders decoders, String defaultProfile) {
        this.decoders = decoders;
        this.decoder = decoders.decoder("netra", RuleConfig.DEFAULT_MAX_FRAME_BYTES);
        this.decoder = decoderOr(defaultProfile, RuleConfig.DEFAULT_MAX_FRAME_BYTES);
    }

    /** Judges files opened (and replayed) from now on by these rules, e.g. with the user's prompt markers. */
    public void setFileRules(RuleConfig rules) {
        fileRules = rules;
    }

    /** Told from now on about what is shown and everything it publishes. */
    public void addListener(InspectionListener listener) {
        out.listeners.add(listener);
    }

    /** Told (on network threads) about every lane state change of every live connector. */
    public void addStateListener(BiConsumer<String, LaneState> listener) {
        out.stateListeners.add(listener);
    }

    /** What is shown now. */
    public Shown shown() {
        return showing.shown();
    }

    /** The session shown now (a replay's fresh target while replaying), or null. */
    public Session session() {
        return showing.shown().session();
    }

    /** The decoder of what is shown: the live session's profile, or the opened file's. */
    public EventDecoder decoder() {
        return decoder;
    }

    // ---- live ----

    /**
     * The live session for these settings, shown from now on: the current one while it talks to the
     * same server and reads frames the same way, else a fresh one (the old one's sockets are closed).
     * Connects nobody.
     */
    public synchronized Session startLive(LiveSettings settings) {
        LiveSession current = live;
        if (current != null && !current.needsFreshSession(settings) && shown().mode() == Mode.LIVE) {
            return current.session();
        }
        leaveFileOrLive();
        EventDecoder fresh = decoders.decoder(settings.profile(), settings.maxFrameBytes());
        Session session = Session.start(Redactor.message(settings.server().toString()), settings.auth().label(),
                settings.profile());
        Analyzer analyzer = new Analyzer(fresh, settings.rules(), null);
        showing.publishAnalysed(session, analyzer);
        live = new LiveSession(session, analyzer, settings);
        unsaved = false;
        decoder = fresh;
        showing.show(Shown.live(session));
        ticker.start();
        return session;
    }

    /** True when connecting with these settings starts a fresh live session (another server, profile or rules). */
    public boolean startsNewSession(LiveSettings settings) {
        LiveSession current = live;
        return current != null && current.needsFreshSession(settings);
    }

    /**
     * Signs in the users not yet connected (or connecting) on the live session for these settings;
     * users already in keep their sockets, unless the settings connect another way (another auth or
     * token): then every socket is closed first and everyone signs in anew. Completes when each
     * has connected or failed.
     */
    public CompletableFuture<Void> connect(LiveSettings settings, Collection<TestUser> users) throws AuthException {
        startLive(settings);
        List<SessionConnector> replaced = new ArrayList<>(1);
        SessionConnector connector = live.connectorFor(settings, fresh -> fresh.addStateListener(out::laneState),
                replaced::add);
        // The old sockets close before the new ones try: both write to the same lanes, and a late close would
        // leave a user "closed" who is connecting, and could hide the new attempt's failure.
        replaced.forEach(SessionConnector::close);
        List<TestUser> waiting = new ArrayList<>();
        for (TestUser user : users) {
            LaneState now = connector.state(user.lane()); // by lane: a user may have several tabs
            if (now.status() == LaneState.Status.CONNECTED || now.status() == LaneState.Status.CONNECTING) {
                out.laneState(user.lane(), now); // its socket is kept
            } else {
                waiting.add(user);
            }
        }
        return connector.connectAll(waiting);
    }

    /** A user's connection state on the live session. */
    public LaneState state(String userId) {
        SessionConnector connector = connector();
        return connector == null ? LaneState.IDLE : connector.state(userId);
    }

    /** Closes one user's socket normally. */
    public void disconnect(String userId) {
        SessionConnector connector = connector();
        if (connector != null) {
            connector.disconnect(userId);
        }
    }

    /** Closes every live socket normally and waits (bounded) until each close is recorded. */
    public void disconnectAll() {
        SessionConnector connector = connector();
        if (connector != null) {
            connector.disconnectAll();
        }
    }

    /**
     * Closes every live socket because the wait for runs gave up: each close is recorded as such
     * (with this reason), so runs still open are incomplete, live and in every later check.
     */
    public void giveUp(String reason) {
        SessionConnector connector = connector();
        if (connector != null) {
            connector.disconnectAll(reason, LaneEvent.ClosedBy.INSPECTOR_GAVE_UP);
        }
    }

    /**
     * Sends a prompt to the users at the same instant as the template {@code sendAs} (null: the
     * profile's own choice); users not connected are skipped.
     */
    public List<SentPrompt> sendPrompt(Collection<String> userIds, String prompt, String sendAs) {
        SessionConnector connector = requireConnector();
        List<SentPrompt> sent = connector.sendPrompt(userIds, prompt,
                sendAs == null ? null : connector.client().template(sendAs));
        unsaved |= !sent.isEmpty();
        return sent;
    }

    /** Sends a text frame exactly as given on a user's socket (recorded as an OUT frame). */
    public void sendRaw(String userId, String text) {
        requireConnector().send(userId, text);
        unsaved = true;
    }

    /**
     * Lets the live session's time-driven rules fire now (unanswered prompts time out even when
     * nothing arrives) and returns the session stamp they fired at; -1 without a live session.
     */
    public long tickLive() {
        LiveSession current = live;
        return current == null ? -1 : current.tick();
    }

    /** The live analysis, or null while no live session is shown. */
    public Analyzer analyzer() {
        LiveSession current = live;
        return current == null ? null : current.analyzer();
    }

    /**
     * Ends the live analysis at the session clock's last stamp and returns its findings; with
     * {@code openRunsIncomplete} (the wait for runs gave up) runs still open are incomplete.
     */
    public List<Finding> finishLive(boolean openRunsIncomplete) {
        LiveSession current = live;
        return current == null ? List.of() : current.finish(openRunsIncomplete);
    }

    /** Closes the live sockets; the next connect starts a fresh session. */
    public synchronized void endLive() {
        LiveSession current = live;
        live = null;
        if (current != null) {
            current.close();
        }
    }

    // ---- journal ----

    /**
     * Starts writing the live session's journal to {@code file} (everything so far first); a file that
     * exists is never written over (it may be someone's evidence): that is an error.
     */
    public synchronized Path startJournal(Path file) throws IOException {
        LiveSession current = live;
        if (current == null || shown().mode() != Mode.LIVE) {
            throw new IOException("There is nothing to record yet: connect a user first.");
        }
        if (Files.exists(file)) {
            throw new IOException(file + " exists; a journal never writes over another file");
        }
        stopJournal();
        journal = JournalWriter.open(file, current.session());
        return file;
    }

    /** Stops the journal (if any), flushing it. */
    public void stopJournal() throws IOException {
        JournalWriter current = journal;
        journal = null;
        if (current != null) {
            current.close();
        }
    }

    // ---- files ----

    /**
     * Shows a loaded file whole instead of the live session, whose sockets are closed. A fixture
     * brings its findings; a HAR or journal is analysed here as {@code aei check} would.
     */
    public synchronized void view(Path file, Fixture loaded) {
        leaveFileOrLive();
        Session session = loaded.session();
        decoder = decoderOr(session.info().profile(), decoder.maxFrameBytes());
        showing.show(Shown.file(file, loaded.kind(), session));
        List<Finding> findings = FileReading.publish(loaded, decoder, fileRules, showing.gateFor(session));
        viewed = new Fixture(session, findings, loaded.redacted(), loaded.kind(), loaded.problems());
    }

    /**
     * Starts replaying the shown file into a fresh session with a fresh analysis, shown from now on,
     * so frames and findings appear as they did; the caller plays or steps the returned replayer.
     *
     * @throws IllegalStateException when no file is shown
     */
    public synchronized Replayer replay() {
        Fixture recording = viewed;
        if (recording == null) {
            throw new IllegalStateException("Open a fixture, journal or HAR file first.");
        }
        Session target = Replayer.freshTarget(recording.session());
        Analyzer analyzer = new Analyzer(decoder, fileRules, null);
        showing.publishAnalysed(target, analyzer);
        showing.show(shown().replayedInto(target));
        return new Replayer(recording, target, analyzer);
    }

    // ---- saving ----

    /** What a save writes: the live session with its findings so far, or the opened file whole; null before either. */
    public Fixture fixture() {
        if (shown().showsFile()) {
            return viewed;
        }
        LiveSession current = live;
        return current == null ? null : Fixture.of(current.session(), current.analyzer().findings());
    }

    /** Saves what {@link #fixture()} gives as a fixture or HAR file (redacted). */
    public void save(Path file, Progress progress) throws FixtureException {
        boolean liveShown = shown().mode() == Mode.LIVE;
        Fixture current = fixture();
        if (current == null) {
            throw new FixtureException("There is nothing to save yet: connect a user or open a file first.");
        }
        SessionFiles.defaults().save(current, file, progress);
        if (liveShown) {
            unsaved = false;
        }
    }

    /**
     * True when leaving the live session would lose work: the user sent something in it since it was
     * last saved, and no journal keeps it on disk.
     */
    public boolean hasUnsavedWork() {
        return unsaved && shown().mode() == Mode.LIVE && journal == null;
    }

    @Override
    public synchronized void close() {
        ticker.close();
        try {
            stopJournal();
        } catch (IOException e) {
            LOG.warn("The journal could not be closed cleanly: {}", e.getMessage());
        }
        endLive();
    }

    // ---- inside ----

    /** Leaves what is shown: the live sockets are closed and a shown file is let go. */
    private void leaveFileOrLive() {
        try {
            stopJournal();
        } catch (IOException e) {
            LOG.warn("The journal could not be closed cleanly: {}", e.getMessage());
        }
        endLive();
        viewed = null;
    }

    private SessionConnector connector() {
        LiveSession current = live;
        return current == null ? null : current.connector();
    }

    private SessionConnector requireConnector() {
        SessionConnector connector = connector();
        if (connector == null) {
            throw new IllegalStateException("nobody is connected yet");
        }
        return connector;
    }

    /** A file's own profile when it can be loaded, else the one in use (a file may name a profile file elsewhere). */
    private EventDecoder decoderOr(String profile, int maxFrameBytes) {
        try {
            return profile == null || profile.isBlank() ? decoder : decoders.decoder(profile, maxFrameBytes);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}; reading with the {} profile", e.getMessage(), decoder.profile().name());
            return decoder;
        }
    }
}
