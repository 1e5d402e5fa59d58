package dev.aei.protocol;

import java.util.regex.Matcher;

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
    /** Each thread's matchers of the profile's patterns, reset per run id instead of made anew (with their arrays). */
    private final ThreadLocal<Matcher[]> matchers;

    /** A run id with its hash (compared first: most slots hold another run's id of the same length). */
    private record Entry(String runId, int hash, String threadId) {
    }

    ThreadIds(Profile profile) {
        this.profile = profile;
        this.matchers = ThreadLocal.withInitial(() -> profile.threadFromRunId().stream()
                .map(pattern -> pattern.matcher("")).toArray(Matcher[]::new));
    }

    /** The thread id the run id encodes, or null. */
    String of(String runId) {
        if (runId == null || profile.threadFromRunId().isEmpty()) {
            return null;
        }
        int hash = runId.hashCode();
        Entry entry = entries[hash & (SLOTS - 1)];
        if (entry == null || entry.runId() != runId && (entry.hash() != hash || !entry.runId().equals(runId))) {
            entry = new Entry(runId, hash, threadOf(runId));
            entries[hash & (SLOTS - 1)] = entry;
        }
        return entry.threadId();
    }

    private String threadOf(String runId) {
        return firstGroup(matchers.get(), runId);
    }

    /** The first group of the first of {@code matchers} that matches the whole run id, or null. */
    static String firstGroup(Matcher[] matchers, String runId) {
        for (Matcher m : matchers) {
            if (m.reset(runId).matches()) {
                return m.groupCount() >= 1 ? m.group(1) : null;
            }
        }
        return null;
    }
}
