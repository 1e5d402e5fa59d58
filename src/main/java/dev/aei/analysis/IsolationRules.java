package dev.aei.analysis;

import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventRole;
import dev.aei.protocol.IdText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The isolation rules: {@code identity-mismatch}, {@code leak-owner}, {@code leak-foreign-run},
 * {@code leak-canary}, and for a user signed in on several connections (tabs) {@code cross-tab} or
 * {@code other-tab}.
 *
 * <p>Leaks are judged per user, not per lane: a lane's user is the user its connection signed in
 * as, and two lanes of one user (tabs {@code alice} and {@code alice #2}) never leak to each
 * other. A run one tab started that reaches another tab of the same user is kept out of that
 * tab's ordering like a foreign run and reported once per (lane, run): as {@code other-tab} (info)
 * when the profile says the backend sends a user's events to all of the user's connections, else
 * as {@code cross-tab} (warning).
 *
 * <p>A lane's identity is the first user id the server reports for it: in its connection event,
 * or else in the first event of a run the lane owns (or nobody owns yet). If that is not the
 * lane's user (a cut {@code prefix...} matches by prefix), the lane gets one
 * {@code identity-mismatch} and its events are no longer checked for {@code leak-owner}; the
 * other leak rules still run, so runs of a third lane are still caught. A cut id that fits two
 * users of the session ({@code qa-user-...} for {@code qa-user-1} and {@code qa-user-2}) decides
 * nothing: one {@code identity-lookalike} (info) says so, and the lane's identity is judged from
 * the full user ids of its first own events instead.
 *
 * <p>A lane whose user no token names (a browser capture with an opaque ticket) gets one
 * {@code identity-unverified} instead: neither its identity nor {@code leak-owner} is checked.
 *
 * <p>One leak finding per (lane, foreign run). When several signals hit the same event the rule
 * is chosen by precedence {@code leak-owner} (the event names another user) over
 * {@code leak-foreign-run} (its run or thread belongs to another user's lane) over
 * {@code leak-canary} (it carries another user's prompt marker); the message names every signal.
 * The first leaking event of a run decides, later events of that run on that lane add nothing. A
 * switched-off rule passes its turn to the next signal that is on (with leak-owner and
 * leak-foreign-run off, the canary alone still catches a relabelled leak). An event without a run
 * id is keyed by its thread (foreign thread), its user id (leak-owner) or else by the marker (a
 * canary leak without a run id is a finding of its own per marker).
 *
 * <p>A run is kept out of the lane's ordering rules when another lane owns it, or when nobody
 * owns it and this lane received it with another user's id or marker; so is an event without a
 * run id that carries another user's id or marker.
 */
final class IsolationRules {
    private final Ownership ownership;
    private final FindingLog log;
    private final UnaryOperator<String> userOf;
    private final boolean toAllConnections;
    private final Map<String, LaneIsolation> lanes = new HashMap<>();
    private final Set<String> lookalikesSaid = new HashSet<>();

    /**
     * @param userOf           the user of a lane id
     * @param toAllConnections true when the backend is expected to send a user's events to all of the
     *                         user's connections
     */
    IsolationRules(Ownership ownership, FindingLog log, UnaryOperator<String> userOf, boolean toAllConnections) {
        this.ownership = ownership;
        this.log = log;
        this.userOf = userOf;
        this.toAllConnections = toAllConnections;
    }

    /** UNVERIFIABLE: the lane's user is not known from a token, so no user id can be checked against it. */
    private enum Identity { UNKNOWN, CONFIRMED, MISMATCH, UNVERIFIABLE }

    /** What one lane has shown about itself and which leaks were already reported on it. */
    private static final class LaneIsolation {
        Identity identity = Identity.UNKNOWN;
        /** The kept start of the cut id that confirmed the identity, or null when a full id did. */
        String confirmedByCut;
        final Set<String> reported = new HashSet<>();
        final Set<String> foreignRuns = new HashSet<>();
    }

    /** The lane has no verified identity: one info finding, and the identity and owner checks pass it by. */
    void unverified(String laneId) {
        LaneIsolation lane = lane(laneId);
        lane.identity = Identity.UNVERIFIABLE;
        log.raise(Rule.IDENTITY_UNVERIFIED, laneId, null, "identity could not be checked: the capture does not say "
                + "which user " + laneId + " is (no token with a subject); leaks are still found by run and prompt "
                + "marker", List.of());
    }

    /**
     * A lane of a user appeared. A lane confirmed only by a cut id that this user's id fits as well
     * is judged again from full ids (a lane of the GUI added after the others signed in).
     */
    void laneSeen(String laneId, String userId) {
        lane(laneId);
        lanes.forEach((otherId, other) -> {
            if (other.identity == Identity.CONFIRMED && other.confirmedByCut != null
                    && !userOf.apply(otherId).equals(userId) && userId.startsWith(other.confirmedByCut)) {
                other.identity = Identity.UNKNOWN;
                sayLookalike(otherId, other.confirmedByCut + IdText.CUT_MARK);
            }
        });
    }

    private LaneIsolation lane(String laneId) {
        return lanes.computeIfAbsent(laneId, k -> new LaneIsolation());
    }

    /**
     * Judges one incoming event; {@code markers} are the prompt markers it carries that another lane
     * sent or that name another user. Returns true when the event belongs to another lane's run (of
     * another user, or another tab of the same user) and stays out of ordering rules.
     */
    boolean judge(AgentEvent e, List<MarkerOwner> markers) {
        LaneIsolation lane = lane(e.lane());
        String laneUser = userOf.apply(e.lane());
        String owner = ownership.runOwner(e.runId(), e.threadId(), e.role() == EventRole.STARTED ? e.lane() : null);
        boolean otherLane = owner != null && !owner.equals(e.lane());
        boolean foreignRun = otherLane && !userOf.apply(owner).equals(laneUser);
        List<MarkerOwner> foreign = markers.isEmpty() ? markers
                : markers.stream().filter(m -> !m.user().equals(laneUser)).toList();
        boolean tabMarker = foreign.size() < markers.size();
        boolean wrongUser = false;
        if (e.userId() != null && lane.identity != Identity.UNVERIFIABLE) {
            boolean matches = IdText.sameUser(e.userId(), laneUser);
            if (e.role() == EventRole.CONNECTION) {
                decideFromConnection(lane, e, laneUser, matches);
            } else if (lane.identity == Identity.UNKNOWN && !otherLane) {
                decideIdentity(lane, e, laneUser, matches);
            } else {
                wrongUser = !matches && lane.identity != Identity.MISMATCH;
            }
        }
        boolean canary = !foreign.isEmpty();
        if (e.runId() != null && owner == null && (wrongUser || canary)) {
            lane.foreignRuns.add(e.runId());
        }
        if (otherLane && e.runId() != null) {
            lane.foreignRuns.add(e.runId());
        }
        if (wrongUser || foreignRun || canary) {
            report(lane, e, owner, laneUser, wrongUser, foreignRun, foreign);
        } else if (otherLane || tabMarker) {
            otherTab(lane, e, otherLane ? owner : markers.get(0).lane(), laneUser);
        }
        // a leaked event without a run id belongs to the other user's run, not to one of this lane's
        return otherLane || e.runId() != null && lane.foreignRuns.contains(e.runId())
                || e.runId() == null && (wrongUser || canary || tabMarker);
    }

    /** A connection event: its id decides the identity unless it is cut so short that another user fits it too. */
    private void decideFromConnection(LaneIsolation lane, AgentEvent e, String laneUser, boolean matches) {
        String cut = IdText.cutPrefix(e.userId());
        if (matches && cut != null && !e.userId().equals(laneUser)) {
            List<String> alike = lookalikes(cut, laneUser);
            if (!alike.isEmpty()) {
                sayLookalike(e.lane(), e.userId());
                return; // the lane's first own events, which carry the full id, decide
            }
            decideIdentity(lane, e, laneUser, true);
            if (lane.identity == Identity.CONFIRMED) {
                lane.confirmedByCut = cut;
            }
            return;
        }
        decideIdentity(lane, e, laneUser, matches);
    }

    /** The users of other lanes whose ids start with the kept start of a cut id. */
    private List<String> lookalikes(String cut, String laneUser) {
        return lanes.keySet().stream().map(userOf).filter(u -> !u.equals(laneUser) && u.startsWith(cut))
                .distinct().sorted().toList();
    }

    private void sayLookalike(String laneId, String reported) {
        String cut = IdText.cutPrefix(reported);
        if (cut == null || !lookalikesSaid.add(cut)) {
            return;
        }
        List<String> users = lanes.keySet().stream().map(userOf).filter(u -> u.startsWith(cut)).distinct().sorted()
                .toList();
        log.raise(Rule.IDENTITY_LOOKALIKE, laneId, null, "the server reports user ids cut short: " + reported
                + " fits " + String.join(" and ", users) + "; which user a connection is, is judged from the full "
                + "user ids of its events instead", List.of());
    }

    private void decideIdentity(LaneIsolation lane, AgentEvent e, String laneUser, boolean matches) {
        if (lane.identity == Identity.MISMATCH) {
            return;
        }
        if (matches) {
            lane.identity = Identity.CONFIRMED;
            lane.confirmedByCut = null;
            return;
        }
        lane.identity = Identity.MISMATCH;
        String where = e.role() == EventRole.CONNECTION ? "for this connection" : "in its first events";
        log.raise(Rule.IDENTITY_MISMATCH, e.lane(), e.role() == EventRole.CONNECTION ? null : e.runId(),
                "the server reports user " + e.userId() + " " + where + " (" + e.type() + "), but the token's user is "
                        + laneUser + "; its events are not also reported as leak-owner", List.of(e.frame()));
    }

    /** A run (or marker) of another tab of the lane's own user: no leak, but said once per run. */
    private void otherTab(LaneIsolation lane, AgentEvent e, String fromLane, String laneUser) {
        String key = e.runId() != null ? "tab-run:" + e.runId() : "tab-thread:" + e.threadId();
        if (!lane.reported.add(key)) {
            return;
        }
        String what = (e.type() == null ? "a frame" : e.type()) + (e.runId() == null ? "" : " of run " + e.runId());
        String from = fromLane == null ? "another connection of " + laneUser : fromLane;
        if (toAllConnections) {
            log.raise(Rule.OTHER_TAB, e.lane(), e.runId(), e.lane() + " received " + what + " that " + from
                    + " asked for: delivered to this other connection of " + laneUser + ", as the profile says the "
                    + "backend sends a user's events to all of the user's connections", List.of(e.frame()));
        } else {
            log.raise(Rule.CROSS_TAB, e.lane(), e.runId(), e.lane() + " received " + what + " that " + from
                    + " asked for: the backend should answer only the connection that asked (same user " + laneUser
                    + ", so no leak)", List.of(e.frame()));
        }
    }

    private void report(LaneIsolation lane, AgentEvent e, String owner, String laneUser, boolean wrongUser,
                        boolean foreignRun, List<MarkerOwner> markers) {
        String key = e.runId() != null ? "run:" + e.runId()
                : foreignRun ? "thread:" + e.threadId()
                : wrongUser ? "user:" + e.userId()
                : "canary:" + markers.get(0).marker();
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
                    + (e.userId() != null && IdText.sameUser(e.userId(), laneUser) ? " (relabelled as " + laneUser + ")" : ""));
        }
        for (MarkerOwner marker : markers) {
            evidence.add("it carries " + marker.user() + "'s prompt marker " + marker.marker());
        }
        String whose = foreignRun ? userOf.apply(owner) + "'s "
                : markers.isEmpty() ? "" : markers.get(0).user() + "'s ";
        log.raise(rule, e.lane(), e.runId(), e.lane() + " received " + whose + what + ": "
                + String.join(", ", evidence), List.of(e.frame()));
    }

    /** True when the reported id is the user's, or a cut {@code prefix...} of it. */
    static boolean sameUser(String reported, String user) {
        return IdText.sameUser(reported, user);
    }
}
