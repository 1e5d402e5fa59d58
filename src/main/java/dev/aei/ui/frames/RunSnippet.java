package dev.aei.ui.frames;

import dev.aei.analysis.Finding;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.fixture.ExportOptions;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.FixtureWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of the shown session as a small fixture: every frame of the run on any lane (a leak shows
 * on the lane it leaked to), the message that started it, and the findings about it; written by the
 * fixture writer, redacted as every export is.
 */
final class RunSnippet {
    private RunSnippet() {
    }

    /** The run of {@code row} as fixture text; the row must belong to a run. */
    static String of(FrameRows rows, Session session, int row, List<Finding> findings) {
        int run = rows.runId(row);
        String runId = rows.run(row);
        Map<Integer, TreeMap<Integer, Frame>> byLane = new TreeMap<>();
        int firstRow = -1;
        for (int r = 0; r < rows.size(); r++) {
            if (rows.runId(r) == run) {
                firstRow = firstRow < 0 ? r : firstRow;
                byLane.computeIfAbsent(rows.laneOf(r), k -> new TreeMap<>()).put(rows.frameIndex(r), rows.frame(r));
            }
        }
        addPrompt(rows, firstRow, byLane);
        Session snippet = new Session(session.info(), session.clock());
        Map<String, Map<Integer, Integer>> renumbered = new HashMap<>();
        byLane.forEach((laneIdx, frames) -> {
            Lane from = rows.lane(laneIdx);
            Lane to = snippet.addLane(from.id(), from.userId(), from.claims());
            Map<Integer, Integer> indexes = new HashMap<>();
            frames.forEach((index, frame) -> indexes.put(index, snippet.restore(to, frame).index()));
            renumbered.put(from.id(), indexes);
        });
        List<Finding> about = new ArrayList<>();
        for (Finding f : findings) {
            Map<Integer, Integer> indexes = renumbered.get(f.lane());
            if (runId.equals(f.runId()) && indexes != null) {
                List<Integer> frames = f.frames().stream().filter(indexes::containsKey).map(indexes::get).toList();
                about.add(new Finding(f.rule(), f.severity(), f.lane(), f.runId(), f.message(), frames, f.nanos()));
            }
        }
        return new FixtureWriter(ExportOptions.defaults()).toJson(Fixture.of(snippet, about));
    }

    /** The last message sent on the run's first lane before its first frame: the prompt that started it. */
    private static void addPrompt(FrameRows rows, int firstRow, Map<Integer, TreeMap<Integer, Frame>> byLane) {
        int laneIdx = rows.laneOf(firstRow);
        List<Frame> frames = rows.lane(laneIdx).frames();
        for (int i = rows.frameIndex(firstRow) - 1; i >= 0; i--) {
            Frame frame = frames.get(i);
            if (frame.direction() == Direction.OUT) {
                byLane.get(laneIdx).put(i, frame);
                return;
            }
        }
    }
}
