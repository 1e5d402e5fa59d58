package dev.aei.cli;

import dev.aei.net.LaneState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints what a recording captured, one block per connection (a user signed in twice has two). */
final class RecordSummary {
    private final PrintWriter out;

    RecordSummary(PrintWriter out) {
        this.out = out;
    }

    /** {@code timedOut} is the --until-complete limit when it ran out, else null. */
    void print(Path journal, List<RunTally> tallies, Map<String, LaneState> states, Duration timedOut) {
        long users = tallies.stream().map(t -> t.lane().userId()).distinct().count();
        String who = users == tallies.size() ? users + " user(s)"
                : tallies.size() + " connections of " + users + " user(s)";
        out.println("Recorded " + who + " to " + journal);
        if (timedOut != null) {
            out.println("Gave up waiting for runs to complete after " + timedOut.toSeconds() + " s.");
        }
        for (RunTally tally : tallies) {
            String user = tally.lane().id();
            out.println(user + ": " + status(states.getOrDefault(user, LaneState.IDLE)));
            out.println("  frames: " + (tally.framesIn() + tally.framesOut()) + " (" + tally.framesIn() + " in, "
                    + tally.framesOut() + " out)");
            out.println("  runs: " + tally.runsStarted() + " started, " + tally.runsCompleted() + " completed, "
                    + tally.runsErrored() + " errored");
            if (!tally.perType().isEmpty()) {
                out.println("  events: " + tally.perType().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
            }
        }
        out.flush();
    }

    private static String status(LaneState state) {
        return switch (state.status()) {
            case CONNECTED -> "connected";
            case FAILED -> "FAILED " + state.detail();
            case CLOSED -> "disconnected early (code " + state.code() + ": " + state.detail() + ")";
            default -> state.status().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
