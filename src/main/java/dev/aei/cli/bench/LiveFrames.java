package dev.aei.cli.bench;

import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.bench.FrameSource;
import java.time.Instant;
import java.util.Map;

/** The UI figure's live stream: a {@link RunStream} appended, as frames arriving now, to one session. */
final class LiveFrames implements FrameSource {
    private final RunStream stream;
    private final Lane[] lanes;

    LiveFrames(int laneCount) {
        stream = new RunStream(laneCount);
        lanes = new Lane[laneCount];
    }

    @Override
    public void appendNext(Session session) {
        RunStream.Item item = stream.next(Instant.now());
        Lane lane = lanes[item.lane()];
        if (lane == null) {
            lane = session.addLane(RunStream.userId(item.lane()), Map.of());
            lanes[item.lane()] = lane;
        }
        session.appendText(lane, item.direction(), item.text());
    }
}
