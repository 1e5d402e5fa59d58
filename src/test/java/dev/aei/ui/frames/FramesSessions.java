package dev.aei.ui.frames;

import dev.aei.capture.CaptureClock;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.capture.SessionInfo;
import dev.aei.inspect.Shown;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.Profile;
import dev.aei.ui.feed.FeedBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small netra sessions for the frames table's tests, and the feed batches a window would drain. */
final class FramesSessions {
    static final EventDecoder NETRA = new EventDecoder(Profile.load("netra"));

    private FramesSessions() {
    }

    static Session empty() {
        CaptureClock clock = new CaptureClock(() -> 0, 1_700_000_000_000L);
        return new Session(new SessionInfo("ws://127.0.0.1:1/ws", "header", "netra", 1_700_000_000_000L), clock);
    }

    /** A prompt from {@code lane}, then three events of run {@code run}, stamped from {@code nanos}. */
    static List<Frame> run(Session session, String lane, String run, long nanos, String prompt) {
        Lane l = session.addLane(lane, Map.of());
        List<Frame> added = new ArrayList<>();
        added.add(session.restore(l, Frame.text(0, Direction.OUT, nanos, 1_700_000_000_000L + nanos / 1_000_000,
                "{\"type\":\"user_message\",\"payload\":{\"content\":\"" + prompt + "\"}}")));
        String[] types = {"agent_started", "agent_thinking", "agent_completed"};
        for (int i = 0; i < types.length; i++) {
            long at = nanos + (i + 1) * 1_000_000L;
            added.add(session.restore(l, Frame.text(0, Direction.IN, at, 1_700_000_000_000L + at / 1_000_000,
                    "{\"type\":\"" + types[i] + "\",\"run_id\":\"" + run + "\",\"user_id\":\"" + lane
                            + "\",\"seq\":" + (i + 1) + ",\"data\":{\"message\":\"step " + i + " of " + prompt + "\"}}")));
        }
        return added;
    }

    /** The batch that shows {@code session} live, with all its lanes and frames decoded. */
    static FeedBatch live(Session session) {
        return new FeedBatch(Shown.live(session), session.lanes().stream().map(Lane::id).toList(),
                frames(session, session.lanes()), List.of(), List.of());
    }

    /** A batch of the given frames of one lane, decoded. */
    static FeedBatch more(String lane, List<Frame> frames) {
        List<FeedBatch.LaneFrame> list = new ArrayList<>();
        for (Frame f : frames) {
            list.add(new FeedBatch.LaneFrame(lane, f, NETRA.decode(lane, f)));
        }
        return new FeedBatch(null, List.of(lane), list, List.of(), List.of());
    }

    /** Every frame of the lanes in stamp order, decoded. */
    static List<FeedBatch.LaneFrame> frames(Session session, List<Lane> lanes) {
        List<FeedBatch.LaneFrame> all = new ArrayList<>();
        for (Lane lane : lanes) {
            for (Frame f : lane.frames()) {
                all.add(new FeedBatch.LaneFrame(lane.id(), f, NETRA.decode(lane.id(), f)));
            }
        }
        all.sort(java.util.Comparator.comparingLong(f -> f.frame().nanos()));
        return all;
    }
}
