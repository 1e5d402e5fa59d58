package dev.aei.cli.bench;

import dev.aei.capture.CaptureListener;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import java.util.List;

/**
 * A session's frames in stamp order across lanes (the order a live capture appended them),
 * worked out once so that replaying them costs nothing but the replay.
 */
final class StampOrder {
    private final List<Lane> lanes;
    private final int[] laneOfFrame;

    private StampOrder(List<Lane> lanes, int[] laneOfFrame) {
        this.lanes = lanes;
        this.laneOfFrame = laneOfFrame;
    }

    /** Merges the lanes of a session that is no longer being written. */
    static StampOrder of(Session session) {
        List<Lane> lanes = List.copyOf(session.lanes());
        int[] cursor = new int[lanes.size()];
        int[] order = new int[Math.toIntExact(session.frameCount())];
        for (int n = 0; n < order.length; n++) {
            int best = -1;
            long bestNanos = Long.MAX_VALUE;
            for (int l = 0; l < lanes.size(); l++) {
                List<Frame> frames = lanes.get(l).frames();
                if (cursor[l] < frames.size() && frames.get(cursor[l]).nanos() < bestNanos) {
                    best = l;
                    bestNanos = frames.get(cursor[l]).nanos();
                }
            }
            order[n] = best;
            cursor[best]++;
        }
        return new StampOrder(lanes, order);
    }

    /** Number of frames. */
    int size() {
        return laneOfFrame.length;
    }

    /** Tells the listener every lane, every lane event, then every frame in stamp order. */
    void replay(CaptureListener listener) {
        for (Lane lane : lanes) {
            listener.laneAdded(lane);
            lane.events().forEach(e -> listener.laneEventAppended(lane, e));
        }
        int[] cursor = new int[lanes.size()];
        for (int lane : laneOfFrame) {
            Lane l = lanes.get(lane);
            listener.frameAppended(l, l.frames().get(cursor[lane]++));
        }
    }

    /** Stamp of the last frame. */
    long lastNanos() {
        long last = 0;
        for (Lane lane : lanes) {
            List<Frame> frames = lane.frames();
            if (!frames.isEmpty()) {
                last = Math.max(last, frames.get(frames.size() - 1).nanos());
            }
        }
        return last;
    }
}
