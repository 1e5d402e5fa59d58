package dev.aei.ui.frames;

import dev.aei.auth.Redactor;
import dev.aei.capture.Frame;
import dev.aei.protocol.AgentEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Makes {@link FrameRow}s for the cells on screen and keeps the last few hundred, so scrolling a
 * million rows materialises only what is drawn. Seq and batch sizes are decoded here, per row drawn.
 */
final class RowCache {
    private static final int KEPT = 512;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final BiFunction<String, Frame, List<AgentEvent>> decoder;
    private final Redactor redactor = new Redactor();
    private final Map<Integer, FrameRow> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, FrameRow> eldest) {
            return size() > KEPT;
        }
    };
    private Needle needle;

    RowCache(BiFunction<String, Frame, List<AgentEvent>> decoder) {
        this.decoder = decoder;
    }

    /** Highlights matches of this needle from now on (null: none). */
    void needle(Needle value) {
        needle = value;
        kept.clear();
    }

    void clear() {
        kept.clear();
    }

    FrameRow row(FrameRows rows, int row) {
        FrameRow known = kept.get(row);
        if (known != null) {
            return known;
        }
        FrameRow made = make(rows, row);
        kept.put(row, made);
        return made;
    }

    private FrameRow make(FrameRows rows, int row) {
        Frame frame = rows.frame(row);
        String lane = rows.lane(rows.laneOf(row)).id();
        List<AgentEvent> events = decode(lane, frame);
        String seq = events.stream().filter(e -> e.seq() != null).findFirst().map(e -> String.valueOf(e.seq()))
                .orElse("");
        String type = rows.type(row);
        if (type == null) {
            type = "(" + FramesViewModel.roleName(rows.role(row)) + ")";
        }
        if (events.size() > 1) {
            type = type + " +" + (events.size() - 1);
        }
        long runStart = rows.runStart(row);
        String sinceRun = runStart == Long.MIN_VALUE ? ""
                : String.format("+%.3f s", Math.max(0, frame.nanos() - runStart) / 1e9);
        String run = rows.run(row);
        String text = redactor.text(FramePayload.searchText(frame));
        Match first = needle == null ? null : needle.first(text, 0);
        String line = FramePayload.line(text, first == null ? 0 : first.start());
        List<Match> highlights = needle == null ? List.of() : needle.spans(line);
        return new FrameRow(row, lane, frame.index(), rows.sent(row), TIME.format(Instant.ofEpochMilli(frame.wallMillis())),
                sinceRun, type, run == null ? "" : run, seq, FramePayload.size(frame.size()), line, highlights);
    }

    private List<AgentEvent> decode(String lane, Frame frame) {
        try {
            return decoder.apply(lane, frame);
        } catch (RuntimeException e) {
            return List.of(); // the row still shows the raw frame
        }
    }
}
