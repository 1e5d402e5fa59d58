package dev.aei.bench;

/**
 * What the frames table figure measured (plain numbers, so the command line can print them).
 *
 * @param rows         rows in the table
 * @param openMs       handing every decoded frame to the table and showing its last row (median)
 * @param searchMs     a search for the last frame's marker over every payload, from typing to the result (median)
 * @param bareScanMs   a bare loop over the same payloads looking for the marker (median, the reference)
 * @param matches      frames the table's search found (expected: 1)
 * @param lastRowShown whether the table's cells showed the last frame after scrolling to it
 */
public record FramesResults(long rows, double openMs, double searchMs, double bareScanMs, int matches,
                            boolean lastRowShown) {
}
