package dev.aei.protocol;

/**
 * The thread ids a profile derives from run ids, remembered for the most recent runs: every event
 * of a run repeats its run id, and the profile's regular expression costs far more than a lookup.
 * A small fixed table, so it never grows; safe for concurrent use (entries are immutable, a lost
 * update only costs a recomputation).
 */
final class ThreadIds {
    private static final int SLOTS = 1024;

    private final Profile profile;
    private final Entry[] entries = new Entry[SLOTS];

    private record Entry(String runId, String threadId) {
    }

    ThreadIds(Profile profile) {
        this.profile = profile;
    }

    /** The thread id the run id encodes, or null. */
    String of(String runId) {
        if (runId == null || profile.threadFromRunId().isEmpty()) {
            return null;
        }
        int slot = runId.hashCode() & (SLOTS - 1);
        Entry entry = entries[slot];
        if (entry == null || entry.runId() != runId && !entry.runId().equals(runId)) {
            entry = new Entry(runId, profile.threadOf(runId));
            entries[slot] = entry;
        }
        return entry.threadId();
    }
}
