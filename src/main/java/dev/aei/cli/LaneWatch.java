package dev.aei.cli;

import dev.aei.analysis.Analyzer;
import dev.aei.auth.AuthException;
import dev.aei.auth.TestUser;
import dev.aei.inspect.Inspection;
import dev.aei.inspect.LiveSettings;
import dev.aei.net.LaneState;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Watches a recording's lanes: waits for them to connect, then for the time to pass or their runs to settle. */
final class LaneWatch {
    // lanes connect in parallel, so one limit serves any number of users; later ones are reported by their state
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 50;

    private final Inspection inspection;
    private final List<TestUser> connections;

    /** Watches these connections (one per lane, in --user order) on the inspection's live session. */
    LaneWatch(Inspection inspection, List<TestUser> connections) {
        this.inspection = inspection;
        this.connections = List.copyOf(connections);
    }

    /** The lanes watched, in --user order. */
    List<String> laneIds() {
        return connections.stream().map(TestUser::lane).toList();
    }

    /** Signs every lane in and waits (bounded) until each has connected or failed. */
    void awaitConnections(LiveSettings settings) throws IOException {
        try {
            inspection.connect(settings, connections).get(CONNECT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // users still connecting are reported with their state; the others go on
        } catch (AuthException e) {
            throw new IOException("signing in failed: " + e.getMessage(), e);
        } catch (ExecutionException e) {
            throw new IOException("connecting failed: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting", e);
        }
    }

    /** Records for {@code duration}, or less when no lane can receive anything more. */
    void recordFor(Duration duration) throws IOException {
        await(duration, null);
    }

    /**
     * Records until the session's runs have settled for {@code grace} (or no lane can receive
     * anything more); false when {@code timeout} passed first.
     */
    boolean awaitRuns(Duration timeout, Duration grace) throws IOException {
        return await(timeout, new Settling(inspection, grace));
    }

    /** Each lane's state now, in --user order. */
    Map<String, LaneState> states() {
        Map<String, LaneState> states = new LinkedHashMap<>();
        laneIds().forEach(lane -> states.put(lane, inspection.state(lane)));
        return states;
    }

    /** Polls until {@code limit} passed; with {@code settling}, stops early when it says so and false at the limit. */
    private boolean await(Duration limit, Settling settling) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!anyLaneLive()) {
                return true; // nothing more can arrive, so waiting longer would record nothing
            }
            if (settling != null && settling.settled()) {
                return true;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while recording", e);
            }
        }
        return settling == null;
    }

    /** True while some lane is connected or about to be again, so frames can still arrive. */
    private boolean anyLaneLive() {
        return laneIds().stream().map(inspection::state).anyMatch(s -> s.status() == LaneState.Status.CONNECTED
                || s.status() == LaneState.Status.CONNECTING || s.status() == LaneState.Status.RECONNECTING);
    }

    /**
     * What an until-complete wait waits for, on the session clock: every prompt has started a run
     * or run out of time to, and every run has ended; then the grace period, so an event that
     * trails the last completion is still recorded.
     */
    private static final class Settling {
        private final Inspection inspection;
        private final Duration grace;
        private long settledSince = -1;

        Settling(Inspection inspection, Duration grace) {
            this.inspection = inspection;
            this.grace = grace;
        }

        boolean settled() {
            long now = inspection.tickLive();
            Analyzer watch = inspection.analyzer();
            if (now < 0 || watch == null) {
                return false; // no live session (yet): nothing has settled
            }
            boolean settled = watch.waitingPrompts() == 0 && watch.openRuns().isEmpty();
            if (!settled) {
                settledSince = -1;
                return false;
            }
            if (settledSince < 0) {
                settledSince = now;
            }
            return now - settledSince >= grace.toNanos();
        }
    }
}
