package dev.aei.cli.bench;

import com.fasterxml.jackson.core.JsonFactory;
import dev.aei.capture.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An endless stream of healthy netra frames over several lanes, round-robin: each lane plays its
 * runs one after the other (message out, nine events in), numbered by the lane's own seq.
 */
final class RunStream {
    private final NetraRun runs = new NetraRun(new JsonFactory());
    private final List<List<String>> current = new ArrayList<>();
    private final String[] users;
    private final int[] runOf;
    private final int[] stepOf;
    private final Instant[] freeFrom;
    private int next;

    RunStream(int laneCount) {
        users = new String[laneCount];
        runOf = new int[laneCount];
        stepOf = new int[laneCount];
        freeFrom = new Instant[laneCount];
        for (int i = 0; i < laneCount; i++) {
            current.add(List.of());
            users[i] = userId(i);
        }
    }

    /** One frame of the stream and the lane (by index) it belongs to. */
    record Item(int lane, Direction direction, String text) {
    }

    /** The next frame; {@code time} stamps the events of a run that starts with it. */
    Item next(Instant time) {
        int lane = next;
        next = (next + 1) % runOf.length;
        if (stepOf[lane] == current.get(lane).size()) {
            runOf[lane]++;
            long firstSeq = (long) (runOf[lane] - 1) * (NetraRun.FRAMES - 1) + 1;
            // A lane's server clock never goes back, even when frames are appended faster than real time.
            Instant start = freeFrom[lane] == null || time.isAfter(freeFrom[lane]) ? time : freeFrom[lane];
            freeFrom[lane] = start.plusMillis(NetraRun.FRAMES);
            current.set(lane, runs.texts(users[lane], runOf[lane], firstSeq, start));
            stepOf[lane] = 0;
        }
        Direction direction = stepOf[lane] == 0 ? Direction.OUT : Direction.IN;
        return new Item(lane, direction, current.get(lane).get(stepOf[lane]++));
    }

    /** The id of the {@code i}-th bench user. */
    static String userId(int i) {
        return String.format("user%02d", i);
    }
}
