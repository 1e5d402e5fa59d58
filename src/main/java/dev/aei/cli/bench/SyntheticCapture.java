package dev.aei.cli.bench;

import dev.aei.capture.CaptureClock;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.capture.SessionInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a large healthy session without a network: a {@link RunStream} laid into lanes as a busy
 * live capture would hold it, stamped {@value #STAMP_STEP_NANOS} ns apart.
 */
public final class SyntheticCapture {
    /** Time between two consecutive frames of the session (all lanes): 20,000 events/s, the UI figure's rate. */
    static final long STAMP_STEP_NANOS = 50_000;

    private SyntheticCapture() {
    }

    /** A session of exactly {@code events} frames over {@code laneCount} lanes. */
    public static Session build(int events, int laneCount) {
        CaptureClock clock = new CaptureClock();
        Session session = new Session(new SessionInfo("ws://127.0.0.1:0/ws", "header", "netra",
                clock.originWallMillis()), clock);
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < laneCount; i++) {
            Lane lane = session.addLane(RunStream.userId(i), Map.of());
            session.restore(lane, new LaneEvent(LaneEvent.Kind.CONNECTED, i, clock.wallMillis(i), 101, "bench"));
            lanes.add(lane);
        }
        Instant start = Instant.ofEpochMilli(clock.originWallMillis());
        RunStream stream = new RunStream(laneCount);
        for (int n = 0; n < events; n++) {
            long nanos = laneCount + (long) n * STAMP_STEP_NANOS;
            RunStream.Item item = stream.next(start.plusNanos(nanos));
            session.restore(lanes.get(item.lane()),
                    Frame.text(0, item.direction(), nanos, clock.wallMillis(nanos), item.text()));
        }
        return session;
    }
}
