package dev.aei.inspect;

import dev.aei.analysis.Analyzer;
import dev.aei.auth.AuthException;
import dev.aei.auth.Redactor;
import dev.aei.auth.TestUser;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.fixture.AnalysedSession;
import dev.aei.fixture.DecodedEvents;
import dev.aei.fixture.FixtureException;
import dev.aei.fixture.MessageRenewer;
import dev.aei.fixture.RecordingComparison;
import dev.aei.fixture.VerifyOptions;
import dev.aei.fixture.VerifyPlan;
import dev.aei.fixture.VerifyReport;
import dev.aei.net.LaneState;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.MessageTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * {@code verify} on an {@link Inspection}: re-sends a recording's client messages with fresh tokens,
 * canaries and thread ids to a live backend, captures what comes back as the inspection's live
 * session, and compares the two. Each frame is decoded once: a recorded one by the recording's
 * offline analysis, a live one by the live session's analysis, whose events arrive through the
 * inspection's listener and serve both for counting answers and for the comparison.
 */
public final class Verification {
    private static final long POLL_MILLIS = 20;

    private final Decoders decoders;
    private final VerifyOptions options;
    private final Consumer<String> log;

    /**
     * @param decoders where the event profile is loaded
     * @param options  how long to wait and how strictly to compare
     * @param log      told what is going on, a line at a time
     */
    public Verification(Decoders decoders, VerifyOptions options, Consumer<String> log) {
        this.decoders = decoders;
        this.options = options;
        this.log = log;
    }

    /**
     * Runs the recording against the live backend the settings describe, fetching tickets, replying
     * and pinging as their client profile says, and reports every difference. Recorded automatic
     * frames (replies and pings) are not re-sent: the live connector sends its own. With
     * {@code sendAs}, recorded prompts are re-sent in that template's shape.
     *
     * @throws FixtureException         when no user could connect, signing in failed, or the wait was interrupted
     * @throws IllegalArgumentException when the settings' event profile cannot be loaded
     */
    public VerifyReport verify(Session recorded, LiveSettings settings, MessageTemplate sendAs)
            throws FixtureException {
        return run(recorded, settings, sendAs).report();
    }

    /**
     * A finished verification with what it was made from.
     *
     * @param report          the differences
     * @param live            the live session
     * @param recordedDecoder what read the recorded frames
     * @param liveDecoder     what read the live frames
     */
    record Run(VerifyReport report, Session live, EventDecoder recordedDecoder, EventDecoder liveDecoder) {
    }

    /** Like {@link #verify}, keeping the live session and both decoders for a closer look. */
    Run run(Session recorded, LiveSettings settings, MessageTemplate sendAs) throws FixtureException {
        EventDecoder recordedDecoder = decoders.decoder(settings.profile(), settings.maxFrameBytes());
        VerifyPlan plan = VerifyPlan.analyse(recorded, new Analyzer(recordedDecoder, settings.rules(), null),
                settings.clientProfile().automaticTypes());
        String url = new Redactor().url(settings.server().toString());
        List<VerifyReport.Check> checks = new ArrayList<>();
        DecodedEvents liveEvents = new DecodedEvents();
        AnalysedSession live;
        EventDecoder liveDecoder;
        try (Inspection inspection = new Inspection(decoders, settings.profile())) {
            inspection.addListener(keepingIn(liveEvents));
            Session session = inspection.startLive(settings);
            Analyzer analysis = inspection.analyzer();
            liveDecoder = analysis.decoder();
            log.accept("connecting " + recorded.lanes().size() + " user(s) to " + url);
            connect(inspection, settings, plan.users(), url, checks);
            resend(inspection, plan, session, liveEvents, new MessageRenewer(sendAs));
            // then frames beyond the recording's: the waits per lane above already waited out open runs
            awaitQuietOr(liveEvents::answers, Integer.MAX_VALUE, () -> false);
            awaitPromptsDecided(session, analysis);
            if (plan.gaveUp()) {
                // as the recording did: its runs still open then were reported incomplete, so are these
                inspection.giveUp(Analyzer.GAVE_UP_REASON + " (as the recording did)");
            } else {
                inspection.disconnectAll();
            }
            // the recording's analysis ends open runs the same way: only a gave-up close makes them incomplete
            live = new AnalysedSession(session, liveEvents, inspection.finishLive(false));
        }
        log.accept("comparing " + live.session().frameCount() + " live frames with " + recorded.frameCount()
                + " recorded");
        checks.addAll(new RecordingComparison(options).compare(plan.recorded(), live));
        return new Run(new VerifyReport(checks), live.session(), recordedDecoder, liveDecoder);
    }

