package dev.aei.analysis;

import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The isolation rules: {@code identity-mismatch}, {@code leak-owner}, {@code leak-foreign-run} and
 * {@code leak-canary}.
 *
 * <p>A lane's identity is the first user id the server reports for it: in its connection event,
 * or else in the first event of a run the lane owns (or nobody owns yet). If that is not the
 * lane's JWT {@code sub} (a truncated {@code prefix...} matches by prefix), the lane gets one
 * {@code identity-mismatch} and its events are no longer checked for {@code leak-owner}; the
 * other leak rules still run, so runs of a third lane are still caught.
 *
 * <p>A lane whose user no token names (a browser capture with an opaque ticket) gets one
 * {@code identity-unverified} instead: neither its identity nor {@code leak-owner} is checked.
 *
 * <p>One leak finding per (lane, foreign run). When several signals hit the same event the rule
 * is chosen by precedence {@code leak-owner} (the event names another user) over
 * {@code leak-foreign-run} (its run or thread belongs to another lane) over {@code leak-canary}
 * (it carries another lane's prompt marker); the message names every signal. The first leaking
 * event of a run decides, later events of that run on that lane add nothing. A switched-off
 * rule passes its turn to the next signal that is on (with leak-owner and leak-foreign-run off,
 * the canary alone still catches a relabelled leak). An event without
 * a run id is keyed by its thread (foreign thread), its user id (leak-owner) or else by the
 * marker (a canary leak without a run id is a finding of its own per marker).
 *
 * <p>A run is kept out of the lane's ordering rules when another lane owns it, or when nobody
 * owns it and this lane received it with another user's id or marker; so is an event without a
 * run id that carries another user's id or marker.
 */
final class IsolationRules {
    private final Ownership ownership;
    private final FindingLog log;
    private final Map<String, LaneIsolation> lanes = new HashMap<>();

    IsolationRules(Ownership ownership, FindingLog log) {
        this.ownership = ownership;
        this.log = log;
    }

    /** UNVERIFIABLE: the lane's user is not known from a token, so no user id can be checked against it. */
    private enum Identity { UNKNOWN, CONFIRMED, MISMATCH, UNVERIFIABLE }

    /** What one lane has shown about itself and which leaks were already reported on it. */
    private static final class LaneIsolation {
        Identity identity = Identity.UNKNOWN;
        final Set<String> reported = new HashSet<>();
        final Set<String> foreignRuns = new HashSet<>();
    }

    /** The lane has no verified identity: one info finding, and the identity and owner checks pass it by. */
    void unverified(String laneId) {
        LaneIsolation lane = lanes.computeIfAbsent(laneId, k -> new LaneIsolation());
        lane.identity = Identity.UNVERIFIABLE;
        log.raise(Rule.IDENTITY_UNVERIFIED, laneId, null, "identity could not be checked: the capture does not say "
                + "which user " + laneId + " is (no token with a subject); leaks are still found by run and prompt "
                + "marker", List.of());
    }

    /**
     * Judges one incoming event; {@code markers} are the other lanes' canary markers it carries.
     * Returns true when the event belongs to another lane's run and stays out of ordering rules.
     */
    boolean judge(AgentEvent e, List<String> markers) {
        LaneIsolation lane = lanes.computeIfAbsent(e.lane(), k -> new LaneIsolation());
        String owner = ownership.runOwner(e.runId(), e.threadId(), e.role() == EventRole.STARTED ? e.lane() : null);
        boolean foreignRun = owner != null && !owner.equals(e.lane());
        boolean wrongUser = false;
        if (e.userId() != null && lane.identity != Identity.UNVERIFIABLE) {
            boolean matches = sameUser(e.userId(), e.lane());
            if (e.role() == EventRole.CONNECTION || lane.identity == Identity.UNKNOWN && !foreignRun) {
                decideIdentity(lane, e, matches);
            } else {
                wrongUser = !matches && lane.identity != Identity.MISMATCH;
            }
        }
        boolean canary = !markers.isEmpty();
        if (e.runId() != null && owner == null && (wrongUser || canary)) {
            lane.foreignRuns.add(e.runId());
        }
        if (foreignRun && e.runId() != null) {
            lane.foreignRuns.add(e.runId());
        }
        if (wrongUser || foreignRun || canary) {
            report(lane, e, owner, wrongUser, foreignRun, markers);
        }
        // a leaked event without a run id belongs to the other user's run, not to one of this lane's
        return foreignRun || e.runId() != null && lane.foreignRuns.contains(e.runId())
                || e.runId() == null && (wrongUser || canary);
    }

    private void decideIdentity(LaneIsolation lane, AgentEvent e, boolean matches) {
        if (lane.identity == Identity.MISMATCH) {
            return;
        }
        if (matches) {
            lane.identity = Identity.CONFIRMED;
            return;
        }
        lane.identity = Identity.MISMATCH;
        String where = e.role() == EventRole.CONNECTION ? "for this connection" : "in its first events";
        log.raise(Rule.IDENTITY_MISMATCH, e.lane(), e.role() == EventRole.CONNECTION ? null : e.runId(),
                "the server reports user " + e.userId() + " " + where + " (" + e.type() + "), but the token's user is "
                        + e.lane() + "; its events are not also reported as leak-owner", List.of(e.frame()));
    }

    private void report(LaneIsolation lane, AgentEvent e, String owner, boolean wrongUser, boolean foreignRun,
                        List<String> markers) {
        String key = e.runId() != null ? "run:" + e.runId()
                : foreignRun ? "thread:" + e.threadId()
                : wrongUser ? "user:" + e.userId()
                : "canary:" + markers.get(0);
        if (!lane.reported.add(key)) {
            return;
        }
        Rule rule = wrongUser && log.isEnabled(Rule.LEAK_OWNER) ? Rule.LEAK_OWNER
                : foreignRun && log.isEnabled(Rule.LEAK_FOREIGN_RUN) ? Rule.LEAK_FOREIGN_RUN
                : !markers.isEmpty() && log.isEnabled(Rule.LEAK_CANARY) ? Rule.LEAK_CANARY : null;
        if (rule == null) {
            return;
        }
        String what = (e.type() == null ? "a frame" : e.type()) + (e.runId() == null ? "" : " of run " + e.runId());
        List<String> evidence = new ArrayList<>();
        if (wrongUser) {
            evidence.add("it is addressed to " + e.userId());
        }
        if (foreignRun) {
            evidence.add("the run was started by " + owner
                    + (e.userId() != null && sameUser(e.userId(), e.lane()) ? " (relabelled as " + e.lane() + ")" : ""));
        }
        for (String marker : markers) {
            evidence.add("it carries " + ownership.canaryOwner(marker) + "'s prompt marker " + marker);
        }
        String whose = owner != null && !owner.equals(e.lane()) ? owner + "'s "
                : markers.isEmpty() ? "" : ownership.canaryOwner(markers.get(0)) + "'s ";
        log.raise(rule, e.lane(), e.runId(), e.lane() + " received " + whose + what + ": "
                + String.join(", ", evidence), List.of(e.frame()));
    }

    /** True when the reported id is the lane's user, or a truncated {@code prefix...} of it. */
    static boolean sameUser(String reported, String lane) {
        if (reported.equals(lane)) {
            return true;
        }
        String prefix = reported.endsWith("...") ? reported.substring(0, reported.length() - 3)
                : reported.endsWith("…") ? reported.substring(0, reported.length() - 1) : null;
        return prefix != null && !prefix.isEmpty() && lane.startsWith(prefix);
    }
}
