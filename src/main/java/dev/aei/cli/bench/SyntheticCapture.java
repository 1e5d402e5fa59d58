package dev.aei.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.capture.CaptureClock;
import dev.aei.capture.Direction;
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
 * Builds a large healthy session without a network: lanes of netra runs interleaved round-robin,
 * as a busy live capture would hold them, stamped {@value #STAMP_STEP_NANOS} ns apart.
 */
final class SyntheticCapture {
    /** Time between two consecutive frames of the session (all lanes): 50,000 events/s. */
    static final long STAMP_STEP_NANOS = 20_000;

    private final NetraRun runs = new NetraRun(new ObjectMapper());

    /** A session of exactly {@code events} frames over {@code laneCount} lanes. */
    Session build(int events, int laneCount) {
        CaptureClock clock = new CaptureClock();
        Session session = new Session(new SessionInfo("ws://127.0.0.1:0/ws", "header", "netra",
                clock.originWallMillis()), clock);
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < laneCount; i++) {
            Lane lane = session.addLane(userId(i), Map.of());
            session.restore(lane, new LaneEvent(LaneEvent.Kind.CONNECTED, i, clock.wallMillis(i), 101, "bench"));
            lanes.add(lane);
        }
        Instant start = Instant.ofEpochMilli(clock.originWallMillis());
        List<List<String>> current = new ArrayList<>();
        int[] runOf = new int[laneCount];
        int[] stepOf = new int[laneCount];
        for (int i = 0; i < laneCount; i++) {
            current.add(List.of());
        }
        for (int n = 0; n < events; n++) {
            int lane = n % laneCount;
            if (stepOf[lane] == current.get(lane).size()) {
                runOf[lane]++;
                long firstSeq = (long) (runOf[lane] - 1) * (NetraRun.FRAMES - 1) + 1;
                long nanos = laneCount + (long) n * STAMP_STEP_NANOS;
                current.set(lane, runs.texts(userId(lane), runOf[lane], firstSeq, start.plusNanos(nanos)));
                stepOf[lane] = 0;
            }
            String text = current.get(lane).get(stepOf[lane]);
            Direction direction = stepOf[lane]++ == 0 ? Direction.OUT : Direction.IN;
            long nanos = laneCount + (long) n * STAMP_STEP_NANOS;
            session.restore(lanes.get(lane), Frame.text(0, direction, nanos, clock.wallMillis(nanos), text));
        }
        return session;
    }

    /** The id of the {@code i}-th bench user. */
    static String userId(int i) {
        return String.format("user%02d", i);
    }
}
