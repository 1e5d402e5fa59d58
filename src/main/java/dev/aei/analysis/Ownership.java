package dev.aei.analysis;

import java.util.HashMap;
import java.util.Map;

/**
 * Who owns what across lanes: a thread belongs to the lane whose message opened it, a run to the
 * lane owning its thread or else to the first lane that saw it start, a canary marker to the
 * lane that sent it. First claim wins; nothing is ever reassigned.
 */
final class Ownership {
    /** Recent runs whose owner is known, by slot of the run id's hash: every event of a run asks again. */
    private static final int RECENT = 512;

    private final String[] recentRuns = new String[RECENT];
    private final String[] recentOwners = new String[RECENT];
    private final Map<String, String> threadOwners = new HashMap<>();
    private final Map<String, String> runOwners = new HashMap<>();
    private final Map<String, String> canaryOwners = new HashMap<>();

    void openThread(String threadId, String lane) {
        if (threadId != null) {
            threadOwners.putIfAbsent(threadId, lane);
        }
    }

    void sentCanary(String marker, String lane) {
        canaryOwners.putIfAbsent(marker, lane);
    }

    /** The lane that sent this marker, or null. */
    String canaryOwner(String marker) {
        return canaryOwners.get(marker);
    }

    /**
     * The lane owning a run (or, without a run id, a thread), or null while nobody can tell.
     * {@code startSeenBy} is the lane seeing the run's start event now, else null.
     */
    String runOwner(String runId, String threadId, String startSeenBy) {
        if (runId == null) {
            return threadId == null ? null : threadOwners.get(threadId);
        }
        // An owner never changes once known, so a remembered one is the answer; the decoder shares
        // one copy of a run id between the run's events, so the identity check mostly decides.
        int slot = runId.hashCode() & (RECENT - 1);
        String recent = recentRuns[slot];
        if (recent == runId || runId.equals(recent)) {
            return recentOwners[slot];
        }
        String owner = runOwners.get(runId);
        if (owner == null) {
            String threadOwner = threadId == null ? null : threadOwners.get(threadId);
            owner = threadOwner != null ? threadOwner : startSeenBy;
            if (owner != null) {
                runOwners.put(runId, owner);
            }
        }
        if (owner != null) {
            recentRuns[slot] = runId;
            recentOwners[slot] = owner;
        }
        return owner;
    }
}
