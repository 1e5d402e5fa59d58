package dev.aei.analysis;

import java.util.List;

/**
 * One thing a rule flagged.
 *
 * @param rule     rule id, e.g. {@code seq-gap}
 * @param severity how bad it is
 * @param lane     the lane (user id) it was seen on
 * @param runId    the run it concerns, or null
 * @param message  one line a person understands
 * @param frames   indexes into that lane's frame list of the frames involved
 * @param nanos    when it was raised, on the session clock
 */
public record Finding(String rule, Severity severity, String lane, String runId, String message,
                      List<Integer> frames, long nanos) {

    public Finding {
        frames = List.copyOf(frames);
    }
}
