package dev.aei.analysis;

import dev.aei.capture.CaptureListener;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.CanaryPattern;
import dev.aei.protocol.CanaryPatterns;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.EventRole;
import dev.aei.protocol.EventText;
import dev.aei.protocol.Profile;
import dev.aei.protocol.RecentMarkers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Runs every enabled rule over a session's frames as they are appended (live) or replayed
 * (offline, in stamp order); the same frames give the same findings either way, because
 * time-driven rules advance on every stamp they see as well as on {@link #tick(long)}.
 *
 * <p>Per incoming event: isolation first (a foreign run's events are reported once as a leak
 * and kept out of the lane's ordering), then seq, then duplicates (a redelivered event is
 * reported once and kept out of timing and ordering), then timing and the client contract, then
 * the run's ordering. Outgoing frames open threads and register canary markers for their lane.
 *
 * <p>Thread-safe. Live, a session's threads only hand frames, connection events and ticks over
 * (a {@link Backlog}); they are analysed in that order on a worker thread, or by any reader of the
 * analysis (findings, open runs, waiting prompts, finish), which first catches up with everything
 * handed over before it. So a reader sees every frame appended before its call, and listeners and
 * sinks are called on whichever of those threads analysed the frame.
 */
public final class Analyzer implements CaptureListener {
    /**
     * The close reason the inspector gives when it stopped waiting for runs to complete; the close
     * itself is recorded as {@link LaneEvent.ClosedBy#INSPECTOR_GAVE_UP}.
     */
    public static final String GAVE_UP_REASON = "gave up waiting for the runs";
    /**
     * A lane claim saying the lane's user is not known from a token (a browser capture with an
     * opaque ticket, an anonymous socket): the server's identity for it cannot be checked.
     */
    public static final String UNVERIFIED_CLAIM = "aei_identity_unverified";

    private final EventDecoder decoder;
    private final RuleConfig config;
    private final FindingLog log;
    private final CanaryPatterns canaries;
    /** A replay's decoding threads answer most frames' prompt markers from here. */
    private final RecentMarkers recentMarkers = new RecentMarkers();
    private final Ownership ownership = new Ownership();
    private final IsolationRules isolation;
    private final RunRules runs;
    private final SeqRules seq;
    private final DeliveryRules delivery;
    private final ConnectionRules connections;
    private final PromptRules prompts;
    private final ContractRules contracts;
    private final Profile profile;
    /** Every lane seen so far, by id: its user (a user signed in twice has two lanes). */
    private final Map<String, LaneInfo> lanes = new HashMap<>();
    private final List<DecodedFrameListener> decodedListeners = new CopyOnWriteArrayList<>();
    private final Backlog backlog;
    /**
     * Analyses what a catch-up takes from the backlog, under this analyzer's lock; a rule or
     * listener bug must never stop the analysis of what follows.
     */
    private final Backlog.Taker taker = new Backlog.Taker() {
        @Override
        public void frame(Lane lane, Frame frame, List<AgentEvent> events) {
            analyseGuarded(lane, frame, events, null);
        }

        @Override
        public void laneEvent(Lane lane, LaneEvent event) {
            try {
                Analyzer.this.laneEvent(lane, event);
            } catch (RuntimeException e) {
                internalErrors++;
            }
        }

        @Override
        public void tick(long nanos) {
            try {
                advance(nanos);
            } catch (RuntimeException e) {
                internalErrors++;
            }
        }
    };
    private int internalErrors;

    public Analyzer(EventDecoder decoder, RuleConfig config, Consumer<Finding> sink) {
        this.decoder = decoder;
        this.config = config;
        this.log = new FindingLog(config);
        if (sink != null) {
            log.addSink(sink);
        }
        this.profile = decoder.profile();
        this.canaries = new CanaryPatterns(config.canaries());
        this.isolation = new IsolationRules(ownership, log, this::userOf, profile.userEventsToAllConnections());
        this.runs = new RunRules(log, config.runTimeout(), new RoleNames(profile), profile.grammar());
        this.seq = new SeqRules(log, config.reorderWindow());
        this.delivery = new DeliveryRules(log, config, profile.grammar().runs().duplicates());
        this.prompts = new PromptRules(log, config.answerTimeout());
        this.connections = new ConnectionRules(log, runs, seq, prompts);
        this.contracts = new ContractRules(log, profile.contract(), config.runTimeout());
        this.backlog = new Backlog(this, decoder, taker); // this analyzer's lock guards what it takes
    }

    /** An analyzer reading frames with {@code profile}, flagging frames over the config's size limit. */
    public static Analyzer create(Profile profile, RuleConfig config, Consumer<Finding> sink) {
        return new Analyzer(new EventDecoder(profile, config.maxFrameBytes()), config, sink);
    }

    public RuleConfig config() {
        return config;
    }

    public EventDecoder decoder() {
        return decoder;
    }

    /** Also tells {@code sink} about every finding raised from now on (called on the feeding thread). */
    public void addSink(Consumer<Finding> sink) {
        log.addSink(sink);
    }

    /** Also tells {@code listener} about every frame from now on, with the events decoded from it. */
    public void addDecodedListener(DecodedFrameListener listener) {
        decodedListeners.add(listener);
    }

    /** Hands the frame over for analysis (see the class comment); returns at once. */
    @Override
    public void frameAppended(Lane lane, Frame frame) {
        backlog.add(new Backlog.FrameItem(lane, frame));
    }

    /** Hands the connection event over for analysis; returns at once. */
    @Override
    public void laneEventAppended(Lane lane, LaneEvent event) {
        backlog.add(new Backlog.LaneEventItem(lane, event));
    }

    /**
     * Lets time-driven rules (run-incomplete, seq gaps) fire at this session-clock instant, after
     * everything handed over before; returns at once.
     */
    public void tick(long nanos) {
        backlog.add(new Backlog.TickItem(nanos));
    }

    /**
     * Analyses everything handed over and not analysed yet, oldest first, on the calling thread
     * (a step of a replay is seen whole when the step returns).
     */
    public void catchUp() {
        backlog.read(() -> null);
    }

    /**
     * A frame whose events this analyzer's decoder read already (ahead of the rules, offline), with
     * the prompt markers in its text ({@link #markersIn}) or null to find them here.
     */
    synchronized void decodedFrameAppended(Lane lane, Frame frame, List<AgentEvent> events,
                                           List<CanaryPattern.Marker> markers) {
        backlog.takeAll(); // the lock is held already: no need to announce a reader
        analyseGuarded(lane, frame, events, markers);
    }

    /**
     * Every prompt marker in a frame's text, for {@link #decodedFrameAppended}: thread-safe, so a
     * replay finds them on the thread that decoded the frame, while its text is still in that
     * core's cache.
     */
    List<CanaryPattern.Marker> markersIn(Frame frame) {
        return canaries.findAll(frame.text(), recentMarkers);
    }

    /**
     * Before a replay feeds a run of decoded frames (their events, null for an item that is no
     * frame): loads what the duplicate check will look up for them, all at once (see
     * {@link DeliveryRules#touch}). Only a hint, which changes nothing the rules find.
     */
    synchronized long touchAhead(List<List<AgentEvent>> frames) {
        long sum = 0;
        for (List<AgentEvent> events : frames) {
            for (int i = 0; events != null && i < events.size(); i++) {
                sum += delivery.touch(events.get(i));
            }
        }
        return sum;
    }

    private void analyseGuarded(Lane lane, Frame frame, List<AgentEvent> events, List<CanaryPattern.Marker> markers) {
        try {
            analyse(lane, frame, events, markers);
        } catch (RuntimeException e) {
            internalErrors++; // a rule bug must never stop the capture that called us
        }
    }

    private void analyse(Lane lane, Frame frame, List<AgentEvent> events, List<CanaryPattern.Marker> markers) {
        if (!decodedListeners.isEmpty()) { // an offline analysis has none: no iterator per frame
            for (DecodedFrameListener listener : decodedListeners) {
                listener.frameDecoded(lane, frame, events);
            }
        }
        advance(frame.nanos());
        LaneInfo info = seen(lane);
        if (frame.direction() == Direction.OUT) {
            for (AgentEvent e : events) {
                ownership.openThread(e.threadId(), lane.id());
            }
            for (AgentEvent e : events) {
                if (profile.isPrompt(e.type())) {
                    prompts.prompted(e);
                }
            }
            for (CanaryPattern.Marker marker : markers != null ? markers : canaries.findAll(frame.text())) {
                ownership.sentCanary(marker.text(), lane.id());
            }
            return;
        }
        List<MarkerOwner> foreign = foreignMarkers(info, markers != null ? markers
                : canaries.findAll(frame.text(), info.ownMarker)); // its own marker needs no answer
        boolean anyMatched = false;
        for (int i = 0; i < events.size(); i++) {
            AgentEvent e = events.get(i);
            List<MarkerOwner> carried = markersOf(e, events.size(), foreign);
            anyMatched |= !carried.isEmpty();
            if (!anyMatched && i == events.size() - 1 && !foreign.isEmpty()) {
                carried = foreign; // the marker sits outside every member: blame the frame's last event
            }
            accept(e, carried, frame.wallMillis());
        }
    }

    private void accept(AgentEvent e, List<MarkerOwner> markers, long wallMillis) {
        connections.frame(e);
        boolean foreignRun = isolation.judge(e, markers);
        seq.accept(e);
        if (foreignRun) {
            return;
        }
        boolean runEvent = e.role().isRunEvent();
        if ((runEvent || e.role() == EventRole.UNKNOWN) && delivery.duplicate(e)) {
            return;
        }
        delivery.timing(e, wallMillis);
        contracts.accept(e);
        if (profile.isServerError(e.type())) {
            prompts.serverError(e);
        }
        boolean ordered = runEvent && !(e.role() == EventRole.OTHER && profile.outsideRuns(e.type()));
        if (ordered && runs.accept(e)) {
            prompts.runStarted(e);
        }
    }

    /** A lane the analysis has seen: its id, its user, and the last marker it was found to own. */
    private static final class LaneInfo {
        final String id;
        final String user;
        /** A marker this lane sent itself, last seen in one of its frames (a run's events repeat it). */
        String ownMarker;

        LaneInfo(String id, String user) {
            this.id = id;
            this.user = user;
        }
    }

    /**
     * The lane's record; the first time a lane shows up, notes its user and says whether its identity
     * can be checked.
     */
    private LaneInfo seen(Lane lane) {
        LaneInfo info = lanes.get(lane.id());
        if (info != null) {
            return info;
        }
        info = new LaneInfo(lane.id(), lane.userId());
        lanes.put(lane.id(), info);
        isolation.laneSeen(lane.id(), lane.userId());
        if (Boolean.TRUE.equals(lane.claims().get(UNVERIFIED_CLAIM))) {
            isolation.unverified(lane.id());
        }
        return info;
    }

    /** The user of a lane: the one its connection signed in as (the lane id itself for a lane not seen). */
    private String userOf(String laneId) {
        LaneInfo info = lanes.get(laneId);
        return info != null ? info.user : laneId;
    }

    /**
     * Of the markers found in a received text, those that another lane sent or that name another
     * user, with their owners.
     */
    private List<MarkerOwner> foreignMarkers(LaneInfo lane, List<CanaryPattern.Marker> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        String laneUser = lane.user;
        List<MarkerOwner> foreign = List.of(); // most frames carry only their own lane's markers
        for (CanaryPattern.Marker marker : found) {
            if (marker.user() == null && marker.text().equals(lane.ownMarker)) {
                continue; // sent by this lane: its owner is fixed, so the answer is too
            }
            String ownerLane = ownership.canaryOwner(marker.text());
            String ownerUser = marker.user() != null ? marker.user() : ownerLane != null ? userOf(ownerLane) : null;
            boolean own = ownerUser == null
                    || ownerUser.equals(laneUser) && (ownerLane == null || ownerLane.equals(lane.id));
            if (own && marker.user() == null && lane.id.equals(ownerLane)) {
                lane.ownMarker = marker.text();
            }
            if (!own && foreign.stream().noneMatch(m -> m.marker().equals(marker.text()))) {
                if (foreign.isEmpty()) {
                    foreign = new ArrayList<>(found.size());
                }
                foreign.add(new MarkerOwner(marker.text(), ownerUser, ownerLane));
            }
        }
        return foreign;
    }

    private static List<MarkerOwner> markersOf(AgentEvent e, int eventsInFrame, List<MarkerOwner> foreign) {
        if (foreign.isEmpty() || eventsInFrame == 1) {
            return foreign;
        }
        EventText text = e.source();
        if (text == null) {
            return List.of();
        }
        return foreign.stream().filter(m -> text.contains(m.marker())).toList();
    }

    /** A connection event of an offline replay, analysed at once (after anything handed over before). */
    synchronized void laneEventReplayed(Lane lane, LaneEvent event) {
        backlog.takeAll();
        taker.laneEvent(lane, event);
    }

    private void laneEvent(Lane lane, LaneEvent event) {
        advance(event.nanos());
        seen(lane);
        connections.laneEvent(lane.id(), event);
    }

    /** How many frames or lane events a rule failed on (0 unless there is a bug); for diagnostics. */
    public int internalErrors() {
        return backlog.read(() -> internalErrors);
    }

    private void advance(long nanos) {
        log.at(nanos);
        runs.tick(nanos);
        seq.tick(nanos);
        prompts.tick(nanos);
        contracts.tick(nanos);
    }

    /**
     * Ends the analysis at {@code nanos}: seq gaps become final and runs past the timeout are
     * incomplete; runs still open are not (the capture simply stopped).
     */
    public void finish(long nanos) {
        finish(nanos, false);
    }

    /**
     * Ends the analysis; with {@code openRunsIncomplete} (an until-complete wait timed out) every
     * run still open is reported as {@code run-incomplete}.
     */
    public void finish(long nanos, boolean openRunsIncomplete) {
        backlog.read(() -> {
            advance(nanos);
            seq.finishAll();
            contracts.finishAll();
            if (openRunsIncomplete) {
                runs.abandonAll();
                prompts.abandonAll();
            }
            return null;
        });
    }

    /** How many prompts have started no run yet and are still in time. */
    public int waitingPrompts() {
        return backlog.read(prompts::waitingCount);
    }

    /** All findings so far, in the order they were raised (a snapshot, after catching up). */
    public List<Finding> findings() {
        return findings(0);
    }

    /** The findings raised after the first {@code from} ones, for readers that poll. */
    public List<Finding> findings(int from) {
        return backlog.read(() -> log.snapshot(from));
    }

    /** The runs that have started on their own lane and not ended yet, oldest first. */
    public List<OpenRun> openRuns() {
        return backlog.read(runs::openRuns);
    }

    /**
     * A run that has not ended.
     *
     * @param lane       the lane that owns it
     * @param runId      its id
     * @param firstFrame the lane frame of its first event
     */
    public record OpenRun(String lane, String runId, int firstFrame) {
    }
}