    /** Keeps the events the live analysis decoded from every frame of the shown session. */
    private static InspectionListener keepingIn(DecodedEvents events) {
        return new InspectionListener() {
            @Override
            public void frameDecoded(Lane lane, Frame frame, List<AgentEvent> decoded) {
                events.frameDecoded(lane, frame, decoded);
            }
        };
    }

    private void connect(Inspection inspection, LiveSettings settings, List<TestUser> users, String url,
                         List<VerifyReport.Check> checks) throws FixtureException {
        try {
            inspection.connect(settings, users).get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // each user's state below says what happened to it
        } catch (AuthException e) {
            throw new FixtureException("signing in failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FixtureException("interrupted while connecting", e);
        }
        int connected = 0;
        List<String> reasons = new ArrayList<>();
        for (TestUser user : users) {
            LaneState state = inspection.state(user.lane());
            if (state.status() == LaneState.Status.CONNECTED) {
                connected++;
            } else {
                String reason = user.lane() + ": could not connect (" + state.status().name().toLowerCase(Locale.ROOT)
                        + (state.detail().isEmpty() ? "" : ": " + state.detail()) + ")";
                log.accept(reason);
                reasons.add(reason);
                checks.add(new VerifyReport.Check(user.lane(), "connection", List.of(reason)));
            }
        }
        if (connected == 0) {
            throw new FixtureException("no user could connect to " + url + ": " + String.join("; ", reasons));
        }
    }

    /** Sends each recorded message once its lane has received what preceded it, then waits for the rest. */
    private void resend(Inspection inspection, VerifyPlan plan, Session live, DecodedEvents liveEvents,
                        MessageRenewer renewer) throws FixtureException {
        for (VerifyPlan.Resend send : plan.resends()) {
            if (live.lane(send.lane()) == null
                    || inspection.state(send.lane()).status() != LaneState.Status.CONNECTED) {
                continue;
            }
            awaitQuietOr(() -> liveEvents.answers(send.lane()), send.answersBefore(),
                    () -> runsOpen(inspection, send.lane()));
            if (send.frame().hasText()) {
                String user = live.lane(send.lane()).userId();
                inspection.sendRaw(send.lane(), renewer.renew(send.frame().text(), user, send.lane()));
            } else {
                log.accept(send.lane() + ": a recorded binary client message is not re-sent");
            }
        }
        log.accept("re-sent " + plan.resends().size() + " client message(s)");
        for (Lane lane : plan.recorded().session().lanes()) {
            if (live.lane(lane.id()) != null) {
                awaitQuietOr(() -> liveEvents.answers(lane.id()), plan.answers(lane.id()),
                        () -> runsOpen(inspection, lane.id()));
            }
        }
    }

    /**
     * Waits until every re-sent prompt has started a run or run out of time to, as a recording with
     * {@code --until-complete} does, so an unanswered prompt is found live too (bounded by the timeout).
     */
    private void awaitPromptsDecided(Session live, Analyzer analysis) throws FixtureException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (live) { // time moves under the append lock, as the inspection's own ticks do
                analysis.tick(live.clock().next());
            }
            if (analysis.waitingPrompts() == 0) {
                return;
            }
            pause();
        }
    }

    /**
     * Polls a count until it reaches {@code target}, stays unchanged for the quiet period, or the
     * timeout passes. Silence does not count as quiet while {@code busy} (the lane has fewer answers
     * than recorded and a run still open): an agent may think for longer than the quiet period.
     */
    private void awaitQuietOr(IntSupplier count, int target, BooleanSupplier busy) throws FixtureException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        long quietSince = System.nanoTime();
        int last = count.getAsInt();
        while (last < target && System.nanoTime() < deadline
                && System.nanoTime() - quietSince < options.quiet().toNanos()) {
            pause();
            int now = count.getAsInt();
            if (now != last || busy.getAsBoolean()) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
    }

    /** True while the lane is connected and has a run that started and has not ended. */
    private static boolean runsOpen(Inspection inspection, String lane) {
        return inspection.state(lane).status() == LaneState.Status.CONNECTED
                && inspection.analyzer().openRuns().stream().anyMatch(run -> lane.equals(run.lane()));
    }

    private static void pause() throws FixtureException {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FixtureException("interrupted while waiting for the backend", e);
        }
    }
}
