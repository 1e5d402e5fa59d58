package dev.aei.ui.frames;

import java.util.List;

/**
 * One row of the frames table as the cells show it, made when a cell first asks for it.
 *
 * @param row        the row's position among all rows of the session
 * @param lane       the lane id
 * @param frame      the frame's index in its lane
 * @param sent       true for a frame this tool sent (↑), false for one received (↓)
 * @param time       when it crossed the wire, wall clock
 * @param sinceRun   how long after its run's first frame, or empty without a run
 * @param type       the event type, with "+n" when the frame held a batch of events
 * @param run        the run id, or empty
 * @param seq        the sequence number, or empty
 * @param size       the payload size
 * @param preview    one line of the payload (secrets hidden), cut around the first search match
 * @param highlights the search matches within {@code preview}
 */
public record FrameRow(int row, String lane, int frame, boolean sent, String time, String sinceRun, String type,
                       String run, String seq, String size, String preview, List<Match> highlights) {

    public FrameRow {
        highlights = List.copyOf(highlights);
    }

    /** The direction as an arrow and a word. */
    public String direction() {
        return sent ? "↑ sent" : "↓ received";
    }
}
