package dev.aei.cli.bench;

/**
 * How big each figure's workload is. The full run uses the sizes the goals are stated for;
 * the quick run scales them down (the table says so) to finish in under a minute.
 *
 * @param quick             true for the scaled-down run
 * @param users             parallel sockets in the ingest figure
 * @param runsPerUser       scripted runs each ingest socket receives per round (9 events each)
 * @param ingestWarmups     unmeasured rounds of each ingest client first: the capture path has far
 *                          more code for the JIT to compile than a bare client, and a round is short
 * @param ingestRounds      measured rounds of each ingest client (the machine's speed drifts from one
 *                          second to the next: single rounds of half a second read 0.3 to 2.1 of the
 *                          other side's, so the median needs many)
 * @param events            events in the synthetic session (memory, fixture, rules, timeline)
 * @param lanes             lanes of the synthetic session
 * @param rounds            measured rounds of the offline figures (after one warm-up round)
 * @param uiSeconds         how long the UI figure streams (after a warm-up)
 * @param uiEventsPerSecond the UI figure's input rate
 * @param redrawsPerZoom    timed timeline redraws per zoom level
 */
public record BenchSizes(boolean quick, int users, int runsPerUser, int ingestWarmups, int ingestRounds, int events,
                         int lanes,
                         int rounds, int uiSeconds, int uiEventsPerSecond, int redrawsPerZoom) {

    /** The sizes the goals are stated for. */
    public static BenchSizes full() {
        return new BenchSizes(false, 50, 200, 4, 41, 1_000_000, 50, 5, 30, 20_000, 100);
    }

    /** Smaller sessions and fewer rounds, for a run under a minute. */
    public static BenchSizes reduced() {
        return new BenchSizes(true, 50, 40, 1, 3, 100_000, 50, 3, 6, 20_000, 30);
    }

    /** A short label of the mode for the table header. */
    public String label() {
        return quick ? "quick (reduced sizes: " + events + " events, " + runsPerUser
                + " runs per user, fewer rounds)" : "full";
    }
}
